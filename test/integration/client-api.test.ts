/**
 * The two endpoints the web client relies on beyond the core API: POST /api/subgraph (reopening a
 * shared link from its node ids) and /api/workspaces (investigations saved by name), on a real
 * embedded store holding test/support/small-graph.ts. Expected relationships come from that
 * file's picture.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '../../server/api/schemas.ts';
import { InducedSubgraph, MAX_SUBGRAPH_IDS } from '../../server/graph/induced-subgraph.ts';
import { Workspace, WorkspaceSummary } from '../../server/workspaces/workspace-store.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { untilClockPasses } from '../support/clock.ts';
import { smallGraph } from '../support/small-graph.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
});
afterAll(async () => {
  await h?.close();
});

const keys = (items: { key: string }[]) => items.map((i) => i.key).sort();

function expectError(body: unknown, code: string) {
  const parsed = ErrorSchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(JSON.stringify(parsed)).not.toMatch(/\\n\s+at |node_modules/); // never a stack trace
}

const subgraph = (body: unknown) =>
  request(h.app)
    .post('/api/subgraph')
    .send(body as object);

describe('POST /api/subgraph', () => {
  it('returns exactly the nodes asked for and every relationship among them', async () => {
    const ids = ['centre:alpha', 'country:KE', 'country:PH', 'country:TH', 'facilitator:f1', 'route:r1'];
    const res = await subgraph({ ids }).expect(200);
    const body = InducedSubgraph.parse(res.body);
    expect(keys(body.nodes)).toEqual([...ids].sort());
    // from the picture: KE-e1->alpha, PH-e2->alpha, alpha-e3->TH, f1-e6->alpha, f1-e10->r1, r1-e11->KE, r1-e12->TH
    // and not e7 (to beta), e16/e17 (to sea), e18 (to doc-a), whose other end was not asked for
    expect(keys(body.edges)).toEqual(['e1', 'e10', 'e11', 'e12', 'e2', 'e3', 'e6']);
    expect(body.missing).toEqual([]);
    const e1 = body.edges.find((e) => e.key === 'e1')!;
    expect(e1).toMatchObject({
      source: 'country:KE',
      target: 'centre:alpha',
      attributes: { kind: 'TRAFFICKED_TO', victims: 30, grade: 'D4' },
    });
    const alpha = body.nodes.find((n) => n.key === 'centre:alpha')!;
    expect(alpha.attributes).toMatchObject({ kind: 'Centre', label: 'Alpha Compound', workforce: 40 });
  });

  it('finds relationships across kinds and none where there are none', async () => {
    const cited = InducedSubgraph.parse(
      (await subgraph({ ids: ['centre:gamma', 'source:doc-a', 'country:KE'] }).expect(200)).body,
    );
    expect(keys(cited.edges)).toEqual(['e15', 'e18']);
    const apart = InducedSubgraph.parse(
      (await subgraph({ ids: ['centre:beta', 'centre:gamma', 'region:sea'] }).expect(200)).body,
    );
    expect(keys(apart.nodes)).toEqual(['centre:beta', 'centre:gamma', 'region:sea']);
    expect(apart.edges).toEqual([]);
    const one = InducedSubgraph.parse((await subgraph({ ids: ['operation:op1'] }).expect(200)).body);
    expect(keys(one.nodes)).toEqual(['operation:op1']);
    expect(one.edges).toEqual([]);
  });

  it('lists unknown ids in missing and takes duplicates in its stride', async () => {
    const res = await subgraph({
      ids: ['centre:alpha', 'centre:nope', 'centre:alpha', 'nonsense', 'country:TH', 'centre:nope', 'bogus:kind'],
    }).expect(200);
    const body = InducedSubgraph.parse(res.body);
    expect(keys(body.nodes)).toEqual(['centre:alpha', 'country:TH']);
    expect(keys(body.edges)).toEqual(['e3']);
    expect(body.missing.sort()).toEqual(['bogus:kind', 'centre:nope', 'nonsense']);
  });

  it(`accepts ${MAX_SUBGRAPH_IDS} ids`, async () => {
    const ids = Array.from({ length: MAX_SUBGRAPH_IDS - 2 }, (_, i) => `centre:none-${i}`).concat([
      'centre:beta',
      'country:PH',
    ]);
    const body = InducedSubgraph.parse((await subgraph({ ids }).expect(200)).body);
    expect(keys(body.nodes)).toEqual(['centre:beta', 'country:PH']);
    expect(keys(body.edges)).toEqual(['e4']);
    expect(body.missing).toHaveLength(MAX_SUBGRAPH_IDS - 2);
  });

  it.each([
    ['an empty list', { ids: [] }],
    ['a string instead of a list', { ids: 'centre:alpha' }],
    ['an object instead of a list', { ids: { 0: 'centre:alpha' } }],
    ['no ids at all', {}],
    ['an empty id', { ids: [''] }],
    ['a number among the ids', { ids: ['centre:alpha', 7] }],
    ['an id of 301 characters', { ids: [`centre:${'x'.repeat(294)}`] }],
    [`${MAX_SUBGRAPH_IDS + 1} ids`, { ids: Array.from({ length: MAX_SUBGRAPH_IDS + 1 }, (_, i) => `centre:c${i}`) }],
  ])('refuses %s with validation_error', async (_what, body) => {
    const res = await subgraph(body).expect(400);
    expectError(res.body, 'validation_error');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await request(h.app)
      .post('/api/subgraph')
      .set('content-type', 'application/json')
      .send('{"ids": [')
      .expect(400);
    expectError(res.body, 'bad_request');
  });
});

/** Saved by the request's actor (`local` with AUTH=off, as the harness runs), not shared unless asked. */
const OWNED = { owner: 'local', shared: false };

