/**
 * Editing the graph by hand over HTTP (issue 13): POST/PATCH/DELETE /api/nodes and
 * /api/relationships, history, tombstones and restore, on the real app with AUTH=on (real accounts
 * with real API tokens), the audit event of every write checked. On both stores.
 *
 * The graph is the clearance suite's (test/support/clearance-graph.ts): GREEN and RED items, a
 * GREEN centre (g1) citing a RED source (rdoc).
 */
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../server/changes/change-log.ts';
import type { Role } from '../../server/model/access.ts';
import type { AuditEventInput } from '../../server/model/audit.ts';
import type { Tlp } from '../../server/model/markings.ts';
import { addUser, OPERATOR, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { clearanceGraph } from '../support/clearance-graph.ts';

let h: AuthHarness;
const tokens = new Map<string, string>();
const USERS: [string, Role, Tlp][] = [
  ['ana', 'analyst', 'RED'],
  ['gwen', 'analyst', 'GREEN'],
  ['vic', 'viewer', 'RED'],
];

beforeAll(async () => {
  h = await startAuthHarness(clearanceGraph());
  for (const [name, role, clearance] of USERS) {
    await addUser(h, name, role, clearance);
    tokens.set(name, (await h.operator.createToken(name, 'edit suite', OPERATOR)).token);
  }
});
afterAll(() => h.close());

/** A request as one of USERS, with their API token. */
function as(user: string) {
  const auth = `Bearer ${tokens.get(user)}`;
  const agent = request(h.app);
  // the header the web client and the CLIs send (the request guard wants it on a bodiless DELETE)
  const headers = { Authorization: auth, 'X-Scamnet-Request': '1' };
  return {
    get: (url: string) => agent.get(url).set(headers),
    post: (url: string, body?: object | string) => agent.post(url).set(headers).send(body),
    patch: (url: string, body?: object) => agent.patch(url).set(headers).send(body),
    delete: (url: string) => agent.delete(url).set(headers),
  };
}

/** The last audit event of an action since `from` (an index into the trail). */
function lastEvent(action: string, from = 0): AuditEventInput {
  const event = h.events.slice(from).findLast((e) => e.action === action);
  expect(event, `an audit event ${action}`).toBeDefined();
  return event!;
}

const centre = (name: string, extra: object = {}) => ({
  kind: 'Centre',
  name,
  status: 'active',
  grade: 'B2',
  tlp: 'GREEN',
  sourceIds: ['source:gdoc'],
  ...extra,
});

describe('POST /api/nodes', () => {
  it('adds an entity citing an existing source, its id made from the name, and audits it', async () => {
    const mark = h.events.length;
    const res = await as('ana').post('/api/nodes', { record: centre('Mae Sot Compound'), comment: 'from the field' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      entity: 'node',
      id: 'centre:mae-sot-compound',
      record: { kind: 'Centre', name: 'Mae Sot Compound', synthetic: false, sourceIds: ['source:gdoc'] },
      revision: { version: 1, action: 'create', author: 'ana', comment: 'from the field', tlp: 'GREEN' },
      createdSources: [],
    });
    const event = lastEvent('graph.create', mark);
    expect(event).toMatchObject({ user: 'ana', outcome: 'ok', targets: ['centre:mae-sot-compound'] });
    expect(event.details).toMatchObject({ entity: 'node', kind: 'Centre', version: 1 });
    expect(event.details.changed).toEqual(expect.arrayContaining(['name', 'status', 'tlp']));
    const got = await as('gwen').get('/api/nodes/centre:mae-sot-compound').expect(200);
    expect(got.body).toMatchObject({ node: { key: 'centre:mae-sot-compound' }, version: 1 });
    // the same name again: the next free id
    const again = await as('ana')
      .post('/api/nodes', { record: centre('Mae Sot Compound') })
      .expect(201);
    expect(again.body.id).toBe('centre:mae-sot-compound-2');
  });

  it('creates the new sources of the request in the same transaction, each citing itself', async () => {
    const mark = h.events.length;
    const res = await as('gwen').post('/api/nodes', {
      record: centre('Field Compound', { sourceIds: undefined }),
      newSources: [{ name: 'Field report 7', publisher: 'Desk', published: '2025-01', url: 'doc-7' }],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.createdSources).toEqual(['source:field-report-7']);
    expect(res.body.record.sourceIds).toEqual(['source:field-report-7']);
    const source = await as('gwen').get('/api/nodes/source:field-report-7').expect(200);
    expect(source.body.node.attributes).toMatchObject({ kind: 'Source', name: 'Field report 7', tlp: 'CLEAR' });
    expect(lastEvent('graph.create', mark).targets).toEqual(['centre:field-compound', 'source:field-report-7']);
    const details = await as('gwen').get('/api/nodes/centre:field-compound').expect(200);
    expect(details.body.provenance.sources.map((s: { id: string }) => s.id)).toEqual(['source:field-report-7']);
  });

  it('refuses a record with no source, a missing one or one the author may not see: 400 invalid_record with issues', async () => {
    for (const [user, sourceIds] of [
      ['ana', []],
      ['ana', ['source:nope']],
      ['gwen', ['source:rdoc']],
    ] as const) {
      const mark = h.events.length;
      const res = await as(user).post('/api/nodes', { record: centre('Sourceless', { sourceIds }) });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe('invalid_record');
      expect(res.body.error.details.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'record.sourceIds' })]),
      );
      expect(lastEvent('graph.create', mark)).toMatchObject({ outcome: 'failed', details: { kind: 'Centre' } });
    }
    // the RED source is refused in the same words as a missing one
    const hidden = await as('gwen').post('/api/nodes', { record: centre('X', { sourceIds: ['source:rdoc'] }) });
    const missing = await as('gwen').post('/api/nodes', { record: centre('X', { sourceIds: ['source:zzzz'] }) });
    expect(hidden.body.error.message.replace('rdoc', 'ID')).toBe(missing.body.error.message.replace('zzzz', 'ID'));
    expect((await as('ana').get('/api/nodes/centre:sourceless')).status).toBe(404);
  });

  it('refuses a marking above the author’s clearance (403, details.clearance) and a viewer (403)', async () => {
    let mark = h.events.length;
    const above = await as('gwen').post('/api/nodes', { record: centre('Amber Place', { tlp: 'AMBER' }) });
    expect(above.status).toBe(403);
    expect(above.body.error).toMatchObject({ code: 'forbidden', details: { clearance: 'GREEN' } });
    expect(lastEvent('graph.create', mark)).toMatchObject({ user: 'gwen', outcome: 'denied' });
    const newSource = await as('gwen').post('/api/nodes', {
      record: centre('Amber Place', { sourceIds: [] }),
      newSources: [{ name: 'Red memo', publisher: 'Desk', published: '2025', tlp: 'RED' }],
    });
    expect(newSource.status).toBe(403);
    mark = h.events.length;
    const viewer = await as('vic').post('/api/nodes', { record: centre('Viewer Place') });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'graph:write' } });
    expect(lastEvent('access.denied', mark)).toMatchObject({ user: 'vic', outcome: 'denied' });
    for (const name of ['amber-place', 'viewer-place'])
      expect((await as('ana').get(`/api/nodes/centre:${name}`)).status).toBe(404);
  });

  it('answers 409 for an id that exists', async () => {
    const res = await as('ana').post('/api/nodes', { record: centre('Greenfield', { id: 'centre:g1' }) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });
});

