/** Picks and builds the configured store. */
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import { IsolatedStore, type IsolatedStoreOptions } from './isolated/isolated-store.ts';
import type { GraphStore, StoreLimits } from './types.ts';

export function storeLimits(config: Config): StoreLimits {
  return {
    timeoutMs: config.QUERY_TIMEOUT_MS,
    maxRows: config.QUERY_MAX_ROWS,
    maxBytes: config.QUERY_MAX_BYTES,
    queryShape: {
      maxLength: config.QUERY_MAX_LENGTH,
      maxTokens: config.QUERY_MAX_TOKENS,
      maxDepth: config.QUERY_MAX_DEPTH,
    },
  };
}

/** STORE_MAX_MEMORY_MB, or half the machine's memory. */
export function storeMaxMemoryMb(config: Config): number {
  return config.STORE_MAX_MEMORY_MB ?? Math.floor(os.totalmem() / 1048576 / 2);
}

export interface CreateStoreOptions {
  /**
   * Run the embedded engine in a child process of its own (the server does; the CLIs, whose own
   * death harms nobody else, open it in-process).
   */
  isolated?: boolean;
  log?: IsolatedStoreOptions['log'];
}

export async function createStore(config: Config, how: CreateStoreOptions = {}): Promise<GraphStore> {
  const limits = storeLimits(config);
  if (config.GRAPH_BACKEND === 'neo4j') {
    // Loaded only when asked for, so the embedded default never pays for the driver.
    const { Neo4jStore } = await import('./neo4j/neo4j-store.ts');
    // The config schema refuses GRAPH_BACKEND=neo4j without a URI, so this only trips on a bypassed schema.
    if (!config.NEO4J_URI)
      throw new AppError('internal', 'GRAPH_BACKEND=neo4j without NEO4J_URI passed config validation');
    return new Neo4jStore({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD ?? '',
      ...(config.NEO4J_DATABASE ? { database: config.NEO4J_DATABASE } : {}),
      limits,
    });
  }
  const dataDir = path.resolve(config.DATA_DIR);
  if (how.isolated) {
    return new IsolatedStore({
      dataDir,
      limits,
      maxMemoryMb: storeMaxMemoryMb(config),
      ...(how.log ? { log: how.log } : {}),
    });
  }
  return new EmbeddedStore({ dataDir, limits });
}
