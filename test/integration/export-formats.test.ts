/**
 * POST /api/export against a real LadybugDB behind the real app: each format is parsed back with
 * its own ecosystem's reader (graphology-gexf, graphology-graphml, csv-parse, a DOM parser for
 * ANX) and compared with the subgraph the API itself answers for the same selection.
 */
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphmlId } from '../../server/export/formats/graphml.ts';
import { labelBox } from '../../server/export/formats/svg.ts';
import { KIND_COLOURS } from '../../server/export/style.ts';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, exportMediaType } from '../../server/model/export-formats.ts';
import type { SerializedGraph } from '../../server/store/types.ts';
import { startHarness, testBackend, type Harness } from '../support/app-harness.ts';
import { HOSTILE_ID, HOSTILE_NAME_CLEAN, exportGraph } from '../support/export-graph.ts';
import { binary } from '../support/export-request.ts';

let h: Harness;
/** The API's own answer for the ego network exported below: what the exports must hold. */
let ego: SerializedGraph;
const EGO = { kind: 'ego', id: 'centre:gamma', depth: 2 } as const;

beforeAll(async () => {
  // the manifest names the request's actor (the harness's test-only actor until real sessions)
  h = await startHarness(exportGraph(), {
    actor: { name: 'Analyst One', role: 'viewer', clearance: 'RED', rawCypher: false, via: 'session' },
  });
  const res = await request(h.app).get('/api/nodes/centre:gamma/neighbors?depth=2').expect(200);
  ego = { nodes: res.body.nodes, edges: res.body.edges };
});
afterAll(async () => {
  await h?.close();
});

async function exportAs(body: object, status = 200): Promise<request.Response> {
  return request(h.app).post('/api/export').send(body).buffer(true).parse(binary).expect(status);
}

const sortedKeys = (items: { key: string }[]) => items.map((i) => i.key).sort();

describe('selection', () => {
  it('has something to compare: the ego network of gamma at depth 2', () => {
    expect(ego.nodes.length).toBeGreaterThan(4);
    expect(ego.edges.length).toBeGreaterThan(4);
  });

  it('exports node ids with every relationship among them', async () => {
    const res = await exportAs({
      format: 'json',
      selection: { kind: 'ids', ids: ['centre:alpha', 'country:TH', 'facilitator:f1', 'country:KE'] },
    });
    const doc = JSON.parse(res.body.toString());
    expect(sortedKeys(doc.nodes)).toEqual(['centre:alpha', 'country:KE', 'country:TH', 'facilitator:f1']);
    expect(sortedKeys(doc.edges)).toEqual(['e1', 'e3', 'e6']);
    expect(doc.attributes.manifest.selection).toEqual({
      kind: 'ids',
      ids: ['centre:alpha', 'country:TH', 'facilitator:f1', 'country:KE'],
    });
  });

  it('exports the shortest paths between two nodes', async () => {
    const paths = await request(h.app).get('/api/paths?from=country:KE&to=country:PH').expect(200);
    const res = await exportAs({ format: 'json', selection: { kind: 'path', from: 'country:KE', to: 'country:PH' } });
    const doc = JSON.parse(res.body.toString());
    expect(sortedKeys(doc.nodes)).toEqual(sortedKeys(paths.body.nodes));
    expect(sortedKeys(doc.edges)).toEqual(sortedKeys(paths.body.edges));
  });

  it('exports a saved query’s graph and records its name, text and parameters', async () => {
    const run = await request(h.app)
      .post('/api/queries/facilitator-network/run')
      .send({ params: { centre: 'centre:gamma' } })
      .expect(200);
    const res = await exportAs({
      format: 'json',
      selection: { kind: 'query', name: 'facilitator-network', params: { centre: 'centre:gamma' } },
    });
    const doc = JSON.parse(res.body.toString());
    expect(sortedKeys(doc.nodes)).toEqual(sortedKeys(run.body.graph.nodes));
    expect(sortedKeys(doc.edges)).toEqual(sortedKeys(run.body.graph.edges));
    const sel = doc.attributes.manifest.selection;
    expect(sel).toMatchObject({
      kind: 'query',
      name: 'facilitator-network',
      builtin: true,
      params: { centre: 'centre:gamma' },
    });
    expect(sel.text).toMatch(/MATCH/);
  });

  it('refuses bad input with the project’s error codes', async () => {
    const bad = await exportAs({ format: 'docx', selection: EGO }, 400);
    expect(JSON.parse(bad.body.toString()).error.code).toBe('validation_error');
    const missing = await exportAs({ format: 'json', selection: { kind: 'ids', ids: ['centre:nowhere'] } }, 404);
    expect(JSON.parse(missing.body.toString()).error).toMatchObject({
      code: 'not_found',
      details: { missing: ['centre:nowhere'] },
    });
    const params = await exportAs(
      { format: 'json', selection: { kind: 'query', name: 'facilitator-network', params: {} } },
      400,
    );
    expect(JSON.parse(params.body.toString()).error.code).toBe('validation_error');
  });
});

