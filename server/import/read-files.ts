/**
 * Reads every input file and validates every row: the part of an import that needs no store.
 * Duplicate ids within one import are refused too (the later row names the earlier one).
 */
import { readCsv } from './csv-reader.ts';
import { decodeText } from './decode.ts';
import { readJson, readNdjson } from './json-reader.ts';
import type { ImportFile, ImportIssue, RawRecord, ValidRecord } from './types.ts';
import { validateRecord } from './validate.ts';

export type ImportFormat = 'csv' | 'json' | 'ndjson';

export function formatOf(name: string): ImportFormat | undefined {
  const ext = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'csv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return undefined;
}

export interface ReadResult {
  files: { name: string; format: string; rows: number }[];
  records: ValidRecord[];
  issues: ImportIssue[];
  /** rows read, good and bad */
  rows: number;
}

export function readFiles(files: ImportFile[], onRows?: (n: number) => void): ReadResult {
  const issues: ImportIssue[] = [];
  const records: ValidRecord[] = [];
  const summary: ReadResult['files'] = [];
  let rows = 0;
  const seen = new Map<string, string>();
  for (const file of files) {
    const format = formatOf(file.name);
    if (!format) {
      issues.push({ file: file.name, line: 0, reason: 'unknown format: name the file .csv, .json, .ndjson or .jsonl' });
      summary.push({ name: file.name, format: 'unknown', rows: 0 });
      continue;
    }
    const decoded = decodeText(file.name, file.bytes);
    if (!decoded.ok) {
      issues.push(decoded.issue);
      summary.push({ name: file.name, format, rows: 0 });
      continue;
    }
    let read: { records: RawRecord[]; issues: ImportIssue[] };
    if (format === 'csv') read = readCsv(file.name, file.bytes, decoded.text);
    else if (format === 'json') read = readJson(file.name, decoded.text);
    else read = readNdjson(file.name, decoded.text);
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
      const key = value.entity === 'node' ? value.record.id : `${value.record.kind}|${value.record.id}`;
      const where = `${value.origin.file}:${value.origin.line}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({ ...value.origin, column: 'id', reason: `duplicate id ${value.record.id}: already at ${first}` });
        continue;
      }
      seen.set(key, where);
      records.push(value);
    }
    onRows?.(read.records.length);
  }
  return { files: summary, records, issues, rows };
}
