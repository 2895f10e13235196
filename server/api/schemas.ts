/**
 * Response shapes shared by several endpoints. The same zod schemas document the API (OpenAPI)
 * and check responses in the tests, so the documentation cannot drift from what is sent.
 */
import { z } from 'zod';
import { SubgraphShape } from '../graph/wire.ts';

const Json: z.ZodType<unknown> = z.unknown();

// The graph's own wire shapes live with the graph services, which answer in them.
export { SerializedEdgeSchema, SerializedNodeSchema, SubgraphShape } from '../graph/wire.ts';

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: Json }),
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