describe('JSON (graphology serialised format)', () => {
  it('imports into graphology as the same graph, with the manifest', async () => {
    const res = await exportAs({ format: 'json', selection: EGO, title: 'Gamma network' });
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = JSON.parse(res.body.toString());
    const g = MultiDirectedGraph.from(doc);
    expect(g.order).toBe(ego.nodes.length);
    expect(g.size).toBe(ego.edges.length);
    for (const n of ego.nodes) {
      // sigma's drawing attributes come on top of the node's own (see json.ts)
      const { x, y, size, color, ...own } = g.getNodeAttributes(n.key);
      expect(own).toEqual(n.attributes);
      expect([x, y, size].every(Number.isFinite), n.key).toBe(true);
      expect(color).toBe(KIND_COLOURS[n.attributes.kind]);
    }
    for (const e of ego.edges) {
      expect(g.source(e.key)).toBe(e.source);
      expect(g.getEdgeAttributes(e.key)).toEqual(e.attributes);
    }
    const m = doc.attributes.manifest;
    expect(m).toMatchObject({
      tool: { name: 'scamnet', version: expect.any(String) },
      title: 'Gamma network',
      exportedBy: 'Analyst One',
      selection: { kind: 'ego', id: 'centre:gamma', depth: 2, relKinds: null },
      store: { backend: testBackend },
      dataVersion: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      highestTlp: 'AMBER',
      // the default recipient is the exporter's clearance
      recipientTlp: 'RED',
      withheld: { nodes: 0, links: 0 },
      counts: { nodes: ego.nodes.length, links: ego.edges.length },
    });
    expect(res.headers['x-export-data-version']).toBe(m.dataVersion);
  });

  it('gives the same data version to the same data in another format', async () => {
    const json = await exportAs({ format: 'json', selection: EGO });
    const csv = await exportAs({ format: 'csv', selection: EGO });
    expect(csv.headers['x-export-data-version']).toBe(json.headers['x-export-data-version']);
  });
});

describe('GEXF 1.2draft', () => {
  it('parses back with graphology-gexf: nodes, edges, attributes, provenance, colours, sizes, positions', async () => {
    const res = await exportAs({ format: 'gexf', selection: EGO, title: 'Gamma network' });
    const xml = res.body.toString();
    expect(xml).toContain('version="1.2"');
    const g = parseGexf(MultiDirectedGraph, xml);
    expect(g.order).toBe(ego.nodes.length);
    expect(g.size).toBe(ego.edges.length);
    for (const n of ego.nodes) {
      const a = g.getNodeAttributes(n.key);
      const { label, ...rest } = n.attributes;
      expect(a.label).toBe(label);
      // the columns come from the schema, so even a list empty on every node is declared and reads back as []
      for (const [k, v] of Object.entries(rest)) expect(a[k], `${n.key}.${k}`).toEqual(v);
      // written as viz:color r/g/b (what every GEXF reader takes); graphology reads it as rgb()
      const c = KIND_COLOURS[n.attributes.kind]!;
      expect(a.color).toBe(`rgb(${[1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).join(',')})`);
      expect(a.size).toBeGreaterThan(0);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    }
    for (const e of ego.edges) {
      expect(g.source(e.key)).toBe(e.source);
      expect(g.target(e.key)).toBe(e.target);
      for (const [k, v] of Object.entries(e.attributes))
        expect(g.getEdgeAttribute(e.key, k), `${e.key}.${k}`).toEqual(v);
    }
    const meta = g.getAttributes();
    expect(meta.keywords).toContain('TLP:AMBER');
    expect(meta.description).toContain('"dataVersion":"sha256:');
  });

  it('keeps the positions the request gives', async () => {
    const res = await exportAs({ format: 'gexf', selection: EGO, positions: { 'centre:gamma': { x: 12.5, y: -3 } } });
    const g = parseGexf(MultiDirectedGraph, res.body.toString());
    expect(g.getNodeAttributes('centre:gamma')).toMatchObject({ x: 12.5, y: -3 });
  });

  it('lays out the same way every time when no positions are given', async () => {
    const [a, b] = [
      await exportAs({ format: 'gexf', selection: EGO }),
      await exportAs({ format: 'gexf', selection: EGO }),
    ];
    const pos = (x: Buffer) => {
      const g = parseGexf(MultiDirectedGraph, x.toString());
      return g.mapNodes((k, attr) => [k, attr.x, attr.y]);
    };
    expect(pos(a.body)).toEqual(pos(b.body));
  });
});

