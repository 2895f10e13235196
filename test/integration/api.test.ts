/**
 * The core API over HTTP, on a real embedded store holding the hand-checked graph of
 * test/support/small-graph.ts. Expected neighbourhoods and paths were worked out from its picture.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '../../server/api/health/router.ts';
import { NodeDetails } from '../../server/graph/node-details.ts';
import { Subgraph } from '../../server/graph/neighbourhood.ts';
import { PathsResponse } from '../../server/graph/shortest-paths.ts';
import { ErrorSchema } from '../../server/api/schemas.ts';
import { SchemaSchema } from '../../server/api/schema/router.ts';
import { SearchResponse } from '../../server/graph/search.ts';
import { NODE_KIND_NAMES, REL_KIND_NAMES } from '../../server/model/schema.ts';
import { startHarness, testBackend, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
});
afterAll(async () => {
  await h?.close();
});

const get = (url: string) => request(h.app).get(url);
const keys = (items: { key: string }[]) => items.map((i) => i.key).sort();

function expectError(body: unknown, code: string) {
  const parsed = ErrorSchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(JSON.stringify(parsed)).not.toMatch(/\\n\s+at |node_modules/); // never a stack trace
}

describe('health and schema', () => {
  it('reports the store and the size of the graph', async () => {
    const res = await get('/api/health').expect(200);
    expect(HealthSchema.parse(res.body)).toEqual({ status: 'ok', backend: testBackend, nodes: 14, relationships: 18 });
  });

  it('describes every node and relationship kind of the model', async () => {
    const res = await get('/api/schema').expect(200);
    const schema = SchemaSchema.parse(res.body);
    expect(schema.nodeKinds.map((k) => k.kind)).toEqual(NODE_KIND_NAMES);
    expect(schema.relationshipKinds.map((k) => k.kind)).toEqual(REL_KIND_NAMES);
    const trafficked = schema.relationshipKinds.find((k) => k.kind === 'TRAFFICKED_TO')!;
    expect(trafficked.endpoints).toEqual([{ from: 'Country', to: 'Centre' }]);
    expect(trafficked.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'victims',
        'periodStart',
        'grade',
        'tlp',
        'sourceIds',
        'firstSeen',
        'lastSeen',
        'synthetic',
      ]),
    );
    // the internal search key is not part of the model
    expect(JSON.stringify(schema)).not.toContain('searchKey');
    // an enum names its values, so a form can offer them; a free string names none
    const centre = schema.nodeKinds.find((k) => k.kind === 'Centre')!.properties;
    expect(centre.find((p) => p.name === 'status')?.values).toEqual(['active', 'suspected', 'raided', 'dismantled']);
    expect(centre.find((p) => p.name === 'city')).not.toHaveProperty('values');
    const scope = schema.nodeKinds.find((k) => k.kind === 'Operation')!.properties.find((p) => p.name === 'scope');
    expect(scope).toMatchObject({ required: false, values: ['global', 'regional', 'national'] });
  });

  it('serves an OpenAPI document listing every endpoint', async () => {
    const res = await get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/audit',
        '/api/audit.csv',
        '/api/backups',
        '/api/cypher',
        '/api/export',
        '/api/import',
        '/api/subgraph',
        '/api/workspaces',
        '/api/workspaces/{name}',
        '/api/health',
        '/api/openapi.json',
        '/api/nodes',
        '/api/nodes/{id}',
        '/api/nodes/{id}/neighbors',
        '/api/nodes/{id}/neighbors/counts',
        '/api/nodes/{id}/history',
        '/api/nodes/{id}/restore',
        '/api/relationships',
        '/api/relationships/{id}',
        '/api/relationships/{id}/history',
        '/api/relationships/{id}/restore',
        '/api/sources/{id}/document',
        '/api/notes',
        '/api/notes/{id}',
        '/api/notes/find',
        '/api/merge',
        '/api/merge/preview',
        '/api/merge/suggestions',
        '/api/merge/{mergeId}/undo',
        '/api/paths',
        '/api/paths/connecting',
        '/api/queries',
        '/api/queries/{name}',
        '/api/queries/{name}/run',
        '/api/queries/{name}/versions',
        '/api/schema',
        '/api/search',
        '/api/auth/options',
        '/api/auth/sign-in',
        '/api/auth/sign-out',
        '/api/auth/me',
        '/api/auth/link',
        '/api/auth/password',
        '/api/users',
        '/api/users/{name}',
        '/api/users/{name}/tokens',
        '/api/users/{name}/tokens/{id}',
      ].sort(),
    );
    const params = res.body.paths['/api/nodes/{id}/neighbors'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['id', 'depth', 'relKinds', 'kinds', 'limit']));
  });
});

describe('search', () => {
  it('finds a name case-insensitively, exact matches first', async () => {
    const res = await get('/api/search?q=NAMIBIA').expect(200);
    const body = SearchResponse.parse(res.body);
    expect(body.results[0]).toMatchObject({ id: 'country:NA', kind: 'Country', label: 'Namibia', match: 'name' });
  });

  it('ignores accents and matches aliases', async () => {
    const res = await get('/api/search?q=beta%20zone').expect(200);
    expect(SearchResponse.parse(res.body).results).toEqual([
      { id: 'centre:beta', kind: 'Centre', label: 'Beta Park', match: 'alias', countries: ['Philippines'] },
    ]);
  });

  it('ranks name prefixes before word prefixes before substrings', async () => {
    const res = await get('/api/search?q=a').expect(200);
    const results = SearchResponse.parse(res.body).results;
    const order = results.map((r) => r.match);
    const rank = (m: string) => ['name', 'alias', 'name prefix', 'alias prefix', 'word prefix', 'substring'].indexOf(m);
    expect(order.map(rank)).toEqual([...order.map(rank)].sort((x, y) => x - y));
    expect(results[0]).toMatchObject({ id: 'facilitator:f1', match: 'name prefix' }); // "Amber Heron", shortest "a…" name
  });

  it('finds words inside names and limits to kinds', async () => {
    const res = await get('/api/search?q=park&kinds=Centre,Country').expect(200);
    expect(SearchResponse.parse(res.body).results.map((r) => [r.id, r.match])).toEqual([
      ['centre:beta', 'word prefix'],
    ]);
    const none = await get('/api/search?q=park&kinds=Facilitator').expect(200);
    expect(none.body.results).toEqual([]);
  });

  it('treats punctuation as a word break on both sides', async () => {
    const res = await get('/api/search?q=east%20asia').expect(200);
    expect(SearchResponse.parse(res.body).results.map((r) => [r.id, r.match])).toEqual([['region:sea', 'word prefix']]);
    const dashed = await get('/api/search?q=south-east').expect(200);
    expect(dashed.body.results.map((r: { id: string }) => r.id)).toEqual(['region:sea']);
    expect((await get('/api/search?q=---').expect(200)).body.results).toEqual([]);
  });

  it('gives centres their country and respects the limit', async () => {
    const res = await get('/api/search?q=o&limit=2').expect(200);
    expect(res.body.results).toHaveLength(2);
    const alpha = await get('/api/search?q=alpha').expect(200);
    expect(alpha.body.results[0]).toMatchObject({ id: 'centre:alpha', countries: ['Thailand'] });
  });

  it('rejects a missing query, an unknown kind and a bad limit', async () => {
    expectError((await get('/api/search').expect(400)).body, 'validation_error');
    expectError((await get('/api/search?q=x&kinds=Planet').expect(400)).body, 'validation_error');
    expectError((await get('/api/search?q=x&limit=0').expect(400)).body, 'validation_error');
    expectError((await get('/api/search?q=x&limit=lots').expect(400)).body, 'validation_error');
  });
});

describe('node details', () => {
  it('returns properties, provenance with the sources spelled out, and degree', async () => {
    const res = await get('/api/nodes/centre:gamma').expect(200);
    const body = NodeDetails.parse(res.body);
    expect(body.node.key).toBe('centre:gamma');
    expect(body.node.attributes).toMatchObject({
      kind: 'Centre',
      label: 'Gamma Hub',
      status: 'dismantled',
      workforce: 88,
    });
    expect(body.provenance).toEqual({
      sources: [
        {
          id: 'source:doc-a',
          name: 'Test document A',
          publisher: 'Test publisher',
          published: '2025-06-30',
          file: null,
          url: null,
        },
        {
          id: 'source:doc-b',
          name: 'Test document B',
          publisher: 'Other publisher',
          published: '2025-07',
          file: null,
          url: null,
        },
      ],
      grade: 'A1',
      tlp: 'AMBER',
      firstSeen: '2024-03-01',
      lastSeen: '2024-09-30',
      synthetic: false,
      excerpt: null,
    });
    // gamma: e5 LOCATED_IN, e8 RECRUITS_FOR, e13 RAIDED, e15 REPORTED_IN
    expect(body.degree).toBe(4);
    expect(body.degreeByRelKind).toEqual({ LOCATED_IN: 1, RECRUITS_FOR: 1, RAIDED: 1, REPORTED_IN: 1 });
    expect(body.degreeByKind).toEqual({ Country: 1, Facilitator: 1, Operation: 1, Source: 1 });
  });

  it('flags synthetic nodes', async () => {
    const res = await get('/api/nodes/facilitator:f1').expect(200);
    expect(res.body.provenance).toMatchObject({ synthetic: true, sources: [] });
  });

  it('answers 404 for an unknown id or an id without a kind prefix', async () => {
    expectError((await get('/api/nodes/centre:nowhere').expect(404)).body, 'not_found');
    expectError((await get('/api/nodes/nowhere').expect(404)).body, 'not_found');
    expectError((await get('/api/nodes/centre:nowhere/neighbors').expect(404)).body, 'not_found');
  });
});

describe('neighbours', () => {
  it('depth 1: the four neighbours of alpha and the relationships among them', async () => {
    const res = await get('/api/nodes/centre:alpha/neighbors').expect(200);
    const body = Subgraph.parse(res.body);
    expect(keys(body.nodes)).toEqual(['centre:alpha', 'country:KE', 'country:PH', 'country:TH', 'facilitator:f1']);
    expect(keys(body.edges)).toEqual(['e1', 'e2', 'e3', 'e6']);
    expect(body).toMatchObject({ truncated: false, total: 4 });
    const e1 = body.edges.find((e) => e.key === 'e1')!;
    expect(e1).toMatchObject({ source: 'country:KE', target: 'centre:alpha' });
    expect(e1.attributes).toMatchObject({ kind: 'TRAFFICKED_TO', victims: 30, grade: 'D4', periodStart: '2024-01-01' });
  });

  it('depth 2: ten nodes, and every relationship among them including ones between the second ring', async () => {
    const res = await get('/api/nodes/centre:alpha/neighbors?depth=2').expect(200);
    const body = Subgraph.parse(res.body);
    expect(keys(body.nodes)).toEqual(
      [
        'centre:alpha',
        'centre:beta',
        'country:KE',
        'country:PH',
        'country:TH',
        'facilitator:f1',
        'facilitator:f2',
        'region:sea',
        'route:r1',
        'source:doc-a',
      ].sort(),
    );
    expect(keys(body.edges)).toEqual([
      'e1',
      'e10',
      'e11',
      'e12',
      'e16',
      'e17',
      'e18',
      'e2',
      'e3',
      'e4',
      'e6',
      'e7',
      'e9',
    ]);
    expect(body.total).toBeNull();
  });

  it('follows only the chosen relationship kinds and reaches only the chosen node kinds', async () => {
    const rels = Subgraph.parse(
      (await get('/api/nodes/centre:alpha/neighbors?relKinds=TRAFFICKED_TO').expect(200)).body,
    );
    expect(keys(rels.nodes)).toEqual(['centre:alpha', 'country:KE', 'country:PH']);
    expect(keys(rels.edges)).toEqual(['e1', 'e2']);
    const kinds = Subgraph.parse((await get('/api/nodes/centre:alpha/neighbors?kinds=Country').expect(200)).body);
    expect(keys(kinds.nodes)).toEqual(['centre:alpha', 'country:KE', 'country:PH', 'country:TH']);
    expect(kinds.total).toBe(3);
  });

  it('caps a neighbourhood at the limit, in name order, and says how many there are', async () => {
    const res = await get('/api/nodes/centre:alpha/neighbors?limit=3&order=name').expect(200);
    const body = Subgraph.parse(res.body);
    // neighbours by name: Amber Heron, Kenya, Philippines, Thailand; room for two after alpha
    expect(keys(body.nodes)).toEqual(['centre:alpha', 'country:KE', 'facilitator:f1']);
    expect(keys(body.edges)).toEqual(['e1', 'e6']);
    expect(body).toMatchObject({ truncated: true, total: 4 });
  });

  it('fills a limited hop in name order across node kinds', async () => {
    // hop 2 from alpha, by name: Beta Park, Jade Fox, Kenya to Thailand by air, South-East Asia, Test document A
    const body = Subgraph.parse((await get('/api/nodes/centre:alpha/neighbors?depth=2&limit=7').expect(200)).body);
    expect(keys(body.nodes)).toEqual(
      [
        'centre:alpha',
        'centre:beta',
        'country:KE',
        'country:PH',
        'country:TH',
        'facilitator:f1',
        'facilitator:f2',
      ].sort(),
    );
    expect(body.truncated).toBe(true);
  });

  it('is not truncated when the limit is met exactly or nothing is linked', async () => {
    const exact = Subgraph.parse((await get('/api/nodes/centre:alpha/neighbors?limit=5').expect(200)).body);
    expect(exact.nodes).toHaveLength(5);
    expect(exact).toMatchObject({ truncated: false, total: 4 });
    const lone = Subgraph.parse((await get('/api/nodes/source:doc-b/neighbors?limit=1&depth=2').expect(200)).body);
    expect(keys(lone.nodes)).toEqual(['source:doc-b']);
    expect(lone.truncated).toBe(false);
  });

  it('treats an empty list filter as no filter', async () => {
    const plain = Subgraph.parse((await get('/api/nodes/centre:alpha/neighbors').expect(200)).body);
    for (const query of ['relKinds=', 'relKinds=,', 'kinds=,%20', 'kinds=']) {
      const body = Subgraph.parse((await get(`/api/nodes/centre:alpha/neighbors?${query}`).expect(200)).body);
      expect(keys(body.nodes)).toEqual(keys(plain.nodes));
    }
  });

  it('rejects a depth beyond 3, unknown kinds and a bad limit', async () => {
    expectError((await get('/api/nodes/centre:alpha/neighbors?depth=4').expect(400)).body, 'validation_error');
    expectError((await get('/api/nodes/centre:alpha/neighbors?relKinds=KNOWS').expect(400)).body, 'validation_error');
    expectError((await get('/api/nodes/centre:alpha/neighbors?limit=-1').expect(400)).body, 'validation_error');
  });
});

describe('paths', () => {
  it('finds both 4-hop shortest paths from Kenya to gamma, each with the weakest grade of its nodes and links', async () => {
    const res = await get('/api/paths?from=country:KE&to=centre:gamma').expect(200);
    const body = PathsResponse.parse(res.body);
    const paths = [...body.paths].sort((a, b) => a.edges[0]!.localeCompare(b.edges[0]!));
    expect(paths).toEqual([
      {
        nodes: ['country:KE', 'centre:alpha', 'country:TH', 'facilitator:f2', 'centre:gamma'],
        edges: ['e1', 'e3', 'e9', 'e8'],
        hops: 4,
        weakestGrade: 'D4',
        synthetic: false,
      },
      {
        nodes: ['country:KE', 'route:r1', 'country:TH', 'facilitator:f2', 'centre:gamma'],
        edges: ['e11', 'e12', 'e9', 'e8'],
        hops: 4,
        // its links are B2 at worst, but it runs through the route r1, graded B3
        weakestGrade: 'B3',
        synthetic: false,
      },
    ]);
    expect(keys(body.nodes)).toEqual([
      'centre:alpha',
      'centre:gamma',
      'country:KE',
      'country:TH',
      'facilitator:f2',
      'route:r1',
    ]);
    expect(keys(body.edges)).toEqual(['e1', 'e11', 'e12', 'e3', 'e8', 'e9']);
    expect(body.truncated).toBe(false);
  });

  it('shows a link resting on an F6 rumour as weak', async () => {
    const body = PathsResponse.parse((await get('/api/paths?from=facilitator:f1&to=country:PH').expect(200)).body);
    expect(body.paths.map((p) => p.weakestGrade).sort()).toEqual(['C3', 'F6']);
    // both pass through the synthetic facilitator f1
    expect(body.paths.map((p) => p.synthetic)).toEqual([true, true]);
  });

  it('returns no path when maxHops is too short or the kinds do not connect', async () => {
    expect((await get('/api/paths?from=country:KE&to=centre:gamma&maxHops=3').expect(200)).body.paths).toEqual([]);
    expect(
      (await get('/api/paths?from=country:KE&to=centre:gamma&relKinds=TRAFFICKED_TO').expect(200)).body.paths,
    ).toEqual([]);
  });

  it('does not link two facts through the document that reports both, unless asked to', async () => {
    // Kenya and gamma are both reported in doc-a (e18, e15): a 2-hop shortcut that is no link in the world
    const cited = PathsResponse.parse(
      (await get('/api/paths?from=country:KE&to=centre:gamma&relKinds=REPORTED_IN').expect(200)).body,
    );
    expect(cited.paths.map((p) => p.edges)).toEqual([['e18', 'e15']]);
    const byDefault = PathsResponse.parse((await get('/api/paths?from=country:KE&to=centre:gamma').expect(200)).body);
    expect(byDefault.paths.map((p) => p.hops)).toEqual([4, 4]);
    // gamma and Namibia are linked directly (e5); a path to a Source may end with REPORTED_IN
    const direct = PathsResponse.parse((await get('/api/paths?from=country:NA&to=centre:gamma').expect(200)).body);
    expect(direct.paths.map((p) => p.edges)).toEqual([['e5']]);
    const toSource = PathsResponse.parse((await get('/api/paths?from=country:NA&to=source:doc-a').expect(200)).body);
    expect(toSource.paths.map((p) => p.edges)).toEqual([['e5', 'e15']]);
    const viaSource = PathsResponse.parse(
      (await get('/api/paths?from=operation:op1&to=source:doc-a&relKinds=RAIDED').expect(200)).body,
    );
    expect(viaSource.paths).toEqual([]);
    const asked = PathsResponse.parse(
      (await get('/api/paths?from=country:NA&to=operation:op1&relKinds=REPORTED_IN,LOCATED_IN,RAIDED').expect(200))
        .body,
    );
    expect(asked.paths.map((p) => p.edges)).toEqual([['e5', 'e13']]);
  });

  it('keeps the co-citation rule when relKinds is given empty', async () => {
    const body = PathsResponse.parse(
      (await get('/api/paths?from=country:KE&to=centre:gamma&relKinds=,').expect(200)).body,
    );
    expect(body.paths.map((p) => p.hops)).toEqual([4, 4]);
  });

  it('rejects bad input and unknown nodes', async () => {
    expectError((await get('/api/paths?from=country:KE').expect(400)).body, 'validation_error');
    expectError((await get('/api/paths?from=country:KE&to=country:KE').expect(400)).body, 'validation_error');
    expectError(
      (await get('/api/paths?from=country:KE&to=centre:gamma&maxHops=20').expect(400)).body,
      'validation_error',
    );
    expectError((await get('/api/paths?from=country:KE&to=centre:atlantis').expect(404)).body, 'not_found');
  });
});

describe('errors', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    expectError((await get('/api/nothing-here').expect(404)).body, 'not_found');
    expectError((await request(h.app).post('/api/search').send({ q: 'x' }).expect(404)).body, 'not_found');
  });

  it('answers a URL with broken %-encoding with a 400', async () => {
    expectError((await get('/api/nodes/%E0%A4%A').expect(400)).body, 'bad_request');
    expectError((await get('/api/nodes/%').expect(400)).body, 'bad_request');
  });

  it('answers malformed JSON bodies with a 400, not a stack trace', async () => {
    const res = await request(h.app)
      .post('/api/search')
      .set('content-type', 'application/json')
      .send('{"q": ')
      .expect(400);
    expectError(res.body, 'bad_request');
  });
});

describe('request size', () => {
  it('answers a body over the 2 MB limit with 413 too_large', async () => {
    const res = await request(h.app)
      .post('/api/search')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ q: 'x'.repeat(3 * 1024 * 1024) }))
      .expect(413);
    expectError(res.body, 'too_large');
  });
});
