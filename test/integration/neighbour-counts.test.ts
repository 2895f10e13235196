/**
 * GET /api/nodes/:id/neighbors/counts over HTTP (issue 14's "expand all" preview), on both stores:
 * the counts of the hand-checked small graph, the same counts the neighbours endpoint's own answer
 * gives for every node, the clearance graph at every level (nothing withheld counted, a withheld id
 * the same 404 as a missing one), hostile input, and the audit event.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { NeighbourCountsSchema, type NeighbourCounts } from '../../server/model/expansion.ts';
import type { Actor } from '../../server/model/access.ts';
import { TLP_LEVELS, type Tlp } from '../../server/model/markings.ts';
import { ErrorSchema } from '../../server/api/schemas.ts';
import { appFor, startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';
import { clearanceGraph, splitAt } from '../support/clearance-graph.ts';
import type { GraphBatch } from '../../server/model/schema.ts';

const reader = (clearance: Tlp): Actor => ({
  name: `reader-${clearance}`,
  role: 'viewer',
  clearance,
  rawCypher: false,
  via: 'token',
});

/** The counts a batch implies for `id`: distinct neighbours per kind, links per kind, most first. */
function expected(batch: GraphBatch, id: string): NeighbourCounts {
  const kindOf = new Map(batch.nodes.map((n) => [n.id, n.kind as string]));
  const links = batch.relationships.filter((r) => (r.from === id) !== (r.to === id));
  const neighbours = new Set(links.map((r) => (r.from === id ? r.to : r.from)));
  const tally = (items: string[]) =>
    [...items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
  return {
    id,
    total: neighbours.size,
    byKind: tally([...neighbours].map((n) => kindOf.get(n)!)),
    byRelKind: tally(links.map((r) => r.kind)),
  };
}

function expectError(body: unknown, code: string) {
  const parsed = ErrorSchema.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(JSON.stringify(parsed)).not.toMatch(/\\n\s+at |node_modules|\/work\/|\.ts:/);
}

describe('neighbour counts of the small graph', () => {
  let h: Harness;
  const audit = new MemoryAudit();
  let app: ReturnType<typeof appFor>;
  const batch = smallGraph();
  beforeAll(async () => {
    h = await startHarness(batch);
    app = appFor(h.store, h.dataDir, { audit });
  });
  afterAll(async () => {
    await h?.close();
  });
  const counts = (id: string, query: Record<string, string> = {}) =>
    request(app)
      .get(`/api/nodes/${encodeURIComponent(id)}/neighbors/counts`)
      .query(query);

  it('counts alpha by hand: three countries and a facilitator, two TRAFFICKED_TO links', async () => {
    const body = NeighbourCountsSchema.parse((await counts('centre:alpha').expect(200)).body);
    expect(body).toEqual({
      id: 'centre:alpha',
      total: 4,
      byKind: [
        { kind: 'Country', count: 3 },
        { kind: 'Facilitator', count: 1 },
      ],
      byRelKind: [
        { kind: 'TRAFFICKED_TO', count: 2 },
        { kind: 'LOCATED_IN', count: 1 },
        { kind: 'RECRUITS_FOR', count: 1 },
      ],
    });
  });

  it('agrees with the graph and with the neighbours endpoint for every node', async () => {
    for (const node of batch.nodes) {
      const body = NeighbourCountsSchema.parse((await counts(node.id).expect(200)).body);
      expect(body, node.id).toEqual(expected(batch, node.id));
      const around = await request(app)
        .get(`/api/nodes/${encodeURIComponent(node.id)}/neighbors`)
        .query({ limit: 2000 })
        .expect(200);
      expect(around.body.total, node.id).toBe(body.total);
    }
  });

  it('counts with the filters of an expansion: relationship kinds and neighbour kinds', async () => {
    expect((await counts('centre:alpha', { relKinds: 'TRAFFICKED_TO' }).expect(200)).body).toMatchObject({
      total: 2,
      byKind: [{ kind: 'Country', count: 2 }],
      byRelKind: [{ kind: 'TRAFFICKED_TO', count: 2 }],
    });
    expect((await counts('centre:alpha', { kinds: 'Facilitator' }).expect(200)).body).toMatchObject({
      total: 1,
      byKind: [{ kind: 'Facilitator', count: 1 }],
      byRelKind: [{ kind: 'RECRUITS_FOR', count: 1 }],
    });
    expect((await counts('centre:alpha', { kinds: 'Operation' }).expect(200)).body).toEqual({
      id: 'centre:alpha',
      total: 0,
      byKind: [],
      byRelKind: [],
    });
  });

  it('refuses hostile input with a 400 or 404 and no trace of the server', async () => {
    for (const query of <Record<string, string>[]>[
      { relKinds: 'KNOWS' },
      { relKinds: 'TRAFFICKED_TO]-() DETACH DELETE n //' },
      { kinds: 'Country) RETURN 1 //' },
      { kinds: 'country' },
    ])
      expectError((await counts('centre:alpha', query).expect(400)).body, 'validation_error');
    for (const id of ["centre:alpha'}) MATCH (x) DETACH DELETE x //", 'nowhere', 'centre:', 'Centre:alpha', '../etc'])
      expectError((await counts(id).expect(404)).body, 'not_found');
    // nothing was deleted by any of them
    expect((await counts('centre:alpha').expect(200)).body.total).toBe(4);
  });

  it('is audited as graph.neighbour-counts with the id, the filters and the total', async () => {
    await counts('centre:alpha', { relKinds: 'TRAFFICKED_TO' }).expect(200);
    await counts('centre:nowhere').expect(404);
    const events = audit.events.filter((e) => e.action === 'graph.neighbour-counts');
    expect(events.slice(-2)).toMatchObject([
      { targets: ['centre:alpha'], outcome: 'ok', details: { relKinds: ['TRAFFICKED_TO'], total: 2 } },
      { targets: ['centre:nowhere'], outcome: 'failed', details: { error: { code: 'not_found', status: 404 } } },
    ]);
  });
});

describe('neighbour counts at each clearance', () => {
  let h: Harness;
  const batch = clearanceGraph();
  beforeAll(async () => {
    h = await startHarness(batch);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(TLP_LEVELS)(
    'a reader cleared for %s: only what they may see is counted, withheld ids are 404',
    async (tlp) => {
      const app = appFor(h.store, h.dataDir, { actor: reader(tlp) });
      const { visible, withheld } = splitAt(batch, tlp);
      const counts = (id: string) => request(app).get(`/api/nodes/${encodeURIComponent(id)}/neighbors/counts`);
      for (const node of visible.nodes) {
        const res = await counts(node.id).expect(200);
        expect(NeighbourCountsSchema.parse(res.body), `${node.id} at ${tlp}`).toEqual(expected(visible, node.id));
        for (const name of [...withheld.ids, ...withheld.names])
          expect(JSON.stringify(res.body).includes(name), `${node.id} names ${name}`).toBe(false);
      }
      const missing = await counts('centre:no-such').expect(404);
      for (const node of batch.nodes.filter((n) => !visible.nodes.some((v) => v.id === n.id))) {
        const res = await counts(node.id).expect(404);
        expect(JSON.stringify(res.body).replaceAll(node.id, 'centre:no-such')).toBe(JSON.stringify(missing.body));
      }
    },
  );

  it('counts two links to one neighbour once as a neighbour and twice as links (RED: g2 and Verdantia)', async () => {
    const app = appFor(h.store, h.dataDir, { actor: reader('RED') });
    const res = await request(app).get('/api/nodes/centre:g2/neighbors/counts').query({ kinds: 'Country' });
    expect(res.body).toMatchObject({
      total: 2,
      byKind: [{ kind: 'Country', count: 2 }],
      byRelKind: [
        { kind: 'LOCATED_IN', count: 2 },
        { kind: 'TRAFFICKED_TO', count: 1 },
      ],
    });
  });
});
