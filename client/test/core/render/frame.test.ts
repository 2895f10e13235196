/**
 * The web client core, run in node: framing, from client/src/core/render/frame.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { createDataGraph } from '../../../src/core/graph/data-graph.ts';
import { cameraToContain, paddedExtent } from '../../../src/core/render/frame.ts';
import { graphOf } from '../fixtures.ts';

describe('framing', () => {
  it('gives a single node a box of the minimum span, centred on it', () => {
    const graph = graphOf([['a', 'Centre', { x: 5, y: 7 }]]);
    expect(paddedExtent(graph)).toEqual({ x: [-95, 105], y: [-93, 107] });
    expect(paddedExtent(createDataGraph())).toBeNull();
  });

  it('makes a square box over the wider side of the nodes', () => {
    const graph = graphOf([
      ['a', 'Centre', { x: 0, y: 0 }],
      ['b', 'Centre', { x: 1000, y: 100 }],
    ]);
    expect(paddedExtent(graph)).toEqual({ x: [0, 1000], y: [-450, 550] });
  });

  it('centres the camera on the points and zooms to hold them, within bounds', () => {
    expect(cameraToContain([])).toBeNull();
    expect(
      cameraToContain([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]),
    ).toEqual({ x: 0.5, y: 0.5, ratio: 1.2 });
    // a close group is not zoomed in further than 0.3, a scattered one not out further than 8
    expect(cameraToContain([{ x: 0.4, y: 0.4 }])).toEqual({ x: 0.4, y: 0.4, ratio: 0.3 });
    expect(
      cameraToContain([
        { x: -10, y: 0 },
        { x: 10, y: 0 },
      ])!.ratio,
    ).toBe(8);
    const c = cameraToContain([
      { x: 0.1, y: 0.2 },
      { x: 2.1, y: 0.4 },
    ])!;
    expect(c.x).toBeCloseTo(1.1);
    expect(c.y).toBeCloseTo(0.3);
    expect(c.ratio).toBeCloseTo(2.4);
  });
});
