/**
 * /api/queries: the query library (built-in and saved), running a query with checked parameters,
 * and analysts saving, changing and deleting their own.
 */
import { z } from 'zod';
import { assertAnalystCypher, assertMayRunQuery } from '../../cypher/analyst-switch.ts';
import { parseInput } from '../../http/validate.ts';
import { formatHeader } from '../../queries/header.ts';
import { QuerySummary } from '../../model/query-spec.ts';
import type { CatalogueEntry } from '../../queries/catalogue.ts';
import { runSavedQuery } from '../../queries/runner.ts';
import { SavedQueryInput } from '../../queries/user-queries.ts';
import type { GraphStore } from '../../store/types.ts';
import { errors, failures } from '../errors-doc.ts';
import { defineRoute, type ApiDeps } from '../route.ts';
import { QueryResultSchema } from '../schemas.ts';
import { DamagedFileSchema } from '../../model/wire.ts';

export const QueryName = z.object({ name: z.string().min(1).max(64) });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const RunBody = z.object({ params: z.record(z.string(), z.unknown()).default({}) }).meta({ id: 'RunQuery' });

export { QuerySummary };
export const QueryDetail = QuerySummary.extend({
  dialect: z.enum(['ladybug', 'neo4j']),
  query: z.string().describe('the Cypher the active store runs'),
  source: z.string().describe('the query as a .cypher file: header and Cypher'),
}).meta({ id: 'QueryDetail' });

function summary(entry: CatalogueEntry): z.infer<typeof QuerySummary> {
  const { texts: _texts, ...rest } = entry;
  return rest;
}

/** Refuses analysts' own Cypher (ad hoc, and saving or running their queries) when ANALYST_CYPHER is off. */
export const requireAnalystCypher = ({ analystCypher }: ApiDeps): void => assertAnalystCypher(analystCypher);

const detail = (store: GraphStore, entry: CatalogueEntry): z.infer<typeof QueryDetail> => {
  const query = entry.texts[store.dialect.name];
  return { ...summary(entry), dialect: store.dialect.name, query, source: `${formatHeader(entry)}\n\n${query}\n` };
};
const params = { schema: QueryName, what: 'query name' };

export const queriesRoutes = [
  defineRoute({
    method: 'get',
    path: '/queries',
    permission: 'graph:read',
    summary: 'The query library: built-in and saved queries with their parameters',
    output: {
      status: 200,
      description: 'every query, and the saved-query files that could not be read',
      schema: z.object({
        queries: z.array(QuerySummary),
        damaged: z.array(DamagedFileSchema).describe('saved-query files the server could not read, with why'),
      }),
    },
    errors: { ...failures },
    handler: async (_input, { queries }) => {
      const { entries, damaged } = await queries.listWithDamage();
      return { queries: entries.map(summary), damaged };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/queries/:name',
    permission: 'graph:read',
    summary: 'One query, with its Cypher for the active store',
    input: { params, query: { schema: VersionQuery, what: 'version' } },
    output: { status: 200, description: 'the query', schema: QueryDetail },
    errors: { 404: errors[404], ...failures },
    handler: async ({ params, query }, { store, queries }) =>
      detail(store, await queries.get(params.name, query.version)),
  }),
  defineRoute({
    method: 'get',
    path: '/queries/:name/versions',
    permission: 'graph:read',
    summary: 'The saved versions of an analyst’s query',
    input: { params },
    output: {
      status: 200,
      description: 'its versions, oldest first',
      schema: z.object({
        name: z.string(),
        versions: z.array(z.object({ version: z.number(), savedAt: z.string(), title: z.string() })),
      }),
    },
    errors: { 404: errors[404], ...failures },
    handler: async ({ params }, { queries }) => ({ name: params.name, versions: await queries.versions(params.name) }),
  }),
  defineRoute({
    method: 'post',
    path: '/queries/:name/run',
    permission: 'graph:read',
    audit: {
      action: 'query.run',
      note: ({ input, answer }) => ({
        targets: input && [input.params.name],
        details: { name: input?.params.name, params: input?.body.params, rows: answer?.rows.length },
      }),
    },
    summary: 'Run a query with parameters checked against its declaration',
    input: { params, body: { schema: RunBody, what: 'request body', orEmpty: true } },
    output: { status: 200, description: 'table and graph', schema: QueryResultSchema },
    errors: { 400: errors[400], 403: errors[403], 404: errors[404], ...failures },
    description:
      'A built-in query answers at the caller’s clearance (the runner supplies `$visible`); an analyst’s saved query is raw Cypher: it needs cypher:raw and a clearance at or above the highest marking in the store (403 forbidden otherwise).',
    handler: async ({ params, body }, { store, queries, analystCypher }, { actor }) => {
      const entry = await queries.get(params.name);
      assertMayRunQuery(entry, analystCypher);
      return runSavedQuery(store, entry, body.params, actor);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/queries',
    permission: 'cypher:raw',
    audit: {
      action: 'query.save',
      note: ({ input, answer }) => ({
        targets: input && [input.body.name],
        details: { version: answer?.version, query: input?.body.query },
      }),
    },
    summary: 'Save an analyst’s own query (checked on the active store: read-only, parameters declared)',
    guard: requireAnalystCypher,
    input: { body: { schema: SavedQueryInput, what: 'query' } },
    output: { status: 201, description: 'saved as version 1', schema: QueryDetail },
    errors: { 400: errors[400], 403: errors[403], 409: errors[409], ...failures },
    handler: async ({ body }, { store, queries }) => detail(store, await queries.save(body, false)),
  }),
  defineRoute({
    method: 'put',
    path: '/queries/:name',
    permission: 'cypher:raw',
    audit: {
      action: 'query.save',
      note: ({ input, answer }) => ({
        targets: input && [input.params.name],
        details: { version: answer?.version, query: (input?.body as { query?: unknown } | undefined)?.query },
      }),
    },
    summary: 'Save a new version of an analyst’s query',
    guard: requireAnalystCypher,
    // documented without the name, which the path gives; parsed with it below
    input: { params, body: { schema: SavedQueryInput.partial({ name: true }), what: 'query', parsedByHandler: true } },
    output: { status: 200, description: 'the new version', schema: QueryDetail },
    errors: { 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409], ...failures },
    handler: async ({ params, body }, { store, queries }) => {
      const input = parseInput(SavedQueryInput, { ...(body as object), name: params.name }, 'query');
      return detail(store, await queries.save(input, true));
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/queries/:name',
    permission: 'cypher:raw',
    audit: { action: 'query.delete', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'Delete an analyst’s query and its history',
    input: { params },
    guard: requireAnalystCypher,
    output: { status: 204, description: 'deleted' },
    errors: { 404: errors[404], 409: errors[409], ...failures },
    handler: async ({ params }, { queries }) => {
      await queries.remove(params.name);
    },
  }),
];
