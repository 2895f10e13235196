/**
 * GraphML and GEXF import (issue 15): files written by networkx (a writer nobody on scamnet wrote)
 * with a `kind` attribute, and this tool's own GraphML and GEXF exports of the seed graph read
 * back into an empty store as the same graph (same data version). Hostile files are refused with
 * a 400 naming the line, and nothing is written. networkx lives in .venv-interop/
 * (test/interop/setup-python.sh); without it those tests are skipped with a message, except under
 * CI=true, where they fail.
 *
 * The exporting stores are LadybugDB in both vitest projects; what is imported goes into the
 * project's store, so in the `neo4j` project each round trip runs from LadybugDB into Neo4j.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/counts.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import type { GraphBatch } from '../../server/model/schema.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { announcePythonSkip, hasPython, pythonRequired, writeWithNetworkx } from '../support/interop.ts';
import { allOf, exportFrom } from '../support/export-request.ts';

announcePythonSkip('test/integration/import-graph-xml.test.ts (networkx)');

const SEED = { seed: 42, scale: 0.2 };
let seed: GraphBatch;
let h: Harness;

beforeAll(async () => {
  seed = buildSeedGraph(SEED);
  h = await startHarness(seed, { backend: 'embedded' });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const exportBytes = async (app: Harness['app'], body: object) => (await exportFrom(app, body)).bytes;
const importInto = (target: Harness, name: string, bytes: Buffer) =>
  request(target.app).post('/api/import').set('X-Scamnet-Request', '1').attach('files', bytes, name);

describe.each(['graphml', 'gexf'] as const)('%s import of scamnet’s own export', (format) => {
  it('reads the seed graph back into an empty store as the same graph (same data version and counts)', async () => {
    const bytes = await exportBytes(h.app, { format, selection: allOf(seed) });
    const empty = await startHarness();
    try {
      const res = await importInto(empty, `seed.${format}`, bytes);
      expect(res.body.error).toBeUndefined();
      expect(res.body.nodes.created).toBe(seed.nodes.length);
      expect(res.body.relationships.created).toBe(seed.relationships.length);
      expect(await graphCounts(empty.store)).toEqual({
        nodes: seed.nodes.length,
        relationships: seed.relationships.length,
      });
      const before = JSON.parse((await exportBytes(h.app, { format: 'json', selection: allOf(seed) })).toString());
      const after = JSON.parse((await exportBytes(empty.app, { format: 'json', selection: allOf(seed) })).toString());
      expect(after.attributes.manifest.dataVersion).toBe(before.attributes.manifest.dataVersion);
    } finally {
      await empty.close();
    }
  }, 120_000);
});

/** A small graph as a networkx user would build it: a `kind` attribute, plain Python values. Synthetic. */
const NX_GRAPH = {
  nodes: [
    {
      id: 'country:KH',
      kind: 'Country',
      name: 'Cambodia',
      iso2: 'KH',
      iso3: 'KHM',
      region: 'Asia',
      lat: 12.5,
      lng: 105,
      grade: 'B2',
      tlp: 'GREEN',
      synthetic: true,
    },
    {
      id: 'centre:nx-one',
      kind: 'Centre',
      name: 'Compound One',
      status: 'active',
      workforce: 1200,
      city: '0044',
      grade: 'C3',
      tlp: 'AMBER',
      synthetic: true,
    },
    {
      id: 'facilitator:nx-f',
      kind: 'Facilitator',
      name: '0044123',
      role: 'broker',
      ageBand: '50+',
      aliases: 'Alias A; Alias B',
      grade: 'C3',
      tlp: 'AMBER',
      synthetic: true,
    },
  ],
  edges: [
    {
      source: 'country:KH',
      target: 'centre:nx-one',
      key: 'nx-trafficked',
      kind: 'TRAFFICKED_TO',
      grade: 'C3',
      tlp: 'AMBER',
      synthetic: true,
    },
    {
      source: 'facilitator:nx-f',
      target: 'centre:nx-one',
      key: 'nx-recruits',
      kind: 'RECRUITS_FOR',
      grade: 'C3',
      tlp: 'AMBER',
      synthetic: true,
    },
  ],
};

describe.runIf(hasPython || pythonRequired)('files written by networkx', () => {
  it.each(['graphml', 'gexf'] as const)(
    '%s: every node and edge, with its kind, typed values and text kept as text',
    async (format) => {
      expect(hasPython, '.venv-interop is missing: .ci/run must call test/interop/setup-python.sh').toBe(true);
      const bytes = writeWithNetworkx(format, NX_GRAPH);
      const empty = await startHarness();
      try {
        const res = await importInto(empty, `nx.${format}`, bytes);
        expect(res.body.error).toBeUndefined();
        expect(res.body.nodes.created).toBe(3);
        expect(res.body.relationships.created).toBe(2);
        const centre = await empty.store.read(
          "MATCH (c:Centre {id: 'centre:nx-one'}) RETURN c.workforce AS w, c.city AS city, c.tlp AS tlp, c.synthetic AS s",
        );
        expect(centre.rows[0]).toEqual({ w: 1200, city: '0044', tlp: 'AMBER', s: true });
        const f = await empty.store.read(
          "MATCH (f:Facilitator {id: 'facilitator:nx-f'}) RETURN f.name AS name, f.ageBand AS age, f.aliases AS aliases",
        );
        expect(f.rows[0]).toEqual({ name: '0044123', age: '50+', aliases: ['Alias A', 'Alias B'] });
        const country = await empty.store.read(
          "MATCH (c:Country {id: 'country:KH'}) RETURN c.lat AS lat, c.lng AS lng",
        );
        expect(country.rows[0]).toEqual({ lat: 12.5, lng: 105 });
        const rels = await empty.store.read('MATCH (a)-[r]->(b) RETURN r.id AS id, a.id AS a, b.id AS b ORDER BY id');
        expect(rels.rows).toEqual([
          { id: 'nx-recruits', a: 'facilitator:nx-f', b: 'centre:nx-one' },
          { id: 'nx-trafficked', a: 'country:KH', b: 'centre:nx-one' },
        ]);
      } finally {
        await empty.close();
      }
    },
    120_000,
  );
});

