/**
 * The web client core, run in node: the data graph of client/src/core/graph/data-graph.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import {
  collapse,
  createDataGraph,
  mergeSubgraph,
  replaceWith,
  toSerialized,
} from '../../../src/core/graph/data-graph.ts';
import { distance, serializedOf, graphOf } from '../fixtures.ts';

describe('data graph', () => {
  it('places new nodes near the parent and keeps the positions of nodes already there', () => {
    const graph = createDataGraph();
    mergeSubgraph(
      graph,
      serializedOf([
        ['near', 'Country', { x: 0, y: 0 }],
        ['far', 'Country', { x: 1000, y: 1000 }],
      ]),
    );
    const added = mergeSubgraph(
      graph,
      serializedOf(
        [
          ['far', 'Country', { name: 'refreshed' }],
          ['c1', 'Centre'],
          ['c2', 'Centre'],
          ['c3', 'Centre'],
        ],
        [['e1', 'c1', 'far', 'LOCATED_IN']],
      ),
      { parent: 'far' },
    );
    expect(added).toEqual(['c1', 'c2', 'c3']);
    // the existing node keeps its place and takes the new properties
    expect(graph.getNodeAttributes('far')).toMatchObject({ x: 1000, y: 1000, name: 'refreshed' });
    expect(graph.getNodeAttributes('near')).toMatchObject({ x: 0, y: 0 });
    const far = graph.getNodeAttributes('far');
    const near = graph.getNodeAttributes('near');
    const placed = added.map((k) => graph.getNodeAttributes(k));
    for (const p of placed) {
      expect(distance(p, far)).toBeLessThan(distance(p, near));
      expect(distance(p, far)).toBeGreaterThan(0);
    }
    // and apart from each other
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(3);
    expect(graph.hasEdge('e1')).toBe(true);
  });

  it('places the first nodes of an empty canvas around the origin, and keeps positions the subgraph gives', () => {
    const graph = createDataGraph();
    mergeSubgraph(
      graph,
      serializedOf([
        ['a', 'Centre'],
        ['b', 'Centre', { x: 500, y: -20 }],
      ]),
    );
    expect(distance(graph.getNodeAttributes('a'), { x: 0, y: 0 })).toBeLessThan(50);
    expect(graph.getNodeAttributes('b')).toMatchObject({ x: 500, y: -20 });
  });

  it('skips edges whose ends are missing and edges already present', () => {
    const graph = graphOf(
      [
        ['a', 'Centre'],
        ['b', 'Country'],
      ],
      [['e1', 'a', 'b', 'LOCATED_IN']],
    );
    mergeSubgraph(
      graph,
      serializedOf(
        [],
        [
          ['e1', 'a', 'b', 'LOCATED_IN'],
          ['e2', 'a', 'ghost', 'LOCATED_IN'],
          ['e3', 'ghost', 'b', 'TRAFFICKED_TO'],
          ['e4', 'b', 'a', 'TRAFFICKED_TO'],
        ],
      ),
    );
    expect(graph.edges().sort()).toEqual(['e1', 'e4']);
    expect(graph.order).toBe(2);
    expect(graph.source('e4')).toBe('b');
  });

  // graphology's edges(a, b) counts both directions: a leaf held by one edge is collapsed, and a
  // node also linked elsewhere stays (this once counted every edge twice).
  it('collapses the leaves that the node alone holds, and only those', () => {
    const graph = graphOf(
      [
        ['hub', 'Centre'],
        ['leaf', 'Facilitator'],
        ['twice', 'Facilitator'],
        ['shared', 'Country'],
        ['other', 'Centre'],
      ],
      [
        ['e1', 'leaf', 'hub', 'RECRUITS_FOR'],
        ['e2', 'twice', 'hub', 'RECRUITS_FOR'],
        ['e3', 'hub', 'twice', 'EMPLOYS'],
        ['e4', 'hub', 'shared', 'LOCATED_IN'],
        ['e5', 'other', 'shared', 'LOCATED_IN'],
      ],
    );
    expect(collapse(graph, 'hub').sort()).toEqual(['leaf', 'twice']);
    expect(graph.nodes().sort()).toEqual(['hub', 'other', 'shared']);
  });

  it('never collapses a pinned node, the node itself or a node another node holds', () => {
    const graph = graphOf(
      [
        ['hub', 'Centre'],
        ['pinned', 'Facilitator', { fixed: true }],
        ['pinned2', 'Facilitator', { fixed: true }],
        ['held', 'Country'],
        ['holder', 'Centre'],
        ['holder2', 'Centre'],
      ],
      [
        ['e1', 'pinned', 'hub', 'RECRUITS_FOR'],
        ['e2', 'pinned2', 'hub', 'RECRUITS_FOR'],
        ['e3', 'hub', 'pinned2', 'EMPLOYS'],
        ['e4', 'hub', 'held', 'LOCATED_IN'],
        ['e5', 'holder', 'held', 'LOCATED_IN'],
        ['e6', 'holder2', 'held', 'LOCATED_IN'],
      ],
    );
    expect(collapse(graph, 'hub')).toEqual([]);
    expect(graph.order).toBe(6);
    expect(collapse(graph, 'nobody')).toEqual([]);
  });

  it('round-trips through toSerialized and replaceWith, positions and edits included', () => {
    const graph = graphOf(
      [
        ['a', 'Centre', { x: 1.5, y: -2.25, fixed: true, grade: 'B2' }],
        ['b', 'Country', { x: 40, y: 30, hiddenByUser: true }],
        ['c', 'Facilitator', { x: -7, y: 0 }],
      ],
      [
        ['e1', 'a', 'b', 'LOCATED_IN'],
        ['e2', 'c', 'a', 'RECRUITS_FOR'],
        ['e3', 'c', 'a', 'RECRUITS_FOR'],
      ],
    );
    const saved = toSerialized(graph);
    const copy = createDataGraph();
    mergeSubgraph(copy, serializedOf([['stale', 'Centre']]));
    replaceWith(copy, saved);
    expect(copy.hasNode('stale')).toBe(false);
    expect(toSerialized(copy)).toEqual(saved);
    expect(copy.getNodeAttributes('a')).toEqual({
      kind: 'Centre',
      label: 'a',
      x: 1.5,
      y: -2.25,
      fixed: true,
      grade: 'B2',
    });
    expect(copy.edges('c', 'a')).toHaveLength(2);
    // and the copy is its own graph, not the same attributes
    copy.setNodeAttribute('a', 'x', 99);
    expect(graph.getNodeAttribute('a', 'x')).toBe(1.5);
  });
});
