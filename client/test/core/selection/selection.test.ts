import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, keepExisting, modeOfClick, select, single } from '../../../src/core/selection/selection.ts';

describe('selection', () => {
  it('replaces, adds, removes and toggles, keeping the last picked as primary', () => {
    let s = select(EMPTY_SELECTION, ['a'], 'replace');
    expect(s).toEqual({ ids: ['a'], primary: 'a' });
    s = select(s, ['b', 'c'], 'add');
    expect(s).toEqual({ ids: ['a', 'b', 'c'], primary: 'c' });
    s = select(s, ['c'], 'toggle');
    expect(s).toEqual({ ids: ['a', 'b'], primary: 'b' });
    s = select(s, ['a'], 'toggle');
    expect(s).toEqual({ ids: ['b'], primary: 'b' });
    s = select(s, ['a'], 'toggle');
    expect(s).toEqual({ ids: ['b', 'a'], primary: 'a' });
    s = select(s, ['a', 'b'], 'remove');
    expect(s).toEqual(EMPTY_SELECTION);
    expect(select(single('x'), [], 'replace')).toEqual(EMPTY_SELECTION);
  });

  it('keeps the primary when a gesture adds nothing new and drops ids no longer on the canvas', () => {
    const s = select(single('a'), ['b'], 'add');
    expect(select(s, ['z'], 'remove')).toEqual({ ids: ['a', 'b'], primary: 'b' });
    expect(keepExisting(s, (id) => id !== 'b')).toEqual({ ids: ['a'], primary: 'a' });
    expect(keepExisting(s, () => true)).toBe(s);
  });

  it('reads a modifier key as toggle, a plain click as replace', () => {
    expect(modeOfClick({ shiftKey: true })).toBe('toggle');
    expect(modeOfClick({ ctrlKey: true })).toBe('toggle');
    expect(modeOfClick({ metaKey: true })).toBe('toggle');
    expect(modeOfClick({})).toBe('replace');
    expect(modeOfClick(undefined)).toBe('replace');
  });
});
