/**
 * The shapes the API sends, as zod schemas: the routes declare their answers with them (and the
 * type checker holds each handler to its schema), the OpenAPI document shows them, and the client
 * takes its response types from them with `import type` (no zod in its bundle). One description
 * of the wire, so the server's and the client's idea of an answer cannot drift apart.
 */
import { z } from 'zod';

/** A JSON value. What arrives over HTTP is JSON, so the unknown a parser sees is one of these. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
const Json = z.unknown() as unknown as z.ZodType<JsonValue>;

export const SerializedNodeSchema = z
  .object({
    key: z.string(),
    attributes: z.object({ kind: z.string(), label: z.string() }).catchall(Json),
  })
  .meta({ id: 'Node', description: 'A node in graphology’s serialised format' });

export const SerializedEdgeSchema = z
  .object({
    key: z.string(),
    source: z.string(),
    target: z.string(),
    attributes: z.object({ kind: z.string() }).catchall(Json),
  })
  .meta({ id: 'Edge', description: 'A relationship in graphology’s serialised format' });

export const SubgraphShape = {
  nodes: z.array(SerializedNodeSchema),
  edges: z.array(SerializedEdgeSchema),
};

/** graphology's serialised format, so a client can `graph.import()` a result as it comes. */
export type SerializedNode = z.infer<typeof SerializedNodeSchema>;
export type SerializedEdge = z.infer<typeof SerializedEdgeSchema>;
export interface SerializedGraph {
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: Json,
      /** present (true) when the same request may succeed if sent again a little later */
      retriable: z.literal(true).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorSchema>;

export const QueryResultSchema = z
  .object({
    columns: z.array(z.string()),
    rows: z
      .array(z.record(z.string(), Json))
      .describe('nodes, relationships and paths appear as {$type, key, …} references into graph'),
    graph: z.object(SubgraphShape),
    truncated: z.boolean().describe('true when QUERY_MAX_ROWS cut the result'),
    elapsedMs: z.number().int(),
  })
  .meta({ id: 'QueryResult' });
export type QueryResult = z.infer<typeof QueryResultSchema>;

// ---- answers of the graph endpoints -------------------------------------------------------
// (The graph services declare the same shapes next to their code today; the routes answer with
// these, so the type checker holds the services to them.)

export const SourceRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  file: z.string().nullable(),
  url: z.string().nullable(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const NodeDetailsSchema = z
  .object({
    node: SerializedNodeSchema,
    degree: z.number().int().describe('relationships in either direction'),
    degreeByRelKind: z.record(z.string(), z.number().int()),
    degreeByKind: z.record(z.string(), z.number().int()).describe('neighbours by node kind'),
    provenance: z.object({
      sources: z
        .array(SourceRefSchema)
        .describe('the cited documents; ids that match no Source are listed with name = id'),
      // null when the stored node has no such property (a Neo4j graph written by other tools)
      grade: z.string().nullable(),
      tlp: z.string().nullable(),
      firstSeen: z.string().nullable(),
      lastSeen: z.string().nullable(),
      synthetic: z.boolean(),
      excerpt: z.string().nullable().describe('the passage of the cited source that supports this'),
    }),
    /** the version of its last recorded change (0: never edited by hand): PATCH's `expectedVersion` */
    version: z.number().int().min(0).optional(),
    /** the answer for an id merged into another: the survivor's details, and where the id went */
    redirect: z
      .object({ from: z.string(), mergeId: z.string(), at: z.string(), author: z.string() })
      .optional()
      .describe('set when the id asked for was merged: `node` is the survivor'),
  })
  .meta({ id: 'NodeDetails' });
export type NodeDetails = z.infer<typeof NodeDetailsSchema>;

/** GET /api/relationships/:id: a link with its provenance spelled out, as NodeDetails does for a node. */
export const RelationshipDetailsSchema = z
  .object({
    edge: SerializedEdgeSchema,
    provenance: NodeDetailsSchema.shape.provenance,
    version: z.number().int().min(0).optional(),
  })
  .meta({ id: 'RelationshipDetails' });
export type RelationshipDetails = z.infer<typeof RelationshipDetailsSchema>;

export const NeighbourhoodSchema = z
  .object({
    ...SubgraphShape,
    truncated: z.boolean().describe('true when `limit` cut the neighbourhood'),
    total: z.number().int().nullable().describe('for depth 1: how many neighbours match in all'),
  })
  .meta({ id: 'Neighbourhood' });
export type Neighbourhood = z.infer<typeof NeighbourhoodSchema>;

/** How many shortest paths /api/paths lists at most. */
export const MAX_PATHS = 25;

export const PathInfoSchema = z.object({
  nodes: z.array(z.string()),
  edges: z.array(z.string()),
  hops: z.number().int(),
  weakestGrade: z
    .string()
    .nullable()
    .describe('the weakest Admiralty grade among its nodes and relationships (both are claims a source vouches for)'),
  synthetic: z.boolean().describe('true when any node or relationship on it is synthetic (illustrative)'),
});
export type PathInfo = z.infer<typeof PathInfoSchema>;

export const PathsResponseSchema = z
  .object({
    ...SubgraphShape,
    paths: z.array(PathInfoSchema),
    truncated: z.boolean().describe(`true when there were more than ${MAX_PATHS} shortest paths`),
  })
  .meta({ id: 'Paths' });
export type PathsResponse = z.infer<typeof PathsResponseSchema>;

/** How many node ids a connecting-network request may name (i2's "find connecting network"). */
export const MAX_CONNECT_IDS = 20;
/** The most paths one connecting-network answer lists over all its pairs: the per-pair limit shrinks to fit. */
export const MAX_CONNECT_PATHS = 400;

export const ConnectingPairSchema = z.object({
  from: z.string(),
  to: z.string(),
  paths: z.array(PathInfoSchema).describe('the shortest paths between the two, at most pathsPerPair'),
  truncated: z.boolean().describe('true when the pair has more shortest paths than listed'),
});
export type ConnectingPair = z.infer<typeof ConnectingPairSchema>;

export const ConnectingResponseSchema = z
  .object({
    ...SubgraphShape,
    pairs: z.array(ConnectingPairSchema).describe('every pair connected within maxHops, in the order of the ids'),
    unconnected: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .describe('pairs with no path within maxHops through what the reader may see'),
    unsearched: z
      .array(z.object({ from: z.string(), to: z.string() }))
      .describe('pairs not searched because the request used up its time (CONNECT_BUDGET_MS): ask for fewer ids'),
    maxHops: z.number().int(),
    pathsPerPair: z
      .number()
      .int()
      .describe(
        `the paths listed per pair at most: as asked, or less so that all pairs list ${MAX_CONNECT_PATHS} at most`,
      ),
    limited: z.boolean().describe('true when pathsPerPair is below what was asked, to bound the work'),
    truncated: z
      .boolean()
      .describe('true when some pair had more shortest paths than listed, or some pairs were not searched'),
  })
  .meta({ id: 'ConnectingNetwork' });
export type ConnectingResponse = z.infer<typeof ConnectingResponseSchema>;

export const SEARCH_MATCHES = ['name', 'alias', 'name prefix', 'alias prefix', 'word prefix', 'substring'] as const;

export const SearchHitSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  match: z.enum(SEARCH_MATCHES).describe('how it matched, best first'),
  countries: z.array(z.string()).describe('where it is (centres) or whose national it is (facilitators)'),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResponseSchema = z
  .object({ query: z.string(), results: z.array(SearchHitSchema) })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const InducedSubgraphSchema = z
  .object({ ...SubgraphShape, missing: z.array(z.string()).describe('ids asked for that name no node') })
  .meta({ id: 'InducedSubgraph' });
export type InducedSubgraph = z.infer<typeof InducedSubgraphSchema>;

// ---- the server and the domain model ------------------------------------------------------

export const HealthSchema = z
  .object({
    status: z
      .enum(['ok', 'degraded'])
      .describe('degraded while the graph engine restarts: the server answers, the graph does not'),
    backend: z.enum(['embedded', 'neo4j']),
    nodes: z.number().int().optional(),
    relationships: z.number().int().optional(),
    store: z.enum(['starting', 'ready', 'restarting', 'closed']).optional().describe('set when the store is not ready'),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;

const Property = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  description: z.string().optional(),
  values: z.array(z.string()).optional().describe('the allowed values, for an enum'),
});
export const SchemaSchema = z
  .object({
    nodeKinds: z.array(
      z.object({ kind: z.string(), idPrefix: z.string(), description: z.string(), properties: z.array(Property) }),
    ),
    relationshipKinds: z.array(
      z.object({
        kind: z.string(),
        description: z.string(),
        endpoints: z.array(z.object({ from: z.string(), to: z.string() })),
        properties: z.array(Property),
      }),
    ),
  })
  .meta({ id: 'Schema' });
export type SchemaInfo = z.infer<typeof SchemaSchema>;

/** A saved file (workspace) the server could not read: listed by name with why, never silently dropped. */
export const DamagedFileSchema = z
  .object({
    name: z.string(),
    reason: z.string().describe('what is wrong with it, e.g. "not JSON" or the first field that fails its schema'),
  })
  .meta({ id: 'DamagedFile' });
export type DamagedFile = z.infer<typeof DamagedFileSchema>;
