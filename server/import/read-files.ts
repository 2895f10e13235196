/**
 * Reads every input file and validates every row: the part of an import that needs no store.
 * Duplicate ids within one import are refused too (the later row names the earlier one).
 */
import { readCsv } from './csv-reader.ts';
import { decodeText } from './decode.ts';
import { readGexf, readGraphml } from './graph-xml-reader.ts';
import { readJson, readNdjson } from './json-reader.ts';
import { looksLikeStixBundle, readStix } from './stix-reader.ts';
import type { ImportFile, ImportIssue, Origin, RawRecord, ValidRecord } from './types.ts';
import { validateRecord } from './validate.ts';
import { readXlsx } from './xlsx-reader.ts';

export type ImportFormat = 'csv' | 'json' | 'ndjson' | 'stix' | 'graphml' | 'gexf' | 'xlsx';

export const KNOWN_EXTENSIONS = '.csv, .json, .ndjson, .jsonl, .stix.json, .graphml, .gexf or .xlsx';

export function formatOf(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.stix.json')) return 'stix';
  const ext = lower.match(/\.([a-z]+)$/)?.[1];
  if (ext === 'csv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'graphml') return 'graphml';
  if (ext === 'gexf') return 'gexf';
  if (ext === 'xlsx') return 'xlsx';
  return undefined;
}

/** One file's records as read, before validation. */
export interface RawRead {
  records: RawRecord[];
  issues: ImportIssue[];
}

/** The text formats, read synchronously (everything but XLSX, which exceljs reads asynchronously). */
function readText(file: ImportFile, format: Exclude<ImportFormat, 'xlsx'>, text: string): RawRead {
  switch (format) {
    case 'csv':
      return readCsv(file.name, file.bytes, text);
    case 'json':
      // a STIX bundle saved as plain .json is still a STIX bundle
      return looksLikeStixBundle(text) ? readStix(file.name, text) : readJson(file.name, text);
    case 'ndjson':
      return readNdjson(file.name, text);
    case 'stix':
      return readStix(file.name, text);
    case 'graphml':
      return readGraphml(file.name, text);
    case 'gexf':
      return readGexf(file.name, text);
  }
}

/**
 * readFiles for every format: the XLSX workbooks are read first (exceljs is asynchronous), then
 * everything is validated together as readFiles does.
 */
export async function readFilesAsync(files: ImportFile[], onRows?: (n: number) => void): Promise<ReadResult> {
  const preRead = new Map<number, RawRead>();
  for (const [i, file] of files.entries())
    if (formatOf(file.name) === 'xlsx') preRead.set(i, await readXlsx(file.name, file.bytes));
  return readFiles(files, onRows, preRead);
}

export interface ReadResult {
  files: { name: string; format: string; rows: number }[];
  records: ValidRecord[];
  issues: ImportIssue[];
  /** rows read, good and bad */
  rows: number;
}

/** `preRead`: the XLSX files' records by index in `files` (readFilesAsync reads them); without, an XLSX file is an issue. */
export function readFiles(
  files: ImportFile[],
  onRows?: (n: number) => void,
  preRead: ReadonlyMap<number, RawRead> = new Map(),
): ReadResult {
  const issues: ImportIssue[] = [];
  const records: ValidRecord[] = [];
  const summary: ReadResult['files'] = [];
  let rows = 0;
  const seen = new Map<string, Map<string, Origin>>();
  for (const [index, file] of files.entries()) {
    const format = formatOf(file.name);
    if (!format) {
      issues.push({ file: file.name, line: 0, reason: `unknown format: name the file ${KNOWN_EXTENSIONS}` });
      summary.push({ name: file.name, format: 'unknown', rows: 0 });
      continue;
    }
    let read: RawRead;
    if (format === 'xlsx') {
      read = preRead.get(index) ?? {
        records: [],
        issues: [{ file: file.name, line: 0, reason: 'an XLSX workbook is read by readFilesAsync' }],
      };
    } else {
      const decoded = decodeText(file.name, file.bytes);
      if (!decoded.ok) {
        issues.push(decoded.issue);
        summary.push({ name: file.name, format, rows: 0 });
        continue;
      }
      read = readText(file, format, decoded.text);
    }
    issues.push(...read.issues);
    const fileRows = read.records.length + read.issues.filter((i) => i.line > 0).length;
    summary.push({ name: file.name, format, rows: fileRows });
    rows += fileRows;
    for (const raw of read.records) {
      const result = validateRecord(raw);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      const { value } = result;
      // node ids are one namespace, each relationship kind another; a map per kind needs no key string a row
      const kind = value.entity === 'node' ? '' : value.record.kind;
      let ids = seen.get(kind);
      if (!ids) seen.set(kind, (ids = new Map()));
      const first = ids.get(value.record.id);
      if (first !== undefined) {
        const where = `${first.file}:${first.line}`;
        issues.push({ ...value.origin, column: 'id', reason: `duplicate id ${value.record.id}: already at ${where}` });
        continue;
      }
      ids.set(value.record.id, value.origin);
      records.push(value);
    }
    onRows?.(read.records.length);
  }
  return { files: summary, records, issues, rows };
}
