/**
 * The serialised graph on the wire (graphology's format): the services' response schemas build on
 * these, the API documents them (OpenAPI) and the tests check responses with them.
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