describe('GraphML', () => {
  it('parses back with graphology-graphml, with typed keys', async () => {
    const res = await exportAs({ format: 'graphml', selection: EGO });
    const xml = res.body.toString();
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="workforce" attr.type="long"\/>/);
    expect(xml).toMatch(/attr.name="synthetic" attr.type="boolean"/);
    const g = parseGraphml(MultiDirectedGraph, xml);
    expect(g.order).toBe(ego.nodes.length);
    expect(g.size).toBe(ego.edges.length);
    const back = (v: unknown, original: unknown) => (Array.isArray(original) ? JSON.parse(String(v)) : v);
    // element ids are NMTOKENs (graphmlId); the scamnet id is the scamnetId key, not `id`
    const attr = (get: (k: string) => unknown, k: string) => get(k === 'id' ? 'scamnetId' : k);
    for (const n of ego.nodes) {
      const key = graphmlId(n.key);
      for (const [k, v] of Object.entries(n.attributes))
        expect(
          back(
            attr((a) => g.getNodeAttribute(key, a), k),
            v,
          ),
          `${n.key}.${k}`,
        ).toEqual(v);
    }
    for (const e of ego.edges) {
      const key = graphmlId(e.key);
      expect([g.source(key), g.target(key)]).toEqual([graphmlId(e.source), graphmlId(e.target)]);
      for (const [k, v] of Object.entries(e.attributes))
        expect(
          back(
            attr((a) => g.getEdgeAttribute(key, a), k),
            v,
          ),
          `${e.key}.${k}`,
        ).toEqual(v);
    }
    expect(JSON.parse(g.getAttribute('manifest')).selection).toMatchObject({ kind: 'ego', id: 'centre:gamma' });
  });
});

describe('CSV (zip for i2 and Excel)', () => {
  it('holds nodes.csv, links.csv and manifest.json that parse back to the subgraph', async () => {
    const res = await exportAs({ format: 'csv', selection: EGO, title: 'Gamma network' });
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.body));
    expect(Object.keys(files).sort()).toEqual(['links.csv', 'manifest.json', 'nodes.csv']);
    const nodes: Record<string, string>[] = parseCsv(strFromU8(files['nodes.csv']!), { bom: true, columns: true });
    const links: Record<string, string>[] = parseCsv(strFromU8(files['links.csv']!), { bom: true, columns: true });
    expect(nodes.map((r) => r['Entity ID']).sort()).toEqual(sortedKeys(ego.nodes));
    expect(links.map((r) => r['Link ID']).sort()).toEqual(sortedKeys(ego.edges));
    for (const n of ego.nodes) {
      const row = nodes.find((r) => r['Entity ID'] === n.key)!;
      expect(row).toMatchObject({
        'Entity Type': n.attributes.kind,
        Label: n.attributes.label,
        Grade: n.attributes.grade,
        TLP: n.attributes.tlp,
        Sources: (n.attributes.sourceIds as string[]).join('; '),
        Synthetic: String(n.attributes.synthetic),
      });
    }
    for (const e of ego.edges) {
      const row = links.find((r) => r['Link ID'] === e.key)!;
      expect(row).toMatchObject({
        'From Entity ID': e.source,
        'To Entity ID': e.target,
        'Link Type': e.attributes.kind,
        Grade: e.attributes.grade,
      });
      expect(row.Date).toBe(String(e.attributes.date ?? e.attributes.periodStart ?? e.attributes.firstSeen ?? ''));
    }
    expect(nodes.find((r) => r['Entity ID'] === 'centre:gamma')).toMatchObject({
      workforce: '88',
      status: 'dismantled',
    });
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ title: 'Gamma network', format: 'csv', highestTlp: 'AMBER' });
  });
});

