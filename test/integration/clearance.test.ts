/**
 * The clearance suite: for each clearance level and each read endpoint, nothing marked above the
 * reader's clearance reaches them — no id, no name, no count. Each answer is serialised whole and
 * searched for every withheld id and name; counts and degrees are checked against the graph as the
 * reader may see it (clearance-graph.ts draws it). Runs on both stores.
 *
 * Each reader is a real account with a real API token on the real app with AUTH=on: the actor is
 * what the server's own authentication resolves, not one the test sets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../server/model/access.ts';
import { TLP_LEVELS, tlpRank, type Tlp } from '../../server/model/markings.ts';
import { sampleValue } from '../../server/queries/params.ts';
import type { RequestListener } from 'node:http';
import { appFor } from '../support/app-harness.ts';
import { addUser, OPERATOR, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { clearanceGraph, splitAt } from '../support/clearance-graph.ts';
import { binary } from '../support/export-request.ts';
import { library } from '../support/query-library.ts';

const batch = clearanceGraph();
const H = { 'X-Scamnet-Request': '1' };

const actor = (clearance: Tlp, role: Role = 'viewer', rawCypher = false): Actor => ({
  name: `${role}-${clearance.toLowerCase().replace('+', '-')}${rawCypher ? '-raw' : ''}`,
  role,
  clearance,
  rawCypher,
  via: 'token',
});

let h: AuthHarness;
const tokens = new Map<string, Promise<string>>();
/** A real account for `who` (made once, by the operator, as `npm run user` does) and its API token. */
function tokenFor(who: Actor): Promise<string> {
  if (!tokens.has(who.name))
    tokens.set(
      who.name,
      (async () => {
        await addUser(h, who.name, who.role, who.clearance, { rawCypher: who.rawCypher });
        return (await h.operator.createToken(who.name, 'clearance suite', OPERATOR)).token;
      })(),
    );
  return tokens.get(who.name)!;
}
/**
 * The real app (AUTH=on) as `who`: each request carries that account's API token, so the actor
 * is the one the server's own authentication resolves from its accounts.
 */
