/**
 * `npm run backup` and `npm run restore` as processes, on a real data dir: back up, change the
 * data (graph, workspaces, saved queries), restore, and the counts, a hash of every node and
 * relationship, and the files are the backup's again. A backup whose files do not match their
 * manifest is refused and leaves the data dir alone; so is a data dir a store holds open.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../server/workspaces/workspace-store.ts';
import { UserQueryStore } from '../../server/queries/user-queries.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { REPO_ROOT, startServer } from '../support/server-process.ts';
import { smallGraph } from '../support/small-graph.ts';

const LIMITS = { timeoutMs: 30_000, maxRows: 100_000, maxBytes: 1e9 };
let dir: string;
let dataDir: string;

const cli = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });

async function withStore<T>(work: (store: EmbeddedStore) => Promise<T>): Promise<T> {
  const store = new EmbeddedStore({ dataDir, limits: LIMITS });
  await store.init();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Counts and a SHA-256 over every node's and relationship's properties, in id order. */
const state = () =>
  withStore(async (store) => {
    const nodes = (await store.read('MATCH (n) RETURN label(n) AS k, n AS n ORDER BY n.id')).graph.nodes;
    const rels = (await store.read('MATCH (a)-[r]->(b) RETURN r ORDER BY r.id, a.id')).graph.edges;
    const hash = createHash('sha256')
      .update(JSON.stringify([nodes, rels]))
      .digest('hex');
    return { nodes: nodes.length, relationships: rels.length, hash };
  });

const files = () => ({
  workspaces: existsSync(path.join(dataDir, 'workspaces'))
    ? readdirSync(path.join(dataDir, 'workspaces'))
        .filter((f) => !f.startsWith('_'))
        .sort()
    : [],
  queries: existsSync(path.join(dataDir, 'queries')) ? readdirSync(path.join(dataDir, 'queries')).sort() : [],
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'scamnet-backup-'));
  dataDir = path.join(dir, 'data');
  await withStore((store) => writeBatch(store, smallGraph()));
  const graph = {
    nodes: [{ key: 'centre:alpha', attributes: { kind: 'Centre', label: 'Alpha', x: 1, y: 2 } }],
    edges: [],
  };
  await new WorkspaceStore(dataDir).save('case-1', {
    title: 'Case one',
    graph,
    view: 'network',
    filters: {},
    selected: null,
  });
  await new UserQueryStore(dataDir).save(
    {
      name: 'all-centres',
      title: 'All centres',
      description: '',
      params: [],
      returns: '',
      query: 'MATCH (c:Centre) RETURN c',
    },
    'ladybug',
    false,
  );
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  it('restores exactly what was backed up: counts, data hash, workspaces and queries', async () => {
    const before = await state();
    const filesBefore = files();
    const backup = path.join(dir, 'backup');
    const made = cli('backup', backup);
    expect(made.status, made.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'queries/all-centres.json',
      'store/scamnet.lbug',
      'workspaces/case-1.json',
    ]);
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);

    // change everything the backup holds
    await withStore(async (store) => {
      await store.write("MATCH (c:Centre {id: 'centre:alpha'}) SET c.name = 'Renamed'");
      await store.write("MATCH (c:Centre {id: 'centre:gamma'}) DETACH DELETE c");
    });
    await new WorkspaceStore(dataDir).delete('case-1');
    await new WorkspaceStore(dataDir).save('case-2', {
      title: 'Later',
      graph: { nodes: [], edges: [] },
      view: 'network',
      filters: {},
      selected: null,
    });
    const changed = await state();
    expect(changed.hash).not.toBe(before.hash);

    const restored = cli('restore', backup);
    expect(restored.status, restored.stderr).toBe(0);
    expect(await state()).toEqual(before);
    expect(files()).toEqual(filesBefore);
    // the replaced data dir is kept beside, named in the output
    expect(restored.stdout).toMatch(/kept in .*before-restore/);
    expect(readdirSync(dir).some((n) => n.startsWith('data.before-restore-'))).toBe(true);
    // and nothing temporary is left beside it
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('refuses a tampered backup (a changed byte, an extra file, a missing file) and leaves the data dir alone', async () => {
    const backup = path.join(dir, 'backup');
    expect(cli('backup', backup).status).toBe(0);
    await withStore((store) =>
      store.write("MATCH (c:Centre {id: 'centre:alpha'}) SET c.name = 'Changed after the backup'"),
    );
    const current = await state();
    const storeFile = path.join(backup, 'store', 'scamnet.lbug');
    const original = readFileSync(storeFile);

    const tampered = Buffer.from(original);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 100) ^ 0xff, tampered.length - 100);
    writeFileSync(storeFile, tampered);
    const flipped = cli('restore', backup);
    expect(flipped.status).toBe(1);
    expect(flipped.stderr).toMatch(/store\/scamnet\.lbug: checksum does not match/);
    writeFileSync(storeFile, original);

    writeFileSync(path.join(backup, 'workspaces', 'planted.json'), '{}');
    const extra = cli('restore', backup);
    expect(extra.status).toBe(1);
    expect(extra.stderr).toMatch(/workspaces\/planted\.json: not in the manifest/);
    rmSync(path.join(backup, 'workspaces', 'planted.json'));

    rmSync(path.join(backup, 'queries', 'all-centres.json'));
    const missing = cli('restore', backup);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/queries\/all-centres\.json: missing/);

    expect(await state()).toEqual(current);
    expect(readdirSync(dir).sort()).toEqual(['backup', 'data']);
  }, 120_000);

  it('refuses to back up into a non-empty dir, and to back up or restore while the data dir is in use', async () => {
    const backup = path.join(dir, 'backup');
    expect(cli('backup', backup).status).toBe(0);
    const again = cli('backup', backup);
    expect([again.status, again.stderr]).toEqual([1, expect.stringMatching(/is not empty/)]);
    await withStore(async () => {
      const busyBackup = cli('backup', path.join(dir, 'other'));
      expect([busyBackup.status, busyBackup.stderr]).toEqual([1, expect.stringMatching(/in use by a running scamnet/)]);
      const busyRestore = cli('restore', backup);
      expect([busyRestore.status, busyRestore.stderr]).toEqual([
        1,
        expect.stringMatching(/in use by a running scamnet/),
      ]);
    });
    expect(existsSync(path.join(dir, 'other'))).toBe(false);
  }, 120_000);

  it('backs up through the running server that holds the data dir, and the copy restores', async () => {
    const before = await state();
    const server = await startServer({ SEED_ON_START: 'false' }, dataDir);
    const backup = path.join(dir, 'online');
    try {
      const made = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', backup], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SCAMNET_URL: server.url },
        encoding: 'utf8',
      });
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/through the running server/);
      // the server's own copy is gone once moved
      expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
      const manifest = JSON.parse(readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
      expect(manifest.files.map((f: { path: string }) => f.path)).toContain('store/scamnet.lbug');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
    await withStore((store) => store.write("MATCH (c:Centre {id: 'centre:alpha'}) DETACH DELETE c"));
    const restored = cli('restore', backup);
    expect(restored.status, restored.stderr).toBe(0);
    expect(await state()).toEqual(before);
  }, 180_000);
});
