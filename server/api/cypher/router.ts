/** POST /api/cypher: an analyst's own read-only Cypher, checked and limited like saved queries. */
import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../../http/validate.ts';
import { runCypher } from '../../queries/runner.ts';
import type { GraphStore } from '../../store/types.ts';
import { requireAnalystCypher } from '../queries/router.ts';

export const CypherBody = z
  .object({
    query: z.string().min(1).max(100_000).describe('one read-only Cypher statement'),
    params: z.record(z.string(), z.unknown()).default({}).describe('values for its $parameters'),
  })
  .meta({ id: 'CypherRequest' });

export function cypherRouter(store: GraphStore, analystCypher: boolean): Router {
  return Router().post('/cypher', requireAnalystCypher(analystCypher), async (req, res) => {
    const { query, params } = parseInput(CypherBody, req.body, 'request body');
    res.json(await runCypher(store, query, params));
  });
}
