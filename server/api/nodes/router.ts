/** GET /api/nodes/:id and GET /api/nodes/:id/neighbors */
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ErrorSchema, NodeIdParam } from '../schemas.ts';
import { NeighbourhoodSchema, NodeDetailsSchema } from '../../model/wire.ts';
import { nodeOrFate } from '../../changes/node-lookup.ts';
import { NeighboursQuery, neighbours } from '../../graph/neighbourhood.ts';

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
];
