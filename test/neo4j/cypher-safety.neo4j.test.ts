/**
 * Hostile analyst Cypher through POST /api/cypher on a live Neo4j (the embedded store's suite is
 * test/integration/cypher-safety.test.ts; these are the same classes in Neo4j's dialect). Every
 * hostile request must be refused with its typed error and leave the graph (counts and a hash of
 * every label, type and property), the schema (SHOW CONSTRAINTS / SHOW INDEXES names), the token
 * catalogue, the users, the settings, the data dir and the scratch files as they were — and no
 * file or URL it names may be read (a canary file and a canary HTTP server count every touch).
 *
 * Why the plan checks are tested on a real plan: a Neo4j EXPLAIN query type is not a security
 * boundary. CVE-2026-35402 (mcp-neo4j-cypher before 0.6.0: read-only mode bypassed through APOC
 * procedures) was fixed by trusting EXPLAIN's query type, which apoc.load.json then bypassed in
 * turn (neo4j-contrib/mcp-neo4j#296: a READ-mode procedure that reads files and URLs is typed
 * 'r'). On this server LOAD CSV, SHOW SETTINGS and TERMINATE TRANSACTIONS are typed 'r' too, and
 * `CYPHER debug=toString` replaces the whole plan with one Unwind. So `store.checkReadOnly` (no
 * token guard in front) is also asked directly, and must refuse on the plan alone.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… npx vitest run --config test/vitest.config.ts --project neo4j test/neo4j/cypher-safety.neo4j.test.ts
 * Like every Neo4j suite, it empties the target database first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '../../server/api/health/router.ts';
import { ErrorSchema, QueryResultSchema } from '../../server/api/schemas.ts';
import { AppError, type ErrorCode } from '../../server/errors.ts';
import type { GraphStore } from '../../server/store/types.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import {
  FILLER_NODES,
  TOO_BIG,
  dirSnapshot,
  expectErrorBody,
  hostileGraph,
  repeat,
} from '../support/hostile-helpers.ts';
import { describeLive } from '../support/neo4j-live.ts';

const LIMITS = { timeoutMs: 2000, maxRows: 100 };
const NODES = 14 + FILLER_NODES;

/** Where hostile statements point: a file that exists, so a statement that got through would read it. */
// Named here, made in beforeAll: a skipped suite (no NEO4J_URI) leaves nothing behind.
const scratch = path.join(tmpdir(), `scamnet-neo4j-hostile-${process.pid}-${Date.now()}`);
const CANARY = 'CANARY_7c2e91';
const INPUT_CSV = path.join(scratch, 'input.csv');
const FILE_URL = `file://${INPUT_CSV}`;

/** A canary HTTP server: every request Neo4j (or anything) makes to it is counted (checked: an
 * unguarded LOAD CSV of it on this server returns its row and is counted). */
