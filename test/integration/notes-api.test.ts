/**
 * Notes over HTTP with accounts on (AUTH=on, real API tokens): writing, changing and deleting a
 * note, who may, and what each clearance finds — a note reaches a reader only when its own TLP
 * and its target are both visible, and nothing of the others arrives, not even a count. Runs on
 * both stores; every write's audit event is checked.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteStore } from '../../server/notes/note-store.ts';
import type { Note } from '../../server/model/notes.ts';
import { startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { clearanceGraph } from '../support/clearance-graph.ts';
import { tokenClient, type Account } from '../support/token-client.ts';

const H = { 'X-Scamnet-Request': '1' };
const redAnalyst: Account = { name: 'ana-red', role: 'analyst', clearance: 'RED' };
const otherAnalyst: Account = { name: 'ana-red-2', role: 'analyst', clearance: 'RED' };
const greenAnalyst: Account = { name: 'ana-green', role: 'analyst', clearance: 'GREEN' };
const greenViewer: Account = { name: 'view-green', role: 'viewer', clearance: 'GREEN' };
const admin: Account = { name: 'boss', role: 'admin', clearance: 'RED' };

let h: AuthHarness;
const as = tokenClient(() => h);

beforeAll(async () => {
  h = await startAuthHarness(clearanceGraph());
});
afterAll(async () => {
  await h?.close();
});

const post = (who: Account, body: unknown) =>
  request(as(who))
    .post('/api/notes')
    .set(H)
    .send(body as object);
const find = (who: Account, body: unknown) =>
  request(as(who))
    .post('/api/notes/find')
    .set(H)
    .send(body as object);
const eventsOf = (action: string) => h.events.filter((e) => e.action === action);

describe('notes', () => {
  const made: Record<string, Note> = {};
  const everything = {
    nodes: ['centre:g1', 'centre:red', 'country:KE', 'centre:no-such'],
    relationships: ['e-g1-th', 'e-red-ke', 'e-scout-red', 'e-ke-g1'],
    workspace: 'private-case',
  };

  it('writes notes on nodes, links and a chart, each with its author, times, marking and version 1', async () => {
    const wanted: Array<[string, object]> = [
      ['greenOnG1', { target: { type: 'node', id: 'centre:g1' }, text: 'Seen **twice** in 2024', tlp: 'GREEN' }],
      ['redOnG1', { target: { type: 'node', id: 'centre:g1' }, text: 'Vermilion informant says so', tlp: 'RED' }],
      ['clearOnRed', { target: { type: 'node', id: 'centre:red' }, text: 'Cobalt rumour about it', tlp: 'CLEAR' }],
      ['onLink', { target: { type: 'relationship', id: 'e-g1-th' }, text: 'Lease papers', tlp: 'CLEAR' }],
      // a GREEN link whose far end is RED: the link is withheld below RED, and so is its note
      ['onHalfRed', { target: { type: 'relationship', id: 'e-scout-red' }, text: 'Umber courier', tlp: 'CLEAR' }],
      ['onRedLink', { target: { type: 'relationship', id: 'e-red-ke' }, text: 'Magenta lease', tlp: 'CLEAR' }],
    ];
    for (const [key, body] of wanted) {
      const res = await post(redAnalyst, body).expect(201);
      expect(res.body).toMatchObject({ ...body, author: 'ana-red', version: 1 });
      expect(res.body.id).toMatch(/^note:[0-9a-f-]{36}$/);
      expect(res.body.createdAt).toBe(res.body.updatedAt);
      made[key] = res.body;
    }
    const created = eventsOf('note.create').filter((e) => e.outcome === 'ok');
    expect(created).toHaveLength(wanted.length);
    expect(created[0]).toMatchObject({
      user: 'ana-red',
      targets: [made.greenOnG1!.id, 'centre:g1'],
      details: { target: { type: 'node', id: 'centre:g1' }, tlp: 'GREEN', version: 1 },
    });
    // the trail keeps what was done, not the analyst's words
    expect(JSON.stringify(created)).not.toContain('Vermilion');
  });

  it('writes notes on a saved chart: private to its owner, or shared', async () => {
    await request(as(redAnalyst))
      .put('/api/workspaces/private-case')
      .set(H)
      .send({ title: 'Private', graph: { nodes: [], edges: [] } })
      .expect(200);
    await request(as(redAnalyst))
      .put('/api/workspaces/shared-case')
      .set(H)
      .send({ title: 'Shared', shared: true, graph: { nodes: [], edges: [] } })
      .expect(200);
    made.onPrivate = (
      await post(redAnalyst, { target: { type: 'workspace', id: 'private-case' }, text: 'Teal hunch', tlp: 'CLEAR' })
    ).body;
    made.onShared = (
      await post(redAnalyst, { target: { type: 'workspace', id: 'shared-case' }, text: 'Chart notes', tlp: 'CLEAR' })
    ).body;
    expect(made.onPrivate!.version).toBe(1);
    // a GREEN analyst may not open the private chart: as for a missing one
    const res = await post(greenAnalyst, {
      target: { type: 'workspace', id: 'private-case' },
      text: 'x',
      tlp: 'CLEAR',
    }).expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('gives a RED reader every note on what they asked about', async () => {
    const res = await find(redAnalyst, everything).expect(200);
    const ids = res.body.notes.map((n: Note) => n.id).sort();
    expect(ids).toEqual(
      [made.greenOnG1, made.redOnG1, made.clearOnRed, made.onLink, made.onHalfRed, made.onRedLink, made.onPrivate]
        .map((n) => n!.id)
        .sort(),
    );
    const shared = await find(redAnalyst, { workspace: 'shared-case' }).expect(200);
    expect(shared.body.notes.map((n: Note) => n.id)).toEqual([made.onShared!.id]);
  });

  it('gives a GREEN reader no RED note and no note on a RED node or link: not its id, text or count', async () => {
    for (const who of [greenViewer, greenAnalyst]) {
      const res = await find(who, everything).expect(200);
      expect(res.body.notes.map((n: Note) => n.id).sort()).toEqual([made.greenOnG1!.id, made.onLink!.id].sort());
      const text = JSON.stringify(res.body);
      for (const hidden of [made.redOnG1, made.clearOnRed, made.onHalfRed, made.onRedLink, made.onPrivate]) {
        expect(text).not.toContain(hidden!.id);
        expect(text).not.toContain(hidden!.text);
      }
      expect(Object.keys(res.body)).toEqual(['notes']);
    }
    // one by one too: asking about a RED node alone answers as for a node with no notes
    const alone = await find(greenViewer, { nodes: ['centre:red'] }).expect(200);
    const none = await find(greenViewer, { nodes: ['centre:no-such'] }).expect(200);
    expect(alone.body).toEqual(none.body);
    expect(alone.body).toEqual({ notes: [] });
  });

  it('refuses a note above the author’s clearance, on what they cannot see, or from a viewer', async () => {
    const above = await post(greenAnalyst, {
      target: { type: 'node', id: 'centre:g1' },
      text: 'x',
      tlp: 'AMBER',
    }).expect(403);
    expect(above.body.error).toMatchObject({ code: 'forbidden', details: { tlp: 'AMBER', clearance: 'GREEN' } });
    const missing = await post(greenAnalyst, {
      target: { type: 'node', id: 'centre:no-such' },
      text: 'x',
      tlp: 'CLEAR',
    });
    const hidden = await post(greenAnalyst, { target: { type: 'node', id: 'centre:red' }, text: 'x', tlp: 'CLEAR' });
    expect(missing.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body).replaceAll('centre:red', 'centre:no-such')).toBe(JSON.stringify(missing.body));
    const link = await post(greenAnalyst, {
      target: { type: 'relationship', id: 'e-scout-red' },
      text: 'x',
      tlp: 'CLEAR',
    }).expect(404);
    expect(link.body.error.code).toBe('not_found');
    const viewer = await post(greenViewer, { target: { type: 'node', id: 'centre:g1' }, text: 'x', tlp: 'CLEAR' });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.details).toEqual({ permission: 'graph:write' });
    const failed = eventsOf('note.create').filter((e) => e.outcome !== 'ok');
    expect(failed.map((e) => [e.user, e.outcome])).toEqual([
      ['ana-green', 'failed'], // the private chart
      ['ana-green', 'denied'],
      ['ana-green', 'failed'],
      ['ana-green', 'failed'],
      ['ana-green', 'failed'],
    ]);
    expect(h.events.some((e) => e.action === 'access.denied' && e.user === 'view-green')).toBe(true);
  });

  it('refuses hostile input as 400 with the problems named, and writes nothing', async () => {
    const before = (await find(redAnalyst, everything)).body.notes.length;
    const bad: unknown[] = [
      {},
      { target: { type: 'node', id: 'centre:g1' }, text: '', tlp: 'CLEAR' },
      { target: { type: 'node', id: 'centre:g1' }, text: 'x'.repeat(20_001), tlp: 'CLEAR' },
      { target: { type: 'node', id: 'centre:g1' }, text: 'x', tlp: 'PURPLE' },
      { target: { type: 'file', id: '/etc/passwd' }, text: 'x', tlp: 'CLEAR' },
      { target: { type: 'node', id: '' }, text: 'x', tlp: 'CLEAR' },
      { target: { type: 'node', id: 'centre:g1' }, text: 42, tlp: 'CLEAR' },
      [1, 2],
    ];
    for (const body of bad) {
      const res = await post(redAnalyst, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|node_modules|\/tmp\//);
    }
    // a workspace target that is a path, and an id of another form, name no note
    for (const id of ['../../auth/accounts', 'note:../../x', 'note:00000000-0000-0000-0000-000000000000', 'x']) {
      const res = await request(as(redAnalyst))
        .patch(`/api/notes/${encodeURIComponent(id)}`)
        .set(H)
        .send({ text: 'y' });
      expect(res.status, id).toBe(404);
    }
    const ws = await post(redAnalyst, { target: { type: 'workspace', id: '../auth' }, text: 'x', tlp: 'CLEAR' });
    expect(ws.status).toBe(404);
    expect((await find(redAnalyst, everything)).body.notes.length).toBe(before);
  });

  it('lets the author change a note: text and marking, version up by one, audited', async () => {
    const res = await request(as(redAnalyst))
      .patch(`/api/notes/${made.onLink!.id}`)
      .set(H)
      .send({ text: 'Lease papers, signed', tlp: 'GREEN' })
      .expect(200);
    expect(res.body).toMatchObject({ id: made.onLink!.id, text: 'Lease papers, signed', tlp: 'GREEN', version: 2 });
    expect(res.body.createdAt).toBe(made.onLink!.createdAt);
    expect(res.body.updatedAt >= made.onLink!.updatedAt).toBe(true);
    const event = eventsOf('note.update').at(-1)!;
    expect(event).toMatchObject({
      user: 'ana-red',
      outcome: 'ok',
      targets: [made.onLink!.id, 'e-g1-th'],
      details: { tlp: 'GREEN', version: 2 },
    });
    // marked RED now: gone for a GREEN reader
    await request(as(redAnalyst)).patch(`/api/notes/${made.onLink!.id}`).set(H).send({ tlp: 'RED' }).expect(200);
    const green = await find(greenViewer, { relationships: ['e-g1-th'] }).expect(200);
    expect(green.body.notes).toEqual([]);
    await request(as(redAnalyst)).patch(`/api/notes/${made.onLink!.id}`).set(H).send({ tlp: 'CLEAR' }).expect(200);
  });

  it('lets only the author or an admin change or delete a note; a hidden one is 404, not 403', async () => {
    const other = await request(as(otherAnalyst)).patch(`/api/notes/${made.greenOnG1!.id}`).set(H).send({ text: 'y' });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'forbidden', details: { author: 'ana-red' } });
    const hidden = await request(as(greenAnalyst)).patch(`/api/notes/${made.redOnG1!.id}`).set(H).send({ text: 'y' });
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('ana-red');
    const onHidden = await request(as(greenAnalyst)).delete(`/api/notes/${made.clearOnRed!.id}`).set(H);
    expect(onHidden.status).toBe(404);
    // the author cannot mark it above their own clearance either (a GREEN author's own note)
    const mine = (await post(greenAnalyst, { target: { type: 'node', id: 'centre:g1' }, text: 'mine', tlp: 'GREEN' }))
      .body as Note;
    const up = await request(as(greenAnalyst)).patch(`/api/notes/${mine.id}`).set(H).send({ tlp: 'RED' });
    expect(up.status).toBe(403);
    const byAdmin = await request(as(admin))
      .patch(`/api/notes/${mine.id}`)
      .set(H)
      .send({ text: 'checked by admin' })
      .expect(200);
    expect(byAdmin.body).toMatchObject({ author: 'ana-green', version: 2 });
    await request(as(otherAnalyst)).delete(`/api/notes/${mine.id}`).set(H).expect(403);
    await request(as(greenAnalyst)).delete(`/api/notes/${mine.id}`).set(H).expect(204);
    await request(as(greenAnalyst)).delete(`/api/notes/${mine.id}`).set(H).expect(404);
    const deletes = eventsOf('note.delete').map((e) => [e.user, e.outcome, e.targets]);
    expect(deletes).toEqual([
      ['ana-green', 'failed', [made.clearOnRed!.id]],
      ['ana-red-2', 'denied', [mine.id]],
      ['ana-green', 'ok', [mine.id]],
      ['ana-green', 'failed', [mine.id]],
    ]);
  });

  it('keeps notes on disk: another store on the same folder reads them, and a damaged file is passed over', async () => {
    writeFileSync(path.join(h.dataDir, 'notes', '11111111-1111-1111-1111-111111111111.json'), '{"id": "note:half');
    const again = new NoteStore(h.dataDir);
    const all = await again.all();
    expect(all.map((n) => n.id)).toContain(made.redOnG1!.id);
    expect(all.find((n) => n.id === made.onLink!.id)).toMatchObject({ text: 'Lease papers, signed', version: 4 });
    const res = await find(redAnalyst, everything).expect(200);
    expect(res.body.notes.length).toBe(7);
    // written by another process behind the server's cache: the server finds it
    await again.create({ target: { type: 'node', id: 'country:KE' }, text: 'From the CLI', tlp: 'CLEAR' }, 'operator');
    const ke = await find(greenViewer, { nodes: ['country:KE'] }).expect(200);
    expect(ke.body.notes.map((n: Note) => n.text)).toEqual(['From the CLI']);
  });
});
