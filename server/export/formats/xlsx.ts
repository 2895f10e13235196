/**
 * XLSX for officers who open everything in Excel or LibreOffice, written with exceljs: one sheet
 * per node kind and per relationship kind present, named after the kind, its first row the
 * property names (`id`, then the kind's properties, a relationship's `from` and `to` after its id)
 * — the layout this tool's XLSX import reads, as its CSV import reads one file per kind. An
 * `About` sheet holds the manifest.
 *
 * Every sheet carries its TLP marking (the highest of its rows) in the page header and footer, so
 * every printed page is marked, and in its `tlp` column row by row. Provenance travels in the
 * columns `sourceIds`, `grade`, `firstSeen` and `lastSeen`, as in the store.
 *
 * Cells are typed from the domain schema, not guessed from the value: INT64 and DOUBLE as numbers,
 * BOOLEAN as booleans, everything else — dates, ids, phone numbers, `50+` — as text, which a
 * spreadsheet neither converts nor evaluates (a string cell starting with `=` is text, not a
 * formula: exceljs writes formulas only from formula objects). Lists are `a; b`, or JSON when an
 * item holds a `;`.
 */
import ExcelJS from 'exceljs';
import { nodeProperties, relProperties, propertyTypes } from '../../model/schema.ts';
import { highestMarking } from '../../model/markings.ts';
import type { Tlp } from '../../model/provenance.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { manifestSummary } from '../manifest.ts';
import { exportFileType } from '../../model/export-formats.ts';

/** The sheet that holds the manifest; the import skips it. */
export const ABOUT_SHEET = 'About';

/** A list as one cell: `a; b`, or JSON when an item would split wrongly. */
export function listCell(items: JsonValue[]): string {
  const texts = items.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return texts.some((t) => t.includes(';')) ? JSON.stringify(texts) : texts.join('; ');
}

function cellValue(name: string, value: JsonValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  const type = propertyTypes.get(name);
  if (Array.isArray(value)) return value.length > 0 ? listCell(value) : null;
  if (type === 'INT64' || type === 'DOUBLE') return typeof value === 'number' ? value : String(value);
  if (type === 'BOOLEAN') return typeof value === 'boolean' ? value : String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  // STRING, DATE and anything outside the schema: text, whatever it looks like
  return String(value);
}

function mark(sheet: ExcelJS.Worksheet, tlp: Tlp, title: string): void {
  // &C centre section, &P page, &N pages (the OOXML header/footer codes)
  const text = `TLP:${tlp}`.replace(/&/g, '&&');
  sheet.headerFooter.oddHeader = `&L${title.replace(/&/g, '&&').slice(0, 100)}&C&"-,Bold"${text}`;
  sheet.headerFooter.oddFooter = `&C&"-,Bold"${text}&RPage &P of &N`;
}

function addKindSheet(
  book: ExcelJS.Workbook,
  kind: string,
  columns: string[],
  rows: Record<string, JsonValue>[],
  title: string,
): void {
  const sheet = book.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.min(40, Math.max(10, c.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => cellValue(c, row[c])));
  mark(sheet, highestMarking(rows.map((r) => r.tlp)), title);
}

export async function writeXlsx(ctx: ExportContext): Promise<ExportFile> {
  const { graph, manifest } = ctx;
  const book = new ExcelJS.Workbook();
  book.creator = `${manifest.tool.name} ${manifest.tool.version}`;
  book.created = new Date(manifest.exportedAt);
  book.modified = new Date(manifest.exportedAt);
  book.title = manifest.title;
  book.subject = `TLP:${manifest.highestTlp}`;

  const about = book.addWorksheet(ABOUT_SHEET);
  about.columns = [
    { header: 'field', key: 'field', width: 18 },
    { header: 'value', key: 'value', width: 100 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow(['summary', manifestSummary(manifest)]);
  for (const [field, value] of Object.entries(manifest))
    about.addRow([field, typeof value === 'string' ? value : JSON.stringify(value)]);
  mark(about, manifest.highestTlp, manifest.title);

  for (const [kind, props] of nodeProperties) {
    const rows = graph.nodes.filter((n) => n.attributes.kind === kind).map((n) => ({ ...n.attributes, id: n.key }));
    if (rows.length > 0)
      addKindSheet(
        book,
        kind,
        props.map((p) => p.name),
        rows,
        manifest.title,
      );
  }
  for (const [kind, props] of relProperties) {
    const rows = graph.edges
      .filter((e) => e.attributes.kind === kind)
      .map((e) => ({ ...e.attributes, id: e.key, from: e.source, to: e.target }));
    const [id = 'id', ...rest] = props.map((p) => p.name);
    if (rows.length > 0) addKindSheet(book, kind, [id, 'from', 'to', ...rest], rows, manifest.title);
  }
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { body, ...exportFileType('xlsx') };
}
