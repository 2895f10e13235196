/** The page's recent merges: newest first, at most ten, an undone one marked. */
import { describe, expect, it } from 'vitest';
import { MergeHistory } from '../src/state/merge-history.ts';

const result = (mergeId: string) => ({ mergeId, survivor: 'f:a', merged: ['f:b'], record: {}, moved: 0, dropped: 0 });

describe('MergeHistory', () => {
  it('lists merges newest first, keeps ten, marks an undone one and tells its listeners', () => {
    const history = new MergeHistory();
    let told = 0;
    history.subscribe(() => told++);
    for (let i = 1; i <= 12; i++) history.add(result(`m${i}`), `A${i}`);
    expect(history.getSnapshot().map((m) => m.result.mergeId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `m${12 - i}`),
    );
    history.markUndone('m11');
    expect(
      history
        .getSnapshot()
        .filter((m) => m.undone)
        .map((m) => m.label),
    ).toEqual(['A11']);
    expect(told).toBe(13);
  });
});
