/**
 * The Cypher script recreates the subgraph: exported from an embedded store, it is run, statement
 * by statement, into an empty store of the suite's backend — LadybugDB in the `scamnet` project
 * (the Neo4j-only CREATE CONSTRAINT lines skipped), the live Neo4j in the `neo4j` project (every
 * line, constraints included) — and what the new store holds is compared with what was exported,
 * record by record and by the export's data hash. The script the new store then exports goes back
 * into another new LadybugDB with the same hash. Also the EXPORT_MAX_NODES cap.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testBackend, type Harness } from '../support/app-harness.ts';
import { HOSTILE_ID, HOSTILE_NAME_CLEAN, exportGraph } from '../support/export-graph.ts';

let source: Harness;
let target: Harness;

beforeAll(async () => {
  [source, target] = await Promise.all([startHarness(exportGraph(), { backend: 'embedded' }), startHarness()]);
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

/** The script's statements, one a line; LadybugDB has no CREATE CONSTRAINT (its tables have keys). */
const statements = (script: string, into: Harness) =>
  script
    .split('\n')
    .filter(
      (line) =>
        line.trim() !== '' &&
        !line.startsWith('//') &&
        (into.store.dialect.name === 'neo4j' || !line.startsWith('CREATE CONSTRAINT')),
    );

const exportOf = (h: Harness, format: 'cypher' | 'json', ids: string[]) =>
  request(h.app)
    .post('/api/export')
    .send({ format, selection: { kind: 'ids', ids } })
    .expect(200);

describe('Cypher script', () => {
  it('recreates the nodes, relationships and properties, hostile text included', async () => {
    const ids = [...exportGraph().nodes.map((n) => n.id)];
    const res = await request(source.app)
      .post('/api/export')
      .send({ format: 'cypher', selection: { kind: 'ids', ids } })
      .expect(200);
    const script = res.text;
    expect(script.startsWith('// scamnet export\n// TLP:RED')).toBe(true);
    expect(script).toContain(
      'CREATE CONSTRAINT scamnet_centre_id IF NOT EXISTS FOR (n:Centre) REQUIRE n.id IS UNIQUE;',
    );
    const exported = JSON.parse(
      (
        await request(source.app)
          .post('/api/export')
          .send({ format: 'json', selection: { kind: 'ids', ids } })
          .expect(200)
      ).text,
    );
    for (const statement of statements(script, target)) await target.store.write(statement);
    const version = async (h: Harness) => (await exportOf(h, 'json', ids)).headers['x-export-data-version'];
    expect(await version(target)).toBe(await version(source));
    for (const node of exported.nodes) {
      const got = await request(target.app)
        .get(`/api/nodes/${encodeURIComponent(node.key)}`)
        .expect(200);
      // the JSON export adds sigma's drawing attributes to each node; compare the node's own
      const { x: _x, y: _y, size: _size, color: _color, ...own } = node.attributes;
      expect(got.body.node, node.key).toEqual({ ...node, attributes: own });
    }
    const edges = await target.store.read('MATCH (a)-[r]->(b) RETURN r', {}, { maxRows: 1000 });
    const byKey = new Map(edges.graph.edges.map((e) => [e.key, e]));
    expect([...byKey.keys()].sort()).toEqual(exported.edges.map((e: { key: string }) => e.key).sort());
    for (const edge of exported.edges) expect(byKey.get(edge.key), edge.key).toEqual(edge);
    const hostile = await request(target.app)
      .get(`/api/nodes/${encodeURIComponent(HOSTILE_ID)}`)
      .expect(200);
    expect(hostile.body.node.attributes.name).toBe(HOSTILE_NAME_CLEAN);
  });

  it(`the ${testBackend} store's own export of the replayed graph goes back into a new LadybugDB with the same data hash`, async () => {
    const ids = exportGraph().nodes.map((n) => n.id);
    const back = await startHarness(undefined, { backend: 'embedded' });
    try {
      for (const statement of statements((await exportOf(target, 'cypher', ids)).text, back))
        await back.store.write(statement);
      const version = async (h: Harness) => (await exportOf(h, 'json', ids)).headers['x-export-data-version'];
      expect(await version(back)).toBe(await version(source));
    } finally {
      await back.close();
    }
  });
});

describe('EXPORT_MAX_NODES', () => {
  let capped: Harness;
  beforeAll(async () => {
    capped = await startHarness(exportGraph(), { exportMaxNodes: 3 });
  });
  afterAll(async () => {
    await capped?.close();
  });

  it('answers 413 too_large past the cap, for every kind of selection', async () => {
    const selections = [
      { kind: 'ego', id: 'centre:alpha', depth: 2 },
      { kind: 'ids', ids: ['centre:alpha', 'centre:beta', 'centre:gamma', 'country:TH'] },
      { kind: 'query', name: 'facilitator-network', params: { centre: 'centre:alpha' } },
    ];
    for (const selection of selections) {
      const res = await request(capped.app).post('/api/export').send({ format: 'gexf', selection }).expect(413);
      expect(res.body.error, selection.kind).toMatchObject({ code: 'too_large', details: { maxNodes: 3 } });
      expect(res.body.error.message).toMatch(/EXPORT_MAX_NODES/);
    }
  });

  it('exports a selection within the cap', async () => {
    await request(capped.app)
      .post('/api/export')
      .send({ format: 'json', selection: { kind: 'ids', ids: ['centre:alpha', 'country:TH'] } })
      .expect(200);
  });
});
