/**
 * Workspaces cannot grow without bound, and listing them reads a small index instead of parsing
 * every file (issue 9, item 8): size and count limits over HTTP, the index kept in step with
 * saves and deletes (also concurrent ones), and rebuilt when it is missing, damaged or stale.
 */
import { readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { INDEX_FILE, WorkspaceInput, WorkspaceStore } from '../../server/workspaces/workspace-store.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
});
afterAll(async () => {
  await h.close();
});

const node = (i: number) => ({ key: `centre:n${i}`, attributes: { kind: 'Centre', label: `N${i}`, x: i, y: i } });
const workspace = (title: string, nodes = 1) =>
  WorkspaceInput.parse({ title, graph: { nodes: Array.from({ length: nodes }, (_, i) => node(i)), edges: [] } });

function appWith(dataDir: string, maxBytes: number, maxCount: number) {
  return createApp({
    store: h.store,
    logger: createLogger('silent'),
    queries: openCatalogue(h.store, dataDir),
    analystCypher: true,
    dataDir,
    serveClient: false,
    workspaceLimits: { maxBytes, maxCount },
  });
}

describe('limits', () => {
  it('refuses a workspace past WORKSPACE_MAX_BYTES (413) and a new one past WORKSPACE_MAX_COUNT (409); saving over one still works', async () => {
    const dir = path.join(h.dataDir, 'limits');
    const app = appWith(dir, 20_000, 3);
    for (const name of ['a', 'b', 'c'])
      expect((await request(app).put(`/api/workspaces/${name}`).send(workspace(name))).status).toBe(200);
    const names = async () =>
      (await request(app).get('/api/workspaces')).body.workspaces.map((w: { name: string }) => w.name).sort();

    const fourth = await request(app).put('/api/workspaces/d').send(workspace('d'));
    expect(fourth.status).toBe(409);
    expect(fourth.body.error).toMatchObject({ code: 'workspace_limit', details: { count: 3, maxCount: 3 } });
    expect(fourth.body.error.message).toMatch(/WORKSPACE_MAX_COUNT/);
    const big = await request(app).put('/api/workspaces/a').send(workspace('too big', 400));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too_large');
    // the store's own check, on what it would write (the body parser's limit comes first over HTTP)
    const small = new WorkspaceStore(path.join(h.dataDir, 'limits-store'), { maxBytes: 500 });
    await expect(small.save('x', workspace('x', 10))).rejects.toMatchObject({
      code: 'too_large',
      details: { maxBytes: 500 },
    });
    expect(await small.list()).toEqual([]);
    expect((await request(app).get('/api/workspaces/a')).body.title).toBe('a');
    expect((await request(app).put('/api/workspaces/a').send(workspace('a again', 3))).status).toBe(200);
    expect((await request(app).delete('/api/workspaces/c').set('X-Scamnet-Request', '1')).status).toBe(204);
    expect((await request(app).put('/api/workspaces/d').send(workspace('d'))).status).toBe(200);
    expect(await names()).toEqual(['a', 'b', 'd']);
    // no temporary or stray files are left beside them
    expect(readdir(dir)).toEqual(['_index.json', 'a.json', 'b.json', 'd.json']);
  });
});

function readdir(dataDir: string): string[] {
  return readdirSync(path.join(dataDir, 'workspaces')).sort();
}