describe('i2 ANX', () => {
  it('has an entity per node with an icon type by kind, and a link per relationship with its grade', async () => {
    const res = await exportAs({ format: 'anx', selection: EGO });
    const doc = new DOMParser().parseFromString(res.body.toString(), 'application/xml');
    const entities = Array.from(doc.getElementsByTagName('Entity'));
    expect(entities.map((e) => e.getAttribute('Identity')).sort()).toEqual(sortedKeys(ego.nodes));
    const gamma = entities.find((e) => e.getAttribute('Identity') === 'centre:gamma')!;
    expect(gamma.getElementsByTagName('IconStyle')[0]!.getAttribute('Type')).toBe('Centre');
    const types = Array.from(doc.getElementsByTagName('EntityType')).map((t) => [
      t.getAttribute('Name'),
      t.getAttribute('IconFile'),
    ]);
    expect(types).toContainEqual(['Centre', 'Fraud']);
    const links = Array.from(doc.getElementsByTagName('Link'));
    expect(links).toHaveLength(ego.edges.length);
    // e8: f2 RECRUITS_FOR gamma, graded B1 -> reliability index 1 (B), credibility index 0 (1), Confirmed
    const e8 = links.find(
      (l) => l.getAttribute('End1Id') === 'facilitator:f2' && l.getAttribute('End2Id') === 'centre:gamma',
    )!;
    const item = e8.parentNode as Element;
    expect([item.getAttribute('GradeOneIndex'), item.getAttribute('GradeTwoIndex')]).toEqual(['1', '0']);
    expect(e8.getElementsByTagName('LinkStyle')[0]!.getAttribute('Strength')).toBe('Confirmed');
    const custom = Array.from(doc.getElementsByTagName('CustomProperty')).map((c) => [
      c.getAttribute('Name'),
      c.getAttribute('Value'),
    ]);
    expect(custom).toContainEqual(['TLP', 'AMBER']);
    expect(JSON.parse(custom.find(([n]) => n === 'scamnet manifest')![1]!).counts.nodes).toBe(ego.nodes.length);
  });
});

describe('handling markings', () => {
  const WHOLE = { kind: 'ids', ids: exportGraph().nodes.map((n) => n.id) } as const;

  it('states the highest marking of what it holds', async () => {
    const res = await exportAs({ format: 'json', selection: WHOLE });
    expect(res.headers['x-export-highest-tlp']).toBe('RED');
    expect(JSON.parse(res.body.toString()).attributes.manifest.highestTlp).toBe('RED');
  });

  it('withholds what is above the recipient’s level, links to withheld nodes too, and counts them', async () => {
    const res = await exportAs({ format: 'json', selection: WHOLE, recipientTlp: 'AMBER' });
    const doc = JSON.parse(res.body.toString());
    expect(doc.nodes.map((n: { key: string }) => n.key)).not.toContain('centre:beta');
    expect(sortedKeys(doc.edges)).not.toEqual(expect.arrayContaining(['e2']));
    for (const gone of ['e2', 'e4', 'e7']) expect(doc.edges.map((e: { key: string }) => e.key)).not.toContain(gone);
    expect(doc.attributes.manifest).toMatchObject({
      recipientTlp: 'AMBER',
      highestTlp: 'AMBER',
      withheld: { nodes: 1, links: 3 },
    });
    expect(res.headers['x-export-withheld-nodes']).toBe('1');
    expect(res.headers['x-export-withheld-links']).toBe('3');
  });

  it('a GREEN recipient gets only CLEAR and GREEN items', async () => {
    const res = await exportAs({ format: 'json', selection: WHOLE, recipientTlp: 'GREEN' });
    const doc = JSON.parse(res.body.toString());
    expect(sortedKeys(doc.nodes)).toEqual(['country:NA', 'region:sea', 'source:doc-b']);
    expect(doc.edges).toEqual([]);
    expect(doc.attributes.manifest.withheld.nodes).toBe(exportGraph().nodes.length - 3);
  });

  it('the briefing pack says how many were withheld, top and bottom', async () => {
    const res = await exportAs({ format: 'html', selection: WHOLE, recipientTlp: 'AMBER', title: 'Amber briefing' });
    const html = res.body.toString();
    expect(html.match(/<div class="tlp">/g)).toHaveLength(2);
    expect(html).toContain('TLP:AMBER');
    expect(html).toContain('1 entities and 3 links marked above TLP:AMBER were withheld');
  });
});