const hits: string[] = [];
const canary = createServer((req, res) => {
  hits.push(req.url ?? '');
  res.end(`${CANARY},x\n`);
});
await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
canary.unref();
const HTTP_URL = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/x.csv`;

let h: Harness;

const post = (body: unknown) =>
  request(h.app)
    .post('/api/cypher')
    .send(body as object);
const postRaw = (json: string) => request(h.app).post('/api/cypher').set('Content-Type', 'application/json').send(json);
const cypher = (query: string, params: Record<string, unknown> = {}) => post({ query, params });

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const sortedJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/** What a hostile statement could change on the server, read through the store itself. */
async function neo4jState(store: GraphStore) {
  const all = { maxRows: 100_000 };
  const rows = async (query: string) => (await store.read(query, {}, all)).rows;
  const nodes = await rows('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await rows(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, properties(r) AS props, b.id AS to',
  );
  return {
    nodes: nodes.length,
    relationships: rels.length,
    nodeHash: sha(sortedJson(nodes)),
    relationshipHash: sha(sortedJson(rels)),
    constraints: await rows('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name'),
    indexes: await rows('SHOW INDEXES YIELD name RETURN name ORDER BY name'),
    labels: await rows('CALL db.labels() YIELD label RETURN label ORDER BY label'),
    types: await rows(
      'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType',
    ),
    propertyKeys: await rows('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey'),
    users: await rows(
      'SHOW USERS YIELD user, passwordChangeRequired RETURN user, passwordChangeRequired ORDER BY user',
    ),
    settings: sha(await rows('SHOW SETTINGS YIELD name, value RETURN name, value ORDER BY name')),
  };
}

const snapshot = async () => ({
  state: await neo4jState(h.store),
  dataDir: dirSnapshot(h.dataDir),
  scratch: dirSnapshot(scratch),
  hits: hits.length,
});

interface HostileCase {
  name: string;
  query?: string;
  params?: Record<string, unknown>;
  /** the whole request body, or `raw` JSON text */
  body?: unknown;
  raw?: string;
  code: ErrorCode;
}

/** Sends the case, then checks every promise at once (soft), so one failure does not hide another. */
async function expectRefusedHarmlessly(c: HostileCase): Promise<void> {
  const before = await snapshot();
  const res =
    c.raw !== undefined ? await postRaw(c.raw) : await post(c.body ?? { query: c.query, params: c.params ?? {} });
  expect.soft(() => expectErrorBody(res, c.code)).not.toThrow();
  expect.soft(res.text, 'the response leaks the contents of a file or URL').not.toContain(CANARY);
  expect.soft(await snapshot()).toEqual(before);
}

const writes: HostileCase[] = [
  {
    name: 'CREATE a node',
    query: "CREATE (:ScamType {id: 'scamtype:pwned', name: 'pwned', grade: 'A1', tlp: 'CLEAR'})",
    code: 'write_not_allowed',
  },
  {
    name: 'CREATE a relationship',
    query: "MATCH (a:Centre {id: 'centre:alpha'}), (b:Country {id: 'country:NA'}) CREATE (a)-[:LOCATED_IN]->(b)",
    code: 'write_not_allowed',
  },
  { name: 'INSERT (GQL)', query: "INSERT (:ScamType {id: 'scamtype:gql'})", code: 'write_not_allowed' },
  { name: 'MERGE a node', query: "MERGE (s:ScamType {id: 'scamtype:merged'}) RETURN s", code: 'write_not_allowed' },
  {
    name: 'MERGE … ON MATCH SET',
    query: "MERGE (c:Centre {id: 'centre:alpha'}) ON MATCH SET c.name = 'x'",
    code: 'write_not_allowed',
  },
  { name: 'SET a property', query: "MATCH (c:Centre) SET c.name = 'pwned' RETURN c", code: 'write_not_allowed' },
  { name: 'SET += a map', query: 'MATCH (c:Centre) SET c += {pwned: true}', code: 'write_not_allowed' },
  { name: 'SET a label', query: 'MATCH (c:Centre) SET c:Pwned', code: 'write_not_allowed' },
  {
    name: 'SET a dynamic label',
    query: 'MATCH (c:Centre) SET c:$($label)',
    params: { label: 'Pwned' },
    code: 'write_not_allowed',
  },
  {
    name: 'CREATE with a dynamic label',
    query: 'CREATE (n:$($label) {id: 1})',
    params: { label: 'Centre' },
    code: 'write_not_allowed',
  },
  { name: 'REMOVE a property', query: 'MATCH (c:Centre) REMOVE c.workforce RETURN c', code: 'write_not_allowed' },
  { name: 'REMOVE a label', query: 'MATCH (c:Centre) REMOVE c:Centre', code: 'write_not_allowed' },
  { name: 'DELETE relationships', query: 'MATCH ()-[r]->() DELETE r', code: 'write_not_allowed' },
  { name: 'DETACH DELETE everything', query: 'MATCH (n) DETACH DELETE n', code: 'write_not_allowed' },
  { name: 'a write then FINISH', query: "MATCH (c:Centre) SET c.name = 'f' FINISH", code: 'write_not_allowed' },
  { name: 'lower case', query: 'match (n) detach delete n', code: 'write_not_allowed' },
  { name: 'mixed case', query: 'mAtCh (n) DeTaCh DeLeTe n', code: 'write_not_allowed' },
  {
    name: 'a leading block comment',
    query: "/* x */ CREATE (:ScamType {id: 'scamtype:c1', name: 'c'})",
    code: 'write_not_allowed',
  },
  { name: 'a leading line comment', query: '// just reading\nMATCH (n) DETACH DELETE n', code: 'write_not_allowed' },
  {
    name: 'unicode whitespace between keywords',
    query: 'MATCH\u00a0(n)\u2003DETACH\u3000DELETE\u2029n',
    code: 'write_not_allowed',
  },
  {
    name: 'newlines and tabs between keywords',
    query: 'MATCH (n)\nDETACH\r\n\n  DELETE\tn',
    code: 'write_not_allowed',
  },
  {
    name: 'a write inside FOREACH',
    query: "MATCH (c:Centre) FOREACH (x IN [1] | SET c.name = 'f')",
    code: 'write_not_allowed',
  },
  {
    name: 'a write inside CALL { }',
    query: 'CALL { MATCH (n) DETACH DELETE n } RETURN 1 AS one',
    code: 'write_not_allowed',
  },
  {
    name: 'a write inside a scoped CALL (x) { }',
    query: "MATCH (c:Centre) CALL (c) { SET c.name = 'x' } RETURN c",
    code: 'write_not_allowed',
  },
  {
    name: 'CALL { } IN TRANSACTIONS',
    query: 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1 ROW',
    code: 'write_not_allowed',
  },
  {
    name: 'CALL { } IN CONCURRENT TRANSACTIONS',
    query: "CALL { CREATE (:ScamType {id: 'scamtype:ct'}) } IN CONCURRENT TRANSACTIONS",
    code: 'write_not_allowed',
  },
  {
    name: 'UNWIND … CREATE',
    query: "UNWIND [1, 2] AS i CREATE (:ScamType {id: 'scamtype:u' + toString(i), name: 'u'})",
    code: 'write_not_allowed',
  },
  {
    name: 'WITH … MERGE',
    query: "MATCH (c:Centre) WITH c LIMIT 1 MERGE (s:ScamType {id: 'scamtype:w', name: 'w'}) RETURN s",
    code: 'write_not_allowed',
  },
  {
    name: 'OPTIONAL MATCH … SET',
    query: "OPTIONAL MATCH (c:Centre {id: 'centre:alpha'}) SET c.name = 'x'",
    code: 'write_not_allowed',
  },
  {
    name: 'UNION with a write',
    query: 'MATCH (n:Centre) RETURN n.id AS id UNION MATCH (m:Country) DETACH DELETE m RETURN m.id AS id',
    code: 'write_not_allowed',
  },
  {
    name: 'UNION ALL with a write',
    query: "RETURN 1 AS x UNION ALL CREATE (n:ScamType {id: 'scamtype:ua'}) RETURN 2 AS x",
    code: 'write_not_allowed',
  },
  // Neo4j's parser refuses updates inside EXISTS, COUNT and COLLECT subqueries.
  {
    name: 'a write inside EXISTS { }',
    query: "MATCH (c:Centre) WHERE EXISTS { MATCH (c)--(m) SET m.name = 'x' } RETURN c",
    code: 'query_error',
  },
  {
    name: 'a write inside COUNT { }',
    query: 'MATCH (c:Centre) WHERE COUNT { MATCH (c)--(m) DETACH DELETE m } > 0 RETURN c',
    code: 'query_error',
  },
  {
    name: 'a write inside COLLECT { }',
    query: "MATCH (c:Centre) RETURN COLLECT { MATCH (c)--(m) SET m.name = 'x' RETURN m.id } AS ids",
    code: 'query_error',
  },
  { name: 'EXPLAIN of a write', query: 'EXPLAIN MATCH (n) DETACH DELETE n', code: 'write_not_allowed' },
  { name: 'PROFILE of a write', query: 'PROFILE MATCH (n) DETACH DELETE n', code: 'query_error' },
];

const schema: HostileCase[] = [
  { name: 'CREATE INDEX', query: 'CREATE INDEX pwned FOR (n:Centre) ON (n.status)', code: 'operation_not_allowed' },
  {
    name: 'CREATE FULLTEXT INDEX',
    query: 'CREATE FULLTEXT INDEX pwned_ft FOR (n:Centre) ON EACH [n.name]',
    code: 'operation_not_allowed',
  },
  {
    name: 'CREATE CONSTRAINT',
    query: 'CREATE CONSTRAINT pwned_c FOR (n:Centre) REQUIRE n.name IS UNIQUE',
    code: 'operation_not_allowed',
  },
  { name: 'DROP CONSTRAINT (an existing one)', query: 'DROP CONSTRAINT centre_id', code: 'operation_not_allowed' },
  { name: 'DROP INDEX (an existing one)', query: 'DROP INDEX centre_name', code: 'operation_not_allowed' },
];

const files: HostileCase[] = [
  {
    name: 'LOAD CSV FROM file:///etc/passwd',
    query: "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    code: 'file_access',
  },
  { name: 'LOAD CSV of the canary file', query: `LOAD CSV FROM '${FILE_URL}' AS row RETURN row`, code: 'file_access' },
  {
    name: 'LOAD CSV WITH HEADERS … FIELDTERMINATOR',
    query: `LOAD CSV WITH HEADERS FROM '${FILE_URL}' AS row FIELDTERMINATOR ',' RETURN row`,
    code: 'file_access',
  },
  { name: 'LOAD CSV from the network', query: `LOAD CSV FROM '${HTTP_URL}' AS row RETURN row`, code: 'file_access' },
  {
    name: 'LOAD CSV with the URL in a parameter',
    query: 'LOAD CSV FROM $url AS row RETURN row',
    params: { url: HTTP_URL },
    code: 'file_access',
  },
  {
    name: 'LOAD CSV after WITH',
    query: `MATCH (c:Centre) WITH c LIMIT 1 LOAD CSV FROM '${FILE_URL}' AS row RETURN row`,
    code: 'file_access',
  },
  {
    name: 'LOAD CSV inside CALL { }',
    query: `CALL { LOAD CSV FROM '${FILE_URL}' AS row RETURN row } RETURN row`,
    code: 'file_access',
  },
  {
    name: 'LOAD CSV inside CALL { } IN TRANSACTIONS',
    query: `CALL { LOAD CSV FROM '${HTTP_URL}' AS row RETURN row } IN TRANSACTIONS RETURN row`,
    code: 'file_access',
  },
  {
    name: 'LOAD CSV in a UNION branch',
    query: `RETURN ['x'] AS row UNION LOAD CSV FROM '${FILE_URL}' AS row RETURN row`,
    code: 'file_access',
  },
  {
    name: 'LOAD CSV inside EXISTS { }',
    query: `MATCH (c:Centre) WHERE EXISTS { LOAD CSV FROM '${HTTP_URL}' AS row RETURN row } RETURN c`,
    code: 'file_access',
  },
  {
    name: 'load csv in lower case after a comment',
    query: `/* read */ load csv from '${HTTP_URL}' as row return row`,
    code: 'file_access',
  },
  { name: 'USE another database', query: 'USE system SHOW USERS', code: 'file_access' },
  { name: 'USE this database', query: 'USE neo4j MATCH (n) RETURN count(n) AS n', code: 'file_access' },
  { name: 'USE a composite graph', query: "USE graph.byName('neo4j') MATCH (n) RETURN n", code: 'file_access' },
];

/*
 * Community has no APOC: the engine would answer "There is no procedure with the name …" — a
 * refusal that disappears the day APOC is installed. These are refused by the token guard, before
 * the engine is asked (its refusals carry the offending token's offset in `details.at`; see the
 * next group for the plan refusing procedures that do exist).
 */
const procedures: HostileCase[] = [
  {
    name: 'CALL apoc.load.json of a file (the CVE-2026-35402 follow-up)',
    query: `CALL apoc.load.json('${FILE_URL}') YIELD value RETURN value`,
    code: 'procedure_not_allowed',
  },
  {
    name: 'CALL apoc.load.json of a URL (SSRF)',
    query: `CALL apoc.load.json('${HTTP_URL}')`,
    code: 'procedure_not_allowed',
  },
  { name: 'CALL apoc.load.json without parentheses', query: 'CALL apoc.load.json', code: 'procedure_not_allowed' },
  { name: 'CALL apoc.load.csv', query: `CALL apoc.load.csv('${FILE_URL}')`, code: 'procedure_not_allowed' },
  {
    name: 'CALL apoc.cypher.runWrite',
    query: "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
    code: 'procedure_not_allowed',
  },
  {
    name: 'CALL apoc.cypher.doIt',
    query: "CALL apoc.cypher.doIt('CREATE (n:Pwned)', {}) YIELD value RETURN value",
    code: 'procedure_not_allowed',
  },
  {
    name: 'CALL apoc.cypher.run (READ mode, runs any text)',
    query: "CALL apoc.cypher.run('MATCH (n) RETURN n', {})",
    code: 'procedure_not_allowed',
  },
  {
    name: 'CALL apoc.periodic.iterate',
    query: "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {batchSize: 100})",
    code: 'procedure_not_allowed',
  },
  {
    name: 'CALL apoc.export.csv.all',
    query: `CALL apoc.export.csv.all('${path.join(scratch, 'out.csv')}', {})`,
    code: 'procedure_not_allowed',
  },
  {
    name: 'CALL apoc.systemdb.execute',
    query: "CALL apoc.systemdb.execute('SHOW USERS')",
    code: 'procedure_not_allowed',
  },
  {
    name: 'apoc in a nested CALL { }',
    query: "CALL { CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value } RETURN value",
    code: 'procedure_not_allowed',
  },
  {
    name: 'apoc after an allowed procedure',
    query: "CALL db.labels() YIELD label CALL apoc.cypher.runWrite('CREATE (:X)', {}) YIELD value RETURN label",
    code: 'procedure_not_allowed',
  },
  {
    name: 'apoc quoted part by part',
    query: `CALL \`apoc\`.\`load\`.\`json\`('${FILE_URL}')`,
    code: 'procedure_not_allowed',
  },
  {
    name: 'apoc with comments and spaces between the parts',
    query: `CALL apoc /* x */ . load . json('${HTTP_URL}')`,
    code: 'procedure_not_allowed',
  },
  { name: 'an apoc function in RETURN', query: 'RETURN apoc.util.sleep(10000) AS x', code: 'procedure_not_allowed' },
  {
    name: 'an apoc function in WHERE',
    query: "MATCH (c:Centre) WHERE apoc.text.regexGroups(c.name, '(.*)') <> [] RETURN c",
    code: 'procedure_not_allowed',
  },
  { name: 'dbms.components()', query: 'CALL dbms.components()', code: 'procedure_not_allowed' },
  { name: 'dbms.listConfig()', query: 'CALL dbms.listConfig()', code: 'procedure_not_allowed' },
  { name: 'db.createLabel (a WRITE procedure)', query: "CALL db.createLabel('Pwned')", code: 'procedure_not_allowed' },
  { name: 'db.createProperty', query: "CALL db.createProperty('pwned')", code: 'procedure_not_allowed' },
  { name: 'db.clearQueryCaches()', query: 'CALL db.clearQueryCaches()', code: 'procedure_not_allowed' },
  { name: 'tx.setMetaData', query: 'CALL tx.setMetaData({a: 1})', code: 'procedure_not_allowed' },
  // Found by this suite: the guard only looked for `name(`, and Neo4j runs a CALL without parentheses.
  { name: 'db.info without parentheses', query: 'CALL db.info', code: 'procedure_not_allowed' },
  {
    name: 'dbms.components with spaces and no parentheses',
    query: 'CALL dbms . components',
    code: 'procedure_not_allowed',
  },
];

