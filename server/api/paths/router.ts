/** GET /api/paths */
import { Router } from 'express';
import type { GraphStore } from '../../store/types.ts';
import { parseInput } from '../../http/validate.ts';
import { PathsQuery, shortestPaths } from '../../graph/shortest-paths.ts';

export function pathsRouter(store: GraphStore): Router {
  return Router().get('/paths', async (req, res) => {
    res.json(await shortestPaths(store, parseInput(PathsQuery, req.query, 'paths query')));
  });
}
