/** GET /api/nodes/:id, GET /api/nodes/:id/neighbors and GET /api/nodes/:id/neighbors/counts */
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ErrorSchema, NodeIdParam } from '../schemas.ts';
import { NeighbourhoodSchema, NodeDetailsSchema } from '../../model/wire.ts';
import { nodeOrFate } from '../../changes/node-lookup.ts';
import { NeighboursQuery, neighbours } from '../../graph/neighbourhood.ts';
import { NeighbourCountsQuery, neighbourCounts } from '../../graph/neighbour-counts.ts';
import { NeighbourCountsSchema } from '../../model/expansion.ts';

const params = { schema: NodeIdParam, what: 'node id' };

export const nodesRoutes = [
  defineRoute({
    method: 'get',
    path: '/nodes/:id',
    permission: 'graph:read',
    audit: { action: 'graph.node', note: ({ input }) => ({ targets: input && [input.params.id] }) },
    summary: 'A node with its properties, provenance and degree',
    input: { params },
    output: { status: 200, description: 'the node', schema: NodeDetailsSchema },
    description:
      'A deleted id is 410 gone (details: id, version, at, author) when the caller may see its last version; a merged id answers with the survivor and `redirect` saying where it went.',
    errors: {
      400: errors[400],
      404: errors[404],
      410: json(ErrorSchema, 'gone: deleted by hand (details: id, version, at, author)'),
      ...failures,
    },
    handler: ({ params }, { store, changes }, { actor }) => nodeOrFate(store, changes, params.id, actor.clearance),
  }),
  defineRoute({
    method: 'get',
    path: '/nodes/:id/neighbors',
    permission: 'graph:read',
    audit: {
      action: 'graph.neighbours',
      note: ({ input, answer }) => ({
        targets: input && [input.params.id],
        details: { ...input?.query, nodes: answer?.nodes.length, links: answer?.edges.length },
      }),
    },
    summary: 'The neighbourhood of a node as a graphology subgraph',
    input: { params, query: { schema: NeighboursQuery, what: 'neighbours query' } },
    output: { status: 200, description: 'nodes and relationships', schema: NeighbourhoodSchema },
    errors: { 400: errors[400], 404: errors[404], ...failures },
    handler: ({ params, query }, { store }, { actor }) => neighbours(store, params.id, query, actor.clearance),
  }),
  defineRoute({
    method: 'get',
    path: '/nodes/:id/neighbors/counts',
    permission: 'graph:read',
    audit: {
      action: 'graph.neighbour-counts',
      note: ({ input, answer }) => ({
        targets: input && [input.params.id],
        details: { ...input?.query, total: answer?.total },
      }),
    },
    summary: 'What expanding a node would bring: its neighbours per kind and links per kind, counted',
    description:
      'The preview of "expand all": distinct neighbours per node kind and relationships per relationship kind, at the caller\'s clearance (withheld neighbours and links are not counted). A withheld id is the same 404 as an unknown one.',
    input: { params, query: { schema: NeighbourCountsQuery, what: 'neighbour counts query' } },
    output: { status: 200, description: 'the counts', schema: NeighbourCountsSchema },
    errors: { 400: errors[400], 404: errors[404], ...failures },
    handler: ({ params, query }, { store }, { actor }) => neighbourCounts(store, params.id, query, actor.clearance),
  }),
];
