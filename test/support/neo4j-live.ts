/**
 * The live Neo4j the `npm run test:neo4j` suites use: NEO4J_URI (required), NEO4J_USER,
 * NEO4J_PASSWORD, NEO4J_DATABASE. Without NEO4J_URI the suites skip and say so.
 */
import { NODE_KIND_NAMES } from '../../server/model/schema.ts';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.ts';
import type { StoreLimits } from '../../server/store/types.ts';

export const liveNeo4jUri = process.env.NEO4J_URI;

/** An opened store on the live server, with every scamnet-labelled node removed (only those). */
export async function openLiveNeo4j(limits: Partial<StoreLimits> = {}): Promise<Neo4jStore> {
  const store = new Neo4jStore({
    uri: liveNeo4jUri!,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
    limits: { timeoutMs: 10_000, maxRows: 50, maxBytes: 16_000_000, ...limits },
  });
  await store.init();
  for (const kind of NODE_KIND_NAMES) await store.write(`MATCH (n:${kind}) DETACH DELETE n`);
  return store;
}