describe('source excerpts', () => {
  it('keeps the passage a fact cites, on an entity and a link, and shows it in their details', async () => {
    const excerpt = 'Police found 88 young people held at the compound.';
    const node = await as('gwen').post('/api/nodes', { record: centre('Excerpt Compound', { excerpt }) });
    expect(node.status, node.text).toBe(201);
    const details = await as('gwen').get(`/api/nodes/${node.body.id}`).expect(200);
    expect(details.body.provenance.excerpt).toBe(excerpt);
    const link = await as('gwen')
      .post('/api/relationships', {
        record: {
          kind: 'LOCATED_IN',
          from: node.body.id,
          to: 'country:NP',
          grade: 'B2',
          tlp: 'GREEN',
          sourceIds: ['source:gdoc'],
          excerpt: 'in Nepal',
        },
      })
      .expect(201);
    const linkDetails = await as('gwen')
      .get(`/api/relationships/${encodeURIComponent(link.body.id)}`)
      .expect(200);
    expect(linkDetails.body.provenance.excerpt).toBe('in Nepal');
    const changed = await as('gwen')
      .patch(`/api/nodes/${node.body.id}`, { set: { excerpt: null } })
      .expect(200);
    expect(changed.body.revision.changes).toEqual([{ property: 'excerpt', before: excerpt, after: null }]);
    const long = await as('gwen').patch(`/api/nodes/${node.body.id}`, { set: { excerpt: 'x'.repeat(5_001) } });
    expect(long.status).toBe(400);
    expect(long.body.error.details.issues[0].path).toBe('set.excerpt');
  });
});