const GRAPHML_HEAD = '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">';
const KEYS =
  '<key id="k" for="node" attr.name="kind" attr.type="string"/><key id="n" for="node" attr.name="name" attr.type="string"/>' +
  '<key id="s" for="node" attr.name="status" attr.type="string"/><key id="w" for="node" attr.name="workforce" attr.type="string"/>' +
  '<key id="g" for="node" attr.name="grade" attr.type="string"/><key id="t" for="node" attr.name="tlp" attr.type="string"/>' +
  '<key id="y" for="node" attr.name="synthetic" attr.type="boolean"/>';
const centreNode = (id: string, kind: string, workforce: string) =>
  `<node id="${id}"><data key="k">${kind}</data><data key="n">N</data><data key="s">active</data><data key="w">${workforce}</data><data key="g">B2</data><data key="t">AMBER</data><data key="y">true</data></node>`;
const graphml = (body: string) =>
  Buffer.from(`${GRAPHML_HEAD}${KEYS}<graph edgedefault="directed">\n${body}\n</graph></graphml>`);

describe('hostile GraphML and GEXF', () => {
  it('refuses each with a 400 naming the problem and its line, and writes nothing', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><graphml><graph><node id="a"><data key="n">&lol2;</data></node></graph></graphml>';
    const cases: [string, string, Buffer, object][] = [
      [
        'malformed XML',
        'bad.graphml',
        Buffer.from(`${GRAPHML_HEAD}<graph><node id="a"></graph>`),
        { reason: expect.stringMatching(/not well-formed XML/) },
      ],
      [
        'an entity expansion',
        'lol.graphml',
        Buffer.from(laughs),
        { reason: expect.stringMatching(/DOCTYPE is refused/) },
      ],
      [
        'not GraphML at all',
        'other.graphml',
        Buffer.from('<?xml version="1.0"?><html><body/></html>'),
        { reason: expect.stringMatching(/no <graphml> root/) },
      ],
      [
        'a wrong type',
        'type.graphml',
        graphml(centreNode('centre:ok', 'Centre', '5') + '\n' + centreNode('centre:bad', 'Centre', 'many')),
        { line: 3, column: 'workforce' },
      ],
      [
        'an unknown kind',
        'kind.graphml',
        graphml(centreNode('centre:ok', 'Spaceship', '5')),
        { line: 2, column: 'kind', reason: expect.stringMatching(/unknown kind Spaceship/) },
      ],
      [
        'a GEXF with an unknown kind',
        'kind.gexf',
        Buffer.from(
          '<?xml version="1.0"?><gexf version="1.2"><graph><attributes class="node"><attribute id="0" title="kind" type="string"/></attributes><nodes>\n<node id="x:1" label="One"><attvalues><attvalue for="0" value="Spaceship"/></attvalues></node></nodes></graph></gexf>',
        ),
        { line: 2, column: 'kind' },
      ],
      [
        'a GEXF edge to nowhere',
        'edge.gexf',
        Buffer.from(
          '<?xml version="1.0"?><gexf version="1.2"><graph><nodes/><edges>\n<edge id="e" source="country:XX"/></edges></graph></gexf>',
        ),
        { line: 2, column: 'target' },
      ],
    ];
    const empty = await startHarness();
    try {
      for (const [what, name, body, issue] of cases) {
        const res = await importInto(empty, name, body);
        expect(res.status, what).toBe(400);
        expect(res.body.error.code, what).toBe('invalid_import');
        expect(res.body.error.details.issues, what).toContainEqual(expect.objectContaining({ file: name, ...issue }));
        expect(await graphCounts(empty.store), what).toEqual({ nodes: 0, relationships: 0 });
      }
      // past IMPORT_MAX_BYTES, in every one of these formats: 413, nothing written
      const small = createApp({
        store: empty.store,
        logger: createLogger('silent'),
        queries: openCatalogue(empty.store, empty.dataDir),
        analystCypher: true,
        dataDir: empty.dataDir,
        serveClient: false,
        importMaxBytes: 2_000,
      });
      const big = graphml(
        Array.from({ length: 40 }, (_, i) => centreNode(`centre:big-${i}`, 'Centre', '5')).join('\n'),
      );
      for (const name of ['big.graphml', 'big.gexf', 'big.stix.json', 'big.xlsx']) {
        const res = await request(small).post('/api/import').set('X-Scamnet-Request', '1').attach('files', big, name);
        expect([res.status, res.body.error.code], name).toEqual([413, 'too_large']);
      }
      expect(await graphCounts(empty.store)).toEqual({ nodes: 0, relationships: 0 });
    } finally {
      await empty.close();
    }
  }, 120_000);
});
