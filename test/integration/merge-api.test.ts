/**
 * Merging duplicates over HTTP with accounts on (AUTH=on, real API tokens), on both stores:
 * suggestions, the preview, merging two and three entities (links moved with their ids,
 * duplicates dropped, conflicts chosen, sources unioned, dates widened, the weaker grade kept,
 * the strictest marking), the old id resolving to the survivor, undo restoring the graph exactly,
 * and the refusals. The audit trail's events are checked; a GREEN analyst is never shown what
 * only RED may see (the RED source, the link to a RED centre), not even in a count.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../server/changes/change-log.ts';
import type { MergePreview, MergeResult } from '../../server/model/merge.ts';
import type { SerializedGraph } from '../../server/store/types.ts';
import { startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { mergeGraph } from '../support/merge-graph.ts';
import { tokenClient, type Account } from '../support/token-client.ts';
import path from 'node:path';

const H = { 'X-Scamnet-Request': '1' };
const green: Account = { name: 'ana-green', role: 'analyst', clearance: 'GREEN' };
const red: Account = { name: 'ana-red', role: 'analyst', clearance: 'RED' };
const viewer: Account = { name: 'view-red', role: 'viewer', clearance: 'RED' };

let h: AuthHarness;
const as = tokenClient(() => h);
const log = () => new ChangeLog(path.join(h.dataDir, 'changes'));

beforeAll(async () => {
  h = await startAuthHarness(mergeGraph());
});
afterAll(async () => {
  await h?.close();
});

const post = (who: Account, url: string, body: object = {}) => request(as(who)).post(url).set(H).send(body);

/** The whole graph as the store holds it, sorted: records and relationship ids and ends. */
async function snapshot(): Promise<SerializedGraph> {
  const nodes = await h.store.read('MATCH (n) RETURN n', {}, { maxRows: 1000 });
  const rels = await h.store.read('MATCH (a)-[r]->(b) RETURN r', {}, { maxRows: 1000 });
  const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
  return { nodes: byKey(nodes.graph.nodes), edges: byKey(rels.graph.edges) };
}
const edgesOf = (g: SerializedGraph, id: string) =>
  g.edges
    .filter((e) => e.source === id || e.target === id)
    .map((e) => e.key)
    .sort();

describe('suggestions', () => {
  it('finds same names after folding and shared aliases, only among what the reader may see', async () => {
    const greenRes = await request(as(green)).get('/api/merge/suggestions?kind=Facilitator').expect(200);
    expect(greenRes.body.suggestions).toEqual([
      {
        kind: 'Facilitator',
        ids: ['facilitator:a', 'facilitator:b'],
        labels: ['Chen Wei', 'CHÉN-WEI'],
        reason: 'same name',
        key: 'chen wei',
      },
    ]);
    const text = JSON.stringify(greenRes.body);
    for (const hidden of ['facilitator:r', 'facilitator:c', 'Big Brother']) expect(text).not.toContain(hidden);
    const redRes = await request(as(red)).get('/api/merge/suggestions').expect(200);
    expect(redRes.body.suggestions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ids: ['facilitator:a', 'facilitator:b', 'facilitator:r'], reason: 'same name' }),
        expect.objectContaining({ ids: ['facilitator:a', 'facilitator:c'], reason: 'shared alias', key: 'wei c' }),
      ]),
    );
    const sources = await request(as(red)).get('/api/merge/suggestions?kind=Source').expect(200);
    expect(sources.body).toEqual({ suggestions: [] });
    const bad = await request(as(red)).get('/api/merge/suggestions?kind=Nope');
    expect(bad.status).toBe(400);
  });
});

