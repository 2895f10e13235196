/** What a merge and its undo do to the canvas, given the server's subgraph afterwards. */
import { describe, expect, it } from 'vitest';
import { idsAfter, redrawAround } from '../../../src/core/merge/canvas-merge.ts';
import { graphOf, serializedOf } from '../fixtures.ts';

const before = () =>
  graphOf(
    [
      ['f:a', 'Facilitator', { x: 0, y: 0 }],
      ['f:b', 'Facilitator', { x: 10, y: 0 }],
      ['c:1', 'Centre', { x: 5, y: 5 }],
      ['c:2', 'Centre', { x: 5, y: -5 }],
    ],
    [
      ['r1', 'f:a', 'c:1', 'OPERATES'],
      ['r2', 'f:b', 'c:2', 'OPERATES'],
      ['r3', 'f:b', 'c:1', 'OPERATES'],
      ['r4', 'f:b', 'f:a', 'RECRUITS_FOR'],
    ],
  );

describe('canvas after a merge', () => {
  it('asks for the canvas without the merged ones, with the survivor', () => {
    expect(idsAfter(before(), ['f:b'], ['f:a']).sort()).toEqual(['c:1', 'c:2', 'f:a']);
    expect(idsAfter(before(), [], ['f:x']).sort()).toEqual(['c:1', 'c:2', 'f:a', 'f:b', 'f:x']);
  });

  it('drops the merged entity and draws its moved links at the survivor', () => {
    const graph = before();
    // the server: r2 moved to f:a; r3 dropped (a duplicate of r1), r4 dropped (between the merged)
    const among = serializedOf(
      [
        ['f:a', 'Facilitator', { aliases: ['B'] }],
        ['c:1', 'Centre'],
        ['c:2', 'Centre'],
      ],
      [
        ['r1', 'f:a', 'c:1', 'OPERATES'],
        ['r2', 'f:a', 'c:2', 'OPERATES'],
      ],
    );
    expect(redrawAround(graph, 'f:a', ['f:b'], among)).toEqual([]);
    expect(graph.hasNode('f:b')).toBe(false);
    expect(graph.edges().sort()).toEqual(['r1', 'r2']);
    expect(graph.extremities('r2')).toEqual(['f:a', 'c:2']);
    // the survivor's new properties, and its place kept
    expect(graph.getNodeAttribute('f:a', 'aliases')).toEqual(['B']);
    expect(graph.getNodeAttribute('f:a', 'x')).toBe(0);
  });

  it('after an undo brings the merged entity back near the survivor with its links ending at it again', () => {
    const graph = graphOf(
      [
        ['f:a', 'Facilitator', { x: 0, y: 0 }],
        ['c:1', 'Centre', { x: 5, y: 5 }],
        ['c:2', 'Centre', { x: 5, y: -5 }],
      ],
      [
        ['r1', 'f:a', 'c:1', 'OPERATES'],
        ['r2', 'f:a', 'c:2', 'OPERATES'],
      ],
    );
    const among = serializedOf(
      [
        ['f:a', 'Facilitator'],
        ['f:b', 'Facilitator'],
        ['c:1', 'Centre'],
        ['c:2', 'Centre'],
      ],
      [
        ['r1', 'f:a', 'c:1', 'OPERATES'],
        ['r2', 'f:b', 'c:2', 'OPERATES'],
        ['r3', 'f:b', 'c:1', 'OPERATES'],
        ['r4', 'f:b', 'f:a', 'RECRUITS_FOR'],
      ],
    );
    expect(redrawAround(graph, 'f:a', [], among)).toEqual(['f:b']);
    expect(graph.edges().sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(graph.extremities('r2')).toEqual(['f:b', 'c:2']);
    const b = graph.getNodeAttributes('f:b');
    expect(Math.hypot(b.x, b.y)).toBeLessThan(50);
  });

  it('drops a survivor’s link the server no longer gives', () => {
    const graph = before();
    const among = serializedOf(
      [
        ['f:a', 'Facilitator'],
        ['c:1', 'Centre'],
        ['c:2', 'Centre'],
      ],
      [],
    );
    redrawAround(graph, 'f:a', ['f:b'], among);
    expect(graph.edges()).toEqual([]);
  });
});
