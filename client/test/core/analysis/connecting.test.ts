/**
 * The connecting network as the client shows it: when Connect may run, what is highlighted (all
 * pairs, or one), each pair's grade (the strongest of its paths' weakest), and the order listed.
 */
import { describe, expect, it } from 'vitest';
import { connectable, connectingHighlight, pairGrade, pairsInOrder } from '../../../src/core/analysis/connecting.ts';
import type { ConnectingResponse } from '../../../../server/model/wire.ts';

const path = (nodes: string[], edges: string[], weakestGrade: string | null) => ({
  nodes,
  edges,
  hops: edges.length,
  weakestGrade,
  synthetic: false,
});
const answer: ConnectingResponse = {
  nodes: [],
  edges: [],
  pairs: [
    { from: 'a', to: 'b', paths: [path(['a', 'x', 'y', 'b'], ['e1', 'e2', 'e3'], 'C3')], truncated: false },
    {
      from: 'a',
      to: 'c',
      paths: [path(['a', 'x', 'c'], ['e1', 'e4'], 'D4'), path(['a', 'z', 'c'], ['e5', 'e6'], 'B2')],
      truncated: false,
    },
  ],
  unconnected: [{ from: 'b', to: 'd' }],
  unsearched: [],
  maxHops: 4,
  pathsPerPair: 5,
  limited: false,
  truncated: false,
};

describe('the connecting network in the client', () => {
  it('runs for 2 to 20 selected nodes on the canvas, and says why not otherwise', () => {
    const on = (id: string) => id !== 'gone';
    expect(connectable(['a', 'b', 'c'], on)).toEqual({ ids: ['a', 'b', 'c'], reason: null });
    expect(connectable(['a', 'gone'], on).reason).toMatch(/two or more/);
    const many = Array.from({ length: 21 }, (_, i) => `n${i}`);
    expect(connectable(many, on).reason).toMatch(/At most 20/);
    expect(connectable(many.slice(0, 20), on).reason).toBeNull();
  });

  it('highlights every pair’s paths and the unconnected ends, or one pair’s paths alone', () => {
    const all = connectingHighlight(answer, null);
    expect([...all.nodes].sort()).toEqual(['a', 'b', 'c', 'd', 'x', 'y', 'z']);
    expect([...all.edges].sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    const second = connectingHighlight(answer, 1);
    expect([...second.nodes].sort()).toEqual(['a', 'c', 'x', 'z']);
    expect([...second.edges].sort()).toEqual(['e1', 'e4', 'e5', 'e6']);
  });

  it('grades a pair by its strongest path, and lists the shortest pairs first', () => {
    expect(pairGrade(answer.pairs[1]!)).toBe('B2');
    expect(pairGrade({ ...answer.pairs[0]!, paths: [path(['a', 'b'], ['e'], null)] })).toBeNull();
    expect(pairsInOrder(answer).map((p) => p.index)).toEqual([1, 0]);
  });
});
