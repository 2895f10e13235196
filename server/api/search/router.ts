/** GET /api/search */
import { Router } from 'express';
import type { GraphStore } from '../../store/types.ts';
import { parseInput } from '../../http/validate.ts';
import { SearchQuery, search } from '../../graph/search.ts';

export function searchRouter(store: GraphStore): Router {
  return Router().get('/search', async (req, res) => {
    res.json(await search(store, parseInput(SearchQuery, req.query, 'search query')));
  });
}
