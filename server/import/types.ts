/**
 * What an import reads, reports and writes: the input files, the row-level issues (file, line,
 * column, reason) and the summary handed back to the CLI and the API.
 */
import type { NodeRecordValue, RelRecordValue } from '../model/schema.ts';

export const ON_ERROR_POLICIES = ['abort', 'skip'] as const;
/** abort: nothing is written when any row is bad; skip: bad rows are listed, good rows written. */
export type OnErrorPolicy = (typeof ON_ERROR_POLICIES)[number];

export interface ImportFile {
  /** the name the user gave (a path's base name or the multipart file name); never opened again */
  name: string;
  bytes: Buffer;
}

export interface ImportIssue {
  file: string;
  /** 1-based line where the row starts; 0 for the file as a whole */
  line: number;
  /** the column (CSV header) or property the issue is about, when it is about one */
  column?: string;
  reason: string;
}

/** Where a record came from, for its issues. */
export interface Origin {
  file: string;
  line: number;
}

/**
 * A record as read, before validation: values keyed by property name, `columns` mapping each
 * property back to the column it came from (for CSV, the header; for JSON, the attribute).
 */
export interface RawRecord {
  origin: Origin;
  /** node or relationship kind as given (checked against the schema later) */
  kind: string | undefined;
  values: Record<string, unknown>;
}

export type ValidRecord =
  | { entity: 'node'; record: NodeRecordValue; present: ReadonlySet<string>; origin: Origin }
  | { entity: 'rel'; record: RelRecordValue; present: ReadonlySet<string>; origin: Origin };

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  files: { name: string; format: string; rows: number }[];
  rows: number;
  nodes: ImportCounts;
  relationships: ImportCounts;
  /** rows left out (policy skip) */
  skipped: number;
  issues: ImportIssue[];
  /** how the new records were written: the engine's bulk loader or UNWIND batches */
  path: 'copy' | 'unwind';
  elapsedMs: number;
}

export type ProgressPhase = 'read' | 'validate' | 'resolve' | 'write' | 'commit';
export type ProgressListener = (phase: ProgressPhase, done: number, total: number) => void;
