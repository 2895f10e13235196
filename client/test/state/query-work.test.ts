/** The queries panel's work, run in node (state/query-work.ts): kept across tabs, the editor's parameters, saving. */
import { describe, expect, it } from 'vitest';
import type { QuerySummary } from '../../src/api/client.ts';
import {
  INITIAL_WORK,
  QueryWorkStore,
  chooseQuery,
  editField,
  editParam,
  editText,
  openInEditor,
  saveBody,
  startDraft,
} from '../../src/state/query-work.ts';

const profile: QuerySummary = {
  name: 'centre-profile',
  title: 'Centre profile',
  description: '',
  params: [
    { name: 'centre', type: 'id', kind: 'Centre', required: true, description: '' },
    { name: 'limit', type: 'integer', required: false, default: 10, description: '' },
  ],
  returns: '',
  builtin: true,
  variants: [],
};
const mine: QuerySummary = { ...profile, name: 'my-centres', title: 'Mine', builtin: false, version: 2 };

describe('the queries panel’s work', () => {
  it('is one store that a remounted panel reads back as it was left', () => {
    const store = new QueryWorkStore();
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    store.update((w) => chooseQuery(w, profile, 'centre-profile'));
    store.update((w) => editField(w, 'library', 'centre', 'centre:a', { id: 'centre:a', label: 'Alpha' }));
    store.update((w) => editText(w, 'MATCH (c:Centre {id: $c}) RETURN c'));
    store.update({ mode: 'replace' });
    stop();
    store.update({ adHoc: true });
    expect(heard).toBe(4);
    const work = store.getSnapshot();
    expect(work.library).toEqual({
      values: { centre: 'centre:a', limit: '10' },
      picked: { centre: { id: 'centre:a', label: 'Alpha' } },
    });
    expect([work.text, work.mode, work.adHoc]).toEqual(['MATCH (c:Centre {id: $c}) RETURN c', 'replace', true]);
  });

  it('fills a chosen query’s form from its defaults and presets, and clears the last result', () => {
    const withResult = {
      ...INITIAL_WORK,
      result: { columns: [], rows: [], graph: { nodes: [], edges: [] }, truncated: false, elapsedMs: 1 },
    };
    const chosen = chooseQuery(withResult, profile, 'centre-profile', { centre: 'centre:b' });
    expect(chosen.library.values).toEqual({ centre: 'centre:b', limit: '10' });
    expect(chosen.result).toBeNull();
  });

  it('typing a name after a pick forgets the pick; a pick of another field is kept', () => {
    let w = editField(INITIAL_WORK, 'cypher', 'a', 'centre:a', { id: 'centre:a', label: 'Alpha' });
    w = editField(w, 'cypher', 'b', 'country:PH', { id: 'country:PH', label: 'Philippines' });
    w = editField(w, 'cypher', 'a', 'Alp', null);
    expect(w.cypher.picked).toEqual({ b: { id: 'country:PH', label: 'Philippines' } });
    expect(w.cypher.values).toEqual({ a: 'Alp', b: 'country:PH' });
  });

  it('detects the editor’s parameters as it is typed, keeping corrections and values', () => {
    let w = editText(INITIAL_WORK, 'MATCH (c:Centre {id: $centre}) RETURN c LIMIT $limit');
    expect(w.params.map((p) => [p.name, p.type, p.kind])).toEqual([
      ['centre', 'id', 'Centre'],
      ['limit', 'integer', undefined],
    ]);
    w = editParam(w, 'limit', { required: false, default: 5 });
    w = editField(w, 'cypher', 'centre', 'centre:a', null);
    w = editText(w, 'MATCH (c:Centre {id: $centre}) RETURN c LIMIT $limit // more');
    expect(w.params[1]).toMatchObject({ required: false, default: 5 });
    expect(w.cypher.values.centre).toBe('centre:a');
    w = editText(w, 'MATCH (c:Centre) RETURN c LIMIT $limit');
    expect(w.params.map((p) => p.name)).toEqual(['limit']);
    expect(w.cypher.values).toEqual({ limit: '' });
    // a kind goes with a type that takes no ids; a default goes when a parameter becomes required
    w = editParam(editText(w, 'MATCH (c:Centre {id: $centre}) RETURN c'), 'centre', { type: 'string' });
    expect(w.params[0]?.kind).toBeUndefined();
    expect(
      editParam({ ...w, params: [{ name: 'x', type: 'integer', required: false, default: 1, description: '' }] }, 'x', {
        required: true,
      }).params[0],
    ).not.toHaveProperty('default');
  });

  it('saves as a new query, or as a new version of the analyst’s own query the text came from', () => {
    let w = editText(INITIAL_WORK, 'MATCH (c:Centre {id: $centre}) RETURN c');
    w = startDraft(w, [profile, mine]);
    expect(w.draft).toEqual({ name: '', title: '', description: '', update: false });
    w = { ...w, draft: { name: 'by-centre', title: ' By centre ', description: 'd', update: false } };
    expect(saveBody(w)).toEqual({
      name: 'by-centre',
      title: 'By centre',
      description: 'd',
      params: [{ name: 'centre', type: 'id', kind: 'Centre', required: true, description: '' }],
      query: 'MATCH (c:Centre {id: $centre}) RETURN c',
    });
    const opened = openInEditor(INITIAL_WORK, {
      ...mine,
      query: 'MATCH (c:Centre {id: $centre}) RETURN c LIMIT $limit',
      version: 1,
    });
    expect(opened.params).toEqual(mine.params);
    expect([opened.adHoc, opened.openedFrom]).toEqual([true, { name: 'my-centres', version: 1 }]);
    expect(startDraft(opened, [profile, mine]).draft).toEqual({
      name: 'my-centres',
      title: 'Mine',
      description: '',
      update: true,
    });
    // a built-in query's name is never offered as one to add a version to
    const builtinOpened = { ...opened, openedFrom: { name: 'centre-profile', version: null } };
    expect(startDraft(builtinOpened, [profile, mine]).draft?.update).toBe(false);
  });
});
