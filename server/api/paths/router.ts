/** GET /api/paths (two nodes) and POST /api/paths/connecting (the connecting network of several) */
import { errors, failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ConnectingResponseSchema, PathsResponseSchema } from '../../model/wire.ts';
import { ConnectingBody, connectingNetwork } from '../../graph/connecting-network.ts';
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
  defineRoute({
    method: 'post',
    path: '/paths/connecting',
    permission: 'graph:read',
    audit: {
      action: 'graph.connecting',
      note: ({ input, answer }) => ({
        targets: input?.body.ids,
        details: {
          ids: input?.body.ids.length,
          maxHops: input?.body.maxHops,
          pairs: answer?.pairs.length,
          unconnected: answer?.unconnected.length,
          paths: answer?.pairs.reduce((n, p) => n + p.paths.length, 0),
          limited: answer?.limited,
        },
      }),
    },
    summary:
      'The connecting network of several nodes: the shortest paths between every pair within maxHops, each with its weakest grade',
    input: { body: { schema: ConnectingBody, what: 'connecting-network request' } },
    output: {
      status: 200,
      description:
        'the union of the paths as a subgraph, the paths of each connected pair, and the pairs not connected',
      schema: ConnectingResponseSchema,
    },
    errors: { 400: errors[400], 404: errors[404], ...failures },
    handler: ({ body }, { store }, { actor }) => connectingNetwork(store, body, actor.clearance),
  }),
];