const administration: HostileCase[] = [
  ...[
    'SHOW USERS',
    'SHOW DATABASES',
    'SHOW SETTINGS',
    'SHOW PROCEDURES',
    'SHOW TRANSACTIONS',
    'SHOW INDEXES',
    'SHOW CONSTRAINTS',
  ].map((query) => ({
    name: query,
    query,
    code: 'operation_not_allowed' as const,
  })),
  {
    name: 'TERMINATE TRANSACTIONS',
    query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    code: 'operation_not_allowed',
  },
  {
    name: 'CREATE USER',
    query: "CREATE USER mallory SET PASSWORD 'synthetic-pass-1' CHANGE NOT REQUIRED",
    code: 'operation_not_allowed',
  },
  {
    name: 'ALTER USER (the server’s own)',
    query: "ALTER USER neo4j SET PASSWORD 'synthetic-pass-2'",
    code: 'operation_not_allowed',
  },
  {
    name: 'ALTER CURRENT USER',
    query: "ALTER CURRENT USER SET PASSWORD FROM 'testpass123' TO 'synthetic-pass-3'",
    code: 'operation_not_allowed',
  },
  { name: 'RENAME USER', query: 'RENAME USER neo4j TO mallory', code: 'operation_not_allowed' },
  { name: 'DROP USER', query: 'DROP USER neo4j', code: 'operation_not_allowed' },
  { name: 'CREATE ROLE', query: 'CREATE ROLE pwned', code: 'operation_not_allowed' },
  { name: 'GRANT', query: 'GRANT ROLE admin TO neo4j', code: 'operation_not_allowed' },
  { name: 'DENY', query: 'DENY TRAVERSE ON GRAPH * TO reader', code: 'operation_not_allowed' },
  { name: 'REVOKE', query: 'REVOKE ROLE admin FROM neo4j', code: 'operation_not_allowed' },
  { name: 'CREATE DATABASE', query: 'CREATE DATABASE pwned', code: 'operation_not_allowed' },
  { name: 'CREATE COMPOSITE DATABASE', query: 'CREATE COMPOSITE DATABASE pwned', code: 'operation_not_allowed' },
  { name: 'CREATE ALIAS', query: 'CREATE ALIAS pwned FOR DATABASE neo4j', code: 'operation_not_allowed' },
  { name: 'DROP DATABASE', query: 'DROP DATABASE neo4j', code: 'operation_not_allowed' },
  { name: 'ALTER DATABASE', query: 'ALTER DATABASE neo4j SET ACCESS READ ONLY', code: 'operation_not_allowed' },
  { name: 'STOP DATABASE', query: 'STOP DATABASE neo4j', code: 'operation_not_allowed' },
  { name: 'START DATABASE', query: 'START DATABASE neo4j', code: 'operation_not_allowed' },
  { name: 'ENABLE SERVER', query: "ENABLE SERVER 'x'", code: 'operation_not_allowed' },
];

