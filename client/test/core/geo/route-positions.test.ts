/**
 * The web client core, run in node: the route view positions of client/src/core/geo/route-positions.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { geoPlacements } from '../../../src/core/geo/route-layout.ts';
import { showAsNetwork, showOnMap } from '../../../src/core/geo/route-positions.ts';
import { createDataGraph, replaceWith, toSerialized, type DataGraph } from '../../../src/core/graph/data-graph.ts';
import { distance, graphOf } from '../fixtures.ts';

describe('route view positions', () => {
  function _routeGraph(): DataGraph {
    return graphOf(
      [
        ['country:TH', 'Country', { x: 10, y: 20, lat: 15, lng: 100 }],
        ['centre:alpha', 'Centre', { x: -30.5, y: 4.25 }],
        ['facilitator:f1', 'Facilitator', { x: 3, y: 3 }],
      ],
      [['e1', 'centre:alpha', 'country:TH', 'LOCATED_IN']],
    );
  }
  const positions = (graph: DataGraph) => Object.fromEntries(graph.mapNodes((k, a) => [k, { x: a.x, y: a.y }]));

  it('moves nodes onto the map and back to exactly where they were', () => {
    const graph = _routeGraph();
    const before = positions(graph);
    const geo = geoPlacements(graph);
    showOnMap(graph, geo);
    expect(graph.getNodeAttributes('country:TH')).toMatchObject({
      x: geo.get('country:TH')!.x,
      y: geo.get('country:TH')!.y,
    });
    expect(graph.getNodeAttributes('centre:alpha')).toMatchObject({ x: geo.get('centre:alpha')!.x });
    expect(graph.getNodeAttributes('facilitator:f1')).toMatchObject({ x: 3, y: 3 }); // not on the map: left alone
    showAsNetwork(graph);
    expect(positions(graph)).toEqual(before);
    for (const key of graph.nodes()) {
      const a = graph.getNodeAttributes(key);
      expect(a).not.toHaveProperty('netX');
      expect(a).not.toHaveProperty('netY');
      expect(a).not.toHaveProperty('placedOnMap');
    }
  });

  it('keeps the network positions when the map is shown twice before going back', () => {
    const graph = _routeGraph();
    const before = positions(graph);
    showOnMap(graph, geoPlacements(graph));
    showOnMap(graph, geoPlacements(graph));
    showAsNetwork(graph);
    expect(positions(graph)).toEqual(before);
  });

  it('survives a round trip through toSerialized while the map is shown (undo, workspaces)', () => {
    const graph = _routeGraph();
    const before = positions(graph);
    showOnMap(graph, geoPlacements(graph));
    const copy = createDataGraph();
    replaceWith(copy, toSerialized(graph));
    showAsNetwork(copy);
    expect(positions(copy)).toEqual(before);
  });

  // a node that came onto the map without a network position is moved beside the restored ones
  // (this once read the removed netX/netY and sent such nodes to NaN).
  it('moves nodes that arrived while the map was shown beside the restored ones', () => {
    const graph = _routeGraph();
    showOnMap(graph, geoPlacements(graph));
    graph.addNode('centre:new', { kind: 'Centre', label: 'new', x: 500, y: 500, placedOnMap: true });
    showAsNetwork(graph);
    const stray = graph.getNodeAttributes('centre:new');
    expect(Number.isFinite(stray.x) && Number.isFinite(stray.y)).toBe(true);
    // the centroid of the restored nodes (10,20), (-30.5,4.25) is (-10.25, 12.125); strays sit 15 from it
    expect(distance(stray, { x: -10.25, y: 12.125 })).toBeCloseTo(15);
  });
});
