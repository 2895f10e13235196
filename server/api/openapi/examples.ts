/**
 * Request examples for the OpenAPI document (issue 15, defect 3: the document had none), one per
 * read operation a script or a generated client is likeliest to call first, on the seed graph's
 * ids. test/integration/openapi-valid.test.ts sends each to the server and expects a 2xx, so an
 * example cannot drift from what the route accepts.
 */
export const REQUEST_EXAMPLES: Record<string, { summary: string; value: unknown }> = {
  'post /api/export': {
    summary: 'the Namibia centre and its neighbours two hops out, as GEXF',
    value: {
      format: 'gexf',
      selection: { kind: 'ego', id: 'centre:na-2024-01', depth: 2 },
      title: 'Namibia centre',
      recipientTlp: 'AMBER',
    },
  },
  'post /api/subgraph': {
    summary: 'two nodes and the relationships among them',
    value: { ids: ['centre:na-2024-01', 'country:NA'] },
  },
  'post /api/paths/connecting': {
    summary: 'how a centre and a country connect, within four hops',
    value: { ids: ['centre:na-2024-01', 'country:PH'], maxHops: 4 },
  },
  'post /api/queries/{name}/run': {
    summary: 'a library query with its parameter (here: centre-profile)',
    value: { params: { centre: 'centre:na-2024-01' } },
  },
  'post /api/cypher': {
    summary: 'one read-only statement with a parameter',
    value: { query: 'MATCH (c:Centre {id: $id}) RETURN c.name AS name', params: { id: 'centre:na-2024-01' } },
  },
  'post /api/notes/find': {
    summary: 'the notes on two nodes',
    value: { nodes: ['centre:na-2024-01', 'country:NA'] },
  },
};