const statementsAndSyntax: HostileCase[] = [
  { name: 'two statements', query: 'MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', code: 'multiple_statements' },
  {
    name: 'a trailing statement after a comment',
    query: 'RETURN 1; // only a comment\nMATCH (n) DETACH DELETE n',
    code: 'multiple_statements',
  },
  { name: 'two semicolons', query: 'RETURN 1;;', code: 'multiple_statements' },
  { name: 'a query of only comments', query: '/* CREATE (n) */ // DELETE', code: 'query_error' },
  { name: 'a query of only whitespace', query: ' \n\t ', code: 'query_error' },
  { name: 'an unterminated string', query: "MATCH (n) WHERE n.name = 'abc RETURN n", code: 'query_error' },
  { name: 'an unterminated block comment', query: 'MATCH (n) RETURN n /* CREATE', code: 'query_error' },
  { name: 'an unterminated quoted name', query: 'MATCH (n) RETURN n AS `x', code: 'query_error' },
  // Pre-parser options change what EXPLAIN shows: with debug=toString the plan is one Unwind.
  {
    name: 'CYPHER debug=toString hiding an unbounded pattern',
    query: 'CYPHER debug=toString MATCH p = (a)-[*]-(b) RETURN count(p) AS n',
    code: 'operation_not_allowed',
  },
  {
    name: 'CYPHER runtime=… before a write',
    query: "CYPHER runtime=slotted CREATE (:ScamType {id: 'scamtype:rt'})",
    code: 'operation_not_allowed',
  },
  {
    name: 'CYPHER 5 planner=… before a read',
    query: 'CYPHER 5 planner=dp MATCH (n) RETURN count(n) AS n',
    code: 'operation_not_allowed',
  },
  {
    name: 'EXPLAIN CYPHER debug=…',
    query: 'EXPLAIN CYPHER debug=toString MATCH (n) RETURN n',
    code: 'operation_not_allowed',
  },
  {
    name: 'CYPHER after a comment',
    query: '/* options */ CYPHER debug=toString MATCH p = (a)-->+(b) RETURN p',
    code: 'operation_not_allowed',
  },
];

