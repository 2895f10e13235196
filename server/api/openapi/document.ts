/**
 * The OpenAPI document, generated from the same zod schemas the routes validate with, so the
 * documentation and the code cannot drift apart.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { HealthSchema } from '../health/router.ts';
import { NodeDetails } from '../../graph/node-details.ts';
import { NeighboursQuery, Subgraph } from '../../graph/neighbourhood.ts';
import { PathsQuery, PathsResponse } from '../../graph/shortest-paths.ts';
import { ErrorSchema, NodeIdParam, QueryResultSchema } from '../schemas.ts';
import { CypherBody } from '../cypher/router.ts';
import { QueryDetail, QueryName, QuerySummary, RunBody, VersionQuery } from '../queries/router.ts';
import { SavedQueryInput } from '../../queries/user-queries.ts';
import { SchemaSchema } from '../schema/router.ts';
import { SearchQuery, SearchResponse } from '../../graph/search.ts';
import { InducedSubgraph, SubgraphBody } from '../../graph/induced-subgraph.ts';
import { WorkspaceParam } from '../workspaces/router.ts';
import { Workspace, WorkspaceInput, WorkspaceSummary } from '../workspaces/workspace-store.ts';
import { ExportHeaders } from '../export/router.ts';
import { ExportRequest } from '../../export/request.ts';
import { ImportQuery, ImportSummarySchema, ImportUpload } from '../import/router.ts';
import { BackupMade } from '../backups/router.ts';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(
    ErrorSchema,
    'invalid input: `error.code` is validation_error (with `details` listing each problem) or bad_request',
  ),
  404: json(ErrorSchema, 'no such node or query'),
  403: json(
    ErrorSchema,
    'refused: `error.code` names why — write_not_allowed, file_access, settings_not_allowed, transaction_not_allowed, procedure_not_allowed, operation_not_allowed',
  ),
  409: json(ErrorSchema, 'the name is taken (built-in queries cannot be overwritten)'),
};
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
/** What any endpoint may answer when the server or the store fails or is slow. */
const failures = {
  413: json(ErrorSchema, 'the request body is larger than 2 MB'),
  500: json(ErrorSchema, 'the server or the graph store failed'),
  503: json(ErrorSchema, 'the graph store is unavailable'),
  504: json(ErrorSchema, 'the query ran longer than QUERY_TIMEOUT_MS'),
};

