/**
 * Analyst Cypher on a live Neo4j: every built-in query runs on the seed graph with its Neo4j text,
 * and a few hostile statements are refused (the full hostile suite, over HTTP and on the plan
 * alone, is test/neo4j/cypher-safety.neo4j.test.ts).
 *   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npm run test:neo4j
 * Like the contract suite, it empties the target database first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { fullActor } from '../../server/model/access.ts';
import { loadBuiltinQueries } from '../../server/queries/library.ts';
import { sampleValue } from '../../server/queries/params.ts';
import { runCypher, runSavedQuery } from '../../server/queries/runner.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import type { Neo4jStore } from '../../server/store/neo4j/neo4j-store.ts';
import { describeLive, openLiveNeo4j } from '../support/neo4j-live.ts';
import { buildSeedGraph } from '../../seeds/index.ts';

let store: Neo4jStore;

describeLive('analyst Cypher on a live Neo4j', () => {
  beforeAll(async () => {
    store = await openLiveNeo4j({ timeoutMs: 5_000, maxRows: 5_000 });
    await writeBatch(store, buildSeedGraph({ seed: 42, scale: 1 }));
  });
  afterAll(async () => {
    await store?.close();
  });

  it.each(loadBuiltinQueries().map((q) => [q.name, q] as const))(
    'runs %s with its Neo4j text',
    async (_name, query) => {
      const params = Object.fromEntries(query.params.map((p) => [p.name, sampleValue(p)]));
      const result = await runSavedQuery(store, query, params, fullActor('test', 'operator'));
      expect(result.columns.length).toBeGreaterThan(0);
    },
  );

  const refusals: Array<[string, string]> = [
    ['MATCH (c:Centre) SET c.status = "x" RETURN c', 'write_not_allowed'],
    ['CREATE (:Country {id: "country:ZZ"})', 'write_not_allowed'],
    ['MATCH (c:Centre) CALL { WITH c MERGE (x:Country {id: "country:ZZ"}) } RETURN c', 'write_not_allowed'],
    ['LOAD CSV FROM "file:///etc/passwd" AS line RETURN line', 'file_access'],
    ['CALL dbms.components()', 'procedure_not_allowed'],
    ['CALL apoc.load.json("file:///etc/passwd")', 'procedure_not_allowed'],
    ['SHOW USERS', 'operation_not_allowed'],
    ['MATCH p = (a:Country)-[*]-(b:Centre) RETURN count(p)', 'operation_not_allowed'],
  ];
  it.each(refusals)('refuses %s', async (query, code) => {
    const before = await store.read('MATCH (n) RETURN count(n) AS n');
    const error = await runCypher(store, query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((await store.read('MATCH (n) RETURN count(n) AS n')).rows).toEqual(before.rows);
  });
});
