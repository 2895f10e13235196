/**
 * POST /api/paths/connecting over HTTP on the hand-checked graph of test/support/small-graph.ts
 * (its picture is at the top of that file): the shortest paths between every pair of the ids,
 * each with the weakest grade of its nodes and links, the pairs not connected, the bound on the
 * work, hostile bodies, and the audit event. Runs on both stores.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { ConnectingBody, ConnectingResponse, connectingNetwork } from '../../server/graph/connecting-network.ts';
import { ErrorSchema } from '../../server/api/schemas.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

const audit = new MemoryAudit();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph(), { audit });
});
afterAll(async () => {
  await h?.close();
});

const H = { 'X-Scamnet-Request': '1' };
const connect = (body: unknown) =>
  request(h.app)
    .post('/api/paths/connecting')
    .set(H)
    .send(body as object);
const keys = (items: { key: string }[]) => items.map((i) => i.key).sort();
const byEdges = <T extends { edges: string[] }>(paths: T[]) =>
  [...paths].sort((a, b) => a.edges.join().localeCompare(b.edges.join()));

function expectError(body: unknown, code: string) {
  const parsed = ErrorSchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(JSON.stringify(parsed)).not.toMatch(/\\n\s+at |node_modules|\/work\//); // never a stack trace or a path
}

describe('the connecting network of several nodes', () => {
  it('unites the shortest paths of every pair, each graded by its weakest node or link, and lists the pairs not connected', async () => {
    const res = await connect({ ids: ['country:KE', 'centre:gamma', 'country:NA'], maxHops: 4 }).expect(200);
    const body = ConnectingResponse.parse(res.body);
    expect(body.pairs.map((p) => [p.from, p.to])).toEqual([
      ['country:KE', 'centre:gamma'],
      ['centre:gamma', 'country:NA'],
    ]);
    expect(byEdges(body.pairs[0]!.paths)).toEqual([
      {
        nodes: ['country:KE', 'centre:alpha', 'country:TH', 'facilitator:f2', 'centre:gamma'],
        edges: ['e1', 'e3', 'e9', 'e8'],
        hops: 4,
        weakestGrade: 'D4',
        synthetic: false,
      },
      {
        // every link is B2 or better; the route r1 it runs through is B3
        nodes: ['country:KE', 'route:r1', 'country:TH', 'facilitator:f2', 'centre:gamma'],
        edges: ['e11', 'e12', 'e9', 'e8'],
        hops: 4,
        weakestGrade: 'B3',
        synthetic: false,
      },
    ]);
    expect(body.pairs[1]!.paths).toEqual([
      { nodes: ['centre:gamma', 'country:NA'], edges: ['e5'], hops: 1, weakestGrade: 'A1', synthetic: false },
    ]);
    // Kenya … Namibia is five hops
    expect(body.unconnected).toEqual([{ from: 'country:KE', to: 'country:NA' }]);
    expect(keys(body.nodes)).toEqual([
      'centre:alpha',
      'centre:gamma',
      'country:KE',
      'country:NA',
      'country:TH',
      'facilitator:f2',
      'route:r1',
    ]);
    expect(keys(body.edges)).toEqual(['e1', 'e11', 'e12', 'e3', 'e5', 'e8', 'e9']);
    expect(body).toMatchObject({ maxHops: 4, pathsPerPair: 5, limited: false, truncated: false, unsearched: [] });
    // a node the reader asked for stays in the answer even when nothing connects it
    const alone = ConnectingResponse.parse(
      (await connect({ ids: ['country:KE', 'country:NA'], maxHops: 2 }).expect(200)).body,
    );
    expect(alone).toMatchObject({ pairs: [], unconnected: [{ from: 'country:KE', to: 'country:NA' }], edges: [] });
    expect(keys(alone.nodes)).toEqual(['country:KE', 'country:NA']);
  });

  it('finds the longer paths when the hop limit allows them, and the default limit is four', async () => {
    const body = ConnectingResponse.parse(
      (await connect({ ids: ['country:KE', 'country:NA'], maxHops: 5 }).expect(200)).body,
    );
    expect(body.pairs[0]!.paths.map((p) => [p.hops, p.weakestGrade]).sort()).toEqual([
      [5, 'B3'],
      [5, 'D4'],
    ]);
    const byDefault = ConnectingResponse.parse((await connect({ ids: ['country:KE', 'country:NA'] }).expect(200)).body);
    expect(byDefault).toMatchObject({ maxHops: 4, pairs: [] });
  });

  it('grades a path by its nodes too: one A1 link to a B2 facilitator is a B2 path', async () => {
    const body = ConnectingResponse.parse(
      (await connect({ ids: ['operation:op1', 'facilitator:f2'], maxHops: 1 }).expect(200)).body,
    );
    expect(body.pairs[0]!.paths).toEqual([
      { nodes: ['operation:op1', 'facilitator:f2'], edges: ['e14'], hops: 1, weakestGrade: 'B2', synthetic: false },
    ]);
    // and a synthetic node on the way marks the path synthetic
    const viaF1 = ConnectingResponse.parse(
      (await connect({ ids: ['centre:alpha', 'centre:beta'], maxHops: 2 }).expect(200)).body,
    );
    expect(byEdges(viaF1.pairs[0]!.paths)).toEqual([
      {
        nodes: ['centre:alpha', 'country:PH', 'centre:beta'],
        edges: ['e2', 'e4'],
        hops: 2,
        weakestGrade: 'C3',
        synthetic: false,
      },
      {
        nodes: ['centre:alpha', 'facilitator:f1', 'centre:beta'],
        edges: ['e6', 'e7'],
        hops: 2,
        weakestGrade: 'F6',
        synthetic: true,
      },
    ]);
  });

  it('does not connect two facts through the document that reports both, unless asked to or a Source is an end', async () => {
    const byDefault = ConnectingResponse.parse(
      (await connect({ ids: ['country:KE', 'centre:gamma'], maxHops: 2 }).expect(200)).body,
    );
    expect(byDefault.pairs).toEqual([]);
    const cited = ConnectingResponse.parse(
      (await connect({ ids: ['country:KE', 'centre:gamma'], maxHops: 2, relKinds: ['REPORTED_IN'] }).expect(200)).body,
    );
    expect(cited.pairs[0]!.paths.map((p) => p.edges)).toEqual([['e18', 'e15']]);
    const toSource = ConnectingResponse.parse(
      (await connect({ ids: ['country:NA', 'source:doc-a'], maxHops: 2 }).expect(200)).body,
    );
    expect(toSource.pairs[0]!.paths.map((p) => p.edges)).toEqual([['e5', 'e15']]);
  });

  it('lists at most maxPathsPerPair paths of a pair and says when there were more', async () => {
    const body = ConnectingResponse.parse(
      (await connect({ ids: ['country:KE', 'centre:gamma'], maxPathsPerPair: 1 }).expect(200)).body,
    );
    expect(body.pairs[0]!.paths).toHaveLength(1);
    expect(body.pairs[0]!.truncated).toBe(true);
    expect(body).toMatchObject({ truncated: true, limited: false, pathsPerPair: 1 });
    // only the listed path's nodes and links are in the subgraph
    expect(keys(body.edges)).toEqual([...body.pairs[0]!.paths[0]!.edges].sort());
  });

  it('bounds the work: with many pairs the per-pair limit shrinks so pairs × paths stays within 400, and says so', async () => {
    const ids = ['country:KE', 'country:TH', 'country:PH', 'country:NA', 'centre:alpha', 'centre:beta', 'centre:gamma'];
    const body = ConnectingResponse.parse((await connect({ ids, maxPathsPerPair: 25 }).expect(200)).body);
    // 21 pairs: 400 / 21 = 19 paths each at most
    expect(body.pairs.length + body.unconnected.length).toBe(21);
    expect(body).toMatchObject({ pathsPerPair: 19, limited: true });
    for (const pair of body.pairs) expect(pair.paths.length).toBeLessThanOrEqual(19);
  });

  it('bounds the time: once the budget is spent the pairs left are listed as not searched, the first always is', async () => {
    const ids = ['country:KE', 'centre:gamma', 'country:NA'];
    const body = ConnectingBody.parse({ ids, maxHops: 4 });
    // a clock that moves a second at each look, on a budget of 2.5 s: two pairs searched, then out of time
    let clock = 0;
    const now = () => (clock += 1000);
    const answer = await connectingNetwork(h.store, body, 'RED', { budgetMs: 2500, now });
    expect(answer.pairs.map((p) => [p.from, p.to])).toEqual([['country:KE', 'centre:gamma']]);
    expect(answer.unconnected).toEqual([{ from: 'country:KE', to: 'country:NA' }]);
    expect(answer.unsearched).toEqual([{ from: 'centre:gamma', to: 'country:NA' }]);
    expect(answer.truncated).toBe(true);
    const spent = await connectingNetwork(h.store, body, 'RED', { budgetMs: 0 });
    expect(spent.pairs.map((p) => [p.from, p.to])).toEqual([['country:KE', 'centre:gamma']]);
    expect(spent.unsearched).toHaveLength(2);
  });

  it('records who asked for which nodes in the audit trail', async () => {
    await connect({ ids: ['country:KE', 'centre:gamma', 'country:NA'], maxHops: 4 }).expect(200);
    const event = audit.events.filter((e) => e.action === 'graph.connecting').at(-1);
    expect(event).toMatchObject({
      outcome: 'ok',
      targets: ['country:KE', 'centre:gamma', 'country:NA'],
      details: { ids: 3, maxHops: 4, pairs: 2, unconnected: 1, paths: 3, limited: false },
    });
    await connect({ ids: ['country:KE', 'centre:atlantis'] }).expect(404);
    expect(audit.events.filter((e) => e.action === 'graph.connecting').at(-1)).toMatchObject({
      outcome: 'failed',
      details: { error: { code: 'not_found', status: 404 } },
    });
  });
});

describe('hostile connecting-network requests', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `centre:c${i}`);

  it('refuses bodies of the wrong shape with 400', async () => {
    const bad: unknown[] = [
      {},
      { ids: 'country:KE,centre:gamma' },
      { ids: [] },
      { ids: ['country:KE'] },
      { ids: many(21) },
      { ids: many(5000) },
      { ids: ['country:KE', 'country:KE'] },
      { ids: ['country:KE', 'centre:gamma', 'country:KE'] },
      { ids: ['country:KE', ''] },
      { ids: ['country:KE', `centre:${'x'.repeat(400)}`] },
      { ids: ['country:KE', 7] },
      { ids: ['country:KE', 'centre:gamma'], maxHops: 7 },
      { ids: ['country:KE', 'centre:gamma'], maxHops: 1e9 },
      { ids: ['country:KE', 'centre:gamma'], maxHops: 0 },
      { ids: ['country:KE', 'centre:gamma'], maxHops: -1 },
      { ids: ['country:KE', 'centre:gamma'], maxHops: 2.5 },
      { ids: ['country:KE', 'centre:gamma'], maxHops: '4' },
      { ids: ['country:KE', 'centre:gamma'], maxHops: '4 RETURN 1' },
      { ids: ['country:KE', 'centre:gamma'], maxPathsPerPair: 0 },
      { ids: ['country:KE', 'centre:gamma'], maxPathsPerPair: 1000 },
      { ids: ['country:KE', 'centre:gamma'], relKinds: ['KNOWS]-(x) DETACH DELETE x //'] },
      { ids: ['country:KE', 'centre:gamma'], relKinds: [] },
      { ids: ['country:KE', 'centre:gamma'], visible: 'all' },
      { ids: ['country:KE', 'centre:gamma'], clearance: 'RED' },
    ];
    for (const body of bad) {
      const res = await connect(body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expectError(res.body, 'validation_error');
    }
  });

  it('answers 404 naming the ids that match no node', async () => {
    for (const ids of [
      ['country:KE', 'centre:atlantis'],
      ['no-prefix-at-all', 'country:KE'],
      ['country:KE', 'centre:gamma', 'facilitator:nobody'],
      ['country:KE', "centre:x' OR 1=1 //"],
    ]) {
      const res = await connect({ ids }).expect(404);
      expectError(res.body, 'not_found');
      const missing = ids.filter((id) => !['country:KE', 'centre:gamma'].includes(id));
      expect(res.body.error.details).toEqual({ ids: missing });
    }
  });

  it('leaves the graph as it was', async () => {
    const health = await request(h.app).get('/api/health').expect(200);
    expect(health.body).toMatchObject({ nodes: 14, relationships: 18 });
  });
});
