/** GET /api/paths */
import { errors, failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { PathsResponseSchema } from '../../model/wire.ts';
import { PathsQuery, shortestPaths } from '../../graph/shortest-paths.ts';

export const pathsRoutes = [
  defineRoute({
    method: 'get',
    path: '/paths',
    permission: 'graph:read',
    audit: {
      action: 'graph.paths',
      note: ({ input, answer }) => ({
        targets: input && [input.query.from, input.query.to],
        details: { ...input?.query, paths: answer?.paths.length },
      }),
    },
    summary: 'All shortest paths between two nodes, each with its weakest grade',
    input: { query: { schema: PathsQuery, what: 'paths query' } },
    output: { status: 200, description: 'the paths and their subgraph', schema: PathsResponseSchema },
    errors: { 400: errors[400], 404: errors[404], ...failures },
    handler: ({ query }, { store }, { actor }) => shortestPaths(store, query, actor.clearance),
  }),
];
