/**
 * Source excerpts on a data dir made before they existed: the embedded store adds the `excerpt`
 * column to every table at init (ALTER TABLE … ADD IF NOT EXISTS), the old rows read null, and a
 * new excerpt is stored and read back. The tables are made here as the earlier DDL made them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladybugDdl } from '../../server/store/embedded/ddl.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { connect, openDatabase, runOwn } from '../../server/store/embedded/open-database.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { readNodeRecord, readRelRecord } from '../../server/graph/records.ts';
import { smallGraph } from '../support/small-graph.ts';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-excerpt-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const limits = { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000 };

describe('the excerpt column on an existing data dir', () => {
  it('is added at init, old rows read null, and an excerpt is kept', async () => {
    // the tables as they were before excerpts: the same DDL without the column
    const store = new EmbeddedStore({ dataDir, limits });
    const db = await openDatabase(store.databasePath);
    const connection = await connect(db);
    for (const statement of ladybugDdl().filter((s) => s.startsWith('CREATE')))
      await runOwn(connection, statement.replace(/, excerpt STRING/g, ''));
    await runOwn(
      connection,
      "CREATE (:Centre {id: 'centre:old', name: 'Old Compound', status: 'active', tlp: 'GREEN', grade: 'B2', sourceIds: ['source:doc-a'], synthetic: false})",
    );
    await connection.close();
    await db.close();

    await store.init();
    try {
      const old = await store.transaction((tx) => readNodeRecord(tx, 'centre:old'));
      expect(old).toMatchObject({ id: 'centre:old', excerpt: null });
      const batch = smallGraph();
      const alpha = batch.nodes.find((n) => n.id === 'centre:alpha')!;
      Object.assign(alpha, { excerpt: 'a compound of about forty people near the border' });
      const e3 = batch.relationships.find((r) => r.id === 'e3')!;
      Object.assign(e3, { excerpt: 'located in Thailand, the report says' });
      await writeBatch(store, batch);
      expect((await store.transaction((tx) => readNodeRecord(tx, 'centre:alpha')))?.excerpt).toBe(
        'a compound of about forty people near the border',
      );
      expect((await store.transaction((tx) => readRelRecord(tx, 'e3')))?.excerpt).toBe(
        'located in Thailand, the report says',
      );
    } finally {
      await store.close();
    }
    // a second start finds the column there and changes nothing
    const again = new EmbeddedStore({ dataDir, limits });
    await again.init();
    expect((await again.transaction((tx) => readNodeRecord(tx, 'centre:alpha')))?.excerpt).toContain('forty');
    await again.close();
  });
});
