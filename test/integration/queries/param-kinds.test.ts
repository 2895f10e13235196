/**
 * The kind of entity an id parameter takes (the client's entity picker searches that kind), over
 * HTTP: the library says it for parameters named for a kind, a saved query keeps the kind it was
 * given or takes it from its name, a kind on a parameter that takes no ids is refused, and saving
 * versions from the editor is audited as `query.save` with the version and the Cypher.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../../server/audit/audit-log.ts';
import { QueryDetail, QuerySummary } from '../../../server/api/queries/router.ts';
import { ErrorSchema } from '../../../server/api/schemas.ts';
import { startHarness, type Harness } from '../../support/app-harness.ts';
import { smallGraph } from '../../support/small-graph.ts';

let h: Harness;
const audit = new MemoryAudit();
beforeAll(async () => {
  h = await startHarness(smallGraph(), { audit });
});
afterAll(async () => {
  await h?.close();
});

const paramsOf = async (name: string) => {
  const res = await request(h.app).get('/api/queries').expect(200);
  const query = res.body.queries.map((q: unknown) => QuerySummary.parse(q)).find((q: QuerySummary) => q.name === name);
  return (query as QuerySummary).params;
};
const savesOf = (name: string) => audit.events.filter((e) => e.action === 'query.save' && e.targets.includes(name));

describe('the kind an id parameter takes', () => {
  it('is said by the library for parameters named for a kind, and left open for the others', async () => {
    expect((await paramsOf('centre-profile')).map((p) => [p.name, p.kind])).toEqual([['centre', 'Centre']]);
    expect((await paramsOf('centres-by-scam-type')).find((p) => p.name === 'scamType')?.kind).toBe('ScamType');
    expect((await paramsOf('routes-from-country')).find((p) => p.name === 'country')?.kind).toBe('Country');
    // a path's ends may be of any kind
    const ends = (await paramsOf('shortest-connection')).filter((p) => p.type === 'id');
    expect(ends.map((p) => [p.name, p.kind])).toEqual([
      ['from', undefined],
      ['to', undefined],
    ]);
    // parameters that take no ids have no kind, even when named for one
    expect((await paramsOf('centres-in-hub')).every((p) => p.kind === undefined)).toBe(true);
  });

  it('is kept on a saved query as given, or taken from the name, and runs with a picked id', async () => {
    const body = {
      name: 'centre-links',
      title: 'What a centre is linked to',
      params: [
        { name: 'centre', type: 'id', required: true, description: '' },
        { name: 'place', type: 'id', required: true, kind: 'Country', description: '' },
        { name: 'other', type: 'id', required: true, description: '' },
      ],
      query: 'MATCH (c:Centre {id: $centre})-[l]-(x) WHERE x.id = $place OR x.id = $other RETURN c, l, x',
    };
    const res = await request(h.app).post('/api/queries').send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const saved = QueryDetail.parse(res.body);
    expect(saved.params.map((p) => [p.name, p.kind])).toEqual([
      ['centre', 'Centre'],
      ['place', 'Country'],
      ['other', undefined],
    ]);
    expect((await paramsOf('centre-links')).map((p) => p.kind)).toEqual(['Centre', 'Country', undefined]);
    const run = await request(h.app)
      .post('/api/queries/centre-links/run')
      .send({ params: { centre: 'centre:alpha', place: 'country:TH', other: 'facilitator:f1' } })
      .expect(200);
    expect(run.body.rows.map((r: { x: { key: string } }) => r.x.key).sort()).toEqual(['country:TH', 'facilitator:f1']);
    expect(savesOf('centre-links').map((e) => [e.outcome, e.details.version, e.details.query])).toEqual([
      ['ok', 1, body.query],
    ]);
  });

  it('refuses a kind on a parameter that takes no ids, and a kind that is none, and saves nothing', async () => {
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ name: 'hub', type: 'string', required: true, kind: 'Region', description: '' }, /a kind \(Region\) is for id/],
      [{ name: 'hub', type: 'id', required: true, kind: 'Planet', description: '' }, /kind/],
      [{ name: 'hub', type: 'id', required: true, kind: '__proto__', description: '' }, /kind/],
      [{ name: 'hub', type: 'id', required: true, kind: 7, description: '' }, /kind/],
    ];
    for (const [param, why] of bad) {
      const res = await request(h.app)
        .post('/api/queries')
        .send({ name: 'bad-kind', title: 'Bad', params: [param], query: 'MATCH (r:Region {id: $hub}) RETURN r' })
        .expect(400);
      expect(ErrorSchema.parse(res.body).error.code).toBe('validation_error');
      expect(JSON.stringify(res.body.error)).toMatch(why);
      expect(JSON.stringify(res.body)).not.toMatch(/\/work|\/tmp|at .*\.ts/);
    }
    await request(h.app).get('/api/queries/bad-kind').expect(404);
    expect(savesOf('bad-kind').every((e) => e.outcome !== 'ok')).toBe(true);
  });

  it('keeps each version saved from the editor, lists them and opens an earlier one', async () => {
    const first = {
      name: 'centres-of-country',
      title: 'Centres located in a country',
      params: [{ name: 'country', type: 'id', required: true, description: 'the country' }],
      query: 'MATCH (c:Centre)-[:LOCATED_IN]->(k:Country {id: $country}) RETURN c',
    };
    await request(h.app).post('/api/queries').send(first).expect(201);
    const second = {
      ...first,
      title: 'Centres located in a country, with the link',
      params: [...first.params, { name: 'limit', type: 'integer', required: false, default: 10, description: '' }],
      query: 'MATCH (c:Centre)-[l:LOCATED_IN]->(k:Country {id: $country}) RETURN c, l, k LIMIT $limit',
    };
    const { name: _name, ...update } = second;
    const v2 = QueryDetail.parse(
      (await request(h.app).put('/api/queries/centres-of-country').send(update).expect(200)).body,
    );
    expect(v2.version).toBe(2);
    const versions = (await request(h.app).get('/api/queries/centres-of-country/versions').expect(200)).body.versions;
    expect(versions.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [1, first.title],
      [2, second.title],
    ]);
    const old = QueryDetail.parse(
      (await request(h.app).get('/api/queries/centres-of-country?version=1').expect(200)).body,
    );
    expect([old.query, old.params.map((p) => p.kind)]).toEqual([first.query, ['Country']]);
    expect(savesOf('centres-of-country').map((e) => [e.details.version, e.details.query])).toEqual([
      [1, first.query],
      [2, second.query],
    ]);
  });
});
