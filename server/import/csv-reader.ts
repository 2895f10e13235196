/**
 * CSV input: one file per node or relationship kind, a header row naming properties.
 *
 * - The kind is the file's base name (`Centre.csv`, `TRAFFICKED_TO.csv`, any case), or a `kind`
 *   column, which wins when present (one file may then hold several kinds).
 * - Relationship ends are the `from` and `to` columns (node ids), as in the domain model.
 * - Lists (`aliases`, `sourceIds`) are `a; b; c` or `[a,b,c]`.
 * - An empty cell gives no value: on a new record the property's default, on an existing one the
 *   stored value stays.
 * Real-world files: a UTF-8 byte-order mark, CRLF, quoted fields holding commas, quotes and line
 * breaks, and blank lines (trailing or not) are all read; the delimiter (`,`, `;` or tab) is the
 * one the header row uses.
 */
import { parse } from 'csv-parse/sync';
import { nodeProperties, relProperties } from '../model/schema.ts';
import type { ImportIssue, RawRecord } from './types.ts';

/** The kind a file name names, if any: the base name without its extension. */
export function kindFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.(csv|tsv|txt)$/i, '');
}

/** Maps byte offsets of the buffer to 1-based lines, moving forward only. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly bytes: Buffer) {}
  /** Line of the first byte at or after `from` that is not a line break. */
  lineOfRecordAt(from: number): number {
    let start = from;
    while (start < this.bytes.length && (this.bytes[start] === 10 || this.bytes[start] === 13)) start++;
    for (let i = this.bytes.indexOf(10, this.offset); i !== -1 && i < start; i = this.bytes.indexOf(10, i + 1)) {
      this.line++;
      this.offset = i + 1;
    }
    return this.line;
  }
}

interface CsvInfo {
  bytes: number;
}

type ParsedRow = { record: string[]; line: number };

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter, read from the header row: European spreadsheets save "CSV" with semicolons, and
 * tab-separated files are common too. The one of `,` `;` tab that the header row (outside quotes)
 * holds most of; a comma when it holds none (a one-column file).
 */
export function detectDelimiter(head: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of head.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

/** csv-parse, for any file; lines come from the byte offsets it reports. */
function parseQuoted(bytes: Buffer, delimiter: Delimiter): ParsedRow[] {
  const parsed = parse(bytes, {
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    delimiter,
  }) as unknown as { record: string[]; info: CsvInfo }[];
  const lines = new LineCounter(bytes);
  // a record starts where the one before it ended (info.bytes counts up to the record's end)
  let start = 0;
  return parsed.map((row) => {
    const line = lines.lineOfRecordAt(start);
    start = row.info.bytes;
    return { record: row.record, line };
  });
}

/**
 * A file without a single double quote has no quoted fields, so splitting its lines at commas is
 * exactly what RFC 4180 reads, about ten times faster than csv-parse with positions (most bulk
 * relationship files are like this: ids, grades, dates).
 */
function parseUnquoted(text: string, delimiter: Delimiter): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    let row = text.slice(start, end);
    if (row.endsWith('\r')) row = row.slice(0, -1);
    if (row.length > 0) rows.push({ record: row.split(delimiter), line });
    start = end + 1;
  }
  return rows;
}

/** The columns a kind's rows may have: its properties (and a relationship's ends); undefined for an unknown kind. */
function columnsOf(kind: string): Set<string> | undefined {
  const node = nodeProperties.get(kind as never);
  if (node) return new Set(node.map((p) => p.name));
  const rel = relProperties.get(kind as never);
  return rel ? new Set([...rel.map((p) => p.name), 'from', 'to']) : undefined;
}

/**
 * A column no kind of the file has, whose cells are all empty. Its cells never reach validation
 * (an empty cell gives no value), so without this the typo passes today and loses data the day the
 * column is filled. A file with a kind column may hold columns of several kinds, empty for the
 * others: only a column that no kind in the file has is an issue (reported once, on the header).
 */
function emptyUnknownColumns(name: string, header: string[], kindColumn: number, records: RawRecord[]): ImportIssue[] {
  const kinds = new Set(records.map((r) => r.kind).filter((k): k is string => Boolean(k)));
  const known = [...kinds].map(columnsOf).filter((c): c is Set<string> => c !== undefined);
  if (known.length === 0) return []; // unknown kinds are reported row by row
  // Only the columns no kind knows need the rows, and a row stops being read once it fills them all
  // (a flatMap of every row's keys allocated as much as the parse itself).
  const unknown = new Set(
    header.filter((column, c) => c !== kindColumn && column !== DROPPED && !known.some((k) => k.has(column))),
  );
  for (const record of records) {
    if (unknown.size === 0) break;
    for (const column of unknown) if (record.values[column] !== undefined) unknown.delete(column);
  }
  return [...unknown].map((column) => ({
    file: name,
    line: 1,
    column,
    reason: `${[...kinds].join('/')} has no property ${column} (the column is empty, but a misspelt column would lose its values once filled)`,
  }));
}

