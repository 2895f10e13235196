/**
 * The web client core, run in node: the undo history of client/src/core/graph/history.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/core/graph/history.ts';
import type { SerializedGraph } from '../../../src/core/graph/types.ts';
import { serializedOf } from '../fixtures.ts';

describe('history', () => {
  const snap = (name: string): SerializedGraph => serializedOf([[name, 'Centre']]);

  it('undoes and redoes in order', () => {
    const h = new History();
    expect(h.canUndo).toBe(false);
    expect(h.undo(snap('now'))).toBeUndefined();
    expect(h.canRedo).toBe(false); // a failed undo leaves nothing to redo
    h.record(snap('s0'));
    h.record(snap('s1'));
    // current canvas is s2
    expect(h.undo(snap('s2'))).toEqual(snap('s1'));
    expect(h.undo(snap('s1'))).toEqual(snap('s0'));
    expect(h.canUndo).toBe(false);
    expect(h.redo(snap('s0'))).toEqual(snap('s1'));
    expect(h.redo(snap('s1'))).toEqual(snap('s2'));
    expect(h.canRedo).toBe(false);
    expect(h.redo(snap('s2'))).toBeUndefined();
    expect(h.undo(snap('s2'))).toEqual(snap('s1'));
  });

  it('clears redo on a new edit', () => {
    const h = new History();
    h.record(snap('s0'));
    expect(h.undo(snap('s1'))).toEqual(snap('s0'));
    expect(h.canRedo).toBe(true);
    h.record(snap('s0'));
    expect(h.canRedo).toBe(false);
    expect(h.redo(snap('s0b'))).toBeUndefined();
  });

  it('keeps only the most recent edits up to its limit', () => {
    const h = new History(2);
    for (const s of ['s0', 's1', 's2', 's3']) h.record(snap(s));
    expect(h.undo(snap('s4'))).toEqual(snap('s3'));
    expect(h.undo(snap('s3'))).toEqual(snap('s2'));
    expect(h.canUndo).toBe(false);
    expect(h.undo(snap('s2'))).toBeUndefined();
  });

  it('keeps at most maxItems nodes and links in its past, dropping the oldest steps first', () => {
    const big = (name: string, n: number): SerializedGraph =>
      serializedOf(Array.from({ length: n }, (_, i) => [`${name}-${i}`, 'Centre'] as [string, string]));
    const h = new History(50, 10);
    h.record(big('a', 4));
    h.record(big('b', 4));
    h.record(big('c', 4)); // 12 held: a goes
    expect(h.undo(big('now', 1))).toEqual(big('c', 4));
    expect(h.undo(big('c', 4))).toEqual(big('b', 4));
    expect(h.canUndo).toBe(false);
    // a step bigger than the whole budget is still kept, alone
    h.record(big('huge', 20));
    expect(h.undo(big('now', 1))).toEqual(big('huge', 20));
  });
});
