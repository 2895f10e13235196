/**
 * The live Neo4j the Neo4j suites use: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE
 * (.ci/run and `npm run neo4j` provide them). Without NEO4J_URI the suites skip and say why —
 * except under CI=true, where a missing server fails the run (CI must not pass by skipping).
 *
 * Community edition has one user database, so every Neo4j-backed test file starts by emptying it
 * and the files run one after another (the `neo4j` project in test/vitest.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.ts';
import type { StoreLimits } from '../../server/store/types.ts';

export const liveNeo4jUri = process.env.NEO4J_URI || undefined;
const inCi = process.env.CI === 'true';

/** Why the Neo4j suites cannot run here, or null when a server is configured. */
export function liveNeo4jMissing(): string | null {
  if (liveNeo4jUri) return null;
  const java = !spawnSync('java', ['-version'], { stdio: 'ignore' }).error;
  const mvn = !spawnSync('mvn', ['-version'], { stdio: 'ignore' }).error;
  const how =
    java && mvn
      ? 'start one with `npm run neo4j` and set the NEO4J_URI/NEO4J_PASSWORD it prints'
      : `\`npm run neo4j\` needs ${[!java && 'java (a JDK 17+)', !mvn && 'mvn (Apache Maven)'].filter(Boolean).join(' and ')}, which ${java || mvn ? 'is' : 'are'} not installed`;
  return `NEO4J_URI is not set: ${how}`;
}

/**
 * `describe` for a suite that needs the live server: runs it when NEO4J_URI is set, fails it
 * under CI=true when it is not, and otherwise skips it and says why.
 */
export function describeLive(name: string, suite: () => void): void {
  const missing = liveNeo4jMissing();
  if (!missing) {
    describe(name, suite);
  } else if (inCi) {
    describe(name, () => {
      it('has a Neo4j server to run against (CI=true)', () => {
        throw new Error(`${missing}; .ci/run starts one before npm test`);
      });
    });
  } else {
    console.log(`${name}: skipped, ${missing}`);
    // Skipped on purpose and said so above: there is no server to run against.
    describe.skip(name, suite);
  }
}

/** An opened store on the live server, emptied first (every node and relationship). */
export async function openLiveNeo4j(limits: Partial<StoreLimits> = {}): Promise<Neo4jStore> {
  if (!liveNeo4jUri) throw new Error(liveNeo4jMissing()!);
  const store = new Neo4jStore({
    uri: liveNeo4jUri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
    limits: { timeoutMs: 10_000, maxRows: 50, maxBytes: 16_000_000, ...limits },
  });
  await store.init();
  await clearLiveNeo4j(store);
  return store;
}

/** Empties the test database; in batches, so a large graph does not need one huge transaction. */
export async function clearLiveNeo4j(store: Neo4jStore): Promise<void> {
  for (;;) {
    const result = await store.write(
      'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted',
      {},
      { timeoutMs: 120_000 },
    );
    if (Number(result.rows[0]?.deleted ?? 0) === 0) return;
  }
}
