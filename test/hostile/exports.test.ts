/**
 * Exports tell no secrets and carry no formulas (issue 9, items 6 and 7), as classes:
 * - every format, written for a TLP:GREEN recipient from a graph holding AMBER, AMBER+STRICT and
 *   RED items, with every kind of selection whose parameters name a withheld item, holds none of
 *   the withheld ids, names or property values anywhere in its bytes (the CSV zip unzipped, the
 *   PDF's text through pdftotext, every XML entity and JSON escape decoded);
 * - CSV values holding CR, LF, the delimiter or a quote stay one cell, and no cell of any column
 *   (ids and headers included) starts a formula, read back by csv-parse, an independent parser.
 * A real LadybugDB in a temp dir behind the real Express app.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBatch } from '../../server/model/schema.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { browserRequired, hasChromium } from '../support/browser.ts';
import { VISIBLE_TO_GREEN, markedGraph, withheldFromGreen } from '../support/export-marked-graph.ts';
import { binary } from '../support/export-request.ts';

/** XML entities (named and numeric) and JSON string escapes decoded, so an escaped leak is still seen. */
function decoded(text: string): string {
  const xml = text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return xml
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(["\\/'])/g, '$1');
}

const FORMATS = [
  'json',
  'gexf',
  'graphml',
  'csv',
  'xlsx',
  'stix',
  'cypher',
  'anx',
  'html',
  ...(hasChromium || browserRequired ? ['pdf'] : []),
] as const;

describe('a TLP:GREEN export names nothing it withheld', () => {
  let h: Harness;
  let pdfDir: string;
  beforeAll(async () => {
    h = await startHarness(markedGraph());
    pdfDir = mkdtempSync(path.join(tmpdir(), 'scamnet-pdf-'));
    // a saved query whose text itself names a RED centre
    const saved = await request(h.app)
      .post('/api/queries')
      .send({
        name: 'beta-and-friends',
        title: 'Beta and what touches it',
        description: 'Names a RED centre in its text.',
        params: [{ name: 'also', type: 'string', required: false, default: 'country:NA', description: 'another node' }],
        returns: 'the centre and its neighbours',
        query: "MATCH (c:Centre {id: 'centre:beta'})-[r]-(m) WHERE m.id <> $also RETURN c, r, m",
      });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    // a saved query naming a RED centre by its name, which its own result leaves out
    const byName = await request(h.app)
      .post('/api/queries')
      .send({
        name: 'all-but-beta',
        title: 'Centres but one',
        description: 'Names a RED centre by name in its text and a parameter.',
        params: [{ name: 'skip', type: 'string', required: false, default: 'x', description: 'a name to leave out' }],
        returns: 'centres',
        query: "MATCH (c:Centre) WHERE c.name <> 'Beta Park' AND c.name <> $skip RETURN c",
      });
    expect(byName.status, JSON.stringify(byName.body)).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
    rmSync(pdfDir, { recursive: true, force: true });
  });

  const SELECTIONS = {
    ids: { kind: 'ids', ids: markedGraph().nodes.map((n) => n.id) },
    'ego around a RED centre': { kind: 'ego', id: 'centre:beta', depth: 2 },
    'ego around a GREEN node with AMBER+STRICT neighbours': { kind: 'ego', id: 'country:NA', depth: 1 },
    'path from an AMBER+STRICT end': { kind: 'path', from: 'facilitator:strict-kilo', to: 'region:sea', maxHops: 6 },
    'library query, parameter naming a RED centre': {
      kind: 'query',
      name: 'facilitator-network',
      params: { centre: 'centre:beta' },
    },
    'saved query naming, by name, a RED centre its result leaves out': {
      kind: 'query',
      name: 'all-but-beta',
      params: { skip: 'Kilo Strictname' },
    },
    'saved query naming a RED centre in its text and an AMBER one in a parameter': {
      kind: 'query',
      name: 'beta-and-friends',
      params: { also: 'country:KE' },
    },
  } as const;

  /** The file's text, every part of it: the zip's members, the PDF's text. */
  function textsOf(format: string, body: Buffer): string[] {
    // a zip (CSV, XLSX): every member's text
    if (format === 'csv' || format === 'xlsx')
      return Object.values(unzipSync(new Uint8Array(body))).map((f) => strFromU8(f));
    if (format === 'pdf') {
      const file = path.join(pdfDir, `export-${Math.random().toString(36).slice(2)}.pdf`);
      writeFileSync(file, body);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
      // table cells wrap anywhere: compare without whitespace so a wrapped name is still found
      return [text, text.replace(/\s+/g, '')];
    }
    return [body.toString('utf8')];
  }

  for (const [what, selection] of Object.entries(SELECTIONS)) {
    it(`${what}: no withheld id, name or value in any format`, async () => {
      const needles = withheldFromGreen();
      for (const format of FORMATS) {
        const res = await request(h.app)
          .post('/api/export')
          .send({ format, selection, recipientTlp: 'GREEN', title: 'Green briefing' })
          .buffer(true)
          .parse(binary);
        expect(res.status, `${format}: ${res.body.toString().slice(0, 300)}`).toBe(200);
        const texts = textsOf(format, res.body as Buffer).flatMap((t) => [t, decoded(t)]);
        for (const needle of needles) {
          const forms = format === 'pdf' ? [needle, needle.replace(/\s+/g, '')] : [needle];
          for (const text of texts)
            for (const form of forms)
              expect(text.includes(form), `${format} (${what}) holds the withheld "${needle}"`).toBe(false);
        }
        for (const text of texts)
          expect(text, `${format} (${what}) names a marking above GREEN`).not.toMatch(/\bAMBER\b|\bRED\b/);
        expect(res.headers['x-export-highest-tlp']).toMatch(/^(CLEAR|GREEN)$/);
      }
    }, 120_000);
  }

  it('keeps the selection’s parameters and the withheld counts, and says `withheld` for a withheld centre', async () => {
    const ego = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', selection: SELECTIONS['ego around a RED centre'], recipientTlp: 'GREEN' })
      .expect(200);
    const m = JSON.parse(ego.text).attributes.manifest;
    expect(m.selection).toEqual({ kind: 'ego', id: 'withheld', depth: 2, relKinds: null });
    expect(m.withheld.nodes).toBeGreaterThan(0);
    const ids = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', selection: SELECTIONS.ids, recipientTlp: 'GREEN' })
      .expect(200);
    const doc = JSON.parse(ids.text);
    expect([...doc.attributes.manifest.selection.ids].sort()).toEqual(VISIBLE_TO_GREEN);
    expect(doc.attributes.manifest.withheld).toEqual({
      nodes: markedGraph().nodes.length - 4,
      links: markedGraph().relationships.length - 1,
    });
    // a citation of a withheld Source becomes one `withheld` entry; the visible citation stays
    const ngo = doc.nodes.find((n: { key: string }) => n.key === 'org:green-ngo');
    expect(ngo.attributes.sourceIds).toEqual(['source:doc-b', 'withheld']);
    const saved = await request(h.app)
      .post('/api/export')
      .send({
        format: 'json',
        selection: SELECTIONS['saved query naming a RED centre in its text and an AMBER one in a parameter'],
        recipientTlp: 'GREEN',
      })
      .expect(200);
    const sel = JSON.parse(saved.text).attributes.manifest.selection;
    expect(sel.params).toEqual({ also: 'withheld' });
    expect(sel.text).toContain("{id: 'withheld'}");
  });

  it('sizes each node by its visible links only (a degree counts no withheld link)', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'gexf', selection: SELECTIONS.ids, recipientTlp: 'GREEN' })
      .expect(200);
    const sizes = Object.fromEntries(
      [...res.text.matchAll(/<node id="([^"]+)"[\s\S]*?<viz:size value="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]),
    );
    // Namibia has one visible link (e-green) of the seven in the store: 4 + 2·sqrt(1)
    expect(sizes['country:NA']).toBe(6);
    expect(sizes['region:sea']).toBe(4);
  });

  it('without a recipient level the manifest names the whole selection (nothing is withheld)', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', selection: SELECTIONS['ego around a RED centre'] })
      .expect(200);
    expect(JSON.parse(res.text).attributes.manifest.selection.id).toBe('centre:beta');
  });
});

