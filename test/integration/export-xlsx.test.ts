/**
 * The XLSX export (issue 15) read by openpyxl, a reader nobody on scamnet wrote: a sheet per kind
 * with every row, cells typed from the schema (text that looks like a number stays text), the TLP
 * marking in every sheet's page header and footer, the provenance columns; nothing above the
 * recipient's TLP anywhere in the workbook; and its import back into an empty store, to the same
 * graph. Hostile workbooks are refused with a 400 naming the sheet, row and column, and nothing is
 * written. openpyxl lives in .venv-interop/ (test/interop/setup-python.sh); without it those tests
 * are skipped with a message, except under CI=true, where they fail.
 *
 * The exporting stores are LadybugDB in both vitest projects; what is imported goes into the
 * project's store, so in the `neo4j` project each round trip runs from LadybugDB into Neo4j.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/counts.ts';
import { nodeProperties, relProperties, type GraphBatch } from '../../server/model/schema.ts';
import { TLP_LEVELS, tlpRank } from '../../server/model/provenance.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { VISIBLE_TO_GREEN, markedGraph, withheldFromGreen } from '../support/export-marked-graph.ts';
import {
  announcePythonSkip,
  hasPython,
  hasSoffice,
  pythonRequired,
  readXlsxWithPython,
  sheetsAsCsvWithLibreOffice,
} from '../support/interop.ts';
import { allOf, exportFrom } from '../support/export-request.ts';

announcePythonSkip('test/integration/export-xlsx.test.ts (openpyxl)');
if (!hasSoffice && process.env.CI !== 'true')
  console.warn(
    'SKIPPED the LibreOffice test of test/integration/export-xlsx.test.ts: no /usr/bin/soffice (apt-get install libreoffice-calc-nogui)',
  );

const SEED = { seed: 42, scale: 0.2 };
let seed: GraphBatch;
let h: Harness;
let marked: Harness;

beforeAll(async () => {
  seed = buildSeedGraph(SEED);
  h = await startHarness(seed, { backend: 'embedded' });
  marked = await startHarness(markedGraph(), { backend: 'embedded' });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await marked?.close();
});

const highestOf = (tlps: string[]) => TLP_LEVELS[Math.max(...tlps.map((t) => tlpRank(t as never)))];

describe('XLSX export of the seed graph', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    const out = await exportFrom(h.app, { format: 'xlsx', selection: allOf(seed), title: 'Seed sheets' });
    bytes = out.bytes;
    expect(out.res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(out.res.headers['content-disposition']).toMatch(/Seed-sheets-\d{4}-\d{2}-\d{2}\.xlsx/);
  });

  describe.runIf(hasPython || pythonRequired)('read by openpyxl', () => {
    it('has openpyxl', () => {
      expect(hasPython, '.venv-interop is missing: .ci/run must call test/interop/setup-python.sh').toBe(true);
    });

    it('has a sheet per kind with every row, marked in its page header and footer', () => {
      const { sheets } = readXlsxWithPython(bytes);
      const kinds = [...new Set([...seed.nodes.map((n) => n.kind), ...seed.relationships.map((r) => r.kind)])];
      expect(Object.keys(sheets).sort()).toEqual(['About', ...kinds].sort());
      for (const kind of kinds) {
        const items = [...seed.nodes, ...seed.relationships].filter((i) => i.kind === kind);
        const sheet = sheets[kind]!;
        expect(sheet.rows.length - 1, kind).toBe(items.length);
        const tlp = `TLP:${highestOf(items.map((i) => i.tlp))}`;
        expect(sheet.header, kind).toContain(tlp);
        expect(sheet.footer, kind).toContain(tlp);
        const header = sheet.rows[0]!.map((c) => c.value);
        for (const column of ['id', 'sourceIds', 'grade', 'tlp', 'firstSeen', 'lastSeen'])
          expect(header, kind).toContain(column);
      }
      expect(sheets.About!.header).toContain(
        `TLP:${highestOf([...seed.nodes, ...seed.relationships].map((i) => i.tlp))}`,
      );
    });

    it('keeps every value, typed from the schema: ids, dates and `50+` as text, counts as numbers', () => {
      const { sheets } = readXlsxWithPython(bytes);
      for (const [kind, props] of [...nodeProperties, ...relProperties]) {
        const sheet = sheets[kind];
        if (!sheet) continue;
        const header = sheet.rows[0]!.map((c) => String(c.value));
        const items = new Map<string, Record<string, unknown>>(
          [...seed.nodes, ...seed.relationships].filter((i) => i.kind === kind).map((i) => [i.id, i as never]),
        );
        for (const row of sheet.rows.slice(1)) {
          const cell = (name: string) => row[header.indexOf(name)]!;
          const item = items.get(String(cell('id').value))!;
          expect(item, `${kind} ${String(cell('id').value)}`).toBeDefined();
          expect(cell('id').type).toBe('s');
          for (const p of props) {
            const want = item[p.name];
            const got = cell(p.name);
            if (want === null || want === undefined || (Array.isArray(want) && want.length === 0)) {
              expect(got.value, `${kind}.${p.name}`).toBeNull();
              continue;
            }
            if (p.type === 'INT64' || p.type === 'DOUBLE')
              expect([got.type, got.value], `${kind}.${p.name}`).toEqual(['n', want]);
            else if (p.type === 'BOOLEAN') expect([got.type, got.value], `${kind}.${p.name}`).toEqual(['b', want]);
            else if (p.type === 'STRING[]')
              expect([got.type, String(got.value).split('; ')], `${kind}.${p.name}`).toEqual(['s', want]);
            else expect([got.type, got.value], `${kind}.${p.name}`).toEqual(['s', want]);
          }
          if (kind !== 'Facilitator' && 'from' in item)
            expect([cell('from').value, cell('to').value]).toEqual([item.from, item.to]);
        }
      }
      const ages = sheets
        .Facilitator!.rows.slice(1)
        .map((r) => r[sheets.Facilitator!.rows[0]!.findIndex((c) => c.value === 'ageBand')]!);
      expect(ages.filter((c) => c.value === '50+').length).toBe(
        seed.nodes.filter((n) => (n as { ageBand?: string }).ageBand === '50+').length,
      );
      expect(ages.every((c) => c.type === 's')).toBe(true);
    });
  });

  describe.runIf(hasSoffice || process.env.CI === 'true')('read by LibreOffice', () => {
    it('opens it, and the sheets it saves as CSV import as the same graph (same data version)', async () => {
      expect(hasSoffice, 'LibreOffice is missing: .ci/run must apt-get install libreoffice-calc-nogui').toBe(true);
      const sheets = sheetsAsCsvWithLibreOffice(bytes);
      const kinds = [...new Set([...seed.nodes.map((n) => n.kind), ...seed.relationships.map((r) => r.kind)])];
      expect(Object.keys(sheets).sort()).toEqual(['About', ...kinds].sort());
      // text that looks like a number is still text when LibreOffice writes it back out
      expect(sheets.Facilitator).toMatch(/,50\+,/);
      const empty = await startHarness();
      try {
        let upload = request(empty.app).post('/api/import').set('X-Scamnet-Request', '1');
        for (const kind of kinds) upload = upload.attach('files', Buffer.from(sheets[kind]!), `${kind}.csv`);
        const res = await upload;
        expect(res.body.error).toBeUndefined();
        expect(await graphCounts(empty.store)).toEqual({
          nodes: seed.nodes.length,
          relationships: seed.relationships.length,
        });
        const before = JSON.parse(
          (await exportFrom(h.app, { format: 'json', selection: allOf(seed) })).bytes.toString(),
        );
        const after = JSON.parse(
          (await exportFrom(empty.app, { format: 'json', selection: allOf(seed) })).bytes.toString(),
        );
        expect(after.attributes.manifest.dataVersion).toBe(before.attributes.manifest.dataVersion);
      } finally {
        await empty.close();
      }
    }, 180_000);
  });

  it('imports back into an empty store as the same graph (same data version and counts)', async () => {
    const empty = await startHarness();
    try {
      const res = await request(empty.app)
        .post('/api/import')
        .set('X-Scamnet-Request', '1')
        .attach('files', bytes, 'seed.xlsx');
      expect(res.body.error).toBeUndefined();
      expect(res.body.nodes.created).toBe(seed.nodes.length);
      expect(res.body.relationships.created).toBe(seed.relationships.length);
      expect(await graphCounts(empty.store)).toEqual({
        nodes: seed.nodes.length,
        relationships: seed.relationships.length,
      });
      const before = JSON.parse((await exportFrom(h.app, { format: 'json', selection: allOf(seed) })).bytes.toString());
      const after = JSON.parse(
        (await exportFrom(empty.app, { format: 'json', selection: allOf(seed) })).bytes.toString(),
      );
      expect(after.attributes.manifest.dataVersion).toBe(before.attributes.manifest.dataVersion);
    } finally {
      await empty.close();
    }
  }, 120_000);
});

describe('XLSX export for a recipient: markings are law', () => {
  it('holds nothing above GREEN in any part of the workbook, and says GREEN on every sheet', async () => {
    const { bytes } = await exportFrom(marked.app, {
      format: 'xlsx',
      selection: allOf(markedGraph()),
      recipientTlp: 'GREEN',
    });
    const parts = unzipSync(new Uint8Array(bytes));
    const text = Object.values(parts)
      .map((p) => strFromU8(p))
      .join('\n');
    for (const secret of withheldFromGreen())
      expect(text, secret).not.toContain(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));
    for (const tlp of ['AMBER', 'RED']) expect(text).not.toContain(`TLP:${tlp}`);
    if (hasPython) {
      const { sheets } = readXlsxWithPython(bytes);
      const ids = Object.entries(sheets)
        .filter(([name]) => nodeProperties.has(name as never))
        .flatMap(([, s]) => s.rows.slice(1).map((r) => r[0]!.value));
      expect(ids.sort()).toEqual([...VISIBLE_TO_GREEN].sort());
      for (const s of Object.values(sheets)) expect([s.header, s.footer].join(' ')).toMatch(/TLP:(GREEN|CLEAR)/);
    }
  });
});

/** A workbook made by hand (exceljs), as an officer's spreadsheet would be. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const PROV = ['grade', 'tlp', 'sourceIds', 'synthetic'];
const centre = (id: string, workforce: unknown) => [id, `Centre ${id}`, 'active', workforce, 'B2', 'AMBER', null, true];

describe('XLSX import of hostile workbooks', () => {
  it('refuses each with a 400 naming the sheet, row and column, and writes nothing', async () => {
    const header = ['id', 'name', 'status', 'workforce', ...PROV];
    const cases: [string, Buffer, object][] = [
      [
        'not a zip',
        Buffer.from('PK\u0003\u0004 this is not a workbook at all'),
        { file: 'hostile.xlsx', reason: expect.stringMatching(/not an XLSX workbook|not a readable/) },
      ],
      [
        'a zip without a workbook',
        Buffer.from(zipSync({ 'hello.txt': strToU8('hello') })),
        { file: 'hostile.xlsx', reason: expect.stringMatching(/not a readable XLSX workbook/) },
      ],
      [
        'a zip bomb',
        Buffer.from(
          zipSync(
            { 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/big.xml': new Uint8Array(600 * 1024 * 1024) },
            { level: 1 },
          ),
        ),
        { file: 'hostile.xlsx', reason: expect.stringMatching(/inflates to \d+ bytes/) },
      ],
      [
        'a wrong type',
        await workbook({ Centre: [header, centre('centre:ok', 10), centre('centre:bad', 'many')] }),
        { file: '[hostile.xlsx]Centre', line: 3, column: 'workforce' },
      ],
      [
        'an unknown kind',
        await workbook({ Spaceship: [header, centre('centre:ok', 10)] }),
        {
          file: '[hostile.xlsx]Spaceship',
          line: 2,
          column: 'kind',
          reason: expect.stringMatching(/unknown kind Spaceship/),
        },
      ],
      [
        'a formula',
        await workbook({
          Centre: [
            header,
            [...centre('centre:f', 10).slice(0, 3), { formula: '1+1' }, ...centre('centre:f', 10).slice(4)],
          ],
        }),
        { file: '[hostile.xlsx]Centre', line: 2, column: 'workforce', reason: expect.stringMatching(/formula/) },
      ],
      [
        'an unknown column',
        await workbook({
          Centre: [
            [...header, 'colour'],
            [...centre('centre:c', 10), 'red'],
          ],
        }),
        { file: '[hostile.xlsx]Centre', line: 2, column: 'colour' },
      ],
    ];
    const empty = await startHarness();
    try {
      for (const [what, body, issue] of cases) {
        const res = await request(empty.app)
          .post('/api/import')
          .set('X-Scamnet-Request', '1')
          .attach('files', body, 'hostile.xlsx');
        expect(res.status, what).toBe(400);
        expect(res.body.error.code, what).toBe('invalid_import');
        expect(res.body.error.details.issues, what).toContainEqual(expect.objectContaining(issue));
        expect(await graphCounts(empty.store), what).toEqual({ nodes: 0, relationships: 0 });
      }
      // and the well-formed rows of such a workbook do go in, numbers-as-text kept as text
      const fine = await workbook({
        Centre: [header, centre('centre:007', 12)],
        Facilitator: [
          ['id', 'name', 'role', 'ageBand', ...PROV],
          ['facilitator:0044123', '0044123', 'broker', '50+', 'C3', 'GREEN', null, true],
        ],
      });
      const ok = await request(empty.app)
        .post('/api/import')
        .set('X-Scamnet-Request', '1')
        .attach('files', fine, 'fine.xlsx');
      expect(ok.body.error).toBeUndefined();
      expect(ok.body.nodes.created).toBe(2);
      const read = await empty.store.read(
        "MATCH (f:Facilitator {id: 'facilitator:0044123'}) RETURN f.name AS name, f.ageBand AS age",
      );
      expect(read.rows[0]).toEqual({ name: '0044123', age: '50+' });
    } finally {
      await empty.close();
    }
  }, 180_000);
});