describe('merged ids', () => {
  it('answer with the survivor (following a chain) and say where the id went; not for a reader who may not see the merge', async () => {
    // a merge as server/merge writes it: the merged ids gone from the graph, a merge revision each
    const log = new ChangeLog(path.join(h.dataDir, 'changes'));
    const merged = (id: string, into: string, tlp: Tlp) => ({
      entity: 'node' as const,
      id,
      author: 'ana',
      action: 'merge' as const,
      changes: [],
      record: { id, kind: 'Centre', name: id, tlp },
      tlp,
      mergedInto: into,
      mergeId: `m-${id}`,
    });
    await log.append([merged('centre:dup-a', 'centre:dup-b', 'GREEN'), merged('centre:dup-b', 'centre:g2', 'GREEN')]);
    await log.append([merged('centre:dup-red', 'centre:g2', 'RED')]);
    const res = await as('gwen').get('/api/nodes/centre:dup-a').expect(200);
    expect(res.body.node.key).toBe('centre:g2');
    expect(res.body.redirect).toMatchObject({ from: 'centre:dup-a', mergeId: 'm-centre:dup-a', author: 'ana' });
    expect((await as('gwen').get('/api/nodes/centre:dup-red')).status).toBe(404);
    expect((await as('ana').get('/api/nodes/centre:dup-red')).body.redirect.from).toBe('centre:dup-red');
    const history = await as('gwen').get('/api/nodes/centre:dup-a/history').expect(200);
    expect(history.body).toMatchObject({ state: 'merged', mergedInto: 'centre:g2' });
  });
});

