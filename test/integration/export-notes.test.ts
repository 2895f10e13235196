/**
 * Analysts' notes in exports, read back with parsers this project did not write where the interop
 * suite has them (networkx for GEXF, networkx and igraph for GraphML, xmldom and xmllint for ANX
 * and the briefing, pdftotext for the PDF): the notes on exported items within the recipient's
 * TLP arrive, and a note above it or on a withheld item leaves no id, text or count. Both stores.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../server/model/notes.ts';
import type { Tlp } from '../../server/model/markings.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { clearanceGraph } from '../support/clearance-graph.ts';
import { binary } from '../support/export-request.ts';
import { announcePythonSkip, hasPython, pythonRequired, readWithPython } from '../support/interop.ts';

announcePythonSkip('test/integration/export-notes.test.ts (networkx, igraph)');

const batch = clearanceGraph();
const ALL = { kind: 'ids', ids: batch.nodes.map((n) => n.id) } as const;
const HOSTILE = 'Tip & <b>"bold"</b> <script>alert(1)</script>';

let h: Harness;
const notes: Record<string, Note> = {};

beforeAll(async () => {
  h = await startHarness(batch);
  const write = async (key: string, type: 'node' | 'relationship', id: string, text: string, tlp: Tlp) => {
    const res = await request(h.app).post('/api/notes').send({ target: { type, id }, text, tlp });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    notes[key] = res.body;
  };
  await write('g1Green', 'node', 'centre:g1', `Seen twice\nsecond line ${HOSTILE}`, 'GREEN');
  await write('g1Amber', 'node', 'centre:g1', 'Amberline informant', 'AMBER');
  await write('onRedNode', 'node', 'centre:red', 'Cobaltrumour', 'CLEAR');
  await write('onLink', 'relationship', 'e-g1-th', 'Lease papers', 'CLEAR');
  await write('onRedLink', 'relationship', 'e-red-g2-th', 'Magentalease', 'CLEAR');
});
afterAll(async () => {
  await h?.close();
});

async function exportAs(format: string, recipientTlp: Tlp): Promise<Buffer> {
  const res = await request(h.app)
    .post('/api/export')
    .send({ format, selection: ALL, recipientTlp, title: 'Noted' })
    .buffer(true)
    .parse(binary);
  expect(res.status, res.body.toString().slice(0, 300)).toBe(200);
  return res.body as Buffer;
}

const WITHHELD_AT_GREEN = ['g1Amber', 'onRedNode', 'onRedLink'] as const;

/** No id or text of a note withheld at GREEN anywhere in the file. */
function expectNoneWithheld(text: string): void {
  for (const key of WITHHELD_AT_GREEN) {
    expect(text, key).not.toContain(notes[key]!.id);
    expect(text, key).not.toContain(notes[key]!.text.slice(0, 10));
  }
}

