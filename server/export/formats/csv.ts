/**
 * CSV for i2 Analyst's Notebook and Excel: a zip of nodes.csv and links.csv with plain column
 * names (entity id, type, label, then attributes; link end ids, type, label, grade, date), UTF-8
 * with a byte-order mark so Excel reads the accents, and manifest.json beside them. A text cell
 * that a spreadsheet would run as a formula (= + - @, tab, carriage return) is prefixed with `'`.
 */
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { JsonValue, SerializedEdge, SerializedNode } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { exportFileType } from '../../model/export-formats.ts';

const BOM = '\uFEFF';

/**
 * Spreadsheets run cells starting with these as formulas, also after leading white space (any
 * Unicode space, tab, CR, LF), and a cell starting with a tab or CR is guarded too — and some (Excel in East Asian locales, LibreOffice's autocorrect)
 * take the full-width forms ＝ ＋ － ＠ as their ASCII twins.
 */
// a leading tab or CR is guarded whatever follows (OWASP's CSV-injection list): some importers
// drop it and read what comes next as the cell's start
const FORMULA_START = /^(?:[\t\r]|[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * Every string cell of every column — ids, labels, properties and headers — goes through this.
 * Numbers and booleans are written by String() from typed values and cannot spell a formula.
 */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * csv-stringify quotes a cell holding the delimiter, the quote or the whole record delimiter
 * (CRLF) but not a bare CR or LF; a spreadsheet ends the row at either, so the text after it would
 * start a row of its own (and could be a formula). Quote every cell holding any of them.
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n",]/ } as const;

function cellOf(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return neutraliseCell(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; '));
  if (typeof value === 'object') return neutraliseCell(JSON.stringify(value));
  return neutraliseCell(value);
}

const NODE_FIXED = [
  'Entity ID',
  'Entity Type',
  'Label',
  'Grade',
  'TLP',
  'Sources',
  'First Seen',
  'Last Seen',
  'Synthetic',
] as const;
const NODE_FROM = {
  'Entity Type': 'kind',
  Label: 'label',
  Grade: 'grade',
  TLP: 'tlp',
  Sources: 'sourceIds',
  'First Seen': 'firstSeen',
  'Last Seen': 'lastSeen',
  Synthetic: 'synthetic',
} as const;
const LINK_FIXED = [
  'Link ID',
  'From Entity ID',
  'To Entity ID',
  'Link Type',
  'Label',
  'Grade',
  'TLP',
  'Date',
  'Sources',
  'First Seen',
  'Last Seen',
  'Synthetic',
] as const;
const LINK_FROM = {
  'Link Type': 'kind',
  Grade: 'grade',
  TLP: 'tlp',
  Sources: 'sourceIds',
  'First Seen': 'firstSeen',
  'Last Seen': 'lastSeen',
  Synthetic: 'synthetic',
} as const;

/** The property columns after the fixed ones: every other property, in name order. */
function extraColumns(items: { attributes: Record<string, JsonValue> }[], taken: Set<string>): string[] {
  const names = new Set<string>();
  for (const item of items) for (const name of Object.keys(item.attributes)) if (!taken.has(name)) names.add(name);
  return [...names].sort();
}

export function nodeRows(nodes: SerializedNode[]): string[][] {
  const extras = extraColumns(nodes, new Set(Object.values(NODE_FROM)));
  const header = [...NODE_FIXED, ...extras];
  const rows = nodes.map((n) => [
    neutraliseCell(n.key),
    ...NODE_FIXED.slice(1).map((column) => cellOf(n.attributes[NODE_FROM[column as keyof typeof NODE_FROM]])),
    ...extras.map((name) => cellOf(n.attributes[name])),
  ]);
  return [header.map(neutraliseCell), ...rows];
}

/** A link's date for i2's date column: when it happened where recorded, else when first seen. */
function linkDate(e: SerializedEdge): JsonValue | undefined {
  return e.attributes.date ?? e.attributes.periodStart ?? e.attributes.firstSeen;
}

export function linkRows(edges: SerializedEdge[], labelOf: Map<string, string>): string[][] {
  const extras = extraColumns(edges, new Set([...Object.values(LINK_FROM), 'label']));
  const header = [...LINK_FIXED, ...extras];
  const rows = edges.map((e) =>
    LINK_FIXED.map((column) => {
      if (column === 'Link ID') return neutraliseCell(e.key);
      if (column === 'From Entity ID') return neutraliseCell(e.source);
      if (column === 'To Entity ID') return neutraliseCell(e.target);
      if (column === 'Label')
        return neutraliseCell(
          `${labelOf.get(e.source) ?? e.source} ${e.attributes.kind} ${labelOf.get(e.target) ?? e.target}`,
        );
      if (column === 'Date') return cellOf(linkDate(e));
      return cellOf(e.attributes[LINK_FROM[column as keyof typeof LINK_FROM]]);
    }).concat(extras.map((name) => cellOf(e.attributes[name]))),
  );
  return [header.map(neutraliseCell), ...rows];
}

export function writeCsvZip(ctx: ExportContext): ExportFile {
  const labelOf = new Map(ctx.graph.nodes.map((n) => [n.key, String(n.attributes.label)]));
  const csv = (rows: string[][]) => strToU8(BOM + stringify(rows, CSV_OPTIONS));
  const mtime = new Date(ctx.manifest.exportedAt);
  const zip = zipSync(
    {
      'nodes.csv': csv(nodeRows(ctx.graph.nodes)),
      'links.csv': csv(linkRows(ctx.graph.edges, labelOf)),
      'manifest.json': strToU8(`${JSON.stringify(ctx.manifest, null, 2)}\n`),
    },
    { mtime },
  );
  return { body: Buffer.from(zip), ...exportFileType('csv') };
}