describe('PATCH /api/nodes/:id', () => {
  it('changes properties, writes a baseline before the first edit of a seeded node, and refuses a stale version', async () => {
    const mark = h.events.length;
    const res = await as('ana').patch('/api/nodes/centre:g2', { set: { status: 'raided' }, expectedVersion: 0 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.revision).toMatchObject({
      version: 2,
      action: 'update',
      changes: [{ property: 'status', before: 'active', after: 'raided' }],
    });
    expect(lastEvent('graph.update', mark)).toMatchObject({
      outcome: 'ok',
      targets: ['centre:g2'],
      details: { kind: 'Centre', version: 2, changed: ['status'] },
    });
    const stale = await as('gwen').patch('/api/nodes/centre:g2', { set: { status: 'dismantled' }, expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    expect(lastEvent('graph.update', mark)).toMatchObject({ user: 'gwen', outcome: 'failed' });
    expect((await as('ana').get('/api/nodes/centre:g2')).body.node.attributes.status).toBe('raided');
    const history = await as('gwen').get('/api/nodes/centre:g2/history').expect(200);
    expect(history.body.revisions.map((r: { action: string }) => r.action)).toEqual(['update', 'baseline']);
    expect(history.body.revisions[1]).toMatchObject({ author: 'import', record: { status: 'active' } });
  });

  it('keeps the citations an editor cannot see when they rewrite the list, and never shows them', async () => {
    const res = await as('gwen').patch('/api/nodes/centre:g1', {
      set: { sourceIds: ['source:gdoc'], city: 'Myawaddy' },
    });
    expect(res.status, res.text).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('rdoc');
    const red = await as('ana').get('/api/nodes/centre:g1').expect(200);
    expect(red.body.node.attributes.sourceIds).toEqual(['source:gdoc', 'source:rdoc']);
    expect(red.body.node.attributes.city).toBe('Myawaddy');
    const history = await as('gwen').get('/api/nodes/centre:g1/history').expect(200);
    expect(JSON.stringify(history.body)).not.toContain('rdoc');
  });

  it('answers 404 for a node the editor may not see, as for a missing one', async () => {
    for (const id of ['centre:red', 'centre:nope']) {
      const res = await as('gwen').patch(`/api/nodes/${id}`, { set: { status: 'raided' } });
      expect(res.status).toBe(404);
    }
  });
});

describe('relationships', () => {
  it('adds a link the schema allows, refuses one it does not and one to a node the author may not see', async () => {
    const mark = h.events.length;
    const wrongWay = await as('ana').post('/api/relationships', {
      record: {
        kind: 'LOCATED_IN',
        from: 'country:TH',
        to: 'centre:g2',
        grade: 'B2',
        tlp: 'GREEN',
        sourceIds: ['source:gdoc'],
      },
    });
    expect(wrongWay.status).toBe(400);
    expect(wrongWay.body.error.code).toBe('invalid_record');
    expect(wrongWay.body.error.message).toContain('LOCATED_IN cannot join Country to Centre');
    expect(lastEvent('graph.create', mark).outcome).toBe('failed');
    const hiddenEnd = await as('gwen').post('/api/relationships', {
      record: {
        kind: 'RECRUITS_FOR',
        from: 'facilitator:scout',
        to: 'centre:red',
        grade: 'B2',
        tlp: 'GREEN',
        sourceIds: ['source:gdoc'],
      },
    });
    expect(hiddenEnd.status).toBe(400);
    expect(hiddenEnd.body.error.details.issues).toEqual([{ path: 'record.to', message: 'to: no node centre:red' }]);
    const ok = await as('gwen').post('/api/relationships', {
      record: {
        kind: 'LOCATED_IN',
        from: 'centre:g2',
        to: 'country:KE',
        grade: 'C3',
        tlp: 'GREEN',
        sourceIds: ['source:gdoc'],
      },
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.id).toBe('located_in:centre:g2>country:KE');
    expect(lastEvent('graph.create', mark)).toMatchObject({
      outcome: 'ok',
      targets: [ok.body.id],
      details: { entity: 'relationship', kind: 'LOCATED_IN' },
    });
    const got = await as('gwen')
      .get(`/api/relationships/${encodeURIComponent(ok.body.id)}`)
      .expect(200);
    expect(got.body).toMatchObject({
      edge: { key: ok.body.id, source: 'centre:g2', target: 'country:KE', attributes: { grade: 'C3' } },
      provenance: { grade: 'C3', sources: [{ id: 'source:gdoc' }] },
      version: 1,
    });
    const patched = await as('gwen').patch(`/api/relationships/${encodeURIComponent(ok.body.id)}`, {
      set: { grade: 'B1' },
      expectedVersion: 1,
    });
    expect(patched.status, patched.text).toBe(200);
    expect(lastEvent('graph.update', mark)).toMatchObject({
      details: { entity: 'relationship', version: 2, changed: ['grade'] },
    });
    const ends = await as('gwen').patch(`/api/relationships/${encodeURIComponent(ok.body.id)}`, {
      set: { to: 'country:TH' },
    });
    expect(ends.status).toBe(400);
  });

  it('hides a RED link and a link with a RED end from a GREEN reader (404)', async () => {
    for (const id of ['e-red-g2-th', 'e-scout-red', 'e-red-ke']) {
      expect((await as('gwen').get(`/api/relationships/${id}`)).status).toBe(404);
      expect((await as('gwen').get(`/api/relationships/${id}/history`)).status).toBe(404);
      expect((await as('gwen').patch(`/api/relationships/${id}`, { set: { grade: 'A1' } })).status).toBe(404);
      expect((await as('gwen').delete(`/api/relationships/${id}`)).status).toBe(404);
    }
    expect((await as('ana').get('/api/relationships/e-scout-red')).status).toBe(200);
  });
});

describe('delete, tombstone, restore', () => {
  it('deletes a node with its links, answers 410 for both, shows it in the history and brings both back', async () => {
    const made = await as('gwen')
      .post('/api/nodes', { record: centre('Doomed Compound') })
      .expect(201);
    const id = made.body.id as string;
    const link = await as('gwen')
      .post('/api/relationships', {
        record: {
          kind: 'LOCATED_IN',
          from: id,
          to: 'country:TH',
          grade: 'B2',
          tlp: 'GREEN',
          sourceIds: ['source:gdoc'],
        },
      })
      .expect(201);
    const linkId = encodeURIComponent(link.body.id);
    const mark = h.events.length;
    const del = await as('gwen').delete(`/api/nodes/${id}`);
    expect(del.status, del.text).toBe(200);
    expect(del.body).toMatchObject({
      record: null,
      revision: { action: 'delete', version: 2 },
      removedRelationships: [link.body.id],
    });
    expect(lastEvent('graph.delete', mark)).toMatchObject({
      outcome: 'ok',
      targets: [id, link.body.id],
      details: { version: 2 },
    });

    const gone = await as('gwen').get(`/api/nodes/${id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toMatchObject({ code: 'gone', details: { id, version: 2, author: 'gwen' } });
    expect((await as('gwen').get(`/api/relationships/${linkId}`)).status).toBe(410);
    // not in the graph any more: no search or neighbourhood finds it
    const th = await as('gwen').get('/api/nodes/country:TH/neighbors').expect(200);
    expect(th.body.nodes.map((n: { key: string }) => n.key)).not.toContain(id);

    const history = await as('gwen').get(`/api/nodes/${id}/history`).expect(200);
    expect(history.body).toMatchObject({
      state: 'deleted',
      revisions: [
        { action: 'delete', version: 2 },
        { action: 'create', version: 1 },
      ],
    });
    expect(history.body.revisions[0].removedRelationships).toEqual([link.body.id]);

    const restored = await as('gwen').post(`/api/nodes/${id}/restore`, { version: 1 });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body.revision).toMatchObject({ action: 'restore', version: 3, comment: 'restores version 1' });
    expect(lastEvent('graph.restore', mark)).toMatchObject({ outcome: 'ok', targets: [id], details: { version: 3 } });
    expect((await as('gwen').get(`/api/nodes/${id}`)).status).toBe(200);
    const back = await as('gwen').get(`/api/relationships/${linkId}`);
    expect(back.status).toBe(200);
    const linkHistory = await as('gwen').get(`/api/relationships/${linkId}/history`).expect(200);
    expect(linkHistory.body.revisions.map((r: { action: string }) => r.action)).toEqual([
      'restore',
      'delete',
      'create',
    ]);
    // the id is not handed out again while its history holds it
    expect((await as('gwen').post('/api/nodes', { record: centre('Doomed Compound') })).body.id).toBe(`${id}-2`);
  });

  it('sets a live node back to an earlier version', async () => {
    const made = await as('ana')
      .post('/api/nodes', { record: centre('Turnback', { workforce: 10 }) })
      .expect(201);
    const id = made.body.id as string;
    await as('ana')
      .patch(`/api/nodes/${id}`, { set: { workforce: 500 } })
      .expect(200);
    const res = await as('ana').post(`/api/nodes/${id}/restore`, { version: 1 }).expect(200);
    expect(res.body.revision.changes).toEqual([{ property: 'workforce', before: 500, after: 10 }]);
    expect((await as('ana').get(`/api/nodes/${id}`)).body.node.attributes.workforce).toBe(10);
  });

  it('deletes and restores a relationship on its own', async () => {
    const mark = h.events.length;
    await as('gwen').delete('/api/relationships/e-g2-np').expect(200);
    expect(lastEvent('graph.delete', mark)).toMatchObject({
      targets: ['e-g2-np'],
      details: { entity: 'relationship', version: 2 },
    });
    expect((await as('gwen').get('/api/relationships/e-g2-np')).status).toBe(410);
    await as('gwen').post('/api/relationships/e-g2-np/restore', { version: 1 }).expect(200);
    expect((await as('gwen').get('/api/relationships/e-g2-np')).body.edge.source).toBe('centre:g2');
  });
});

describe('clearance of the history', () => {
  it('never shows a GREEN reader a RED version, nor its values through the next version’s changes', async () => {
    const made = await as('ana')
      .post('/api/nodes', { record: centre('Chameleon') })
      .expect(201);
    const id = made.body.id as string;
    await as('ana')
      .patch(`/api/nodes/${id}`, { set: { tlp: 'RED', city: 'Secretville' } })
      .expect(200);
    await as('ana')
      .patch(`/api/nodes/${id}`, { set: { tlp: 'GREEN', city: 'Openville' } })
      .expect(200);
    const green = await as('gwen').get(`/api/nodes/${id}/history`).expect(200);
    expect(green.body.revisions.map((r: { version: number }) => r.version)).toEqual([3, 1]);
    expect(JSON.stringify(green.body)).not.toContain('Secretville');
    expect(green.body.revisions[0].changes).toEqual([{ property: 'city', before: null, after: 'Openville' }]);
    const red = await as('ana').get(`/api/nodes/${id}/history`).expect(200);
    expect(red.body.revisions.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    // restoring the RED version is as unknown to the GREEN reader as a version that never was
    expect((await as('gwen').post(`/api/nodes/${id}/restore`, { version: 2 })).status).toBe(404);
    expect((await as('gwen').post(`/api/nodes/${id}/restore`, { version: 99 })).status).toBe(404);
  });

  it('answers 404 for a RED node’s history, live or deleted, and for a deleted RED node', async () => {
    await as('ana')
      .patch('/api/nodes/centre:red', { set: { city: 'Hidden' } })
      .expect(200);
    expect((await as('gwen').get('/api/nodes/centre:red/history')).status).toBe(404);
    expect((await as('ana').get('/api/nodes/centre:red/history')).status).toBe(200);
    const made = await as('ana')
      .post('/api/nodes', { record: centre('Red Gone', { tlp: 'RED' }) })
      .expect(201);
    await as('ana').delete(`/api/nodes/${made.body.id}`).expect(200);
    expect((await as('ana').get(`/api/nodes/${made.body.id}`)).status).toBe(410);
    const green = await as('gwen').get(`/api/nodes/${made.body.id}`);
    expect(green.status).toBe(404);
    expect(JSON.stringify(green.body)).not.toContain('ana');
    expect((await as('gwen').get(`/api/nodes/${made.body.id}/history`)).status).toBe(404);
    expect((await as('gwen').post(`/api/nodes/${made.body.id}/restore`, { version: 1 })).status).toBe(404);
  });

  it('lists only the links a GREEN editor may see among those deleted with a node (all get tombstones)', async () => {
    // facilitator:scout has a RED link (to centre:g2) and a GREEN one to the RED centre
    const res = await as('gwen').delete('/api/nodes/facilitator:scout');
    expect(res.status, res.text).toBe(200);
    expect(res.body.removedRelationships.sort()).toEqual(['e-scout-th']);
    expect(JSON.stringify(res.body)).not.toMatch(/e-red-scout-g2|e-scout-red|centre:red/);
    const log = new ChangeLog(path.join(h.dataDir, 'changes'));
    for (const rel of ['e-red-scout-g2', 'e-scout-red', 'e-scout-th'])
      expect((await log.latest('relationship', rel))?.action).toBe('delete');
    // brought back, the links return with it, the ones the editor could not see included
    await as('gwen').post('/api/nodes/facilitator:scout/restore', { version: 1 }).expect(200);
    expect((await as('ana').get('/api/relationships/e-red-scout-g2')).status).toBe(200);
    expect((await as('ana').get('/api/relationships/e-scout-red')).status).toBe(200);
  });
});

describe('two servers on one graph and one data dir', () => {
  it('share the history: a stale version from the other server is refused', async () => {
    const other = h.another();
    const auth = { Authorization: `Bearer ${tokens.get('ana')}`, 'X-Scamnet-Request': '1' };
    const made = await as('ana')
      .post('/api/nodes', { record: centre('Shared Compound') })
      .expect(201);
    const id = made.body.id as string;
    await request(other)
      .patch(`/api/nodes/${id}`)
      .set(auth)
      .send({ set: { city: 'A' }, expectedVersion: 1 })
      .expect(200);
    const stale = await as('ana').patch(`/api/nodes/${id}`, { set: { city: 'B' }, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentVersion).toBe(2);
    const history = await request(other).get(`/api/nodes/${id}/history`).set(auth).expect(200);
    expect(history.body.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
  });
});

describe('hostile bodies', () => {
  const bad: [string, string, string, object | string][] = [
    ['an id that is not a string', 'post', '/api/nodes', { record: centre('Numeric Id', { id: 42 }) }],
    ['an unknown property', 'post', '/api/nodes', { record: centre('Unknown Prop', { colour: 'red' }) }],
    ['the stores’ search key', 'post', '/api/nodes', { record: centre('Synthetic search', { searchKey: '|x|' }) }],
    ['a 20,000-character name', 'post', '/api/nodes', { record: centre('x'.repeat(20_000)) }],
    [
      '1,000 aliases',
      'post',
      '/api/nodes',
      { record: centre('Aliases', { aliases: Array.from({ length: 1000 }, (_, i) => `a${i}`) }) },
    ],
    ['a number as text', 'post', '/api/nodes', { record: centre('Wrong Type', { workforce: 'many' }) }],
    ['a status that is a number', 'post', '/api/nodes', { record: centre('Wrong Status', { status: 42 }) }],
    ['sourceIds as a string', 'post', '/api/nodes', { record: centre('Source String', { sourceIds: 'source:gdoc' }) }],
    ['a TLP that is none', 'post', '/api/nodes', { record: centre('Bad Tlp', { tlp: 'PURPLE' }) }],
    ['a kind that is none', 'post', '/api/nodes', { record: { ...centre('No Kind'), kind: 'Spaceship' } }],
    ['an id of another kind', 'post', '/api/nodes', { record: centre('Bad Id', { id: 'country:not-a-centre' }) }],
    ['a record that is a list', 'post', '/api/nodes', { record: [] }],
    ['newSources as a string', 'post', '/api/nodes', { record: centre('New Sources'), newSources: 'x' }],
    ['a body that is a string', 'post', '/api/nodes', '"just a string"'],
    ['id in set', 'patch', '/api/nodes/centre:g2', { set: { id: 'centre:other' } }],
    ['kind in set', 'patch', '/api/nodes/centre:g2', { set: { kind: 'Country' } }],
    ['synthetic in set', 'patch', '/api/nodes/centre:g2', { set: { synthetic: true } }],
    ['an unknown property in set', 'patch', '/api/nodes/centre:g2', { set: { colour: 'red' } }],
    ['a 20,000-character name in set', 'patch', '/api/nodes/centre:g2', { set: { name: 'y'.repeat(20_000) } }],
    ['a negative count', 'patch', '/api/nodes/centre:g2', { set: { workforce: -5 } }],
    ['expectedVersion as text', 'patch', '/api/nodes/centre:g2', { set: { status: 'raided' }, expectedVersion: 'two' }],
    ['set as a string', 'patch', '/api/nodes/centre:g2', { set: 'status' }],
    ['a link’s end in set', 'patch', '/api/relationships/e-g1-th', { set: { from: 'centre:g2' } }],
    ['a link’s kind in set', 'patch', '/api/relationships/e-g1-th', { set: { kind: 'RAIDED' } }],
    [
      'a link without its end',
      'post',
      '/api/relationships',
      { record: { kind: 'LOCATED_IN', from: 'centre:g2', grade: 'B2', tlp: 'GREEN', sourceIds: ['source:gdoc'] } },
    ],
    ['a version as text', 'post', '/api/nodes/centre:g2/restore', { version: 'first' }],
    ['version 0', 'post', '/api/nodes/centre:g2/restore', { version: 0 }],
    [
      'a constructor key in a record',
      'post',
      '/api/nodes',
      '{"record":{"kind":"Centre","name":"P","constructor":{"prototype":{"x":1}}}}',
    ],
  ];
  it.each(bad)('%s: %s %s is 400 and changes nothing', async (_label, method, url, body) => {
    const before = await as('ana').get('/api/nodes/centre:g2').expect(200);
    const send = as('ana');
    const res = await (method === 'post' ? send.post(url, body) : send.patch(url, body as object)).set(
      'Content-Type',
      'application/json',
    );
    expect(res.status, res.text).toBe(400);
    expect(['invalid_record', 'validation_error', 'bad_request']).toContain(res.body.error.code);
    expect(res.text).not.toMatch(/\/work\/|node_modules|at .*\.ts:\d+/);
    const after = await as('ana').get('/api/nodes/centre:g2').expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('drops a __proto__ key in set (the schema parser skips it): nothing changes, nothing is polluted', async () => {
    const before = await as('ana').get('/api/nodes/centre:g2').expect(200);
    const res = await as('ana')
      .patch('/api/nodes/centre:g2', undefined)
      .set('Content-Type', 'application/json')
      .send('{"set":{"__proto__":{"polluted":true}}}');
    expect([200, 400]).toContain(res.status);
    expect((await as('ana').get('/api/nodes/centre:g2').expect(200)).body).toEqual(before.body);
  });

  it('leaves no trace on objects’ prototypes', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('still answers after them, and finds nothing under hostile ids', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', 'centre:%00', `centre:${'z'.repeat(290)}`, 'e%20x'])
      expect((await as('ana').get(`/api/nodes/${id}/history`)).status).toBe(404);
    expect((await as('ana').get(`/api/nodes/centre:${'z'.repeat(400)}`)).status).toBe(400);
    await request(h.app).get('/api/health').expect(200);
  });
});
