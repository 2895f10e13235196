/**
 * The GraphStore contract against the embedded LadybugDB store, plus what only an embedded
 * store has: a data directory that outlives the process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { CENTRE_1_ATTRIBUTES, contractBatch, countNodes, describeStoreContract } from '../support/store-contract.ts';

const limits = { timeoutMs: 10_000, maxRows: 50, maxBytes: 16_000_000 };
const dirs: string[] = [];
const stores: EmbeddedStore[] = [];

function freshStore(dataDir = mkdtempSync(path.join(os.tmpdir(), 'scamnet-store-'))): EmbeddedStore {
  if (!dirs.includes(dataDir)) dirs.push(dataDir);
  const store = new EmbeddedStore({ dataDir, limits });
  stores.push(store);
  return store;
}

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('embedded', async () => {
  const store = freshStore();
  await store.init();
  return store;
});

describe('EmbeddedStore', () => {
  it('releases the data dir on close, so another process can open it at once', async () => {
    const store = freshStore();
    await store.init();
    await writeBatch(store, contractBatch());
    await store
      .transaction(async () => {
        throw new Error('rolled back on purpose');
      })
      .catch(() => undefined);
    await store.checkReadOnly('MATCH (n) RETURN n');
    await store.close();
    const opener = `const l = require('@ladybugdb/core'); new l.Database(process.argv[1]).init().then(() => console.log('opened'), (e) => console.log(e.message))`;
    const child = spawnSync(process.execPath, ['-e', opener, store.databasePath], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe('opened');
  });

  it('stops a runaway query with a timeout while other reads and writes are answered', async () => {
    const store = freshStore();
    await store.init();
    await writeBatch(store, contractBatch());
    const filler = parseBatch({
      nodes: Array.from({ length: 200 }, (_, i) => ({
        kind: 'ScamType',
        id: `scamtype:filler-${i}`,
        name: `Filler ${i}`,
        grade: 'C3',
        tlp: 'GREEN',
        synthetic: true,
      })),
    });
    if (!filler.ok) throw new Error('filler batch should be valid');
    await writeBatch(store, filler.batch);
    // A cartesian product of 200^4 rows whose filter the engine cannot push down: runs until stopped.
    const runaway = store.read(
      "MATCH (a:ScamType), (b:ScamType), (c:ScamType), (d:ScamType) WHERE a.name + b.name + c.name + d.name = 'x' RETURN count(*) AS c",
      {},
      { timeoutMs: 3_000 },
    );
    let settled = false;
    const outcome = runaway.then(
      () => 'finished',
      (error: AppError) => error.code,
    );
    void outcome.then(() => (settled = true));
    for (let i = 0; i < 20; i++) {
      const read = await store.read('MATCH (n:Centre) RETURN count(n) AS c');
      expect(read.rows[0]!.c).toBe(2);
      await store.write("MATCH (c:Centre {id: 'centre:test-1'}) SET c.city = $city RETURN c", { city: `City ${i}` });
    }
    expect(settled).toBe(false);
    expect(await outcome).toBe('timeout');
  });

  it('keeps its data when the same data dir is reopened', async () => {
    const first = freshStore();
    await first.init();
    await writeBatch(first, contractBatch());
    const query = 'MATCH (c:Centre {id: $id})-[r]-(n) RETURN c, r, n ORDER BY r.id';
    const before = await first.read(query, { id: 'centre:test-1' });
    await first.close();

    const reopened = freshStore(path.dirname(first.databasePath));
    await reopened.init();
    const after = await reopened.read(query, { id: 'centre:test-1' });
    expect(after.rows).toEqual(before.rows);
    expect(after.graph).toEqual(before.graph);
    expect(after.graph.nodes.find((n) => n.key === 'centre:test-1')!.attributes).toEqual(CENTRE_1_ATTRIBUTES);
    expect(after.rows).toHaveLength(4);
    expect(await countNodes(reopened, 'Country')).toBe(3);
  });

  it('rejects with store_unavailable when it is not open, before init and after close', async () => {
    const store = freshStore();
    const beforeInit = await store.read('RETURN 1 AS one').catch((error: unknown) => error);
    expect(beforeInit).toBeInstanceOf(AppError);
    expect((beforeInit as AppError).code).toBe('store_unavailable');

    await store.init();
    expect((await store.read('RETURN 1 AS one')).rows).toEqual([{ one: 1 }]);
    await store.close();
    for (const attempt of [
      store.read('RETURN 1 AS one'),
      store.write('CREATE (n:Country {id: $id, name: $id})', { id: 'country:CL' }),
      store.transaction(async () => 'never'),
    ]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('store_unavailable');
    }
  });

  it('caps rows at the configured QUERY_MAX_ROWS by default', async () => {
    const store = freshStore();
    await store.init();
    const result = await store.read('UNWIND range(1, 60) AS i RETURN i');
    expect(result.rows).toHaveLength(limits.maxRows);
    expect(result.rows.at(-1)).toEqual({ i: limits.maxRows });
    expect(result.truncated).toBe(true);
  });
});