describe('briefing pack (HTML)', () => {
  const QUERY = { kind: 'query', name: 'facilitator-network', params: { centre: 'centre:gamma' } } as const;

  it('holds no <script> element; the manifest for programs is a meta element a DOM parser reads', async () => {
    const res = await exportAs({ format: 'html', selection: QUERY, title: 'Query briefing' });
    const html = res.body.toString();
    expect(html).not.toMatch(/<script/i);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const meta = Array.from(doc.getElementsByTagName('meta')).find(
      (e) => e.getAttribute('name') === 'scamnet-manifest',
    )!;
    const manifest = JSON.parse(meta.getAttribute('content')!);
    expect(manifest).toMatchObject({
      title: 'Query briefing',
      format: 'html',
      selection: { kind: 'query', name: 'facilitator-network' },
    });
    expect(manifest.dataVersion).toBe(res.headers['x-export-data-version']);
  });

  it('draws labels in the network picture that cover neither one another nor another node’s disc', async () => {
    const ids = exportGraph().nodes.map((n) => n.id);
    // a crowded picture: most nodes close together in the middle, two far out
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: (i % 4) * 0.4, y: Math.floor(i / 4) * 0.3 }]));
    Object.assign(positions, { 'country:NA': { x: 30, y: 20 }, 'region:sea': { x: -30, y: -20 } });
    const html = (await exportAs({ format: 'html', selection: { kind: 'ids', ids }, positions })).body.toString();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    // the network picture's labels (the summary charts below it have text of their own)
    const picture = Array.from(doc.getElementsByTagName('svg')).find((s) => s.getAttribute('class') === 'graph')!;
    const texts = Array.from(picture.getElementsByTagName('text'));
    expect(texts.length).toBeGreaterThanOrEqual(4);
    // each label's box, estimated as the writer estimates it (CHAR_WIDTH per character), less a
    // hair for the one-decimal rounding of the coordinates
    const boxes = texts.map((t) => {
      const b = labelBox(
        Number(t.getAttribute('x')),
        Number(t.getAttribute('y')),
        t.getAttribute('text-anchor') === 'end' ? 'end' : 'start',
        t.textContent ?? '',
      );
      return { x: b.x + 0.1, y: b.y + 0.1, w: b.w - 0.2, h: b.h - 0.2, label: t.textContent };
    });
    const covers = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(covers(a, b), `"${a.label}" covers "${b.label}"`).toBe(false);
    }
    // nor another node's disc (the one it names sits beside it, r + 2 away)
    const discs = Array.from(picture.getElementsByTagName('circle')).map((c) => {
      const [cx, cy, r] = ['cx', 'cy', 'r'].map((k) => Number(c.getAttribute(k)));
      return { x: cx! - r! + 0.1, y: cy! - r! + 0.1, w: 2 * r! - 0.2, h: 2 * r! - 0.2, label: c.textContent };
    });
    expect(discs.length).toBe(ids.length);
    for (const a of boxes)
      for (const d of discs)
        if (d.label !== a.label && !(a.label?.endsWith('…') && d.label?.startsWith(a.label.slice(0, -1))))
          expect(covers(a, d), `"${a.label}" covers the disc of "${d.label}"`).toBe(false);
  });

  it('prints the manifest as fields, the query as plain Cypher without its developer comments', async () => {
    const html = (await exportAs({ format: 'html', selection: QUERY })).body.toString();
    const appendix = html.slice(html.indexOf('<h2>Manifest</h2>'));
    // the library file has a `// SKIP 0: LadybugDB …` workaround note; the officer's copy does not
    expect(appendix).not.toMatch(/SKIP 0:|LadybugDB|\/\/ /);
    expect(appendix).not.toContain('\\n');
    expect(appendix).toMatch(/<pre class="query">MATCH \(centre:Centre \{id: \$centre\}\)\n/);
    expect(appendix).toContain('<td>parameter centre</td><td>centre:gamma</td>');
    const json = JSON.parse((await exportAs({ format: 'json', selection: QUERY })).body.toString());
    expect(json.attributes.manifest.selection.text).not.toMatch(/^\s*\/\//m);
  });
});

