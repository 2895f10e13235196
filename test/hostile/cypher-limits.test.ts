/**
 * Hostile analyst Cypher as classes, over real HTTP against a real LadybugDB: statements too long,
 * too many tokens or nested too deep for the engine's parser (refused before it sees them), the
 * engine's aggregate bug in every position an expression can hold it (refused on running and on
 * saving), and parameters the engine mishandles. Each refusal is a 400 with a code, answered
 * quickly, with the graph unchanged and the server answering afterwards.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestingDepth } from '../../server/cypher/shape.ts';
import { tokenize } from '../../server/cypher/lexer.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { TOO_BIG, hostileGraph, repeat } from '../support/hostile-helpers.ts';

let h: Harness;
let before: { nodes: number; relationships: number };

beforeAll(async () => {
  h = await startHarness(hostileGraph());
  before = (await request(h.app).get('/api/health')).body;
});
afterAll(async () => {
  await h?.close();
});

describe('statements the parser cannot take are refused before it sees them', () => {
  it.each(TOO_BIG)('%s: 400 unsupported_query, fast, on running and on saving', async (_name, query, limit) => {
    const started = performance.now();
    const ran = await request(h.app).post('/api/cypher').send({ query });
    expect(ran.status).toBe(400);
    expect(ran.body.error.code).toBe('unsupported_query');
    expect(ran.body.error.message).toMatch(limit);
    expect(performance.now() - started).toBeLessThan(1000);
    const saved = await request(h.app).post('/api/queries').send({ name: 'too-big', title: 'Too big', query });
    expect(saved.status).toBe(400);
    expect(saved.body.error.code).toBe('unsupported_query');
  });

  it('a statement just within every limit still runs', async () => {
    const query = `RETURN ${repeat('(', 15)}1${repeat(')', 15)} AS x`;
    expect(nestingDepth(tokenize(query))).toBe(15);
    const ran = await request(h.app).post('/api/cypher').send({ query });
    expect(ran.status).toBe(200);
    expect(ran.body.rows).toEqual([{ x: 1 }]);
  });

  it('the library itself is within the limits (each query runs)', async () => {
    const list = await request(h.app).get('/api/queries');
    for (const q of list.body.queries as Array<{ name: string; text?: string }>) {
      const one = await request(h.app).get(`/api/queries/${q.name}`);
      const text = String(one.body.query ?? one.body.cypher ?? '');
      expect(text.length).toBeLessThan(20_000);
      if (text) expect(nestingDepth(tokenize(text))).toBeLessThanOrEqual(16);
    }
  });
});

/** The aggregate bug in every position a projection can hold it; each aborts or miscounts on the engine. */
const AGGREGATE_BUG = [
  'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, [count(DISTINCT m.id), size(collect(r.id))] AS x',
  'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, {a: count(DISTINCT m.id), b: count(*)} AS x',
  'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, count(DISTINCT m.id) + count(*) AS x',
  'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, CASE WHEN count(DISTINCT m.id) > 0 THEN count(*) ELSE 0 END AS x',
  'MATCH (c:Centre)-[r]-(m) WITH c.id AS k, count(DISTINCT m.id) AS a, sum(1) AS b RETURN k, a, b',
  'MATCH (c:Centre)-[r]-(m) RETURN count(DISTINCT m.id) AS a, c.id AS k, collect(m.id) AS b',
];

describe("the engine's aggregate bug, as a class", () => {
  it.each(AGGREGATE_BUG)('refused on running and on saving: %s', async (query) => {
    const ran = await request(h.app).post('/api/cypher').send({ query });
    expect(ran.status).toBe(400);
    expect(ran.body.error.code).toBe('unsupported_query');
    const saved = await request(h.app).post('/api/queries').send({ name: 'agg-bug', title: 'Aggregate bug', query });
    expect(saved.status).toBe(400);
    expect(saved.body.error.code).toBe('unsupported_query');
  });

  it('the same aggregates in the safe order give the right numbers', async () => {
    const ran = await request(h.app).post('/api/cypher').send({
      query: 'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, {b: count(*), a: count(DISTINCT m.id)} AS x ORDER BY k',
    });
    expect(ran.status).toBe(200);
    for (const row of ran.body.rows as Array<{ x: { a: number; b: number } }>) {
      expect(row.x.b).toBeGreaterThanOrEqual(row.x.a);
      expect(row.x.a).toBeGreaterThan(0);
    }
  });
});

describe('parameters the engine mishandles are refused with a word about them', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'a parameter named %s',
    async (name) => {
      const ran = await request(h.app)
        .post('/api/cypher')
        .set('content-type', 'application/json')
        .send(`{"query": "RETURN $${name} AS x", "params": {"${name}": 1}}`);
      expect(ran.status).toBe(400);
      expect(ran.body.error.code).toBe('validation_error');
      expect(ran.body.error.message).toMatch(/reserved|bad parameter name/);
    },
  );

  it.each([
    ['LIMIT', -1],
    ['LIMIT', 2.5],
    ['SKIP', -10],
    ['LIMIT', '5'],
  ])('a row count that is not a whole number, 0 or more (%s %s)', async (clause, value) => {
    const ran = await request(h.app)
      .post('/api/cypher')
      .send({ query: `MATCH (n) RETURN n.id AS id ${clause} $n`, params: { n: value } });
    expect(ran.status).toBe(400);
    expect(ran.body.error.code).toBe('validation_error');
    expect(ran.body.error.message).toMatch(/number of rows/);
  });

  it("a saved query's negative limit is a validation error, not an engine error", async () => {
    const ran = await request(h.app)
      .post('/api/queries/top-facilitators/run')
      .send({ params: { limit: -3 } });
    expect(ran.status).toBe(400);
    expect(ran.body.error.code).toBe('validation_error');
  });

  it.each([
    [[1, null], /null at item 1/],
    [[null], /null at item 0/],
    [['a', null, 'b'], /null at item 1/],
  ])('a null inside a list is named as such: %j', async (value, message) => {
    const ran = await request(h.app)
      .post('/api/cypher')
      .send({ query: 'RETURN $x AS x', params: { x: value } });
    expect(ran.status).toBe(400);
    expect(ran.body.error.code).toBe('validation_error');
    expect(ran.body.error.message).toMatch(message);
  });
});

describe('afterwards', () => {
  it('the graph is unchanged and the server answers', async () => {
    const after = await request(h.app).get('/api/health');
    expect(after.status).toBe(200);
    expect({ nodes: after.body.nodes, relationships: after.body.relationships }).toEqual({
      nodes: before.nodes,
      relationships: before.relationships,
    });
  });
});
