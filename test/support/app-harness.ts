/**
 * A real embedded store in a temp dir behind the real Express app, for HTTP tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import type { GraphBatch } from '../../server/model/schema.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import type { StoreLimits } from '../../server/store/types.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';

export interface Harness {
  app: Express;
  store: EmbeddedStore;
  dataDir: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  limits?: Partial<StoreLimits>;
  analystCypher?: boolean;
  exportMaxNodes?: number;
}

export async function startHarness(batch?: GraphBatch, options: HarnessOptions = {}): Promise<Harness> {
  const limits: StoreLimits = { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000, ...options.limits };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-test-'));
  const store = new EmbeddedStore({ dataDir, limits });
  await store.init();
  if (batch) await writeBatch(store, batch);
  const app = createApp({
    store,
    logger: createLogger('silent'),
    queries: openCatalogue(store, dataDir),
    analystCypher: options.analystCypher ?? true,
    dataDir,
    ...(options.exportMaxNodes ? { exportMaxNodes: options.exportMaxNodes } : {}),
  });
  return {
    app,
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
