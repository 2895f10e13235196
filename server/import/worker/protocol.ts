/** Messages between read-off-thread.ts and its worker. */
import type { ReadResult } from '../read-files.ts';
import type { ValidRecord } from '../types.ts';

export interface ToWorker {
  id: number;
  files: { name: string; bytes: Uint8Array }[];
  /** records per message */
  chunk: number;
  /** false when issues make the import fail anyway (onError=abort): then no records, and only `maxIssues` issues, come back */
  recordsWanted: boolean;
  maxIssues: number;
}

export type FromWorker =
  | { id: number; type: 'issues' | 'records'; json: string }
  | { id: number; type: 'done'; files: ReadResult['files']; rows: number; records: number; issueCount: number }
  | { id: number; type: 'failed'; message: string };

/**
 * Records as one message carries them: the rows of a file name the same columns, so each distinct
 * list of present columns (and each file name) is sent once and a record holds its index. This
 * halved the JSON of a CSV import and spares the main thread a Set per record (shared Sets are
 * safe: `present` is read-only).
 */
export interface PackedRecords {
  columns: string[][];
  files: string[];
  records: Array<{ entity: ValidRecord['entity']; record: ValidRecord['record']; c: number; f: number; line: number }>;
}

function indexer<T>(keyOf: (item: T) => string) {
  const index = new Map<string, number>();
  const items: T[] = [];
  return {
    items,
    of(item: T): number {
      const key = keyOf(item);
      let i = index.get(key);
      if (i === undefined) {
        i = items.push(item) - 1;
        index.set(key, i);
      }
      return i;
    },
  };
}

export function packRecords(records: ValidRecord[]): PackedRecords {
  const columns = indexer<string[]>((c) => c.join('\u0000'));
  const files = indexer<string>((f) => f);
  // validate.ts shares one Set among the records that fill the same columns
  const bySet = new Map<ReadonlySet<string>, number>();
  const columnsOf = (present: ReadonlySet<string>) => {
    let i = bySet.get(present);
    if (i === undefined) bySet.set(present, (i = columns.of([...present])));
    return i;
  };
  const packed = records.map((r) => ({
    entity: r.entity,
    record: r.record,
    c: columnsOf(r.present),
    f: files.of(r.origin.file),
    line: r.origin.line,
  }));
  return { columns: columns.items, files: files.items, records: packed };
}

/** The inverse of packRecords; `sets` keeps one Set per distinct column list across messages. */
export function unpackRecords(packed: PackedRecords, sets: Map<string, ReadonlySet<string>>): ValidRecord[] {
  const present = packed.columns.map((c) => {
    const key = c.join('\u0000');
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new Set(c)));
    return set;
  });
  return packed.records.map(
    (r) =>
      ({
        entity: r.entity,
        record: r.record,
        present: present[r.c],
        origin: { file: packed.files[r.f], line: r.line },
      }) as ValidRecord,
  );
}
