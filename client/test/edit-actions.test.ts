/**
 * A write's answer on the canvas, without a browser: a new entity arrives as the server serialises
 * it, an edit replaces the drawn attributes (a cleared property goes) but keeps where the node is,
 * a new link between drawn nodes is drawn, and a delete takes the node and its links away — against
 * a fake of the one call it makes (the subgraph the server would send).
 */
import { describe, expect, it } from 'vitest';
import type { EditResult, InducedSubgraph } from '../src/api/client.ts';
import { showEditResult, type EditApi } from '../src/state/edit-actions.ts';
import { GraphSession } from '../src/state/graph-session.ts';

type Node = InducedSubgraph['nodes'][number];
type Edge = InducedSubgraph['edges'][number];

/** The server's graph as the subgraph call would send it, for the ids asked for. */
function serverOf(nodes: Node[], edges: Edge[]): EditApi & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    subgraph: (ids: string[]) => {
      asked.push(ids);
      const keep = nodes.filter((n) => ids.includes(n.key));
      const keys = new Set(keep.map((n) => n.key));
      return Promise.resolve({
        nodes: keep,
        edges: edges.filter((e) => keys.has(e.source) && keys.has(e.target)),
        missing: ids.filter((id) => !keys.has(id)),
      });
    },
  };
}
const node = (key: string, kind: string, extra: Record<string, unknown> = {}): Node =>
  ({ key, attributes: { kind, label: key, ...extra } }) as Node;
const result = (over: Partial<EditResult>): EditResult => ({
  entity: 'node',
  id: 'x',
  record: {},
  revision: {
    entity: 'node',
    id: 'x',
    version: 1,
    at: '2026-12-03T10:00:00Z',
    author: 'ana',
    action: 'create',
    changes: [],
    record: {},
    tlp: 'CLEAR',
  },
  createdSources: [],
  removedRelationships: [],
  ...over,
});

describe('a write on the canvas', () => {
  it('draws a new entity beside what is there, and a new link between drawn nodes', async () => {
    const session = new GraphSession();
    session.addSubgraph({ nodes: [node('country:NA', 'Country')], edges: [] });
    const link = { key: 'l1', source: 'country:NA', target: 'centre:c', attributes: { kind: 'TRAFFICKED_TO' } } as Edge;
    let server = serverOf([node('country:NA', 'Country'), node('centre:c', 'Centre', { status: 'active' })], []);
    await showEditResult(session, server, result({ id: 'centre:c', record: { id: 'centre:c' } }));
    expect(session.graph.nodes().sort()).toEqual(['centre:c', 'country:NA']);
    expect(session.graph.getNodeAttribute('centre:c', 'status')).toBe('active');

    server = serverOf([node('country:NA', 'Country'), node('centre:c', 'Centre')], [link]);
    await showEditResult(
      session,
      server,
      result({ entity: 'relationship', id: 'l1', record: { id: 'l1', from: 'country:NA', to: 'centre:c' } }),
    );
    expect(server.asked).toEqual([['country:NA', 'centre:c']]);
    expect(session.graph.edges()).toEqual(['l1']);
  });

  it('replaces an edited node’s attributes in place: a cleared property goes, its position and pin stay', async () => {
    const session = new GraphSession();
    session.addSubgraph({ nodes: [node('centre:c', 'Centre', { city: 'Old', workforce: 3 })], edges: [] });
    session.edit(() => session.graph.mergeNodeAttributes('centre:c', { x: 5, y: 7, fixed: true }), false);
    const server = serverOf([node('centre:c', 'Centre', { workforce: 4 })], []);
    await showEditResult(session, server, result({ id: 'centre:c', record: { id: 'centre:c', workforce: 4 } }));
    const a = session.graph.getNodeAttributes('centre:c');
    expect(a).toMatchObject({ workforce: 4, x: 5, y: 7, fixed: true });
    expect(a).not.toHaveProperty('city');
    // one undo step takes the refresh back
    session.undo();
    expect(session.graph.getNodeAttribute('centre:c', 'city')).toBe('Old');
  });

  it('takes a deleted node away with its links, and a deleted link alone', async () => {
    const session = new GraphSession();
    session.addSubgraph({
      nodes: [node('a', 'Country'), node('b', 'Centre'), node('c', 'Centre')],
      edges: [
        { key: 'ab', source: 'a', target: 'b', attributes: { kind: 'TRAFFICKED_TO' } },
        { key: 'ac', source: 'a', target: 'c', attributes: { kind: 'TRAFFICKED_TO' } },
      ] as Edge[],
    });
    const server = serverOf([], []);
    await showEditResult(session, server, result({ entity: 'relationship', id: 'ac', record: null }));
    expect(session.graph.edges()).toEqual(['ab']);
    await showEditResult(session, server, result({ id: 'b', record: null, removedRelationships: ['ab'] }));
    expect(session.graph.nodes()).toEqual(['a', 'c']);
    expect(session.graph.size).toBe(0);
    expect(server.asked).toEqual([]);
  });
});