describe('merging two entities', () => {
  let before: SerializedGraph;
  let preview: MergePreview;
  let result: MergeResult;
  const body = {
    ids: ['facilitator:a', 'facilitator:b'],
    survivor: 'facilitator:a',
    choices: { role: 'facilitator:b' },
  };

  it('previews properties side by side, conflicts marked, sources unioned, dates widened, the weaker grade', async () => {
    before = await snapshot();
    const res = await post(green, '/api/merge/preview', body).expect(200);
    preview = res.body;
    const prop = (name: string) => preview.properties.find((p) => p.name === name)!;
    expect(preview).toMatchObject({
      kind: 'Facilitator',
      survivor: 'facilitator:a',
      ids: body.ids,
      moved: 2,
      dropped: 1,
    });
    expect(prop('role')).toEqual({
      name: 'role',
      values: [
        { id: 'facilitator:a', value: 'recruiter' },
        { id: 'facilitator:b', value: 'broker' },
      ],
      conflict: true,
      chosen: 'facilitator:b',
      merged: 'broker',
    });
    expect(prop('name')).toMatchObject({ conflict: true, chosen: 'facilitator:a', merged: 'Chen Wei' });
    // b has no description: a's is kept, no conflict
    expect(prop('description')).toMatchObject({ conflict: false, merged: 'Recruits in Bangkok' });
    expect(preview.record).toMatchObject({
      id: 'facilitator:a',
      name: 'Chen Wei',
      role: 'broker',
      gender: 'male', // a's is 'unknown', which a known value fills in
      grade: 'C3',
      tlp: 'GREEN',
      firstSeen: '2023-01-01',
      lastSeen: '2024-06-01',
      sourceIds: ['source:s1', 'source:s2'],
      aliases: ['Wei C', 'Old Chen'],
    });
    // the RED source b cites, and the link to the RED centre, are not shown nor counted
    const text = JSON.stringify(res.body);
    for (const hidden of ['source:sr', 'e5', 'centre:redc']) expect(text).not.toContain(hidden);
    // a RED analyst counts the link to the RED centre too, and sees the RED source
    const redPreview = (await post(red, '/api/merge/preview', body).expect(200)).body as MergePreview;
    expect(redPreview.moved).toBe(3);
    expect(redPreview.record.sourceIds).toEqual(['source:s1', 'source:s2', 'source:sr']);
    // a preview changes nothing
    expect(await snapshot()).toEqual(before);
  });

  it('merges: links move to the survivor with their ids, the duplicate is dropped, audited', async () => {
    const note = await post(green, '/api/notes', {
      target: { type: 'node', id: 'facilitator:b' },
      text: 'Met in Mae Sot',
      tlp: 'GREEN',
    }).expect(201);
    const res = await post(green, '/api/merge', { ...body, comment: 'same person' }).expect(200);
    result = res.body;
    expect(result).toMatchObject({ survivor: 'facilitator:a', merged: ['facilitator:b'], moved: 2, dropped: 1 });
    expect(result.mergeId).toMatch(/^merge:[0-9a-f-]{36}$/);
    expect(result.record).toEqual(preview.record);
    const after = await snapshot();
    expect(after.nodes.map((n) => n.key)).not.toContain('facilitator:b');
    // e1 was a's; e3, e4 and (unseen by the merger) e5 moved with their ids; e2 duplicated e1
    expect(edgesOf(after, 'facilitator:a')).toEqual(['e1', 'e3', 'e4', 'e5']);
    expect(after.edges.map((e) => e.key)).not.toContain('e2');
    const e3 = after.edges.find((e) => e.key === 'e3')!;
    expect([e3.source, e3.target]).toEqual(['facilitator:a', 'centre:y']);
    expect(e3.attributes).toEqual(before.edges.find((e) => e.key === 'e3')!.attributes);
    // the store keeps the RED source the merger could not see
    expect(after.nodes.find((n) => n.key === 'facilitator:a')!.attributes.sourceIds).toEqual([
      'source:s1',
      'source:s2',
      'source:sr',
    ]);
    const event = h.events.filter((e) => e.action === 'graph.merge').at(-1)!;
    expect(event).toMatchObject({
      user: 'ana-green',
      outcome: 'ok',
      targets: ['facilitator:a', 'facilitator:b'],
      details: { mergeId: result.mergeId, moved: 2, dropped: 1 },
    });
    // the revisions: the survivor an update, the merged id a merge, each moved link an update
    const changes = log();
    const merged = await changes.latest('node', 'facilitator:b');
    expect(merged).toMatchObject({
      action: 'merge',
      mergedInto: 'facilitator:a',
      mergeId: result.mergeId,
      comment: 'same person',
    });
    expect(await changes.latest('node', 'facilitator:a')).toMatchObject({ action: 'update', mergeId: result.mergeId });
    expect((await changes.latest('relationship', 'e3'))!.changes).toEqual([
      { property: 'from', before: 'facilitator:b', after: 'facilitator:a' },
    ]);
    expect(await changes.latest('relationship', 'e2')).toMatchObject({ action: 'delete', mergeId: result.mergeId });
    // the note on b now sits on the survivor
    const notes = await post(green, '/api/notes/find', { nodes: ['facilitator:a'] }).expect(200);
    expect(notes.body.notes.map((n: { id: string }) => n.id)).toEqual([note.body.id]);
  });

  it('answers the old id with the survivor and says it was merged', async () => {
    const res = await request(as(green)).get('/api/nodes/facilitator:b').expect(200);
    expect(res.body.node.key).toBe('facilitator:a');
    expect(res.body.redirect).toMatchObject({ from: 'facilitator:b', mergeId: result.mergeId, author: 'ana-green' });
  });

  it('undoes: every record and relationship exactly as before, the note back, audited; twice is 409', async () => {
    const res = await post(green, `/api/merge/${result.mergeId}/undo`).expect(200);
    expect(res.body).toMatchObject({ mergeId: result.mergeId, survivor: 'facilitator:a', merged: ['facilitator:b'] });
    expect(res.body.record.role).toBe('recruiter');
    expect(await snapshot()).toEqual(before);
    const notes = await post(green, '/api/notes/find', { nodes: ['facilitator:b'] }).expect(200);
    expect(notes.body.notes).toHaveLength(1);
    const event = h.events.filter((e) => e.action === 'graph.unmerge').at(-1)!;
    expect(event).toMatchObject({ user: 'ana-green', outcome: 'ok', targets: ['facilitator:a', 'facilitator:b'] });
    expect(await log().fate('facilitator:b')).toBeNull();
    await request(as(green)).get('/api/nodes/facilitator:b').expect(200);
    const again = await post(green, `/api/merge/${result.mergeId}/undo`).expect(409);
    expect(again.body.error.code).toBe('conflict');
  });
});