/** Every unbounded form Neo4j 5.26 accepts; each planned differently (see plan-check.ts). */
const unbounded: HostileCase[] = [
  ['[*]', 'MATCH p = (a)-[*]-(b) RETURN count(p) AS n'],
  ['[*2..]', 'MATCH p = (a)-[*2..]-(b) RETURN count(p) AS n'],
  ['[*..]', 'MATCH p = (a)-[*..]-(b) RETURN count(p) AS n'],
  ['[*0..] with a type', 'MATCH p = (a)-[:LOCATED_IN*0..]->(b) RETURN count(p) AS n'],
  [
    '[*] under RETURN DISTINCT (pruning BFS, planned as *..2147483647)',
    'MATCH (a:Country)-[*]-(b) RETURN DISTINCT b.id AS id',
  ],
  ['[*] under count(DISTINCT …)', 'MATCH (a)-[*]->(b) RETURN count(DISTINCT b) AS n'],
  ['[*] inside EXISTS { }', 'MATCH (a:Country) WHERE EXISTS { (a)-[*]-(:Region) } RETURN a.id AS id'],
  ['[*] inside a pattern comprehension', 'MATCH (a:Country) RETURN [(a)-[*]-(b) | b.id] AS ids'],
  ['[*] under OPTIONAL MATCH', 'MATCH (a:Country) OPTIONAL MATCH (a)-[*]-(b) RETURN count(b) AS n'],
  ['shortestPath [*]', 'MATCH p = shortestPath((a:Country)-[*]-(b:Region)) RETURN p'],
  ['allShortestPaths [*]', 'MATCH p = allShortestPaths((a:Country)-[*]-(b:Region)) RETURN p'],
  ['a quantified path ( )+', 'MATCH p = ((a)-->(b))+ RETURN count(p) AS n'],
  ['a quantified path {2,}', 'MATCH p = ((a)-->(b)){2,} RETURN count(p) AS n'],
  ['a two-hop quantified path ( )+ (Repeat(Trail) {1, })', 'MATCH p = ((a)-->(m)-->(b))+ RETURN count(p) AS n'],
  ['-->+', 'MATCH p = (a)-->+(b) RETURN count(p) AS n'],
  ['-->*', 'MATCH p = (a)-->*(b) RETURN count(p) AS n'],
  ['SHORTEST 1 -->+ (StatefulShortestPath {1, })', 'MATCH p = SHORTEST 1 (a:Country)-->+(b:Region) RETURN p'],
  ['ANY SHORTEST', 'MATCH p = ANY SHORTEST (a:Country)--+(b:Region) RETURN p'],
  ['ALL SHORTEST', 'MATCH p = ALL SHORTEST (a:Country)--+(b:Region) RETURN p'],
  ['SHORTEST 2 GROUPS', 'MATCH p = SHORTEST 2 GROUPS (a:Country)--+(b:Region) RETURN p'],
  ['ANY of a two-hop quantified path', 'MATCH p = ANY ((a:Country)--(m)--(b))+ RETURN p'],
].map(([name, query]) => ({ name: `unbounded: ${name}`, query, code: 'operation_not_allowed' as const }));

const badParams: HostileCase[] = [
  {
    name: 'a parameter named like an injection',
    query: 'MATCH (n {id: $id}) RETURN n',
    params: { 'id}) DETACH DELETE n //': 'x' },
    code: 'validation_error',
  },
  {
    name: 'a null parameter',
    query: 'MATCH (n) WHERE n.id = $id RETURN n',
    params: { id: null },
    code: 'validation_error',
  },
  { name: 'params that are a list', body: { query: 'RETURN 1', params: [1] }, code: 'validation_error' },
  { name: 'params that are a string', body: { query: 'RETURN 1', params: 'x' }, code: 'validation_error' },
  { name: 'an empty query', body: { query: '' }, code: 'validation_error' },
  {
    name: 'a query over 100,000 characters',
    body: { query: `RETURN 1 /*${'x'.repeat(100_000)}*/` },
    code: 'validation_error',
  },
  { name: 'a body that is not JSON', raw: '{"query": "RETURN 1",', code: 'bad_request' },
  { name: 'a body over 2 MB', body: { query: `RETURN 1 /*${'x'.repeat(2.1 * 1024 * 1024)}*/` }, code: 'too_large' },
  { name: 'a null inside a list parameter', query: 'RETURN $p AS p', params: { p: [null] }, code: 'validation_error' },
  { name: 'a list of lists', query: 'RETURN $p AS p', params: { p: [[1], ['a']] }, code: 'validation_error' },
  {
    name: 'a list of over 10,000 items',
    query: 'RETURN size($p) AS n',
    params: { p: Array.from({ length: 10_001 }, () => 1) },
    code: 'validation_error',
  },
  {
    name: 'a dynamic label from a parameter that would write',
    query: 'MATCH (c:Centre) SET c:$($l)',
    params: { l: 'Centre` DETACH DELETE c //' },
    code: 'write_not_allowed',
  },
];

/** The store-neutral cases of test/hostile/cypher-limits.test.ts: statements over the shape caps. */
const tooBig: HostileCase[] = [
  ...TOO_BIG.map(([name, query]) => [name, query]),
  [
    'a ten-node clique (45 relationship patterns)',
    `MATCH ${Array.from({ length: 10 }, (_, i) =>
      Array.from({ length: 9 - i }, (_, j) => `(a${i})-[:LOCATED_IN]-(a${i + j + 1})`),
    )
      .flat()
      .join(', ')} RETURN count(*) AS n`,
  ],
].map(([name, query]) => ({ name: `over the shape caps: ${name}`, query, code: 'unsupported_query' as const }));

