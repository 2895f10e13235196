/**
 * The query library over HTTP: listing, reading, running with checked parameters, and analysts'
 * own queries — saved with history, checked on save, kept across restarts, never over a built-in.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryDetail, QuerySummary } from '../../server/api/queries/router.ts';
import { ErrorSchema, QueryResultSchema } from '../../server/api/schemas.ts';
import { createApp } from '../../server/app.ts';
import { ANALYST_CYPHER_OFF } from '../../server/cypher/analyst-switch.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { loadBuiltinQueries } from '../../server/queries/library.ts';
import { sideHarness, startHarness, testBackend, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';
import { whenStoreSees } from '../support/store-watch.ts';

let h: Harness;
let off: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
  off = sideHarness(h, { analystCypher: false });
});
afterAll(async () => {
  await Promise.all([h?.close(), off?.close()]);
});

const builtins = loadBuiltinQueries();
const expectCode = (body: unknown, code: string) => expect(ErrorSchema.parse(body).error.code).toBe(code);

const centresByStatus = {
  name: 'centres-by-status',
  title: 'Centres with a given status',
  description: 'Centres whose last known status is the one asked for.',
  params: [
    { name: 'status', type: 'string', required: true, description: 'active, suspected, raided or dismantled' },
    { name: 'limit', type: 'integer', required: false, default: 10, description: 'most rows' },
  ],
  returns: 'one row per centre: its name and the centre itself',
  query: 'MATCH (c:Centre) WHERE c.status = $status RETURN c.name AS name, c ORDER BY name LIMIT $limit',
};

describe('the library', () => {
  it('lists every built-in query with its parameters', async () => {
    const res = await request(h.app).get('/api/queries').expect(200);
    const queries = res.body.queries.map((q: unknown) => QuerySummary.parse(q));
    expect(queries.filter((q: { builtin: boolean }) => q.builtin).map((q: { name: string }) => q.name)).toEqual(
      builtins.map((q) => q.name),
    );
  });

  it('gives one query with the Cypher the active store runs and its .cypher source', async () => {
    for (const query of builtins.slice(0, 3)) {
      const res = await request(h.app).get(`/api/queries/${query.name}`).expect(200);
      const detail = QueryDetail.parse(res.body);
      const dialect = h.store.dialect.name;
      expect(detail).toMatchObject({ name: query.name, dialect, query: query.texts[dialect], builtin: true });
      expect(detail.source).toContain(`// name: ${query.name}`);
      expect(detail.source).toContain(query.texts[dialect]);
    }
  });

  it('answers 404 for an unknown query', async () => {
    expectCode((await request(h.app).get('/api/queries/no-such-query').expect(404)).body, 'not_found');
    expectCode((await request(h.app).post('/api/queries/no-such-query/run').send({}).expect(404)).body, 'not_found');
  });
});

describe("analysts' own queries", () => {
  it('saves, runs with defaults and given values, and refuses bad parameters', async () => {
    const saved = await request(h.app).post('/api/queries').send(centresByStatus).expect(201);
    expect(QueryDetail.parse(saved.body)).toMatchObject({ name: 'centres-by-status', builtin: false, version: 1 });
    expect(existsSync(path.join(h.dataDir, 'queries', 'centres-by-status.json'))).toBe(true);

    const run = await request(h.app)
      .post('/api/queries/centres-by-status/run')
      .send({ params: { status: 'dismantled' } })
      .expect(200);
    const result = QueryResultSchema.parse(run.body);
    expect(result.rows.map((r) => r.name)).toEqual(['Gamma Hub']);
    expect(result.graph.nodes.map((n) => n.key)).toEqual(['centre:gamma']);

    const limited = await request(h.app)
      .post('/api/queries/centres-by-status/run')
      .send({ params: { status: 'active', limit: 0 } })
      .expect(200);
    expect(limited.body.rows).toEqual([]);
    expectCode(
      (await request(h.app).post('/api/queries/centres-by-status/run').send({ params: {} }).expect(400)).body,
      'validation_error',
    );
    expectCode(
      (
        await request(h.app)
          .post('/api/queries/centres-by-status/run')
          .send({ params: { status: 'active', limit: 'many' } })
          .expect(400)
      ).body,
      'validation_error',
    );
    expectCode(
      (
        await request(h.app)
          .post('/api/queries/centres-by-status/run')
          .send({ params: { status: 'active', extra: 1 } })
          .expect(400)
      ).body,
      'validation_error',
    );
  });

  it('keeps every version, serves old ones, and survives a restart', async () => {
    const changed = {
      ...centresByStatus,
      title: 'Centres by status, newest name first',
      query: centresByStatus.query.replace('ORDER BY name', 'ORDER BY name DESC'),
    };
    const put = await request(h.app).put('/api/queries/centres-by-status').send(changed).expect(200);
    expect(put.body.version).toBe(2);
    const versions = await request(h.app).get('/api/queries/centres-by-status/versions').expect(200);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const first = await request(h.app).get('/api/queries/centres-by-status?version=1').expect(200);
    expect(first.body.query).toBe(centresByStatus.query);

    // a new app on the same data dir, as after a restart
    const restarted = createApp({
      store: h.store,
      logger: createLogger('silent'),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: true,
      dataDir: h.dataDir,
    });
    const again = await request(restarted).get('/api/queries/centres-by-status').expect(200);
    expect(again.body).toMatchObject({ version: 2, title: changed.title });
    const run = await request(restarted)
      .post('/api/queries/centres-by-status/run')
      .send({ params: { status: 'active' } })
      .expect(200);
    expect(run.body.rows.map((r: { name: string }) => r.name)).toEqual(['Alpha Compound']);
  });

  it('checks a query on save: read-only, parameters declared and used, defaults typed', async () => {
    const cases: Array<[object, string]> = [
      [
        {
          ...centresByStatus,
          name: 'writes',
          query: 'MATCH (c:Centre) SET c.status = $status RETURN c',
          params: [centresByStatus.params[0]],
        },
        'write_not_allowed',
      ],
      [
        { ...centresByStatus, name: 'reads-files', query: "LOAD FROM '/etc/passwd' RETURN *", params: [] },
        'file_access',
      ],
      [{ ...centresByStatus, name: 'undeclared', params: [centresByStatus.params[0]] }, 'validation_error'],
      [
        {
          ...centresByStatus,
          name: 'unused',
          params: [...centresByStatus.params, { name: 'other', type: 'string', required: true }],
        },
        'validation_error',
      ],
      [
        {
          ...centresByStatus,
          name: 'no-default',
          params: [centresByStatus.params[0], { name: 'limit', type: 'integer', required: false }],
        },
        'validation_error',
      ],
      [
        {
          ...centresByStatus,
          name: 'bad-default',
          params: [centresByStatus.params[0], { name: 'limit', type: 'integer', required: false, default: 'ten' }],
        },
        'validation_error',
      ],
      [
        {
          ...centresByStatus,
          name: 'bad-type',
          params: [centresByStatus.params[0], { name: 'limit', type: 'integer[]', required: false, default: 1 }],
        },
        'validation_error',
      ],
      [{ ...centresByStatus, name: 'Bad Name' }, 'validation_error'],
      [{ ...centresByStatus, name: 'not-cypher', query: 'MATCH (c:Centre RETURN c', params: [] }, 'query_error'],
    ];
    for (const [body, code] of cases) {
      const res = await request(h.app).post('/api/queries').send(body);
      expect([res.status, res.body.error?.code], JSON.stringify(body).slice(0, 80)).toEqual([
        code === 'validation_error' || code === 'query_error' ? 400 : 403,
        code,
      ]);
      const name = (body as { name: string }).name;
      if (/^[a-z]/.test(name)) expect(existsSync(path.join(h.dataDir, 'queries', `${name}.json`))).toBe(false);
    }
  });

  it('never overwrites or deletes a built-in query, and refuses a second POST of the same name', async () => {
    const builtin = builtins[0]!;
    expectCode(
      (
        await request(h.app)
          .post('/api/queries')
          .send({ ...centresByStatus, name: builtin.name })
          .expect(409)
      ).body,
      'conflict',
    );
    expectCode(
      (await request(h.app).put(`/api/queries/${builtin.name}`).send(centresByStatus).expect(409)).body,
      'conflict',
    );
    expectCode(
      (await request(h.app).delete(`/api/queries/${builtin.name}`).set('X-Scamnet-Request', '1').expect(409)).body,
      'conflict',
    );
    expectCode((await request(h.app).post('/api/queries').send(centresByStatus).expect(409)).body, 'conflict');
    expectCode(
      (await request(h.app).put('/api/queries/never-saved').send(centresByStatus).expect(404)).body,
      'not_found',
    );
  });

  it('deletes a saved query, and numbering carries on when the name is used again', async () => {
    await request(h.app)
      .post('/api/queries')
      .send({ ...centresByStatus, name: 'short-lived' })
      .expect(201);
    await request(h.app).put('/api/queries/short-lived').send(centresByStatus).expect(200);
    await request(h.app).delete('/api/queries/short-lived').set('X-Scamnet-Request', '1').expect(204);
    expectCode((await request(h.app).get('/api/queries/short-lived').expect(404)).body, 'not_found');
    expectCode((await request(h.app).get('/api/queries/short-lived/versions').expect(404)).body, 'not_found');
    expect(
      (await request(h.app).get('/api/queries').expect(200)).body.queries.map((q: { name: string }) => q.name),
    ).not.toContain('short-lived');
    expectCode(
      (await request(h.app).delete('/api/queries/short-lived').set('X-Scamnet-Request', '1').expect(404)).body,
      'not_found',
    );
    const again = await request(h.app)
      .post('/api/queries')
      .send({ ...centresByStatus, name: 'short-lived' })
      .expect(201);
    expect(again.body.version).toBe(3);
  });

  it('keeps every line of a description a comment in the served source, and titles to one line', async () => {
    const multi = {
      ...centresByStatus,
      name: 'multi-line',
      description: 'First line.\nMATCH (n) DETACH DELETE n\nLast line.',
    };
    const saved = await request(h.app).post('/api/queries').send(multi).expect(201);
    const header = saved.body.source.split('\n\n')[0] as string;
    expect(header.split('\n').every((line: string) => line.startsWith('//'))).toBe(true);
    expect(header).toContain('//   MATCH (n) DETACH DELETE n');
    expectCode(
      (
        await request(h.app)
          .post('/api/queries')
          .send({ ...centresByStatus, name: 'two-titles', title: 'A\nB' })
          .expect(400)
      ).body,
      'validation_error',
    );
  });

  it('refuses parameter names that JavaScript objects reserve', async () => {
    const proto = {
      ...centresByStatus,
      name: 'proto',
      params: [{ name: '__proto__', type: 'string', required: true }],
      query: 'RETURN $__proto__ AS p',
    };
    expectCode((await request(h.app).post('/api/queries').send(proto).expect(400)).body, 'validation_error');
  });

  it('lists the library past a stray or damaged file in the queries folder', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(h.dataDir, 'queries', 'Notes.json'), '{}');
    writeFileSync(path.join(h.dataDir, 'queries', 'damaged.json'), '{ not json');
    const list = await request(h.app).get('/api/queries').expect(200);
    expect(list.body.queries.map((q: { name: string }) => q.name)).toContain('centres-by-status');
    expectCode((await request(h.app).get('/api/queries/damaged').expect(500)).body, 'internal');
  });
});

describe('POST /api/cypher', () => {
  it('runs read-only Cypher with parameters and returns the table and the graph', async () => {
    const res = await request(h.app)
      .post('/api/cypher')
      .send({
        query: 'MATCH (c:Centre {id: $id})-[r:LOCATED_IN]->(k:Country) RETURN c.name AS centre, k.name AS country, r',
        params: { id: 'centre:alpha' },
      })
      .expect(200);
    const result = QueryResultSchema.parse(res.body);
    expect(result.columns).toEqual(['centre', 'country', 'r']);
    expect(result.rows[0]).toMatchObject({
      centre: 'Alpha Compound',
      country: 'Thailand',
      r: { $type: 'edge', key: 'e3', source: 'centre:alpha', target: 'country:TH' },
    });
    expect(result.graph.nodes.map((n) => n.key).sort()).toEqual(['centre:alpha', 'country:TH']);
  });

  it("answers the engine's complaints about an analyst's statement as 400 query_error", async () => {
    const complaints = {
      embedded: [
        'RETURN 1/0 AS x',
        "RETURN CAST('abc' AS INT64) AS x",
        'RETURN 9223372036854775807 + 1 AS x',
        // no "… exception:" prefix on this one
        "MATCH p = (a:Country)-[:TRAFFICKED_TO*1..2]->(b) WITH p AS p, list_to_string(' ', list_transform(nodes(p), n -> n.id)) AS k RETURN length(p), k",
      ],
      neo4j: [
        'RETURN 1/0 AS x',
        'RETURN 9223372036854775807 + 1 AS x',
        "RETURN date('not a date') AS x",
        'MATCH (c:Centre) RETURN c.name AS name, count(*) AS n ORDER BY nosuchvariable',
        "RETURN duration('P1Y') < 1 AS x, toInteger([1]) AS y",
      ],
    };
    for (const query of [...complaints[testBackend]]) {
      const res = await request(h.app).post('/api/cypher').send({ query });
      expect([res.status, res.body.error?.code], query).toEqual([400, 'query_error']);
    }
  });

  it('caps rows at QUERY_MAX_ROWS and says so', async () => {
    const capped = await startHarness(smallGraph(), { limits: { timeoutMs: 5000, maxRows: 3 } });
    try {
      const res = await request(capped.app)
        .post('/api/cypher')
        .send({ query: 'MATCH (n) RETURN n.id AS id ORDER BY id' })
        .expect(200);
      expect(res.body.rows).toHaveLength(3);
      expect(res.body.truncated).toBe(true);
    } finally {
      await capped.close();
    }
  });
});

describe('a runaway analyst query', () => {
  it('holds up neither the built-in library nor a second analyst', { timeout: 60_000 }, async () => {
    const slow = await startHarness(smallGraph(), { limits: { timeoutMs: 4000 } });
    try {
      let settled = false;
      // the graph's 14 nodes eight times over (1.5 billion rows), filtered on every name: runs until stopped
      const names = 'abcdefgh'.split('');
      const running = whenStoreSees(slow.store, (q) => q.includes('(h)'));
      const runaway = request(slow.app)
        .post('/api/cypher')
        .send({
          query: `MATCH ${names.map((n) => `(${n})`).join(', ')} WHERE ${names.map((n) => `${n}.name`).join(' + ')} = 'x' RETURN count(*) AS n`,
        })
        .then((res) => {
          settled = true;
          return res;
        });
      await running;
      const library = await request(slow.app).post(`/api/queries/${builtins[0]!.name}/run`).send({ params: {} });
      expect(library.status).not.toBe(504);
      const second = await request(slow.app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
      expect(second.body.rows).toEqual([{ one: 1 }]);
      expect(settled, 'the runaway query finished before the others were answered').toBe(false);
      expect((await runaway).body.error.code).toBe('timeout');
    } finally {
      await slow.close();
    }
  });
});

describe('ANALYST_CYPHER=false', () => {
  it('refuses ad-hoc Cypher and saving, and still runs the built-in library', async () => {
    expectCode(
      (await request(off.app).post('/api/cypher').send({ query: 'MATCH (n) RETURN count(n)' }).expect(403)).body,
      'operation_not_allowed',
    );
    expectCode(
      (await request(off.app).post('/api/queries').send(centresByStatus).expect(403)).body,
      'operation_not_allowed',
    );
    expect((await request(off.app).get('/api/queries').expect(200)).body.queries.length).toBe(builtins.length);
  });

  it('refuses in one wording at every door: ad-hoc Cypher, saving, running and exporting a saved query', async () => {
    const probe = { ...centresByStatus, name: 'analyst-switch-probe' };
    await request(h.app).post('/api/queries').send(probe).expect(201);
    try {
      // the same saved queries, served with the switch off
      const offWithSaved = createApp({
        store: h.store,
        logger: createLogger('silent'),
        queries: openCatalogue(h.store, h.dataDir),
        analystCypher: false,
        dataDir: h.dataDir,
      });
      const refusals = [
        await request(offWithSaved).post('/api/cypher').send({ query: 'RETURN 1 AS one' }),
        await request(offWithSaved)
          .post('/api/queries')
          .send({ ...probe, name: 'another-probe' }),
        await request(offWithSaved)
          .post('/api/queries/analyst-switch-probe/run')
          .send({ params: { status: 'active' } }),
        await request(offWithSaved)
          .post('/api/export')
          .send({
            format: 'json',
            selection: { kind: 'query', name: 'analyst-switch-probe', params: { status: 'active' } },
          }),
      ];
      for (const res of refusals) {
        expect(res.status).toBe(403);
        expect(ErrorSchema.parse(res.body).error).toMatchObject({
          code: 'operation_not_allowed',
          message: ANALYST_CYPHER_OFF,
        });
      }
    } finally {
      await request(h.app).delete('/api/queries/analyst-switch-probe').set('X-Scamnet-Request', '1').expect(204);
    }
  });
});

describe('damaged saved-query files', () => {
  it('lists the library and names each saved-query file it cannot read, with why and no path', async () => {
    const folder = path.join(h.dataDir, 'queries');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'cut-short.json'), '{"versions": [');
    writeFileSync(path.join(folder, 'not-a-query.json'), JSON.stringify({ versions: [{ name: 'not-a-query' }] }));
    try {
      const res = await request(h.app).get('/api/queries').expect(200);
      expect(res.body.queries.length).toBeGreaterThan(0);
      expect(res.body.queries.map((q: { name: string }) => q.name)).not.toContain('cut-short');
      const damaged = res.body.damaged as { name: string; reason: string }[];
      // (an earlier test here leaves a damaged file of its own)
      expect(damaged.map((d) => d.name)).toEqual(expect.arrayContaining(['cut-short', 'not-a-query']));
      expect(damaged.find((d) => d.name === 'cut-short')?.reason).toBe('not JSON');
      expect(JSON.stringify(res.body)).not.toContain(h.dataDir);
    } finally {
      rmSync(path.join(folder, 'cut-short.json'));
      rmSync(path.join(folder, 'not-a-query.json'));
    }
  });
});
