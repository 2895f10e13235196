/** Loads the seed graph (facts + synthetic network) into a store. */
import { buildSeedGraph } from '../../seeds/index.ts';
import { graphCounts } from '../api/health/router.ts';
import type { Logger } from '../logger.ts';
import { writeBatch, type BatchSummary } from '../store/batch-writer.ts';
import type { GraphStore } from '../store/types.ts';

export interface SeedOptions {
  seed: number;
  scale: number;
}

export async function loadSeed(store: GraphStore, options: SeedOptions): Promise<BatchSummary> {
  return writeBatch(store, buildSeedGraph(options));
}

/** Seeds a store that holds no nodes; leaves any other store alone. */
export async function seedIfEmpty(store: GraphStore, options: SeedOptions, logger: Logger): Promise<BatchSummary | null> {
  const { nodes } = await graphCounts(store);
  if (nodes > 0) return null;
  const started = performance.now();
  const summary = await loadSeed(store, options);
  logger.info({ ...summary, ...options, ms: Math.round(performance.now() - started) }, 'loaded the seed graph into the empty store');
  return summary;
}

/** Removes every node and relationship, in one transaction. */
export async function clearStore(store: GraphStore): Promise<void> {
  await store.transaction((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}
