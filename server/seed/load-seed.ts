/** Loads the seed graph (facts + synthetic network) into a store. */
import { buildSeedGraph } from '../../seeds/index.ts';
import { graphCounts } from '../graph/counts.ts';
import type { Logger } from '../logger.ts';
import { writeBatch, type BatchSummary, type WriteOptions } from '../store/batch-writer.ts';
import type { GraphStore } from '../store/types.ts';

export interface SeedOptions {
  seed: number;
  scale: number;
}

/** Upserts the seed graph; with `replaceAll`, what the store held before goes, in the same transaction. */
export async function loadSeed(store: GraphStore, options: SeedOptions & WriteOptions): Promise<BatchSummary> {
  const { seed, scale, ...write } = options;
  return writeBatch(store, buildSeedGraph({ seed, scale }), write);
}

/** Seeds a store that holds no nodes; leaves any other store alone. */
export async function seedIfEmpty(
  store: GraphStore,
  options: SeedOptions,
  logger: Logger,
): Promise<BatchSummary | null> {
  const { nodes } = await graphCounts(store);
  if (nodes > 0) return null;
  const started = performance.now();
  const summary = await loadSeed(store, options);
  logger.info(
    { ...summary, ...options, ms: Math.round(performance.now() - started) },
    'loaded the seed graph into the empty store',
  );
  return summary;
}
