import { describe, expect, it } from 'vitest';
import {
  allVisible,
  inBox,
  inPolygon,
  inverse,
  isDrag,
  neighboursOf,
  ofKind,
  pointsInShape,
} from '../../../src/core/selection/gestures.ts';
import { graphOf } from '../fixtures.ts';

const points = [
  { id: 'a', x: 10, y: 10 },
  { id: 'b', x: 50, y: 50 },
  { id: 'c', x: 90, y: 10 },
  { id: 'd', x: 200, y: 200 },
];

describe('box and lasso', () => {
  it('a box takes the points inside it whichever corner the drag started from', () => {
    expect(inBox({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 10 })).toBe(true);
    expect(inBox({ x: 5, y: 5 }, { x: 10, y: 10 }, { x: 0, y: 0 })).toBe(true);
    expect(inBox({ x: 11, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 10 })).toBe(false);
    expect(pointsInShape(points, { kind: 'box', from: { x: 100, y: 0 }, to: { x: 0, y: 60 } })).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('a lasso takes only what its outline encloses, not its bounding box', () => {
    // a triangle with its tip down: b (50,50) is inside, a and c at the top corners' height are outside
    const triangle = [
      { x: 20, y: 0 },
      { x: 80, y: 0 },
      { x: 50, y: 80 },
    ];
    expect(pointsInShape(points, { kind: 'lasso', points: triangle })).toEqual(['b']);
    // a concave outline (a U) leaves out what sits in its notch
    const u = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 40 },
      { x: 70, y: 40 },
      { x: 70, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
      { x: 0, y: 100 },
    ];
    expect(inPolygon({ x: 50, y: 20 }, u)).toBe(false);
    expect(inPolygon({ x: 50, y: 60 }, u)).toBe(true);
    expect(inPolygon({ x: 15, y: 20 }, u)).toBe(true);
    expect(inPolygon({ x: 1, y: 1 }, u.slice(0, 2))).toBe(false);
  });

  it('a tiny drag is a click, not a box', () => {
    expect(isDrag({ kind: 'box', from: { x: 0, y: 0 }, to: { x: 2, y: 3 } })).toBe(false);
    expect(isDrag({ kind: 'box', from: { x: 0, y: 0 }, to: { x: 0, y: 9 } })).toBe(true);
    expect(isDrag({ kind: 'lasso', points: [{ x: 0, y: 0 }] })).toBe(false);
  });
});

describe('selecting by the graph', () => {
  const graph = graphOf(
    [
      ['f1', 'Facilitator'],
      ['f2', 'Facilitator'],
      ['f3', 'Facilitator'],
      ['c1', 'Centre'],
      ['k1', 'Country'],
    ],
    [
      ['e1', 'f1', 'c1', 'WORKS_AT'],
      ['e2', 'f2', 'c1', 'WORKS_AT'],
      ['e3', 'c1', 'k1', 'LOCATED_IN'],
    ],
  );
  const hiddenF3 = (id: string) => id !== 'f3';

  it('selects the visible nodes of a kind, and all visible ones', () => {
    expect(ofKind(graph, 'Facilitator', hiddenF3)).toEqual(['f1', 'f2']);
    expect(ofKind(graph, 'Facilitator', () => true)).toEqual(['f1', 'f2', 'f3']);
    expect(allVisible(graph, hiddenF3)).toEqual(['f1', 'f2', 'c1', 'k1']);
  });

  it('adds the visible neighbours of a selection, not the selection itself', () => {
    expect(neighboursOf(graph, ['c1'], () => true).sort()).toEqual(['f1', 'f2', 'k1']);
    expect(neighboursOf(graph, ['f1', 'c1'], (id) => id !== 'k1').sort()).toEqual(['f2']);
    expect(neighboursOf(graph, ['gone'], () => true)).toEqual([]);
  });

  it('inverts among the visible nodes', () => {
    expect(inverse(graph, ['f1', 'c1'], hiddenF3)).toEqual(['f2', 'k1']);
    expect(inverse(graph, [], () => true)).toHaveLength(5);
  });
});