describe('merging three entities', () => {
  it('merges three: the chosen grade, the strictest marking, one of two links to the same end dropped; undo exact', async () => {
    const before = await snapshot();
    const ids = ['facilitator:c', 'facilitator:a', 'facilitator:b'];
    const res = await post(red, '/api/merge', { ids, grade: 'B2' }).expect(200);
    const result: MergeResult = res.body;
    // b has most links (e2, e3, e4, e5): the survivor by default
    expect(result.survivor).toBe('facilitator:b');
    expect(result.merged).toEqual(['facilitator:c', 'facilitator:a']);
    expect(result.record).toMatchObject({
      grade: 'B2',
      tlp: 'AMBER',
      firstSeen: '2023-01-01',
      lastSeen: '2025-01-01',
      name: 'CHÉN-WEI',
      role: 'broker',
      sourceIds: ['source:s2', 'source:sr', 'source:s1'],
    });
    expect(result.record.aliases).toEqual(['Old Chen', 'wei c', 'Big Brother']);
    const after = await snapshot();
    // e1 duplicates e2 (a→x, b→x) and e6 duplicates e4 (c→TH, b→TH): the survivor's own kept
    expect(edgesOf(after, 'facilitator:b')).toEqual(['e2', 'e3', 'e4', 'e5', 'e7']);
    expect(result).toMatchObject({ moved: 1, dropped: 2 });
    for (const id of ['facilitator:a', 'facilitator:c']) {
      const old = await request(as(red)).get(`/api/nodes/${id}`).expect(200);
      expect(old.body.redirect).toMatchObject({ from: id, mergeId: result.mergeId });
    }
    await post(red, `/api/merge/${result.mergeId}/undo`).expect(200);
    expect(await snapshot()).toEqual(before);
  });

  it('will not undo a merge whose survivor was changed since (409), and undoes in the reverse order', async () => {
    const first = (
      await post(red, '/api/merge', { ids: ['facilitator:d', 'facilitator:a'], survivor: 'facilitator:a' })
    ).body as MergeResult;
    const second = (
      await post(red, '/api/merge', { ids: ['facilitator:a', 'facilitator:b'], survivor: 'facilitator:a' })
    ).body as MergeResult;
    expect(second.mergeId).not.toBe(first.mergeId);
    // d was merged into a, then a… still a: the old id d resolves to a
    expect((await log().fate('facilitator:d'))?.mergedInto).toBe('facilitator:a');
    const stale = await post(red, `/api/merge/${first.mergeId}/undo`).expect(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { id: 'facilitator:a' } });
    await post(red, `/api/merge/${second.mergeId}/undo`).expect(200);
    await post(red, `/api/merge/${first.mergeId}/undo`).expect(200);
    expect((await snapshot()).nodes.map((n) => n.key)).toEqual(
      expect.arrayContaining(['facilitator:a', 'facilitator:d']),
    );
    // an edit by hand since the merge: undoing would lose it
    const third = (
      await post(red, '/api/merge', { ids: ['facilitator:a', 'facilitator:d'], survivor: 'facilitator:a' })
    ).body as MergeResult;
    await request(as(red))
      .patch('/api/nodes/facilitator:a')
      .set(H)
      .send({ set: { description: 'edited after the merge' } })
      .expect(200);
    const edited = await post(red, `/api/merge/${third.mergeId}/undo`).expect(409);
    expect(edited.body.error.details.id).toBe('facilitator:a');
    const a = await request(as(red)).get('/api/nodes/facilitator:a').expect(200);
    expect(a.body.node.attributes.description).toBe('edited after the merge');
    const unmerges = h.events.filter((e) => e.action === 'graph.unmerge' && e.outcome === 'failed');
    expect(unmerges.length).toBeGreaterThanOrEqual(2);
  });
});

