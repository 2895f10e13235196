/**
 * Request shapes shared by several endpoints. The answers' shapes are the wire schemas
 * (server/model/wire.ts), which the client's types come from too; re-exported here for the
 * modules that take them from the API.
 */
import { z } from 'zod';

export {
  ErrorSchema,
  QueryResultSchema,
  SerializedEdgeSchema,
  SerializedNodeSchema,
  SubgraphShape,
} from '../model/wire.ts';

export const NodeIdParam = z.object({ id: z.string().min(1).max(300).describe('node id, e.g. centre:na-2024-01') });
