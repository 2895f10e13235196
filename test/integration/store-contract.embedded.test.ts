/**
 * The GraphStore contract against the embedded LadybugDB store, plus what only an embedded
 * store has: a data directory that outlives the process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { CENTRE_1_ATTRIBUTES, contractBatch, countNodes, describeStoreContract } from '../support/store-contract.ts';

const limits = { timeoutMs: 10_000, maxRows: 50 };
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