describe('/api/workspaces', () => {
  // what the client sends: the canvas with positions (and pinned, hidden), filters, view, camera, bbox
  const investigation = () => ({
    title: 'Kenya to Thailand',
    view: 'routes' as const,
    selected: 'centre:alpha',
    filters: {
      hiddenKinds: ['Source'],
      hiddenRelKinds: [],
      minGrade: 'C3',
      tlpCeiling: 'AMBER',
      from: null,
      to: '2024-12-31',
      fade: true,
    },
    camera: { x: 0.48, y: 0.52, ratio: 1.25, angle: 0 },
    bbox: { x: [-120.5, 310.25] as [number, number], y: [-80, 350.75] as [number, number] },
    graph: {
      nodes: [
        {
          key: 'country:KE',
          attributes: { kind: 'Country', label: 'Kenya', x: -100.125, y: 12.5, fixed: true, grade: 'A1' },
        },
        {
          key: 'centre:alpha',
          attributes: {
            kind: 'Centre',
            label: 'Alpha Compound',
            x: 250,
            y: 300.75,
            hiddenByUser: true,
            aliases: ['Bêta Zone'],
          },
        },
        { key: 'country:TH', attributes: { kind: 'Country', label: 'Thailand', x: 0, y: -0.5 } },
      ],
      edges: [
        { key: 'e1', source: 'country:KE', target: 'centre:alpha', attributes: { kind: 'TRAFFICKED_TO', victims: 30 } },
        { key: 'e3', source: 'centre:alpha', target: 'country:TH', attributes: { kind: 'LOCATED_IN' } },
      ],
    },
  });
  const put = (name: string, body: unknown) =>
    request(h.app)
      .put(`/api/workspaces/${name}`)
      .send(body as object);
  const workspacesDir = () => path.join(h.dataDir, 'workspaces');

  it('keeps a workspace exactly as it was sent, positions included', async () => {
    const sent = investigation();
    const saved = Workspace.parse((await put('kenya-thailand', sent).expect(200)).body);
    expect(saved).toEqual({ ...sent, name: 'kenya-thailand', savedAt: expect.any(String), ...OWNED });
    expect(Number.isNaN(Date.parse(saved.savedAt))).toBe(false);
    const res = await request(h.app).get('/api/workspaces/kenya-thailand').expect(200);
    expect(res.body).toEqual({ ...sent, name: 'kenya-thailand', savedAt: saved.savedAt, ...OWNED });
    expect(existsSync(path.join(workspacesDir(), 'kenya-thailand.json'))).toBe(true);
  });

  it('fills the defaults for what the client leaves out', async () => {
    const { title, graph } = investigation();
    await put('minimal', { title, graph }).expect(200);
    const body = Workspace.parse((await request(h.app).get('/api/workspaces/minimal').expect(200)).body);
    expect(body).toEqual({
      title,
      graph,
      view: 'network',
      filters: {},
      selected: null,
      name: 'minimal',
      savedAt: expect.any(String),
      ...OWNED,
    });
    expect(body).not.toHaveProperty('camera');
    await request(h.app).delete('/api/workspaces/minimal').set('X-Scamnet-Request', '1').expect(204);
  });

  it('lists workspaces with their node and edge counts, newest first', async () => {
    // a later savedAt than every workspace saved so far
    const before = (await request(h.app).get('/api/workspaces').expect(200)).body.workspaces as WorkspaceSummary[];
    await untilClockPasses(before.map((w) => w.savedAt).reduce((a, b) => (a > b ? a : b), ''));
    await put('empty-canvas', { title: 'Nothing yet', graph: { nodes: [], edges: [] } }).expect(200);
    const res = await request(h.app).get('/api/workspaces').expect(200);
    const list = res.body.workspaces.map((w: unknown) => WorkspaceSummary.parse(w));
    const byName = Object.fromEntries(list.map((w: WorkspaceSummary) => [w.name, w]));
    expect(byName['kenya-thailand']).toMatchObject({ title: 'Kenya to Thailand', nodes: 3, edges: 2 });
    expect(byName['empty-canvas']).toMatchObject({ title: 'Nothing yet', nodes: 0, edges: 0 });
    const order = list.map((w: WorkspaceSummary) => w.savedAt);
    expect(order).toEqual([...order].sort().reverse());
    expect(list[0].name).toBe('empty-canvas');
    await request(h.app).delete('/api/workspaces/empty-canvas').set('X-Scamnet-Request', '1').expect(204);
  });

  it('overwrites a workspace saved again under the same name', async () => {
    const first = Workspace.parse((await put('again', investigation()).expect(200)).body);
    const second = {
      ...investigation(),
      title: 'Second take',
      graph: { nodes: [investigation().graph.nodes[2]!], edges: [] },
    };
    second.graph.nodes[0]!.attributes.x = 777;
    await untilClockPasses(first.savedAt); // a later savedAt
    const saved = Workspace.parse((await put('again', second).expect(200)).body);
    expect(saved.savedAt > first.savedAt).toBe(true);
    const got = (await request(h.app).get('/api/workspaces/again').expect(200)).body;
    expect(got).toEqual({ ...second, name: 'again', savedAt: saved.savedAt, ...OWNED });
    const listed = (await request(h.app).get('/api/workspaces').expect(200)).body.workspaces.filter(
      (w: { name: string }) => w.name === 'again',
    );
    expect(listed).toEqual([
      { name: 'again', title: 'Second take', savedAt: saved.savedAt, nodes: 1, edges: 0, ...OWNED },
    ]);
    // renamed into place: no temporary file is left
    expect(readdirSync(workspacesDir()).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  it('deletes with 204, then answers not_found', async () => {
    await put('to-delete', investigation()).expect(200);
    await request(h.app).delete('/api/workspaces/to-delete').set('X-Scamnet-Request', '1').expect(204);
    expect(existsSync(path.join(workspacesDir(), 'to-delete.json'))).toBe(false);
    expectError((await request(h.app).get('/api/workspaces/to-delete').expect(404)).body, 'not_found');
    expectError(
      (await request(h.app).delete('/api/workspaces/to-delete').set('X-Scamnet-Request', '1').expect(404)).body,
      'not_found',
    );
    const names = (await request(h.app).get('/api/workspaces').expect(200)).body.workspaces.map(
      (w: { name: string }) => w.name,
    );
    expect(names).not.toContain('to-delete');
  });

  it('answers not_found for a workspace never saved', async () => {
    expectError((await request(h.app).get('/api/workspaces/never-saved').expect(404)).body, 'not_found');
  });

  it('accepts a name of 64 characters', async () => {
    const name = `a${'-b'.repeat(31)}b`;
    expect(name).toHaveLength(64);
    await put(name, investigation()).expect(200);
    await request(h.app).get(`/api/workspaces/${name}`).expect(200);
    await request(h.app).delete(`/api/workspaces/${name}`).set('X-Scamnet-Request', '1').expect(204);
  });

  it.each([
    ['../etc', '../etc'],
    ['..%2Fetc', '../etc'],
    ['..%2F..%2Fetc', '../../etc'],
    ['%2E%2E', '..'],
    ['Upper', 'Upper'],
    ['a'.repeat(65), 'a'.repeat(65)],
    ['-lead', '-lead'],
    ['has%20space', 'has space'],
    ['dot.json', 'dot.json'],
  ])('refuses the name %s and writes no file outside DATA_DIR/workspaces', async (urlName, decoded) => {
    const before = existsSync(workspacesDir()) ? readdirSync(workspacesDir()).sort() : [];
    for (const res of [
      await request(h.app).put(`/api/workspaces/${urlName}`).send(investigation()),
      await request(h.app).get(`/api/workspaces/${urlName}`),
      await request(h.app).delete(`/api/workspaces/${urlName}`).set('X-Scamnet-Request', '1'),
    ]) {
      expect([400, 404]).toContain(res.status);
      expectError(res.body, res.status === 400 ? 'validation_error' : 'not_found');
    }
    const after = existsSync(workspacesDir()) ? readdirSync(workspacesDir()).sort() : [];
    expect(after).toEqual(before);
    const base = path.basename(decoded);
    for (const dir of [h.dataDir, path.dirname(h.dataDir), workspacesDir(), path.join(workspacesDir(), '..', '..')]) {
      expect(existsSync(path.join(dir, `${base}.json`)), `${dir}/${base}.json`).toBe(false);
    }
  });

  it.each([
    ['no graph', (b: Record<string, unknown>) => delete b.graph],
    ['no title', (b: Record<string, unknown>) => delete b.title],
    ['an empty title', (b: Record<string, unknown>) => (b.title = '   ')],
    ['a title of two lines', (b: Record<string, unknown>) => (b.title = 'one\ntwo')],
    ['a graph without edges', (b: Record<string, unknown>) => (b.graph = { nodes: [] })],
    [
      'a node without a kind',
      (b: Record<string, unknown>) => (b.graph = { nodes: [{ key: 'x', attributes: { label: 'x' } }], edges: [] }),
    ],
    ['an unknown view', (b: Record<string, unknown>) => (b.view = 'globe')],
    ['a camera with a zero ratio', (b: Record<string, unknown>) => (b.camera = { x: 0, y: 0, ratio: 0 })],
  ])('refuses a body with %s as validation_error and saves nothing', async (_what, spoil) => {
    const body: Record<string, unknown> = investigation();
    spoil(body);
    const res = await put('spoilt', body).expect(400);
    expectError(res.body, 'validation_error');
    expect(existsSync(path.join(workspacesDir(), 'spoilt.json'))).toBe(false);
    await request(h.app).get('/api/workspaces/spoilt').expect(404);
  });

  it('survives a new app on the same data directory', async () => {
    const sent = investigation();
    const saved = Workspace.parse((await put('kept', sent).expect(200)).body);
    const again = createApp({
      store: h.store,
      logger: createLogger('silent'),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: false,
      dataDir: h.dataDir,
      serveClient: false,
    });
    const res = await request(again).get('/api/workspaces/kept').expect(200);
    expect(res.body).toEqual({ ...sent, name: 'kept', savedAt: saved.savedAt, ...OWNED });
    const names = (await request(again).get('/api/workspaces').expect(200)).body.workspaces.map(
      (w: { name: string }) => w.name,
    );
    expect(names).toEqual(expect.arrayContaining(['kept', 'kenya-thailand']));
  });
});
