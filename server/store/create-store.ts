/** Picks and builds the configured store. */
import path from 'node:path';
import type { Config } from '../config.ts';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import type { GraphStore } from './types.ts';

export async function createStore(config: Config): Promise<GraphStore> {
  const limits = { timeoutMs: config.QUERY_TIMEOUT_MS, maxRows: config.QUERY_MAX_ROWS, maxBytes: config.QUERY_MAX_BYTES };
  if (config.GRAPH_BACKEND === 'neo4j') {
    // Loaded only when asked for, so the embedded default never pays for the driver.
    const { Neo4jStore } = await import('./neo4j/neo4j-store.ts');
    return new Neo4jStore({
      uri: config.NEO4J_URI!,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD ?? '',
      ...(config.NEO4J_DATABASE ? { database: config.NEO4J_DATABASE } : {}),
      limits,
    });
  }
  return new EmbeddedStore({ dataDir: path.resolve(config.DATA_DIR), limits });
}