describe('CSV cells: line breaks, delimiters, quotes and formulas', () => {
  let h: Harness;
  // Each value is a member of the class: a line break (CR, LF, CRLF) followed by a formula, the
  // delimiter, a quote, a formula at the start (ASCII and full-width), after spaces, after a tab.
  const NASTY = [
    "x\n=cmd|' /C calc'!A0",
    "x\r=cmd|' /C calc'!A0",
    'x\r\n+1+1',
    "x\n-2+3+cmd|' /C calc'!A0",
    'x\n@SUM(1+1)',
    'a,b,"c"',
    '"quoted"',
    '＝HYPERLINK("http://evil.example")',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '  =1+1',
    '\t=1+1',
    '\u3000=1+1',
    '\tplain after a tab',
    '\rplain after a CR',
  ];
  const FORMULA = /^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r]/;

  beforeAll(async () => {
    const nodes = NASTY.map((name, i) => ({
      kind: 'Facilitator',
      id: i === 0 ? 'facilitator:=cmd|calc!A0' : `facilitator:n${i}`,
      name,
      aliases: [name, 'plain'],
      role: 'broker',
      grade: 'C3',
      tlp: 'AMBER',
      sourceIds: [],
      synthetic: true,
    }));
    // a relationship id is free text: it may itself start a formula
    const relationships = [
      {
        kind: 'RECRUITS_FOR',
        id: '=HYPERLINK("http://evil.example")',
        from: 'facilitator:n1',
        to: 'centre:x',
        grade: 'C3',
        tlp: 'AMBER',
        sourceIds: [],
        synthetic: true,
      },
    ];
    const centre = {
      kind: 'Centre',
      id: 'centre:x',
      name: '=1+2',
      status: 'active',
      grade: 'C3',
      tlp: 'AMBER',
      sourceIds: [],
      synthetic: true,
    };
    const parsed = parseBatch({ nodes: [...nodes, centre], relationships } as never);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    h = await startHarness(parsed.batch);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every value stays one cell, reads back whole, and no cell of any column starts a formula', async () => {
    const ids = [...NASTY.map((_, i) => (i === 0 ? 'facilitator:=cmd|calc!A0' : `facilitator:n${i}`)), 'centre:x'];
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'csv', selection: { kind: 'ids', ids } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const files = unzipSync(new Uint8Array(res.body));
    for (const name of ['nodes.csv', 'links.csv']) {
      const text = strFromU8(files[name]!);
      // independent reading: csv-parse, told to end a record at any line break outside quotes, as
      // spreadsheets do (by default it takes the first line ending it meets, CRLF, as the only one)
      const records: string[][] = parseCsv(text, {
        bom: true,
        relax_column_count: true,
        record_delimiter: ['\r\n', '\n', '\r'],
      });
      const width = records[0]!.length;
      for (const record of records) {
        expect(record, `${name}: a record was split`).toHaveLength(width);
        for (const cell of record) expect(cell, `${name}: cell starts a formula`).not.toMatch(FORMULA);
      }
      // one record per item: a value's line break did not end the row (the header, then the rows)
      expect(records.length).toBe(name === 'nodes.csv' ? NASTY.length + 2 : 2);
    }
    const nodes: Record<string, string>[] = parseCsv(strFromU8(files['nodes.csv']!), { bom: true, columns: true });
    expect(nodes).toHaveLength(ids.length);
    for (const value of NASTY) {
      const row = nodes.find((r) => r.Label === value || r.Label === `'${value}`);
      expect(row, `the value ${JSON.stringify(value)} reads back as one cell`).toBeDefined();
    }
    expect(nodes.map((r) => r['Entity ID'])).toContain('facilitator:=cmd|calc!A0');
    const links: Record<string, string>[] = parseCsv(strFromU8(files['links.csv']!), { bom: true, columns: true });
    expect(links.map((r) => r['Link ID'])).toEqual(['\'=HYPERLINK("http://evil.example")']);
  });
});
