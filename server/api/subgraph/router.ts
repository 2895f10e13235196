/** POST /api/subgraph — the nodes with the given ids and the relationships among them. */
import { errors, failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { InducedSubgraphSchema } from '../../model/wire.ts';
import { SubgraphBody, subgraphAmong } from '../../graph/induced-subgraph.ts';

export const subgraphRoutes = [
  defineRoute({
    method: 'post',
    path: '/subgraph',
    permission: 'graph:read',
    audit: {
      action: 'graph.subgraph',
      note: ({ input, answer }) => ({
        targets: input?.body.ids,
        details: { ids: input?.body.ids.length, nodes: answer?.nodes.length, missing: answer?.missing.length },
      }),
    },
    summary: 'The nodes with the given ids and every relationship among them (how the client reopens a shared link)',
    input: { body: { schema: SubgraphBody, what: 'subgraph request' } },
    output: {
      status: 200,
      description: 'the induced subgraph; `missing` lists ids that name no node',
      schema: InducedSubgraphSchema,
    },
    errors: { 400: errors[400], ...failures },
    handler: async ({ body }, { store }, { actor }) => {
      // a withheld node is `missing`, exactly like one that does not exist
      const { nodes, edges, missing } = await subgraphAmong(store, body.ids, actor.clearance);
      return { nodes, edges, missing };
    },
  }),
];
