/** GET /api/nodes/:id and GET /api/nodes/:id/neighbors */
import { Router } from 'express';
import type { GraphStore } from '../../store/types.ts';
import { parseInput } from '../../http/validate.ts';
import { NodeIdParam } from '../schemas.ts';
import { nodeDetails } from '../../graph/node-details.ts';
import { NeighboursQuery, neighbours } from '../../graph/neighbourhood.ts';

export function nodesRouter(store: GraphStore): Router {
  return Router()
    .get('/nodes/:id', async (req, res) => {
      const { id } = parseInput(NodeIdParam, req.params, 'node id');
      res.json(await nodeDetails(store, id));
    })
    .get('/nodes/:id/neighbors', async (req, res) => {
      const { id } = parseInput(NodeIdParam, req.params, 'node id');
      res.json(await neighbours(store, id, parseInput(NeighboursQuery, req.query, 'neighbours query')));
    });
}
