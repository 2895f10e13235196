/** Messages between read-off-thread.ts and its worker. */
import type { ReadResult } from '../read-files.ts';

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
