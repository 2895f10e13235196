/**
 * The embedded store's side: the product's importer into an EmbeddedStore in the size's temp dir,
 * and LadybugDB in-process on a second database loaded with COPY FROM for the raw columns.
 */
import lbug from '@ladybugdb/core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_PROPERTY, nodeProperties } from '../../server/model/schema.ts';
import { runImport } from '../../server/import/run-import.ts';
import { warmValidationWorker } from '../../server/import/read-off-thread.ts';
import { ladybugDialect } from '../../server/store/dialect.ts';
import { ladybugDdl } from '../../server/store/embedded/ddl.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import type { BenchShape } from './data.ts';
import { peakRss } from './process-memory.ts';
import type { ImportTimes, StoreSide } from './store-side.ts';

async function rawCopy(dir: string, dataDir: string, files: string[]) {
  mkdirSync(dataDir, { recursive: true });
  const db = new lbug.Database(path.join(dataDir, 'raw.lbug'));
  await db.init();
  const c = new lbug.Connection(db, 2);
  await c.init();
  const q = async (s: string) => {
    const r = await c.query(s);
    for (const x of Array.isArray(r) ? r : [r]) x.close();
  };
  for (const s of ladybugDdl()) await q(s);
  const started = performance.now();
  for (const f of files) {
    const isNode = !!nodeProperties.get(f as never);
    const cols = isNode
      ? `(${nodeProperties
          .get(f as never)!
          .map((p) => p.name)
          .join(', ')})`
      : '';
    await q(`COPY ${f}${cols} FROM '${path.join(dir, `${f}.csv`)}' (HEADER=true)`);
  }
  const ms = performance.now() - started;
  // The files hold no search key (the importer derives it), so COPY leaves it null and the raw
  // search would scan nulls and find nothing. Filled in untimed: the names are plain ASCII, so
  // lower() gives searchKeyOf's folding.
  for (const f of files) {
    if (nodeProperties.get(f as never)?.some((p) => p.name === 'name'))
      await q(`MATCH (n:${f}) SET n.${SEARCH_PROPERTY} = '|' + lower(n.name) + '|'`);
  }
  return { ms, db, c };
}

export class EmbeddedSide implements StoreSide {
  readonly name = 'embedded' as const;
  readonly dialect = ladybugDialect;
  private productDir = '';
  private raw: Awaited<ReturnType<typeof rawCopy>> | undefined;

  /** `withRaw: false` (--only health) skips the raw database. */
  constructor(private readonly withRaw = true) {}

  async importBoth(dir: string, shape: BenchShape): Promise<ImportTimes> {
    this.productDir = path.join(dir, 'product');
    const store = new EmbeddedStore({
      dataDir: this.productDir,
      limits: { timeoutMs: 60_000, maxRows: 5000, maxBytes: 16e6 },
    });
    await store.init();
    const files = shape.files.map((f) => ({ name: `${f}.csv`, bytes: readFileSync(path.join(dir, `${f}.csv`)) }));
    // a running server has started its validation worker (server/main.ts): not part of an import
    await warmValidationWorker();
    const t = performance.now();
    await runImport(store, files);
    const productMs = performance.now() - t;
    await store.close();
    if (!this.withRaw) return { productMs, rawMs: NaN, rawPath: 'none (--only health)' };
    this.raw = await rawCopy(dir, path.join(dir, 'raw'), shape.files);
    return { productMs, rawMs: this.raw.ms, rawPath: 'COPY FROM each CSV file' };
  }

  server() {
    return { env: {}, dataDir: this.productDir };
  }

  async rawQuery(cypher: string, params: Record<string, unknown>): Promise<void> {
    const st = await this.raw!.c.prepare(cypher);
    const r = await this.raw!.c.execute(st, params as never);
    const one = Array.isArray(r) ? r[0]! : r;
    await one.getAll();
    one.close();
  }

  memory(serverPid: number) {
    return { serverPeakRssMB: Math.round(peakRss(serverPid) / 1e6) };
  }

  async endSize(): Promise<void> {
    await this.raw?.c.close();
    await this.raw?.db.close();
    this.raw = undefined;
  }

  async close(): Promise<void> {
    await this.endSize();
  }
}