const groups: [string, HostileCase[]][] = [
  ['writes in every clause form', writes],
  ['schema changes', schema],
  ['files, the network and other databases', files],
  ['procedures and functions off the allowlist (apoc.* refused before the engine)', procedures],
  ['administration', administration],
  ['statements, syntax and pre-parser options', statementsAndSyntax],
  ['variable-length patterns without an upper bound', unbounded],
  ['bad parameters and bodies', badParams],
  ['statements over the length, token and depth caps', tooBig],
];

describeLive('hostile analyst Cypher on a live Neo4j, over HTTP', () => {
  beforeAll(async () => {
    mkdirSync(scratch);
    writeFileSync(INPUT_CSV, `${CANARY},second\n1,2\n`);
    h = await startHarness(hostileGraph(), { limits: LIMITS });
    expect(h.store.backend).toBe('neo4j');
  });
  afterAll(async () => {
    await h?.close();
    canary.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const [group, cases] of groups) {
    describe(`refuses ${group}, changing nothing`, () => {
      for (const c of cases) it(`${c.name} → ${c.code}`, () => expectRefusedHarmlessly(c));
    });
  }

  it('apoc.* and dbms.* are refused by the token guard, at the procedure name, before the engine is asked', async () => {
    for (const query of [
      `CALL apoc.load.json('${HTTP_URL}')`,
      "CALL apoc.cypher.runWrite('CREATE (:X)', {})",
      'RETURN apoc.util.sleep(1) AS x',
      'CALL apoc.load.json',
    ]) {
      const res = await cypher(query);
      expectErrorBody(res, 'procedure_not_allowed');
      // the guard names the offending token's offset; the plan check has no text to point into
      expect(ErrorSchema.parse(res.body).error.details, query).toEqual({ at: query.indexOf('apoc') });
    }
    // Sent straight to the engine (no guard), Community only says the name is unknown: that
    // refusal would be gone with APOC installed, which is why the guard must not rely on it.
    const direct = await h.store.checkReadOnly(`CALL apoc.load.json('${HTTP_URL}')`).catch((e: unknown) => e);
    expect((direct as AppError).code).toBe('query_error');
    expect((direct as AppError).message).toMatch(/no procedure with the name `apoc\.load\.json`/);
    expect(hits).toEqual([]);
  });

  describe('the plan check alone refuses on the real plan (store.checkReadOnly, no token guard in front)', () => {
    // Each of these reaches the engine: the statements are what a guard bypass would let through.
    const planRefusals: Array<[string, ErrorCode, string]> = [
      // the apoc.load.json shape: a procedure that exists, is declared READ and is typed 'r'
      ['CALL db.info()', 'procedure_not_allowed', 'r'],
      ['CALL db.ping()', 'procedure_not_allowed', 'r'],
      ['CALL db.info', 'procedure_not_allowed', 'r'],
      ['CALL db.labels() YIELD label CALL db.info() YIELD id RETURN label, id', 'procedure_not_allowed', 'r'],
      ['CALL dbms.components()', 'procedure_not_allowed', 's'],
      ["CALL db.createLabel('Pwned')", 'procedure_not_allowed', 'w'],
      ['CALL tx.setMetaData({a: 1})', 'procedure_not_allowed', 's'],
      [`LOAD CSV FROM '${FILE_URL}' AS row RETURN row`, 'file_access', 'r'],
      [`CALL { LOAD CSV FROM '${HTTP_URL}' AS row RETURN row } RETURN row`, 'file_access', 'r'],
      ['SHOW SETTINGS', 'operation_not_allowed', 'r'],
      ['SHOW TRANSACTIONS', 'operation_not_allowed', 'r'],
      ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'operation_not_allowed', 'r'],
      ['SHOW USERS', 'operation_not_allowed', 's'],
      ["CREATE USER mallory SET PASSWORD 'synthetic-pass-1'", 'operation_not_allowed', 's'],
      ['CREATE ROLE pwned', 'operation_not_allowed', '(refused while planning on Community)'],
      ['CREATE INDEX pwned FOR (n:Centre) ON (n.status)', 'operation_not_allowed', 's'],
      ['MATCH (a)-[*]->(b) RETURN DISTINCT b', 'operation_not_allowed', 'r'],
      ['MATCH p = ((a)-->(m)-->(b))+ RETURN count(p)', 'operation_not_allowed', 'r'],
      ['MATCH p = SHORTEST 1 (a)-->+(b) RETURN p', 'operation_not_allowed', 'r'],
      [
        'CYPHER debug=toString MATCH p = (a)-[*]-(b) RETURN count(p)',
        'operation_not_allowed',
        'r (and a plan of one Unwind)',
      ],
      ['MATCH (n) DETACH DELETE n', 'write_not_allowed', 'w'],
    ];
    it.each(planRefusals)('%s → %s (query type %s)', async (query, code) => {
      const before = await snapshot();
      const error = await h.store.checkReadOnly(query).catch((e: unknown) => e);
      expect(error, String(error)).toBeInstanceOf(AppError);
      expect((error as AppError).code, (error as AppError).message).toBe(code);
      expect(await snapshot()).toEqual(before);
    });

    it('a READ session refuses a write even if a plan check let one through', async () => {
      const before = await snapshot();
      const error = await h.store.read("MATCH (c:Centre) SET c.name = 'x' RETURN c").catch((e: unknown) => e);
      expect((error as AppError).code).toBe('write_not_allowed');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('injection through parameters', () => {
    it('a value that looks like Cypher is only a value', async () => {
      const before = await snapshot();
      const res = await cypher('MATCH (n:Centre) WHERE n.name = $name RETURN n.name AS name', {
        name: "x' }) DETACH DELETE n //",
      }).expect(200);
      expect(QueryResultSchema.parse(res.body).rows).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });

    it('a label parameter that looks like Cypher matches nothing and changes nothing', async () => {
      const before = await snapshot();
      const res = await cypher('MATCH (n:$($l)) RETURN count(n) AS n', { l: 'Centre) DETACH DELETE n //' }).expect(200);
      expect(QueryResultSchema.parse(res.body).rows).toEqual([{ n: 0 }]);
      expect(await snapshot()).toEqual(before);
    });

    it('a __proto__ key is data, never a prototype', async () => {
      const before = await snapshot();
      const nested = await postRaw('{"query": "RETURN $p AS p", "params": {"p": {"__proto__": {"polluted": 1}}}}');
      expect(nested.status).toBeLessThan(500);
      const top = await postRaw('{"query": "RETURN 1 AS one", "params": {"__proto__": {"polluted": 1}}}');
      expect(top.status).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(JSON.stringify(nested.body) + JSON.stringify(top.body)).not.toContain('polluted');
      expect(await snapshot()).toEqual(before);
    });

    it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
      'a parameter named %s is refused with a word about it',
      async (name) => {
        const res = await postRaw(`{"query": "RETURN $${name} AS x", "params": {"${name}": 1}}`);
        expectErrorBody(res, 'validation_error');
        expect(res.body.error.message).toMatch(/reserved|bad parameter name/);
      },
    );

    it.each([
      ['LIMIT', -1],
      ['LIMIT', 2.5],
      ['SKIP', -10],
      ['LIMIT', '5'],
    ])('a row count that is not a whole number, 0 or more (%s %s)', async (clause, value) => {
      const res = await cypher(`MATCH (n) RETURN n.id AS id ${clause} $n`, { n: value });
      expectErrorBody(res, 'validation_error');
      expect(res.body.error.message).toMatch(/number of rows/);
    });

    it("a saved query's negative limit is a validation error, not an engine error", async () => {
      expectErrorBody(
        await request(h.app)
          .post('/api/queries/top-facilitators/run')
          .send({ params: { limit: -3 } }),
        'validation_error',
      );
    });

    it.each([
      [[1, null], /null at item 1/],
      [['a', null, 'b'], /null at item 1/],
    ])('a null inside a list is named as such: %j', async (value, message) => {
      const res = await cypher('RETURN $x AS x', { x: value });
      expectErrorBody(res, 'validation_error');
      expect(res.body.error.message).toMatch(message);
    });
  });

  describe('the shape caps', () => {
    it('statements over them are refused fast, on saving as well as running', async () => {
      for (const c of tooBig) {
        const started = performance.now();
        expectErrorBody(await cypher(c.query!), 'unsupported_query');
        expect(performance.now() - started, c.name).toBeLessThan(1000);
        expectErrorBody(
          await request(h.app).post('/api/queries').send({ name: 'too-big', title: 'Too big', query: c.query }),
          'unsupported_query',
        );
      }
    });

    it('a statement just within every limit still runs', async () => {
      const res = await cypher(`RETURN ${repeat('(', 15)}1${repeat(')', 15)} AS x`).expect(200);
      expect(res.body.rows).toEqual([{ x: 1 }]);
    });
  });

  describe('runaway queries', () => {
    it('a four-way cartesian product times out while other requests are answered', async () => {
      const before = await snapshot();
      expect(before.state.nodes).toBe(NODES);
      let settled = false;
      const started = performance.now();
      // 100⁴ rows, filtered on all four names at once, so nothing can be pushed below the product.
      const slow = cypher(
        "MATCH (a), (b), (c), (d) WHERE a.name + b.name + c.name + d.name = 'never' RETURN count(*) AS n",
      ).then((res) => {
        settled = true;
        return res;
      });
      const health = await request(h.app).get('/api/health').expect(200);
      expect(HealthSchema.parse(health.body).nodes).toBe(NODES);
      expect(settled, 'the slow query finished before health answered').toBe(false);
      const res = await slow;
      expectErrorBody(res, 'timeout');
      expect(performance.now() - started).toBeLessThan(LIMITS.timeoutMs + 5000);
      await cypher('RETURN 1 AS one').expect(200);
      expect(await snapshot()).toEqual(before);
    });

    /*
     * DEFECT found by this test, fixed in part: neo4j-driver 6.3 read a Bolt message spanning many
     * 64 KB chunks through CombinedBuffer.getUInt8, which walks the chunk list for every byte
     * (quadratic): RETURN range(1, 4000000) blocked the event loop 44-58 s here (two loaded cores),
     * although the server stopped the query at its 2 s timeout. patches/neo4j-driver-bolt-
     * connection+6.3.0.patch joins the chunks once, and Neo4jValues converts integers without a
     * BigInt each: 3.1-6.3 s now, most of it the driver unpacking 4M Integer objects and the
     * garbage collector. Under a second needs the decoding off the main thread, so this stays an
     * expected failure (it.fails) until it is; remove `.fails` then.
     */
    it.fails(
      'one huge list value is stopped or refused without blocking the server (known: the driver decodes it on the event loop)',
      { timeout: 180_000 },
      async () => {
        let last = performance.now();
        let longestStall = 0;
        const monitor = setInterval(() => {
          const now = performance.now();
          longestStall = Math.max(longestStall, now - last);
          last = now;
        }, 20);
        const started = performance.now();
        try {
          const res = await cypher('RETURN range(1, 4000000) AS r');
          const code = (res.body as { error?: { code?: string } }).error?.code;
          expect(['timeout', 'too_large'], res.text.slice(0, 300)).toContain(code);
          expectErrorBody(res, code as 'timeout' | 'too_large');
        } finally {
          clearInterval(monitor);
        }
        await cypher('RETURN 1 AS one').expect(200);
        expect(longestStall, 'the event loop was blocked: no other request could be answered').toBeLessThan(1000);
        expect(performance.now() - started).toBeLessThan(2 * LIMITS.timeoutMs + 5000);
      },
    );

    it('rows are cut at QUERY_MAX_ROWS', async () => {
      const res = await cypher('UNWIND range(1, 1000) AS i RETURN i').expect(200);
      expect(res.body.truncated).toBe(true);
      expect(res.body.rows.length).toBe(LIMITS.maxRows);
    });

    // Neo4j has no repeat(): a 2^20-character string doubled up, cut to 1,000,000.
    const MEGA = "left(reduce(s = 'x', i IN range(1, 20) | s + s), 1000000)";
    it(
      '100 rows of 1 MB strings are cut at QUERY_MAX_BYTES, and one 20 MB cell is refused',
      { timeout: 60_000 },
      async () => {
        const res = await cypher(`WITH ${MEGA} AS s UNWIND range(1, 100) AS i RETURN s`).expect(200);
        expect(res.body.truncated).toBe(true);
        expect(res.body.rows.length).toBe(15);
        expect(res.text.length).toBeLessThan(16_000_000 + 100_000);
        expectErrorBody(
          await cypher("RETURN left(reduce(s = 'x', i IN range(1, 25) | s + s), 20000000) AS s"),
          'too_large',
        );
      },
    );
  });

  describe('benign look-alikes still run', () => {
    const rows = async (query: string, params: Record<string, unknown> = {}) => {
      const res = await cypher(query, params);
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      return QueryResultSchema.parse(res.body).rows;
    };

    it('a keyword inside a string', async () => {
      expect(await rows("MATCH (n) WHERE n.name = 'DELETE' RETURN n")).toEqual([]);
      expect(
        await rows(
          "MATCH (c:Centre) WHERE c.name <> 'DETACH DELETE' AND c.name <> 'LOAD CSV FROM x' RETURN count(*) AS n",
        ),
      ).toEqual([{ n: 3 }]);
    });

    it('map keys named load, create, use and cypher', async () => {
      expect(await rows('RETURN {load: 1, create: 2, cypher: 3} AS m')).toEqual([
        { m: { load: 1, create: 2, cypher: 3 } },
      ]);
      expect(await rows("WITH {load: 'x', `use`: 'y'} AS m RETURN m.load AS v, m.use AS u")).toEqual([
        { v: 'x', u: 'y' },
      ]);
    });

    it('a string containing a semicolon', async () => {
      expect(await rows("RETURN 'a; MATCH (n) DETACH DELETE n' AS s")).toEqual([{ s: 'a; MATCH (n) DETACH DELETE n' }]);
    });

    it('comments containing CREATE, DELETE and LOAD CSV', async () => {
      expect(await rows('MATCH (c:Centre) /* CREATE (x) LOAD CSV */ RETURN count(c) AS n // DETACH DELETE c')).toEqual([
        { n: 3 },
      ]);
    });

    it('backtick-quoted names containing keywords', async () => {
      expect(await rows("MATCH (c:Centre {id: 'centre:alpha'}) RETURN c.name AS `LOAD CSV FROM x; DELETE`")).toEqual([
        { 'LOAD CSV FROM x; DELETE': 'Alpha Compound' },
      ]);
    });

    it('one statement with a trailing semicolon', async () => {
      expect(await rows('MATCH (c:Centre) RETURN count(c) AS n;')).toEqual([{ n: 3 }]);
    });

    it('a parameterised query, and a label from a parameter', async () => {
      expect(await rows('MATCH (c:Centre {id: $id}) RETURN c.name AS name', { id: 'centre:beta' })).toEqual([
        { name: 'Beta Park' },
      ]);
      expect(await rows('MATCH (c:$($l)) RETURN count(c) AS n', { l: 'Centre' })).toEqual([{ n: 3 }]);
    });

    it('the allowlisted procedures', async () => {
      const labels = (await rows('CALL db.labels() YIELD label RETURN label')).map((r) => r.label);
      expect(labels).toEqual(expect.arrayContaining(['Centre', 'Country', 'ScamType']));
    });

    it('read subqueries, UNION and bounded paths in every form', async () => {
      expect(await rows('CALL { MATCH (c:Centre) RETURN c } RETURN count(c) AS n')).toEqual([{ n: 3 }]);
      expect(await rows('MATCH (c:Centre) WHERE EXISTS { (c)--(:Country) } RETURN count(c) AS n')).toEqual([{ n: 3 }]);
      expect(await rows('MATCH (c:Centre) RETURN COUNT { (c)--() } > 0 AS linked LIMIT 1')).toEqual([{ linked: true }]);
      expect(
        await rows(
          "MATCH (c:Centre {id: 'centre:alpha'}) RETURN size(COLLECT { MATCH (c)--(m) RETURN m.id }) > 0 AS any",
        ),
      ).toEqual([{ any: true }]);
      expect(await rows('MATCH (n:Centre) RETURN n.id AS id UNION MATCH (m:Region) RETURN m.id AS id')).toHaveLength(4);
      const bounded = [
        "MATCH p = (a:Country {id: 'country:KE'})-[*1..3]-(b:Region) RETURN count(p) AS n",
        "MATCH (a:Country {id: 'country:KE'})-[*..3]-(b) RETURN count(DISTINCT b) AS n",
        "MATCH p = (a:Country {id: 'country:KE'}) ((x)--(y)){1,3} (b:Region) RETURN count(p) AS n",
        "MATCH p = (a:Country {id: 'country:KE'}) ((x)--(m)--(y)){1,2} (b) RETURN count(p) AS n",
        "MATCH p = SHORTEST 1 (a:Country {id: 'country:KE'})--{1,4}(b:Region) RETURN length(p) AS n",
        "MATCH p = shortestPath((a:Country {id: 'country:KE'})-[*..6]-(b:Region)) RETURN length(p) AS n",
      ];
      for (const query of bounded) {
        const [row] = await rows(query);
        expect(Number(row?.n), query).toBeGreaterThan(0);
      }
    });

    it('a variable named cypher, explain or profile is not a query option', async () => {
      expect(await rows('WITH 1 AS cypher, 2 AS explain RETURN cypher + explain AS n')).toEqual([{ n: 3 }]);
    });
  });

  describe('after every hostile input above', () => {
    it('the server answers, with the graph and the canaries untouched', async () => {
      const health = HealthSchema.parse((await request(h.app).get('/api/health').expect(200)).body);
      expect(health.nodes).toBe(NODES);
      expect((await cypher('RETURN 1 AS one')).status).toBe(200);
      expect(hits, 'the canary HTTP server was asked for something').toEqual([]);
    });
  });
});
