/** GET /api/search */
import { errors, failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { SearchResponseSchema } from '../../model/wire.ts';
import { SearchQuery, search } from '../../graph/search.ts';

export const searchRoutes = [
  defineRoute({
    method: 'get',
    path: '/search',
    permission: 'graph:read',
    audit: {
      action: 'graph.search',
      note: ({ input, answer }) => ({
        targets: answer?.results.map((r) => r.id),
        details: { terms: input?.query.q, kinds: input?.query.kinds ?? null, results: answer?.results.length },
      }),
    },
    summary: 'Ranked, case- and accent-insensitive search on names and aliases',
    input: { query: { schema: SearchQuery, what: 'search query' } },
    output: { status: 200, description: 'matches, best first', schema: SearchResponseSchema },
    errors: { 400: errors[400], ...failures },
    handler: ({ query }, { store }, { actor }) => search(store, query, actor.clearance),
  }),
];
