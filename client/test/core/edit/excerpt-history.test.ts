/** Finding a cited excerpt in its document, and the words of an entity's history. */
import { describe, expect, it } from 'vitest';
import type { Revision } from '../../../../server/model/changes.ts';
import { findExcerpt, splitAround } from '../../../src/core/edit/excerpt.ts';
import {
  actionWords,
  canRestore,
  currentVersion,
  shownChanges,
  valueText,
} from '../../../src/core/edit/history-view.ts';

const DOC = 'INTERPOL said:\n  “Over 1,000 victims were   freed”\nin the raid.\nMore text.';

describe('the excerpt in its document', () => {
  it('finds an exact passage', () => {
    const r = findExcerpt(DOC, 'in the raid.');
    expect(r && DOC.slice(r.start, r.end)).toBe('in the raid.');
  });

  it('finds one typed with other spacing, case and straight quotes, and maps it back to the text', () => {
    const r = findExcerpt(DOC, '"over 1,000 victims were freed" in the RAID');
    expect(r && DOC.slice(r.start, r.end)).toBe('“Over 1,000 victims were   freed”\nin the raid');
  });

  it('says when it does not occur, or there is none', () => {
    expect(findExcerpt(DOC, '2,000 victims')).toBeNull();
    expect(findExcerpt(DOC, '  ')).toBeNull();
    expect(findExcerpt(DOC, null)).toBeNull();
  });

  it('splits the text around it for the highlight, the parts adding up to the text', () => {
    const parts = splitAround(DOC, findExcerpt(DOC, 'victims'));
    expect(parts[1]).toBe('victims');
    expect(parts.join('')).toBe(DOC);
    expect(splitAround(DOC, null)).toEqual([DOC, '', '']);
  });
});

const rev = (version: number, action: Revision['action'], extra: Partial<Revision> = {}): Revision => ({
  entity: 'node',
  id: 'centre:x',
  version,
  at: '2026-12-03T10:00:00.000Z',
  author: 'ana',
  action,
  changes: [],
  record: {},
  tlp: 'CLEAR',
  ...extra,
});

describe('history words', () => {
  it('names each action, a merge with its survivor', () => {
    expect(actionWords(rev(2, 'update'))).toBe('edited');
    expect(actionWords(rev(1, 'baseline'))).toBe('as loaded');
    expect(actionWords(rev(3, 'merge', { mergedInto: 'centre:y' }))).toBe('merged into centre:y');
  });

  it('shows values short: nothing as a dash, lists joined, long text cut', () => {
    expect(valueText(null)).toBe('—');
    expect(valueText([])).toBe('—');
    expect(valueText(['a', 'b'])).toBe('a, b');
    expect(valueText(12)).toBe('12');
    expect(valueText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('offers restore on older versions of a live entity, and on a deleted one’s live versions', () => {
    const live = [rev(3, 'update'), rev(2, 'update'), rev(1, 'baseline')];
    expect(live.map((r) => canRestore(r, live[0], 'live'))).toEqual([false, true, true]);
    const deleted = [rev(3, 'delete'), rev(2, 'update'), rev(1, 'create')];
    expect(deleted.map((r) => canRestore(r, deleted[0], 'deleted'))).toEqual([false, true, true]);
    expect(canRestore(rev(1, 'update'), rev(2, 'merge'), 'merged')).toBe(false);
  });

  it('lists a creation by the values it was made with, an edit by every change', () => {
    const changes = [
      { property: 'id', before: null, after: 'centre:x' },
      { property: 'name', before: null, after: 'X' },
      { property: 'aliases', before: null, after: [] },
      { property: 'synthetic', before: null, after: false },
      { property: 'workforce', before: null, after: 0 },
      { property: 'kind', before: null, after: 'Centre' },
    ];
    expect(shownChanges(rev(1, 'create', { changes })).map((c) => c.property)).toEqual(['name', 'workforce']);
    expect(shownChanges(rev(2, 'update', { changes }))).toEqual(changes);
  });

  it('takes the newest version as the one an edit expects, 0 when nothing is recorded', () => {
    expect(currentVersion([rev(1, 'baseline'), rev(4, 'update'), rev(2, 'update')])).toBe(4);
    expect(currentVersion([])).toBe(0);
  });
});
