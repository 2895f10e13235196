/**
 * POST /api/import over HTTP (multipart) and `npm run import` as a process, on real stores.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { graphCounts } from '../../server/graph/counts.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { REPO_ROOT, startServer } from '../support/server-process.ts';
import { smallGraph } from '../support/small-graph.ts';
import { binary } from '../support/export-request.ts';

const PROV = 'grade,tlp,sourceIds';
const GOOD = `id,name,status,${PROV}\ncentre:new1,New One,active,B2,AMBER,source:doc-a\ncentre:new2,New Two,suspected,C3,RED,source:doc-a\n`;
const WITH_BAD = `${GOOD}centre:new3,Bad Grade,active,K2,AMBER,source:doc-a\n`;

let h: Harness;
beforeEach(async () => {
  h = await startHarness(smallGraph());
});
afterEach(async () => {
  await h.close();
});

describe('POST /api/import', () => {
  it('abort (default): 400 invalid_import with the row report, nothing written', async () => {
    const before = await graphCounts(h.store);
    const res = await request(h.app)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(WITH_BAD), 'Centre.csv');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_import');
    expect(res.body.error.details.issues).toEqual([
      expect.objectContaining({ file: 'Centre.csv', line: 4, column: 'grade' }),
    ]);
    expect(await graphCounts(h.store)).toEqual(before);
  });

  it('skip: 200 with counts and the bad rows; again: unchanged', async () => {
    const send = () =>
      request(h.app)
        .post('/api/import?onError=skip')
        .set('X-Scamnet-Request', '1')
        .attach('files', Buffer.from(WITH_BAD), 'Centre.csv');
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      nodes: { created: 2, updated: 0, unchanged: 0 },
      skipped: 1,
      issues: [expect.objectContaining({ line: 4 })],
    });
    const again = await send();
    expect(again.body.nodes).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a body that is not multipart (415), a bad policy (400) and an upload past IMPORT_MAX_BYTES (413)', async () => {
    const json = await request(h.app).post('/api/import').send({ nodes: [] });
    expect([json.status, json.body.error.code]).toEqual([415, 'unsupported_format']);
    const policy = await request(h.app)
      .post('/api/import?onError=maybe')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(GOOD), 'Centre.csv');
    expect([policy.status, policy.body.error.code]).toEqual([400, 'validation_error']);
    const small = createApp({
      store: h.store,
      logger: createLogger('silent'),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: true,
      dataDir: h.dataDir,
      serveClient: false,
      importMaxBytes: 1_000,
    });
    const big = await request(small)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(GOOD.repeat(20)), 'Centre.csv');
    expect([big.status, big.body.error.code]).toEqual([413, 'too_large']);
  });

  it('imports this tool’s own JSON export back (graphology format) as unchanged', async () => {
    const exported = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', selection: { kind: 'ids', ids: ['centre:alpha', 'country:TH'] } });
    expect(exported.status).toBe(200);
    const res = await request(h.app)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(exported.body instanceof Buffer ? exported.body : exported.text), 'export.json');
    expect(res.body.error).toBeUndefined();
    expect(res.body.nodes).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(res.body.relationships.unchanged).toBe(1);
  });

  it('imports this tool’s own CSV export back (the i2 layout of nodes.csv and links.csv) as unchanged', async () => {
    const ids = smallGraph().nodes.map((n) => n.id);
    const exported = await request(h.app)
      .post('/api/export')
      .send({ format: 'csv', selection: { kind: 'ids', ids } })
      .buffer(true)
      .parse(binary);
    expect(exported.status).toBe(200);
    const zip = unzipSync(exported.body as Buffer);
    let upload = request(h.app).post('/api/import').set('X-Scamnet-Request', '1');
    for (const name of ['nodes.csv', 'links.csv']) upload = upload.attach('files', Buffer.from(zip[name]!), name);
    const res = await upload;
    expect(res.body.error).toBeUndefined();
    expect(res.body.nodes).toEqual({ created: 0, updated: 0, unchanged: ids.length });
    expect(res.body.relationships).toMatchObject({ created: 0, updated: 0 });
  });

  it('reads the i2 layout’s fixed columns as the domain’s, takes the formula guard off, and leaves Label out', async () => {
    const csv =
      '\uFEFFEntity ID,Entity Type,Label,Grade,TLP,Sources,First Seen,Last Seen,Synthetic,name,status\r\n' +
      "centre:i2,Centre,anything at all,B2,AMBER,source:doc-a,2024-01-01,2024-02-01,false,'=HYPERLINK(1),active\r\n";
    const res = await request(h.app)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(csv), 'nodes.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const node = (await request(h.app).get('/api/nodes/centre:i2').expect(200)).body.node.attributes;
    expect(node).toMatchObject({
      kind: 'Centre',
      name: '=HYPERLINK(1)',
      grade: 'B2',
      tlp: 'AMBER',
      sourceIds: ['source:doc-a'],
      firstSeen: '2024-01-01',
      lastSeen: '2024-02-01',
      synthetic: false,
    });
    expect(node.label).not.toBe('anything at all');
  });
});

describe('npm run import', () => {
  it('writes the files into DATA_DIR and prints the counts; a bad row makes it exit 1 and name the line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-import-cli-'));
    try {
      writeFileSync(
        path.join(dir, 'Source.csv'),
        `id,name,publisher,published,${PROV}\nsource:doc-a,Doc A,Publisher,2025-06-30,A1,CLEAR,source:doc-a\n`,
      );
      writeFileSync(path.join(dir, 'Centre.csv'), WITH_BAD);
      const run = (...args: string[]) =>
        spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli/import.ts', ...args], {
          cwd: REPO_ROOT,
          env: { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' },
          encoding: 'utf8',
        });
      const refused = run(path.join(dir, 'Source.csv'), path.join(dir, 'Centre.csv'));
      expect(refused.status).toBe(1);
      expect(refused.stdout).toMatch(/Centre\.csv:4 \[grade\]/);
      const ok = run(path.join(dir, 'Source.csv'), path.join(dir, 'Centre.csv'), '--on-error=skip');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/nodes: 3 created, 0 updated, 0 unchanged/);
      expect(ok.stderr).toMatch(/rows\/s/);
      expect(run('--on-error=never', path.join(dir, 'Centre.csv')).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('while a server holds the store, sends the files to its POST /api/import with the header it asks of uploads', async () => {
    const server = await startServer({ SEED_ON_START: 'false' });
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-import-cli-'));
    try {
      writeFileSync(
        path.join(dir, 'Source.csv'),
        `id,name,publisher,published,${PROV}\nsource:doc-a,Doc A,Publisher,2025-06-30,A1,CLEAR,source:doc-a\n`,
      );
      writeFileSync(path.join(dir, 'Centre.csv'), GOOD);
      const run = spawnSync(
        path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
        ['server/cli/import.ts', path.join(dir, 'Source.csv'), path.join(dir, 'Centre.csv')],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATA_DIR: server.dataDir, SCAMNET_URL: server.url, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
        },
      );
      expect(run.stderr).toMatch(/importing through/);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/nodes: 3 created/);
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { nodes: number };
      expect(health.nodes).toBe(3);
    } finally {
      await server.stop();
      server.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
