/**
 * Response shapes shared by several endpoints. The same zod schemas document the API (OpenAPI)
 * and check responses in the tests, so the documentation cannot drift from what is sent.
 */
import { z } from 'zod';

const Json: z.ZodType<unknown> = z.unknown();

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

export const NodeIdParam = z.object({ id: z.string().min(1).max(300).describe('node id, e.g. centre:na-2024-01') });

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