/**
 * scamnet's own CSV export (the i2 / Excel layout of server/export/formats/csv.ts: nodes.csv with
 * `Entity ID`, `Entity Type`, links.csv with `Link ID`, `From Entity ID`, `To Entity ID`,
 * `Link Type`, then provenance under i2's names, then the properties by name) is read back as the
 * domain's columns, so the export imports as it was exported (issue 15: the round trip of every
 * format). `Label` and a link's `Date` are derived by the writer, so they are left out; a fixed
 * column whose property also has its own column (`id`) gives way to it.
 */
const I2_COLUMNS: Record<string, string> = {
  'Entity ID': 'id',
  'Entity Type': 'kind',
  'Link ID': 'id',
  'Link Type': 'kind',
  'From Entity ID': 'from',
  'To Entity ID': 'to',
  Grade: 'grade',
  TLP: 'tlp',
  Sources: 'sourceIds',
  'First Seen': 'firstSeen',
  'Last Seen': 'lastSeen',
  Synthetic: 'synthetic',
};
const I2_DERIVED = new Set(['Label', 'Date']);
/** a column name no property has (properties are identifiers): a left-out column */
const DROPPED = ' dropped ';

function i2Layout(header: string[]): string[] | undefined {
  const first = header[0]?.replace(/^\uFEFF/, '');
  const isNodes = first === 'Entity ID' && header[1] === 'Entity Type';
  const isLinks = first === 'Link ID' && header.includes('Link Type') && header.includes('From Entity ID');
  if (!isNodes && !isLinks) return undefined;
  const own = new Set(header);
  return header.map((column, c) => {
    const h = c === 0 ? (first ?? column) : column;
    if (I2_DERIVED.has(h)) return DROPPED;
    const name = I2_COLUMNS[h];
    if (name === undefined) return h;
    return own.has(name) ? DROPPED : name;
  });
}

/** The export's formula guard undone: a `'` it put before `= + - @` (or their full-width forms), a tab or a CR. */
const unguard = (cell: string) => (/^'(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(cell) ? cell.slice(1) : cell);

export function readCsv(name: string, bytes: Buffer, text?: string): { records: RawRecord[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let parsed: ParsedRow[];
  const delimiter = detectDelimiter(text?.slice(0, 65_536) ?? bytes.subarray(0, 65_536).toString('utf8'));
  const named = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  try {
    parsed = text !== undefined && !text.includes('"') ? parseUnquoted(text, delimiter) : parseQuoted(bytes, delimiter);
  } catch (error) {
    const e = error as Error & { lines?: number };
    return {
      records: [],
      issues: [
        {
          file: name,
          line: e.lines ?? 0,
          reason: `not readable as CSV with the ${named} delimiter its header row uses: ${e.message}`,
        },
      ],
    };
  }
  const [headerRow, ...rows] = parsed;
  if (!headerRow) return { records: [], issues: [{ file: name, line: 0, reason: 'the file is empty: no header row' }] };

  const header = headerRow.record.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((h) => {
    if (!h) issues.push({ file: name, line: 1, reason: 'a header cell is empty: every column needs a property name' });
    else if (seen.has(h)) issues.push({ file: name, line: 1, column: h, reason: `column ${h} appears twice` });
    seen.add(h);
  });
  if (issues.length > 0) return { records: [], issues };

  const i2 = i2Layout(header);
  if (i2) header.splice(0, header.length, ...i2);
  const kindColumn = header.indexOf('kind');
  const fileKind = kindFromFileName(name);
  const records: RawRecord[] = [];
  for (const { record, line } of rows) {
    // A row of empty cells (a spreadsheet's trailing ",,,") is a blank line too.
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== header.length) {
      issues.push({ file: name, line, reason: `${record.length} cells where the header has ${header.length}` });
      continue;
    }
    const values: Record<string, unknown> = {};
    header.forEach((column, c) => {
      const cell = record[c] ?? '';
      if (c !== kindColumn && column !== DROPPED && cell !== '') values[column] = i2 ? unguard(cell) : cell;
    });
    // the row has as many cells as the header, so a kind column has a cell in it
    const kindCell = kindColumn >= 0 ? (record[kindColumn] ?? '').trim() : '';
    const kind = kindCell || fileKind;
    records.push({ origin: { file: name, line }, kind, values });
  }
  issues.push(...emptyUnknownColumns(name, header, kindColumn, records));
  return { records, issues };
}
