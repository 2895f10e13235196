/**
 * `npm run copy-store` between two embedded data dirs, as a process, on real LadybugDB stores:
 * the copy holds every node, relationship, saved query and workspace, and the data version it
 * prints is the one an export of the whole graph records; a target that holds anything is refused
 * without --replace and left as it was; --replace replaces it whole, or on a nearly full disk
 * fails mid-way and leaves the old graph. The digest it proves the
 * copy by is checked against the plain whole-graph dataVersion, on both its paths. The Neo4j
 * directions are in test/neo4j/copy-store.neo4j.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedGraph } from '../../seeds/index.ts';
import { WorkspaceStore } from '../../server/workspaces/workspace-store.ts';
import { digestStore } from '../../server/copy/store-digest.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { type EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { appFor } from '../support/app-harness.ts';
import {
  ORDER_IDS,
  awkwardGraph,
  dataFilesOf,
  fillSource,
  printedDataVersion,
  runCopyStore,
  wholeDataVersion,
} from '../support/copy-fixtures.ts';
import { withEmbeddedStore } from '../support/copy-fixtures.ts';
import { smallGraph } from '../support/small-graph.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../support/tmpfs.ts';

const LIMITS = { timeoutMs: 60_000, maxRows: 100_000, maxBytes: 1e9 };
let dir: string;
let sourceDir: string;
let sourceVersion: string;

const withStore = <T>(dataDir: string, work: (store: EmbeddedStore) => Promise<T>) =>
  withEmbeddedStore(dataDir, LIMITS, work);

const readAll = (store: EmbeddedStore) => (q: string, p: Record<string, unknown>) =>
  store.read(q, p, { maxRows: 1e7, maxBytes: 1e9 });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'scamnet-copy-'));
  sourceDir = path.join(dir, 'source');
  sourceVersion = await withStore(sourceDir, async (store) => {
    await fillSource(store, sourceDir);
    return wholeDataVersion(store);
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the copy digest', { timeout: 120_000 }, () => {
  it('is the whole graph’s dataVersion, streamed when the engine orders ids as JavaScript does', async () => {
    const only = path.join(dir, 'digest-seed');
    await withStore(only, async (store) => {
      await writeBatch(store, buildSeedGraph({ seed: 42, scale: 1 }));
      // a page size that splits tables, so the keyset paging itself is exercised
      const digest = await digestStore(readAll(store), 37);
      expect(digest.method).toBe('streamed');
      expect(digest.dataVersion).toBe(await wholeDataVersion(store));
      expect(digest.total).toEqual({ nodes: 474, relationships: 1766 });
      expect(Object.values(digest.nodes).reduce((a, b) => a + b, 0)).toBe(474);
    });
  });

  it('is still the whole graph’s dataVersion when ids sort differently by code point', async () => {
    await withStore(sourceDir, async (store) => {
      const digest = await digestStore(readAll(store), 101);
      expect(digest.dataVersion).toBe(sourceVersion);
      // Ladybug orders by code point, so the ids in ORDER_IDS send it to the held path
      expect(digest.method).toBe('held');
      const ids = (await store.read('MATCH (n:ScamType) WHERE n.id IN $ids RETURN n.id AS id', { ids: ORDER_IDS }))
        .rows;
      expect(ids).toHaveLength(ORDER_IDS.length);
    });
  });

  it('is what an export of the whole graph records as its dataVersion', async () => {
    const only = path.join(dir, 'digest-export');
    await withStore(only, async (store) => {
      // the seed graph has no text an export cleans, so the export's data is the store's
      await writeBatch(store, buildSeedGraph({ seed: 42, scale: 1 }));
      const ids = (await store.read('MATCH (n) RETURN n.id AS id', {}, { maxRows: 10_000 })).rows.map((r) =>
        String(r.id),
      );
      const res = await request(appFor(store, only, { exportMaxNodes: 10_000 }))
        .post('/api/export')
        .send({ format: 'json', selection: { kind: 'ids', ids } })
        .expect(200);
      expect((await digestStore(readAll(store))).dataVersion).toBe(res.headers['x-export-data-version']);
    });
  });
});

// Each case runs the command a few times, a process each: slow on a loaded machine, so a generous limit.
describe('npm run copy-store -- --from embedded --to embedded', { timeout: 300_000 }, () => {
  it('copies every node, relationship, saved query and workspace, and proves it by counts and data version', async () => {
    const targetDir = path.join(dir, 'copy-1');
    const run = runCopyStore([
      '--from',
      'embedded',
      '--from-data',
      sourceDir,
      '--to',
      'embedded',
      '--to-data',
      targetDir,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(printedDataVersion(run.stdout)).toBe(sourceVersion);
    expect(run.stdout).toMatch(/^nodes ScamType\s+(\d+)\s+\1$/m);
    expect(run.stdout).toMatch(/^relationships in all\s+(\d+)\s+\1$/m);
    expect(run.stdout).toContain('1 saved queries, 1 workspaces copied');
    // the embedded bulk path ran (and its UNWIND fallback, for the aliases it cannot stage)
    expect(run.stderr).toMatch(/wrote 630 ScamType nodes through COPY FROM/);
    expect(run.stderr).toMatch(/wrote 622 USES_METHOD relationships \(ScamType to Method\) through COPY FROM/);
    const [version, counts] = await withStore(targetDir, async (store) => [
      await wholeDataVersion(store),
      (await digestStore(readAll(store))).nodes,
    ]);
    expect(version).toBe(sourceVersion);
    expect(counts.ScamType).toBeGreaterThan(620);
    expect(dataFilesOf(targetDir)).toEqual(dataFilesOf(sourceDir));
    expect(Object.keys(dataFilesOf(targetDir))).toEqual(['queries/all-centres.json', 'workspaces/case-1.json']);
    // nothing of the copy's own left behind: no staging, no staged folders
    expect(readdirSync(targetDir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(existsSync(path.join(targetDir, 'staging')) ? readdirSync(path.join(targetDir, 'staging')) : []).toEqual([]);
  });

  it('refuses a target that holds anything, without --replace, and leaves it as it was', async () => {
    const targetDir = path.join(dir, 'copy-2');
    const before = await withStore(targetDir, async (store) => {
      await writeBatch(store, smallGraph());
      return wholeDataVersion(store);
    });
    const run = runCopyStore([
      '--from',
      'embedded',
      '--from-data',
      sourceDir,
      '--to',
      'embedded',
      '--to-data',
      targetDir,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /target is not empty \(14 nodes, 18 relationships\): nothing was copied\. Give --replace/,
    );
    expect(await withStore(targetDir, wholeDataVersion)).toBe(before);
    expect(dataFilesOf(targetDir)).toEqual({});

    // files alone are enough to refuse, before any store is opened
    const filesOnly = path.join(dir, 'copy-3');
    const graph = { nodes: [], edges: [] };
    await new WorkspaceStore(filesOnly).save('theirs', {
      title: 'Theirs',
      graph,
      view: 'network',
      filters: {},
      selected: null,
    });
    const theirs = dataFilesOf(filesOnly);
    const refused = runCopyStore([
      '--from',
      'embedded',
      '--from-data',
      sourceDir,
      '--to',
      'embedded',
      '--to-data',
      filesOnly,
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /already holds 0 saved queries and 1 workspaces: nothing was copied\. Give --replace/,
    );
    expect(dataFilesOf(filesOnly)).toEqual(theirs);
    expect(readdirSync(filesOnly)).toEqual(['workspaces']);
  });

  it('with --replace replaces a target’s graph and files whole', async () => {
    const targetDir = path.join(dir, 'copy-4');
    await withStore(targetDir, (store) => writeBatch(store, smallGraph()));
    const emptySource = path.join(dir, 'empty-source');
    await withStore(emptySource, (store) => writeBatch(store, awkwardGraph()));
    const first = runCopyStore([
      '--from',
      'embedded',
      '--from-data',
      sourceDir,
      '--to',
      'embedded',
      '--to-data',
      targetDir,
      '--replace',
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(printedDataVersion(first.stdout)).toBe(sourceVersion);
    expect(first.stderr).toContain('emptied 14 nodes and 18 relationships');
    expect(dataFilesOf(targetDir)).toEqual(dataFilesOf(sourceDir));
    // a source without files replaces the target's with none
    const second = runCopyStore([
      '--from',
      'embedded',
      '--from-data',
      emptySource,
      '--to',
      'embedded',
      '--to-data',
      targetDir,
      '--replace',
    ]);
    expect(second.status, second.stderr).toBe(0);
    const awkward = await withStore(emptySource, wholeDataVersion);
    expect(printedDataVersion(second.stdout)).toBe(awkward);
    expect(await withStore(targetDir, wholeDataVersion)).toBe(awkward);
    expect(dataFilesOf(targetDir)).toEqual({});
  });

  it('refuses, before writing anything, a source whose records it cannot tell apart (an id held twice)', async () => {
    const twice = path.join(dir, 'twice');
    await withStore(twice, async (store) => {
      await writeBatch(store, smallGraph());
      // the embedded store keeps no key on relationships, so a second e1 can be made by hand
      await store.write(
        "MATCH (a:Country {id: 'country:KE'}), (b:Centre {id: 'centre:beta'}) " +
          "CREATE (a)-[:TRAFFICKED_TO {id: 'e1', grade: 'D4', tlp: 'AMBER', sourceIds: ['source:doc-a'], synthetic: false}]->(b)",
      );
    });
    const targetDir = path.join(dir, 'copy-twice');
    const run = runCopyStore(['--from', 'embedded', '--from-data', twice, '--to', 'embedded', '--to-data', targetDir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /0 node\(s\) and 1 relationship\(s\) the copy cannot read as records of their own .*an id held twice\); nothing was copied/,
    );
    expect(await withStore(targetDir, async (store) => (await digestStore(readAll(store))).total)).toEqual({
      nodes: 0,
      relationships: 0,
    });
  });

  it('refuses bad arguments with exit 2, and a data dir held by another process with exit 1', async () => {
    expect(runCopyStore(['--from', 'embedded']).status).toBe(2);
    expect(runCopyStore(['--from', 'sqlite', '--to', 'embedded']).stderr).toMatch(/--from: /);
    const same = runCopyStore([
      '--from',
      'embedded',
      '--from-data',
      sourceDir,
      '--to',
      'embedded',
      '--to-data',
      sourceDir,
    ]);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/same data dir/);
    const held = path.join(dir, 'held');
    await withStore(held, async () => {
      const run = runCopyStore(['--from', 'embedded', '--from-data', sourceDir, '--to', 'embedded', '--to-data', held]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/cannot open the target store .*in use by another process.*nothing was copied/);
    });
  });
});

const noTmpfs = tmpfsUnavailable();
if (noTmpfs && process.env.CI === 'true')
  throw new Error(`the copy-store disk-full test must run in CI, but ${noTmpfs}`);
if (noTmpfs) console.warn(`copy-store on a full disk: skipped, ${noTmpfs}`);

describe.skipIf(noTmpfs !== undefined)(
  'npm run copy-store onto a nearly full disk (the target on a 64 MiB tmpfs)',
  { timeout: 300_000 },
  () => {
    let fs: Tmpfs;
    beforeAll(() => {
      fs = mountTmpfs(64);
    });
    afterAll(() => {
      fs.release();
      fs.unmount();
    });

    it('fails mid-way with --replace and leaves the target’s old graph whole', async () => {
      const targetDir = path.join(fs.dir, 'data');
      const before = await withStore(targetDir, async (store) => {
        await writeBatch(store, smallGraph());
        return wholeDataVersion(store);
      });
      // room for the small writes (above the 4 MiB floor), not for a bulk load's staging and pages
      fs.fillTo(10 * 1024 * 1024);
      const run = runCopyStore([
        '--from',
        'embedded',
        '--from-data',
        sourceDir,
        '--to',
        'embedded',
        '--to-data',
        targetDir,
        '--replace',
      ]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('emptied 14 nodes and 18 relationships');
      expect(run.stderr).toMatch(/wrote \d+ Facilitator nodes through UNWIND/);
      expect(run.stderr).toMatch(
        /the copy failed and was rolled back; the target is as it was: not enough free disk space/,
      );
      expect(run.stderr).not.toContain(fs.dir);
      fs.release();
      expect(await withStore(targetDir, wholeDataVersion)).toBe(before);
      expect(readdirSync(targetDir).filter((f) => f.startsWith('.'))).toEqual([]);
      const staging = path.join(targetDir, 'staging');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    });
  },
);
