/** The merge dialog's choices as values: what is shown, what may be chosen, what is sent. */
import { describe, expect, it } from 'vitest';
import type { MergePreview } from '../../../../server/model/merge.ts';
import {
  NO_CHOICES,
  choosable,
  choose,
  chooseGrade,
  chooseSurvivor,
  chosenFor,
  gradeOptions,
  mergeable,
  showValue,
  shownProperties,
  toRequest,
} from '../../../src/core/merge/merge-choices.ts';

const preview: MergePreview = {
  kind: 'Facilitator',
  survivor: 'facilitator:a',
  ids: ['facilitator:a', 'facilitator:b'],
  properties: [
    {
      name: 'id',
      values: [
        { id: 'facilitator:a', value: 'facilitator:a' },
        { id: 'facilitator:b', value: 'facilitator:b' },
      ],
      conflict: true,
      chosen: 'facilitator:a',
      merged: 'facilitator:a',
    },
    {
      name: 'name',
      values: [
        { id: 'facilitator:a', value: 'Wang Li' },
        { id: 'facilitator:b', value: 'WANG Li' },
      ],
      conflict: true,
      chosen: 'facilitator:a',
      merged: 'Wang Li',
    },
    {
      name: 'nationality',
      values: [
        { id: 'facilitator:a', value: 'CN' },
        { id: 'facilitator:b', value: 'CN' },
      ],
      conflict: false,
      chosen: 'facilitator:a',
      merged: 'CN',
    },
    {
      name: 'sourceIds',
      values: [
        { id: 'facilitator:a', value: ['source:1'] },
        { id: 'facilitator:b', value: ['source:2'] },
      ],
      conflict: true,
      chosen: 'facilitator:a',
      merged: ['source:1', 'source:2'],
    },
    {
      name: 'grade',
      values: [
        { id: 'facilitator:a', value: 'A1' },
        { id: 'facilitator:b', value: 'C3' },
      ],
      conflict: true,
      chosen: 'facilitator:a',
      merged: 'C3',
    },
    {
      name: 'firstSeen',
      values: [
        { id: 'facilitator:a', value: '2023-01-01' },
        { id: 'facilitator:b', value: '2022-05-01' },
      ],
      conflict: true,
      chosen: 'facilitator:a',
      merged: '2022-05-01',
    },
  ],
  record: {},
  moved: 3,
  dropped: 1,
};

describe('merge choices', () => {
  it('shows the entity’s own properties apart from the provenance merged by rule, and never the id', () => {
    const { own, provenance } = shownProperties(preview);
    expect(own.map((p) => p.name)).toEqual(['name', 'nationality']);
    expect(provenance.map((p) => p.name)).toEqual(['sourceIds', 'grade', 'firstSeen']);
  });

  it('offers a choice only where the entity’s own values differ', () => {
    expect(choosable(preview).map((p) => p.name)).toEqual(['name']);
  });

  it('keeps the preview’s choice until the analyst picks another, and sends only what was decided', () => {
    const name = preview.properties[1]!;
    expect(chosenFor(NO_CHOICES, name)).toBe('facilitator:a');
    const picked = choose(NO_CHOICES, 'name', 'facilitator:b');
    expect(chosenFor(picked, name)).toBe('facilitator:b');
    expect(toRequest(preview.ids, NO_CHOICES)).toEqual({ ids: preview.ids, choices: {} });
    expect(toRequest(preview.ids, chooseGrade(chooseSurvivor(picked, 'facilitator:b'), 'A1'))).toEqual({
      ids: preview.ids,
      survivor: 'facilitator:b',
      choices: { name: 'facilitator:b' },
      grade: 'A1',
    });
  });

  it('changing the survivor keeps the conflicts already settled', () => {
    const picked = chooseSurvivor(choose(NO_CHOICES, 'name', 'facilitator:a'), 'facilitator:b');
    expect(picked.choices).toEqual({ name: 'facilitator:a' });
    expect(picked.survivor).toBe('facilitator:b');
  });

  it('lists the merged grades strongest first with the weakest as the default, and refuses a non-grade', () => {
    expect(gradeOptions(preview)).toEqual({ grades: ['A1', 'C3'], weakest: 'C3' });
    expect(chooseGrade(NO_CHOICES, 'Z9').grade).toBeNull();
    expect(chooseGrade(chooseGrade(NO_CHOICES, 'B2'), null).grade).toBeNull();
  });

  it('merges two or more of one kind, up to 50, and says why not otherwise', () => {
    expect(mergeable(['Facilitator', 'Facilitator'])).toEqual({ ok: true, kind: 'Facilitator' });
    expect(mergeable(['Facilitator'])).toMatchObject({ ok: false, why: expect.stringContaining('two or more') });
    expect(mergeable(['Facilitator', 'Centre'])).toMatchObject({ ok: false, why: expect.stringContaining('one kind') });
    expect(mergeable(['Centre', undefined])).toMatchObject({ ok: false });
    expect(mergeable(Array(51).fill('Centre'))).toMatchObject({ ok: false, why: expect.stringContaining('50') });
  });

  it('shows values as words', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue([])).toBe('—');
    expect(showValue(['a', 'b'])).toBe('a, b');
    expect(showValue(3)).toBe('3');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