describe('hostile titles and ids', () => {
  it('names the file itself: no path, no traversal, no control characters', async () => {
    const res = await exportAs({ format: 'gexf', selection: EGO, title: '../../etc/passwd\u0000\r\nX-Evil: 1' });
    const disposition = res.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
    const name = /filename="(.*)"/.exec(String(disposition))?.[1] ?? '';
    expect(name).not.toContain('..');
    expect(name).not.toContain('/');
    expect(name).toMatch(/^etc-passwd-X-Evil-1-\d{4}-\d{2}-\d{2}\.gexf$/);
    expect(res.headers['x-evil']).toBeUndefined();
  });

  const HOSTILE = { kind: 'ids', ids: [HOSTILE_ID, 'centre:alpha'] } as const;

  it('CSV cells that would be formulas are neutralised', async () => {
    const res = await exportAs({ format: 'csv', selection: HOSTILE });
    const nodes: Record<string, string>[] = parseCsv(strFromU8(unzipSync(new Uint8Array(res.body))['nodes.csv']!), {
      bom: true,
      columns: true,
    });
    const row = nodes.find((r) => r['Entity ID'] === HOSTILE_ID)!;
    expect(row.Label).toBe(`'${HOSTILE_NAME_CLEAN}`);
    expect(row.name).toBe(`'${HOSTILE_NAME_CLEAN}`);
    for (const r of nodes) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('XML formats stay well-formed and carry the label as text, without control characters', async () => {
    for (const format of ['gexf', 'graphml']) {
      const res = await exportAs({ format, selection: HOSTILE });
      const g = (format === 'gexf' ? parseGexf : parseGraphml)(MultiDirectedGraph, res.body.toString());
      expect(g.getNodeAttribute(format === 'gexf' ? HOSTILE_ID : graphmlId(HOSTILE_ID), 'label')).toBe(
        HOSTILE_NAME_CLEAN,
      );
      expect(res.body.toString()).not.toMatch(/[\u0007\u202E]/);
    }
    const anx = await exportAs({ format: 'anx', selection: HOSTILE });
    const doc = new DOMParser().parseFromString(anx.body.toString(), 'application/xml');
    const entity = Array.from(doc.getElementsByTagName('Entity')).find(
      (e) => e.getAttribute('Identity') === HOSTILE_ID,
    )!;
    const item = entity.parentNode!.parentNode as Element;
    expect(item.getAttribute('Label')).toBe(HOSTILE_NAME_CLEAN);
  });

  it('HTML escapes markup and quotes', async () => {
    const res = await exportAs({ format: 'html', selection: HOSTILE, title: '<script>alert(1)</script>"' });
    const html = res.body.toString();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>"bold"</b>');
    expect(html).toContain('&lt;b&gt;&quot;bold&quot;&lt;/b&gt;');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&quot;</title>');
  });
});

describe('the format table (server/model/export-formats.ts)', () => {
  // PDF is left out here: it needs Chromium, and its own tests check it
  const formats = EXPORT_FORMATS.filter((f) => f !== 'pdf');

  it.each(formats)('%s is sent with the table’s Content-Type and named with its extension', async (format) => {
    const res = await exportAs({ format, selection: EGO, title: 'table' });
    const { contentType, ext } = EXPORT_FORMAT_INFO[format];
    expect(String(res.headers['content-type']).replace(/\s/g, '')).toBe(contentType.replace(/\s/g, ''));
    expect(String(res.headers['content-disposition'])).toMatch(new RegExp(`-\\d{4}-\\d{2}-\\d{2}\\.${ext}"$`));
  });

  it('is what the OpenAPI document lists as the export’s answers (before: STIX and XLSX were missing)', async () => {
    const doc = (await request(h.app).get('/api/openapi.json').expect(200)).body;
    const content = Object.keys(doc.paths['/api/export'].post.responses['200'].content).sort();
    expect(content).toEqual(EXPORT_FORMATS.map(exportMediaType).sort());
    expect(content).toEqual(
      expect.arrayContaining(['application/stix+json;version=2.1', EXPORT_FORMAT_INFO.xlsx.contentType]),
    );
  });
});
