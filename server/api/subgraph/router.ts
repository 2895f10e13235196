/** POST /api/subgraph — the nodes with the given ids and the relationships among them. */
import { Router } from 'express';
import type { GraphStore } from '../../store/types.ts';
import { parseInput } from '../../http/validate.ts';
import { SubgraphBody, subgraphAmong } from '../../graph/induced-subgraph.ts';

export function subgraphRouter(store: GraphStore): Router {
  return Router().post('/subgraph', async (req, res) => {
    const { ids } = parseInput(SubgraphBody, req.body, 'subgraph request');
    const { nodes, edges, missing } = await subgraphAmong(store, ids);
    res.json({ nodes, edges, missing });
  });
}