describe('the index', () => {
  it('lists from the index: a file changed behind its back with the same size and mtime is not read', async () => {
    const dir = path.join(h.dataDir, 'index-only');
    const store = new WorkspaceStore(dir);
    await store.save('case-1', workspace('Case one', 2));
    const file = path.join(dir, 'workspaces', 'case-1.json');
    const { size, atimeMs, mtimeMs } = statSync(file);
    writeFileSync(file, 'x'.repeat(size)); // garbage of the same length
    utimesSync(file, atimeMs / 1000, mtimeMs / 1000);
    const again = new WorkspaceStore(dir);
    expect(await again.list()).toEqual([
      expect.objectContaining({ name: 'case-1', title: 'Case one', nodes: 2, edges: 0 }),
    ]);
    // GET still reads the file itself, and says it is damaged
    await expect(again.get('case-1')).rejects.toMatchObject({ code: 'internal' });
  });

  it('is rebuilt when missing or damaged, and follows files added, changed or removed behind its back', async () => {
    const dir = path.join(h.dataDir, 'rebuild');
    const first = new WorkspaceStore(dir);
    await first.save('one', workspace('One'));
    await first.save('two', workspace('Two', 3));
    const index = path.join(dir, 'workspaces', INDEX_FILE);
    const summary = (list: Array<{ name: string; title: string; nodes: number }>) =>
      list.map((w) => `${w.name}:${w.title}:${w.nodes}`).sort();

    for (const damage of [
      () => rmSync(index),
      () => writeFileSync(index, '{"version":1,"workspaces":[{"name":'),
      () => writeFileSync(index, '{"version":2}'),
      () => writeFileSync(index, '[]'),
    ]) {
      damage();
      expect(summary(await new WorkspaceStore(dir).list())).toEqual(['one:One:1', 'two:Two:3']);
      expect(JSON.parse(readFileSync(index, 'utf8')).workspaces).toHaveLength(2);
    }

    // another copy of the files (a restore, an older server) changes them behind the index
    const other = path.join(dir, 'workspaces');
    const two = JSON.parse(readFileSync(path.join(other, 'two.json'), 'utf8'));
    writeFileSync(
      path.join(other, 'two.json'),
      JSON.stringify({ ...two, title: 'Two, renamed', graph: { nodes: [node(1)], edges: [] } }),
    );
    writeFileSync(path.join(other, 'three.json'), JSON.stringify({ ...two, name: 'three', title: 'Three' }));
    writeFileSync(path.join(other, 'broken.json'), '{');
    rmSync(path.join(other, 'one.json'));
    expect(summary(await new WorkspaceStore(dir).list())).toEqual(['three:Three:3', 'two:Two, renamed:1']);
  });

  it('keeps every concurrent save and delete', async () => {
    const dir = path.join(h.dataDir, 'concurrent');
    const store = new WorkspaceStore(dir, { maxCount: 100 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(`w-${i}`, workspace(`W ${i}`, (i % 4) + 1))));
    await Promise.all(Array.from({ length: 5 }, (_, i) => store.delete(`w-${i}`)));
    const expected = Array.from({ length: 15 }, (_, i) => `w-${i + 5}`).sort();
    expect((await store.list()).map((w) => w.name).sort()).toEqual(expected);
    expect((await new WorkspaceStore(dir).list()).map((w) => w.name).sort()).toEqual(expected);
    await expect(store.delete('w-0')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('typed filters and view', () => {
  const filters = {
    hiddenKinds: ['Person'],
    hiddenRelKinds: [],
    minGrade: 'C3',
    tlpCeiling: 'AMBER',
    from: '2024-01-01',
    to: null,
    fade: true,
  };

  it('keeps the filters the client saves, and refuses a bad filters object with 400 validation_error and details', async () => {
    const app = appWith(path.join(h.dataDir, 'typed'), 20_000_000, 100);
    const saved = await request(app)
      .put('/api/workspaces/typed')
      .send({ ...workspace('typed'), filters, view: 'routes' });
    expect(saved.status).toBe(200);
    expect((await request(app).get('/api/workspaces/typed')).body).toMatchObject({ filters, view: 'routes' });

    for (const bad of [
      { minGrade: 'Z9' },
      { tlpCeiling: 'PURPLE' },
      { hiddenKinds: 'Person' },
      { from: 'yesterday' },
      { fade: 'yes' },
    ]) {
      const res = await request(app)
        .put('/api/workspaces/typed')
        .send({ ...workspace('typed'), filters: { ...filters, ...bad } });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.details).toBeTruthy();
    }
    const badView = await request(app)
      .put('/api/workspaces/typed')
      .send({ ...workspace('typed'), view: 'map' });
    expect(badView.status).toBe(400);
    // the timeline is a view the client saves too
    const timeline = await request(app)
      .put('/api/workspaces/typed')
      .send({ ...workspace('typed'), view: 'timeline' });
    expect(timeline.status).toBe(200);
    expect((await request(app).get('/api/workspaces/typed')).body.view).toBe('timeline');
  });

  it('still loads workspace files saved before the filters were typed (empty or partial filters)', async () => {
    const dir = path.join(h.dataDir, 'typed-old');
    const app = appWith(dir, 20_000_000, 100);
    expect((await request(app).put('/api/workspaces/old').send(workspace('old'))).status).toBe(200);
    const file = path.join(dir, 'workspaces', 'old.json');
    for (const old of [{}, { fade: true }, { hiddenKinds: ['Centre'], minGrade: null }]) {
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...stored, filters: old }));
      const res = await request(app).get('/api/workspaces/old');
      expect(res.status, JSON.stringify(old)).toBe(200);
      expect(res.body.filters).toEqual(old);
    }
  });
});

describe('damaged files', () => {
  it('lists the readable workspaces and names each unreadable file with why, without a path', async () => {
    const dir = path.join(h.dataDir, 'damaged');
    const app = appWith(dir, 20_000_000, 100);
    expect((await request(app).put('/api/workspaces/good').send(workspace('good'))).status).toBe(200);
    const folder = path.join(dir, 'workspaces');
    const good = JSON.parse(readFileSync(path.join(folder, 'good.json'), 'utf8'));
    // one of each way a file goes bad: cut short, not an object, a field of the wrong type, a missing field
    writeFileSync(path.join(folder, 'cut.json'), '{"title":"cut", "graph": {"nodes": [');
    writeFileSync(path.join(folder, 'array.json'), '[1, 2, 3]');
    writeFileSync(path.join(folder, 'typed.json'), JSON.stringify({ ...good, title: 42 }));
    const { graph: _graph, ...noGraph } = good;
    writeFileSync(path.join(folder, 'nograph.json'), JSON.stringify(noGraph));

    // a server started on this folder (the running one keeps its index of the files it wrote)
    const restarted = appWith(dir, 20_000_000, 100);
    const res = await request(restarted).get('/api/workspaces').expect(200);
    expect(res.body.workspaces.map((w: { name: string }) => w.name)).toEqual(['good']);
    const damaged = res.body.damaged as { name: string; reason: string }[];
    expect(damaged.map((d) => d.name).sort()).toEqual(['array', 'cut', 'nograph', 'typed']);
    expect(damaged.find((d) => d.name === 'cut')?.reason).toBe('not JSON');
    for (const d of damaged) expect(d.reason.length, d.name).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(dir);
    // the files stay as they were, for the analyst to mend or remove
    expect(readFileSync(path.join(folder, 'array.json'), 'utf8')).toBe('[1, 2, 3]');
    // opening one says it is damaged, as a clear error with no path in it
    const opened = await request(restarted).get('/api/workspaces/typed');
    expect(opened.status).toBe(500);
    expect(opened.body.error.message).toMatch(/damaged/);
    expect(JSON.stringify(opened.body)).not.toContain(dir);
  });
});