export function openApiDocument(version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Store status and graph size',
    responses: { 200: json(HealthSchema, 'the store answers'), ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/schema',
    summary: 'Node kinds with their properties, relationship kinds with their endpoints',
    responses: { 200: json(SchemaSchema, 'the domain schema'), ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    summary: 'Ranked, case- and accent-insensitive search on names and aliases',
    request: { query: SearchQuery },
    responses: { 200: json(SearchResponse, 'matches, best first'), 400: errors[400], ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/nodes/{id}',
    summary: 'A node with its properties, provenance and degree',
    request: { params: NodeIdParam },
    responses: { 200: json(NodeDetails, 'the node'), 400: errors[400], 404: errors[404], ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/nodes/{id}/neighbors',
    summary: 'The neighbourhood of a node as a graphology subgraph',
    request: { params: NodeIdParam, query: NeighboursQuery },
    responses: { 200: json(Subgraph, 'nodes and relationships'), 400: errors[400], 404: errors[404], ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/paths',
    summary: 'All shortest paths between two nodes, each with its weakest grade',
    request: { query: PathsQuery },
    responses: {
      200: json(PathsResponse, 'the paths and their subgraph'),
      400: errors[400],
      404: errors[404],
      ...failures,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/queries',
    summary: 'The query library: built-in and saved queries with their parameters',
    responses: { 200: json(z.object({ queries: z.array(QuerySummary) }), 'every query'), ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/queries/{name}',
    summary: 'One query, with its Cypher for the active store',
    request: { params: QueryName, query: VersionQuery },
    responses: { 200: json(QueryDetail, 'the query'), 404: errors[404], ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/queries/{name}/versions',
    summary: 'The saved versions of an analyst’s query',
    request: { params: QueryName },
    responses: {
      200: json(
        z.object({
          name: z.string(),
          versions: z.array(z.object({ version: z.number(), savedAt: z.string(), title: z.string() })),
        }),
        'its versions, oldest first',
      ),
      404: errors[404],
      ...failures,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/queries/{name}/run',
    summary: 'Run a query with parameters checked against its declaration',
    request: { params: QueryName, ...body(RunBody) },
    responses: {
      200: json(QueryResultSchema, 'table and graph'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      ...failures,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/queries',
    summary: 'Save an analyst’s own query (checked on the active store: read-only, parameters declared)',
    request: body(SavedQueryInput),
    responses: {
      201: json(QueryDetail, 'saved as version 1'),
      400: errors[400],
      403: errors[403],
      409: errors[409],
      ...failures,
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/queries/{name}',
    summary: 'Save a new version of an analyst’s query',
    request: { params: QueryName, ...body(SavedQueryInput.partial({ name: true })) },
    responses: {
      200: json(QueryDetail, 'the new version'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
      ...failures,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/queries/{name}',
    summary: 'Delete an analyst’s query and its history',
    request: { params: QueryName },
    responses: { 204: { description: 'deleted' }, 404: errors[404], 409: errors[409], ...failures },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cypher',
    summary: 'Run ad-hoc read-only Cypher (one statement; time-limited and row-capped)',
    request: body(CypherBody),
    responses: { 200: json(QueryResultSchema, 'table and graph'), 400: errors[400], 403: errors[403], ...failures },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/export',
    summary: 'Export a subgraph as a file: GEXF, GraphML, JSON, CSV (zip), Cypher, i2 ANX, HTML or PDF briefing pack',
    description:
      'Every file carries a manifest (when, by whom — the optional X-Exported-By header —, the selection, the store, a data version, the tool version) and states its highest TLP marking; with `recipientTlp`, items above it are withheld and counted. The server names the file (`<title>-<date>.<ext>`).',
    request: {
      headers: z.object({
        'x-exported-by': z.string().max(100).optional().describe('who exports, for the manifest (else anonymous)'),
      }),
      ...body(ExportRequest),
    },
    responses: {
      200: {
        description: 'the file',
        headers: ExportHeaders,
        content: Object.fromEntries(
          [
            'application/json',
            'application/gexf+xml',
            'application/graphml+xml',
            'application/zip',
            'application/x-cypher-query',
            'application/xml',
            'text/html',
            'application/pdf',
          ].map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }]),
        ),
      },
      400: errors[400],
      403: json(
        ErrorSchema,
        'refused: operation_not_allowed (a saved query while ANALYST_CYPHER=false) or a refusal of the query',
      ),
      404: errors[404],
      413: json(
        ErrorSchema,
        'too_large: the selection holds more than EXPORT_MAX_NODES nodes, or the body is larger than 2 MB',
      ),
      500: failures[500],
      503: json(ErrorSchema, 'store_unavailable, or renderer_unavailable: PDF needs Chromium at /usr/bin/chromium'),
      504: failures[504],
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/import',
    summary: 'Import CSV, JSON (graphology or batch) and NDJSON files in one transaction',
    description:
      'Every row is validated against the domain schema. With onError=abort (default) one bad row refuses the import (400 invalid_import, `details.issues` naming file, line, column and reason) and nothing is written; with onError=skip the good rows are written and the bad listed. Existing records are merged (given properties replaced, sourceIds unioned, firstSeen the earlier, lastSeen the later); importing the same files again changes nothing.',
    request: {
      query: ImportQuery,
      headers: z.object({
        'x-scamnet-request': z
          .literal('1')
          .describe('required with multipart: no page of another origin can send it without a CORS preflight'),
      }),
      body: { content: { 'multipart/form-data': { schema: ImportUpload } } },
    },
    responses: {
      200: json(ImportSummarySchema, 'what was written'),
      403: json(ErrorSchema, 'cross_origin: another origin, or multipart without X-Scamnet-Request'),
      400: json(ErrorSchema, 'invalid_import (details: {issueCount, issues}), validation_error or bad_request'),
      413: json(ErrorSchema, 'too_large: the upload is larger than IMPORT_MAX_BYTES'),
      415: json(ErrorSchema, 'unsupported_format: the body is not multipart/form-data'),
      500: failures[500],
      503: failures[503],
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/backups',
    summary: 'Back up the embedded store while the server runs (what `npm run backup` asks for)',
    description:
      'Writes a consistent copy (writes held back, engine checkpointed) of the store, the saved queries and the workspaces, with a SHA-256 manifest, under DATA_DIR/backups/<name>, at a path the server chooses; `npm run backup` then verifies it, moves it where the operator asked and removes it there.',
    responses: {
      201: json(BackupMade, 'the backup, by the folder name under DATA_DIR/backups'),
      400: json(ErrorSchema, 'bad_request: the Neo4j store is backed up with its own tools'),
      507: json(ErrorSchema, 'insufficient_storage: not enough free space for the copy'),
      ...failures,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/subgraph',
    summary: 'The nodes with the given ids and every relationship among them (how the client reopens a shared link)',
    request: body(SubgraphBody),
    responses: {
      200: json(InducedSubgraph, 'the induced subgraph; `missing` lists ids that name no node'),
      400: errors[400],
      ...failures,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/workspaces',
    summary: 'Saved investigations, newest first',
    responses: { 200: json(z.object({ workspaces: z.array(WorkspaceSummary) }), 'the list'), ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/workspaces/{name}',
    summary: 'One saved investigation: canvas with positions, view, filters, camera, selection',
    request: { params: WorkspaceParam },
    responses: { 200: json(Workspace, 'the workspace'), 404: errors[404], ...failures },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/workspaces/{name}',
    summary: 'Save (or replace) an investigation under a name',
    request: { params: WorkspaceParam, ...body(WorkspaceInput) },
    responses: {
      200: json(Workspace, 'the workspace as saved'),
      400: errors[400],
      409: json(ErrorSchema, 'workspace_limit: WORKSPACE_MAX_COUNT workspaces are saved already'),
      ...failures,
      413: json(ErrorSchema, 'too_large: the workspace is larger than WORKSPACE_MAX_BYTES'),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/workspaces/{name}',
    summary: 'Delete a saved investigation',
    request: { params: WorkspaceParam },
    responses: { 204: { description: 'deleted' }, 404: errors[404], ...failures },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: {
      200: {
        description: 'the OpenAPI 3.1 document',
        content: { 'application/json': { schema: z.object({ openapi: z.string() }).loose() } },
      },
      421: json(ErrorSchema, 'misdirected_request: the Host is not one this server serves'),
    },
  });
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'scamnet API',
      version,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Link analysis of trafficking-fuelled scam centres. Errors are `{error: {code, message, details}}`. Every path answers 421 misdirected_request to a Host it does not serve; POST, PUT, PATCH and DELETE answer 403 cross_origin from another origin (or, without Origin and Referer, unless the body is JSON or X-Scamnet-Request is sent) and 415 unsupported_content_type for bodies other than JSON.',
    },
    servers: [{ url: '/' }],
    // Said, not left out: no operation asks for credentials yet (accounts are planned), and an
    // empty requirement is how OpenAPI writes "anonymous".
    security: [{}],
  });
  // Every operation named, so generated clients and documentation tools have stable handles:
  // the method and the path's words (`post /api/queries/{name}/run` → postQueriesNameRun).
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, { operationId?: string }>)) {
      if (!operation || typeof operation !== 'object' || operation.operationId) continue;
      const words = route
        .replace(/^\/api\//, '')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean);
      operation.operationId = method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
    }
  }
  return document;
}