describe('refusals', () => {
  it('400 for one id, mixed kinds, a survivor or choice not among them; 404 for what the actor cannot see', async () => {
    const cases: Array<[object, number, string?]> = [
      [{ ids: ['facilitator:a'] }, 400],
      [{ ids: ['facilitator:a', 'facilitator:a'] }, 400],
      [{ ids: ['facilitator:a', 'centre:x'] }, 400],
      [{ ids: ['facilitator:a', 'facilitator:b'], survivor: 'facilitator:d' }, 400],
      [{ ids: ['facilitator:a', 'facilitator:b'], choices: { id: 'facilitator:b' } }, 400],
      [{ ids: ['facilitator:a', 'facilitator:b'], choices: { nope: 'facilitator:b' } }, 400],
      [{ ids: ['facilitator:a', 'facilitator:b'], choices: { role: 'facilitator:d' } }, 400],
      [{ ids: ['facilitator:a', 'facilitator:b'], grade: 'Z9' }, 400],
      [{ ids: 'facilitator:a' }, 400],
      // citations name Sources by id: merging them would leave those dangling
      [{ ids: ['source:s1', 'source:s2'] }, 400],
      [{ ids: ['facilitator:a', 'facilitator:c'] }, 404, 'facilitator:c'],
      [{ ids: ['facilitator:a', 'facilitator:r'] }, 404, 'facilitator:r'],
      [{ ids: ['facilitator:a', 'facilitator:none'] }, 404, 'facilitator:none'],
      [{ ids: ['facilitator:a', 'nokind:x'] }, 404, 'nokind:x'],
    ];
    const before = await snapshot();
    const missing = await post(green, '/api/merge', { ids: ['facilitator:a', 'facilitator:none'] });
    for (const [body, status, hidden] of cases) {
      for (const url of ['/api/merge/preview', '/api/merge']) {
        const res = await post(green, url, body);
        expect(res.status, `${url} ${JSON.stringify(body)} ${JSON.stringify(res.body)}`).toBe(status);
        expect(JSON.stringify(res.body)).not.toMatch(/\.ts:|node_modules|\/tmp\//);
        if (hidden && hidden !== 'facilitator:none')
          expect(JSON.stringify(res.body).replaceAll(hidden, 'facilitator:none')).toBe(JSON.stringify(missing.body));
      }
    }
    const denied = await post(viewer, '/api/merge', { ids: ['facilitator:a', 'facilitator:b'] });
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toEqual({ permission: 'graph:write' });
    for (const id of ['merge:00000000-0000-0000-0000-000000000000', '..%2F..%2Fauth', 'merge:zzz'])
      await post(red, `/api/merge/${id}/undo`).expect(404);
    expect(await snapshot()).toEqual(before);
    const failed = h.events.filter((e) => e.action === 'graph.merge' && e.outcome !== 'ok');
    expect(failed.length).toBeGreaterThanOrEqual(cases.length);
  });
});