describe('notes in exports', () => {
  it('JSON: a `notes` list on each noted node and link, within the recipient’s TLP', async () => {
    const text = (await exportAs('json', 'GREEN')).toString();
    expectNoneWithheld(text);
    const file = JSON.parse(text);
    const g1 = file.nodes.find((n: { key: string }) => n.key === 'centre:g1');
    expect(g1.attributes.notes).toEqual([
      {
        id: notes.g1Green!.id,
        text: notes.g1Green!.text,
        tlp: 'GREEN',
        author: notes.g1Green!.author,
        createdAt: notes.g1Green!.createdAt,
        updatedAt: notes.g1Green!.updatedAt,
      },
    ]);
    const link = file.edges.find((e: { key: string }) => e.key === 'e-g1-th');
    expect(link.attributes.notes.map((n: Note) => n.text)).toEqual(['Lease papers']);
    const others = file.nodes.filter((n: { key: string }) => n.key !== 'centre:g1');
    expect(others.every((n: { attributes: object }) => !('notes' in n.attributes))).toBe(true);
    // the file's marking counts its notes: GREEN here even were every item CLEAR
    expect(file.attributes.manifest.highestTlp).toBe('GREEN');
    // at RED every note on an exported item comes, and the RED node's
    const red = JSON.parse((await exportAs('json', 'RED')).toString());
    const redG1 = red.nodes.find((n: { key: string }) => n.key === 'centre:g1');
    expect(redG1.attributes.notes.map((n: Note) => n.id)).toEqual([notes.g1Green!.id, notes.g1Amber!.id]);
    const redNode = red.nodes.find((n: { key: string }) => n.key === 'centre:red');
    expect(redNode.attributes.notes.map((n: Note) => n.text)).toEqual(['Cobaltrumour']);
  });

  it.skipIf(!hasPython && !pythonRequired)('GEXF read by networkx: a `notes` text attribute', async () => {
    const body = await exportAs('gexf', 'GREEN');
    expectNoneWithheld(body.toString());
    const read = readWithPython('networkx-gexf', body, 'gexf');
    const noteText = String(read.nodes['centre:g1']!.notes);
    expect(noteText).toContain('[TLP:GREEN]');
    expect(noteText).toContain(`Seen twice\nsecond line ${HOSTILE}`);
    expect(read.nodes['country:TH']!.notes).toBeUndefined();
    const link = read.edges.find((e) => e.id === 'e-g1-th');
    expect(String(link!.attrs.notes)).toMatch(/^\[TLP:CLEAR\] .+, \d{4}-\d{2}-\d{2}: Lease papers$/);
  });

  it.skipIf(!hasPython && !pythonRequired)(
    'GraphML read by networkx and igraph: a `notes` text attribute',
    async () => {
      const body = await exportAs('graphml', 'GREEN');
      expectNoneWithheld(body.toString());
      for (const reader of ['networkx-graphml', 'igraph-graphml'] as const) {
        const read = readWithPython(reader, body, 'graphml');
        const g1 = Object.values(read.nodes).find((n) => n.scamnetId === 'centre:g1');
        expect(String(g1!.notes), reader).toContain(HOSTILE);
        expect(String(g1!.notes), reader).not.toContain('Amberline');
        const link = read.edges.find((e) => e.attrs.scamnetId === 'e-g1-th');
        expect(String(link!.attrs.notes), reader).toContain('Lease papers');
      }
    },
  );

  it('ANX: a card per note on its chart item, well-formed (xmllint), no withheld note', async () => {
    const body = await exportAs('anx', 'GREEN');
    expectNoneWithheld(body.toString());
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-anx-'));
    try {
      writeFileSync(path.join(dir, 'chart.anx'), body);
      execFileSync('xmllint', ['--noout', path.join(dir, 'chart.anx')], { stdio: ['ignore', 'pipe', 'pipe'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const doc = new DOMParser().parseFromString(body.toString(), 'application/xml');
    const items = Array.from(doc.getElementsByTagName('ChartItem'));
    const cardsOf = (label: string) =>
      items
        .filter((i) => i.getAttribute('Label') === label)
        .flatMap((i) => Array.from(i.getElementsByTagName('Card')))
        .map((c) => ({ text: c.getAttribute('Text'), summary: c.getAttribute('Summary') }));
    const g1Label = batch.nodes.find((n) => n.id === 'centre:g1')!.name;
    expect(cardsOf(g1Label)).toEqual([
      { text: notes.g1Green!.text, summary: `Note by ${notes.g1Green!.author} (TLP:GREEN)` },
    ]);
    expect(cardsOf('LOCATED_IN').map((c) => c.text)).toEqual(['Lease papers']);
    expect(doc.getElementsByTagName('Card')).toHaveLength(2);
  });

  it('HTML briefing: a Notes table, escaped, only what the recipient may see', async () => {
    const html = (await exportAs('html', 'GREEN')).toString();
    expectNoneWithheld(html);
    expect(html).not.toContain('<script>alert(1)');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const table = Array.from(doc.getElementsByTagName('table')).find((t) => t.getAttribute('class') === 'notes');
    const rows = Array.from(table!.getElementsByTagName('tr'))
      .slice(1)
      .map((tr) => Array.from(tr.getElementsByTagName('td')).map((td) => td.textContent));
    const g1Label = batch.nodes.find((n) => n.id === 'centre:g1')!.name;
    expect(rows).toEqual([
      [g1Label, 'GREEN', notes.g1Green!.author, notes.g1Green!.updatedAt.slice(0, 10), notes.g1Green!.text],
      [`${g1Label} LOCATED_IN Verdantia`, 'CLEAR', notes.onLink!.author, expect.any(String), 'Lease papers'],
    ]);
    // a pack without notes has no Notes section
    const clear = (await exportAs('html', 'CLEAR')).toString();
    expect(clear).not.toContain('<h2>Notes</h2>');
    expect(clear).not.toContain('Lease papers'); // on a GREEN link
  });

  it('PDF briefing: the notes are in the text pdftotext reads', async () => {
    const body = await exportAs('pdf', 'GREEN');
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-pdf-'));
    try {
      const file = path.join(dir, 'briefing.pdf');
      writeFileSync(file, body);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('Notes');
      expect(text).toContain('Lease papers');
      expect(text).toContain('Seen twice');
      for (const hidden of ['Amberline', 'Cobaltrumour', 'Magentalease']) expect(text).not.toContain(hidden);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('formats that carry the graph only carry no notes (CSV, Cypher), and the data version ignores notes', async () => {
    const cypher = (await exportAs('cypher', 'RED')).toString();
    expect(cypher).not.toContain('Lease papers');
    const a = await request(h.app).post('/api/export').send({ format: 'csv', selection: ALL, recipientTlp: 'RED' });
    const before = a.headers['x-export-data-version'];
    await request(h.app).patch(`/api/notes/${notes.onLink!.id}`).send({ text: 'Lease papers, signed' }).expect(200);
    const b = await request(h.app).post('/api/export').send({ format: 'csv', selection: ALL, recipientTlp: 'RED' });
    expect(b.headers['x-export-data-version']).toBe(before);
  });
});