function as(who: Actor): RequestListener {
  return (req, res) => {
    tokenFor(who).then(
      (token) => {
        req.headers.authorization = `Bearer ${token}`;
        h.app(req, res);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  };
}

beforeAll(async () => {
  h = await startAuthHarness(batch);
});
afterAll(async () => {
  await h?.close();
});

/** Fails when any id or name withheld at `clearance` occurs anywhere in `text`. */
function expectNothingWithheld(text: string, clearance: Tlp, what: string): void {
  const { withheld } = splitAt(batch, clearance);
  for (const id of withheld.ids) expect(text.includes(id), `${what} names ${id}`).toBe(false);
  for (const name of withheld.names) expect(text.includes(name), `${what} names ${name}`).toBe(false);
  if (clearance !== 'RED') expect(text.includes('Scarlet Desk'), `${what}: the RED source's publisher`).toBe(false);
}

const seenAt = (clearance: Tlp) => splitAt(batch, clearance).visible;

describe.each(TLP_LEVELS)('a reader cleared for %s', (clearance) => {
  const reader = actor(clearance);
  const { visible } = splitAt(batch, clearance);
  const visibleIds = new Set(visible.nodes.map((n) => n.id));
  const withheldNodes = batch.nodes.filter((n) => !visibleIds.has(n.id));

  it('finds by search only what they may see, and names no withheld country beside a result', async () => {
    for (const node of batch.nodes) {
      const res = await request(as(reader)).get('/api/search').query({ q: node.name, limit: 100 }).expect(200);
      const ids = res.body.results.map((r: { id: string }) => r.id);
      expect(ids.includes(node.id), `${node.id} found`).toBe(visibleIds.has(node.id));
      expectNothingWithheld(JSON.stringify(res.body.results), clearance, `search ${node.name}`);
    }
    if (visibleIds.has('centre:g2')) {
      const res = await request(as(reader)).get('/api/search').query({ q: 'Greenway' }).expect(200);
      // g2 is also LOCATED_IN Verdantia, by a RED link
      expect(res.body.results[0].countries).toEqual(clearance === 'RED' ? ['Clearwater', 'Verdantia'] : ['Clearwater']);
    }
  });

  it('gets 404 for a withheld node, the same answer as for a missing one', async () => {
    const missing = await request(as(reader)).get('/api/nodes/centre:no-such').expect(404);
    for (const node of withheldNodes) {
      const res = await request(as(reader))
        .get(`/api/nodes/${encodeURIComponent(node.id)}`)
        .expect(404);
      expect(JSON.stringify(res.body).replaceAll(node.id, 'centre:no-such')).toBe(JSON.stringify(missing.body));
      const around = await request(as(reader))
        .get(`/api/nodes/${encodeURIComponent(node.id)}/neighbors`)
        .expect(404);
      expect(around.body.error.code).toBe('not_found');
    }
  });

  it('sees degrees, neighbours, totals and sources of visible links and nodes only', async () => {
    for (const node of visible.nodes) {
      const links = visible.relationships.filter((r) => r.from === node.id || r.to === node.id);
      const details = await request(as(reader))
        .get(`/api/nodes/${encodeURIComponent(node.id)}`)
        .expect(200);
      expectNothingWithheld(JSON.stringify(details.body), clearance, `details of ${node.id}`);
      expect(details.body.degree, `degree of ${node.id}`).toBe(links.length);
      const byRel = Object.values(details.body.degreeByRelKind as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(byRel).toBe(links.length);
      expect(details.body.provenance.sources.map((s: { id: string }) => s.id)).toEqual(
        node.sourceIds.filter((id) => visibleIds.has(id)),
      );
      const one = await request(as(reader))
        .get(`/api/nodes/${encodeURIComponent(node.id)}/neighbors`)
        .query({ depth: 1 })
        .expect(200);
      const neighbours = new Set(links.map((r) => (r.from === node.id ? r.to : r.from)));
      expect(one.body.total, `total of ${node.id}`).toBe(neighbours.size);
      expect(one.body.nodes.map((n: { key: string }) => n.key).sort()).toEqual([node.id, ...neighbours].sort());
      expectNothingWithheld(JSON.stringify(one.body), clearance, `neighbours of ${node.id}`);
      const three = await request(as(reader))
        .get(`/api/nodes/${encodeURIComponent(node.id)}/neighbors`)
        .query({ depth: 3 })
        .expect(200);
      expectNothingWithheld(JSON.stringify(three.body), clearance, `3 hops around ${node.id}`);
    }
  });

  it('finds paths through visible nodes and links only, the search itself filtered', async () => {
    const paths = (from: string, to: string) => request(as(reader)).get('/api/paths').query({ from, to, maxHops: 4 });
    const scoutToKe = await paths('facilitator:scout', 'country:KE');
    const g1ToG2 = await paths('centre:g1', 'centre:g2');
    if (clearance === 'CLEAR') {
      expect([scoutToKe.status, g1ToG2.status]).toEqual([404, 404]);
      return;
    }
    expect([scoutToKe.status, g1ToG2.status]).toEqual([200, 200]);
    for (const res of [scoutToKe, g1ToG2]) expectNothingWithheld(JSON.stringify(res.body), clearance, 'paths');
    const nodesOf = (res: request.Response) => res.body.paths.map((p: { nodes: string[] }) => p.nodes.join(' '));
    // two hops through the RED centre; below RED, the three-hop path only a filtered search finds
    expect(nodesOf(scoutToKe)).toEqual(
      clearance === 'RED'
        ? ['facilitator:scout centre:red country:KE']
        : ['facilitator:scout country:TH centre:g1 country:KE'],
    );
    const throughAmber = 'centre:g1 facilitator:amber centre:g2';
    const expected: Record<Tlp, string[]> = {
      CLEAR: [],
      GREEN: [],
      AMBER: [throughAmber],
      'AMBER+STRICT': [throughAmber],
      RED: [throughAmber, 'centre:g1 country:TH centre:g2', 'centre:g1 country:TH centre:g2'],
    };
    expect(nodesOf(g1ToG2).sort()).toEqual(expected[clearance].sort());
  });

  it('gets a withheld node in a subgraph as missing, like one that does not exist', async () => {
    const ids = [...batch.nodes.map((n) => n.id), 'centre:no-such'];
    const res = await request(as(reader)).post('/api/subgraph').set(H).send({ ids }).expect(200);
    expect(res.body.nodes.map((n: { key: string }) => n.key).sort()).toEqual([...visibleIds].sort());
    expect(res.body.edges.map((e: { key: string }) => e.key).sort()).toEqual(
      visible.relationships.map((r) => r.id).sort(),
    );
    expect(res.body.missing.sort()).toEqual([...withheldNodes.map((n) => n.id), 'centre:no-such'].sort());
    const { missing: _missing, ...answer } = res.body;
    expectNothingWithheld(JSON.stringify(answer), clearance, 'subgraph');
  });

  it('runs every library query without a trace of a withheld item', async () => {
    let runs = 0;
    for (const query of library) {
      const base = Object.fromEntries(query.params.map((p) => [p.name, sampleValue(p)]));
      const sets = [base];
      for (const spec of query.params.filter((p) => p.type === 'id')) {
        const prefix = String(base[spec.name]).split(':')[0];
        for (const node of batch.nodes)
          if (node.id.split(':')[0] === prefix) sets.push({ ...base, [spec.name]: node.id });
      }
      for (const params of sets) {
        const res = await request(as(reader)).post(`/api/queries/${query.name}/run`).set(H).send({ params });
        expect(res.status, `${query.name} ${JSON.stringify(params)}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(
          200,
        );
        expectNothingWithheld(JSON.stringify(res.body), clearance, `${query.name} ${JSON.stringify(params)}`);
        runs += 1;
      }
    }
    expect(runs).toBeGreaterThan(library.length);
  }, 180_000);

  const TEXT_FORMATS = ['json', 'gexf', 'graphml', 'cypher', 'anx', 'html', 'stix'] as const;
  const ZIP_FORMATS = ['csv', 'xlsx'] as const;
  const exportAs = (who: Actor, body: object) =>
    request(as(who)).post('/api/export').set(H).send(body).buffer(true).parse(binary);
  const fileText = (format: string, bytes: Buffer) =>
    (ZIP_FORMATS as readonly string[]).includes(format)
      ? Object.values(unzipSync(new Uint8Array(bytes)))
          .map((f) => strFromU8(f))
          .join('\n')
      : bytes.toString('utf8');

  it('exports, in every text and zipped format, nothing withheld, and the manifest names the exporter', async () => {
    const selections: object[] = [
      { kind: 'ego', id: 'country:KE', depth: 3 },
      { kind: 'query', name: 'top-facilitators' },
    ];
    if (clearance !== 'CLEAR') {
      selections.push({ kind: 'path', from: 'facilitator:scout', to: 'country:KE' });
      selections.push({ kind: 'query', name: 'centre-profile', params: { centre: 'centre:g1' } });
      selections.push({ kind: 'ids', ids: [...visibleIds] });
    }
    for (const selection of selections) {
      for (const format of [...TEXT_FORMATS, ...ZIP_FORMATS]) {
        const res = await exportAs(reader, { format, selection });
        expect(res.status, `${format} ${JSON.stringify(selection)}: ${res.body.toString().slice(0, 200)}`).toBe(200);
        const text = fileText(format, res.body as Buffer);
        expectNothingWithheld(text, clearance, `${format} export of ${JSON.stringify(selection)}`);
        expect(text, format).toContain(reader.name);
        expect(res.headers['x-export-withheld-nodes']).toBe('0');
      }
    }
    const json = await exportAs(reader, { format: 'json', selection: selections[0] });
    const manifest = JSON.parse(json.body.toString()).attributes.manifest;
    expect(manifest).toMatchObject({
      exportedBy: reader.name,
      recipientTlp: clearance,
      withheld: { nodes: 0, links: 0 },
    });
  });

  it('cannot export for a recipient cleared above them', async () => {
    for (const recipientTlp of TLP_LEVELS.filter((t) => tlpRank(t) > tlpRank(clearance))) {
      const res = await request(as(reader))
        .post('/api/export')
        .set(H)
        .send({ format: 'json', selection: { kind: 'ego', id: 'country:KE' }, recipientTlp });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', details: { recipientTlp, clearance } });
    }
  });

  it('counts as withheld for a lower recipient only what the exporter could see', async () => {
    if (clearance === 'CLEAR') return;
    const selection = { kind: 'ego', id: 'country:KE', depth: 3 };
    const own = JSON.parse((await exportAs(reader, { format: 'json', selection })).body.toString());
    const forClear = JSON.parse(
      (await exportAs(reader, { format: 'json', selection, recipientTlp: 'CLEAR' })).body.toString(),
    );
    const m = forClear.attributes.manifest;
    expect(m.recipientTlp).toBe('CLEAR');
    expect(m.withheld.nodes).toBe(own.nodes.length - forClear.nodes.length);
    expect(m.withheld.links).toBe(own.edges.length - forClear.edges.length);
    expectNothingWithheld(JSON.stringify(forClear), 'CLEAR', 'export for a CLEAR recipient');
  });

  it('opens a shared workspace without what is above their clearance, and never another’s private one', async () => {
    const admin = actor('RED', 'admin');
    const canvas = {
      nodes: batch.nodes.map((n, i) => ({
        key: n.id,
        attributes: { kind: n.kind, label: n.name, tlp: n.tlp, x: i, y: i },
      })),
      edges: batch.relationships.map((r) => ({
        key: r.id,
        source: r.from,
        target: r.to,
        attributes: { kind: r.kind, tlp: r.tlp, sourceIds: r.sourceIds },
      })),
    };
    await request(as(admin))
      .put('/api/workspaces/whole-case')
      .set(H)
      .send({ title: 'Whole case', graph: canvas, shared: true, selected: 'centre:red' })
      .expect(200);
    await request(as(admin))
      .put('/api/workspaces/admin-only')
      .set(H)
      .send({ title: 'Mine', graph: canvas })
      .expect(200);
    const list = await request(as(reader)).get('/api/workspaces').expect(200);
    const names = list.body.workspaces.map((w: { name: string }) => w.name);
    expect(names).toContain('whole-case');
    expect(names).not.toContain('admin-only');
    await request(as(reader)).get('/api/workspaces/admin-only').expect(404);
    const opened = await request(as(reader)).get('/api/workspaces/whole-case').expect(200);
    expect(opened.body.owner).toBe(admin.name);
    expect(opened.body.graph.nodes.map((n: { key: string }) => n.key).sort()).toEqual([...visibleIds].sort());
    expect(opened.body.graph.edges.map((e: { key: string }) => e.key).sort()).toEqual(
      seenAt(clearance)
        .relationships.map((r) => r.id)
        .sort(),
    );
    if (clearance !== 'RED') expect(opened.body.selected).toBe(null);
    expect(Object.keys(opened.body)).not.toContain('withheld');
    const { title: _title, ...rest } = opened.body;
    expectNothingWithheld(JSON.stringify(rest), clearance, 'the opened workspace');
  });

  it('sees the size of the graph on /api/health and /status counted at their clearance', async () => {
    const { visible } = splitAt(batch, clearance);
    const res = await request(as(reader)).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ nodes: visible.nodes.length, relationships: visible.relationships.length });
    const page = await request(as(reader)).get('/status').expect(200);
    expect(page.text).toContain(`<b id="nodes">${visible.nodes.length}</b>`);
  });

  it('imports only when cleared for the highest marking in the store (a merge could touch what they cannot see)', async () => {
    const analyst = actor(clearance, 'analyst');
    // not multipart: past the clearance check, the importer answers 415
    const res = await request(as(analyst)).post('/api/import').set(H).send({ nodes: [] });
    if (clearance === 'RED') expect(res.status).toBe(415);
    else {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', details: { clearance, highestMarking: 'RED' } });
    }
  });

  it('runs raw Cypher only when cleared for the highest marking in the store', async () => {
    const analyst = actor(clearance, 'analyst', true);
    const res = await request(as(analyst)).post('/api/cypher').set(H).send({ query: 'MATCH (n) RETURN count(n) AS c' });
    if (clearance === 'RED') {
      expect(res.status).toBe(200);
      expect(Number(res.body.rows[0].c)).toBe(batch.nodes.length);
    } else {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', details: { clearance, highestMarking: 'RED' } });
    }
    const noGrant = await request(as(actor(clearance, 'analyst')))
      .post('/api/cypher')
      .set(H)
      .send({ query: 'RETURN 1 AS one' });
    expect(noGrant.status).toBe(403);
  });
});

describe('analysts’ saved queries and workspaces', () => {
  it('supplies $visible itself: a caller cannot pass it to a library query', async () => {
    const res = await request(as(actor('GREEN')))
      .post('/api/queries/top-facilitators/run')
      .set(H)
      .send({ params: { visible: ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
  });

  it('reads a workspace file saved before owners as owner unknown, shared', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-clearance-'));
    try {
      mkdirSync(path.join(dataDir, 'workspaces'));
      const old = { title: 'Old case', graph: { nodes: [], edges: [] }, view: 'network', filters: {}, selected: null };
      writeFileSync(
        path.join(dataDir, 'workspaces', 'old-case.json'),
        JSON.stringify({ ...old, name: 'old-case', savedAt: '2026-01-01T00:00:00.000Z' }),
      );
      const app = appFor(h.store, dataDir, { actor: actor('CLEAR') });
      const list = await request(app).get('/api/workspaces').expect(200);
      expect(list.body.workspaces).toEqual([
        expect.objectContaining({ name: 'old-case', owner: 'unknown', shared: true }),
      ]);
      const opened = await request(app).get('/api/workspaces/old-case').expect(200);
      expect(opened.body).toMatchObject({ owner: 'unknown', shared: true });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs an analyst’s saved query only for a reader cleared for everything in the store', async () => {
    const top = actor('RED', 'analyst', true);
    await request(as(top))
      .post('/api/queries')
      .set(H)
      .send({
        name: 'count-all',
        title: 'Count all',
        description: 'Counts every node',
        returns: 'one row',
        params: [],
        query: 'MATCH (n) RETURN count(n) AS c',
      })
      .expect(201);
    await request(as(top)).post('/api/queries/count-all/run').set(H).send({}).expect(200);
    for (const clearance of TLP_LEVELS.filter((t) => t !== 'RED')) {
      const res = await request(as(actor(clearance, 'analyst', true)))
        .post('/api/queries/count-all/run')
        .set(H)
        .send({});
      expect(res.status).toBe(403);
      expect(res.body.error.details).toEqual({ clearance, highestMarking: 'RED' });
      const viewer = await request(as(actor('RED')))
        .post('/api/queries/count-all/run')
        .set(H)
        .send({});
      expect(viewer.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'cypher:raw' } });
      const exported = await request(as(actor(clearance, 'analyst', true)))
        .post('/api/export')
        .set(H)
        .send({ format: 'json', selection: { kind: 'query', name: 'count-all' } });
      expect(exported.status).toBe(403);
    }
  });

  it('lets only the owner or an admin replace or delete a workspace', async () => {
    const owner = actor('GREEN', 'analyst');
    const other = { ...actor('RED', 'analyst'), name: 'someone-else' };
    const body = { title: 'Shared note', graph: { nodes: [], edges: [] }, shared: true };
    await request(as(owner)).put('/api/workspaces/shared-note').set(H).send(body).expect(200);
    const replaced = await request(as(other)).put('/api/workspaces/shared-note').set(H).send(body);
    expect(replaced.status).toBe(403);
    expect(replaced.body.error.code).toBe('forbidden');
    expect((await request(as(other)).delete('/api/workspaces/shared-note').set(H)).status).toBe(403);
    await request(as(actor('GREEN', 'admin')))
      .put('/api/workspaces/shared-note')
      .set(H)
      .send(body)
      .expect(200);
    const still = await request(as(owner)).get('/api/workspaces/shared-note').expect(200);
    expect(still.body.owner).toBe(owner.name);
    await request(as(owner)).delete('/api/workspaces/shared-note').set(H).expect(204);
  });
});
