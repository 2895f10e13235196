/**
 * The messages between the server and the child process that holds the embedded engine
 * (server/store/isolated/). Every request carries an id; the child answers each id once.
 */
import type { Params, QueryOptions, StoreLimits } from '../types.ts';

export type StoreRequest =
  | { op: 'init' }
  | { op: 'read'; query: string; params: Params; options?: QueryOptions }
  | { op: 'checkReadOnly'; query: string; params: Params; lane?: QueryOptions['lane'] }
  | { op: 'txBegin'; options?: QueryOptions }
  | { op: 'txRun'; tx: number; query: string; params: Params }
  | { op: 'txScan'; tx: number; query: string; params: Params }
  | { op: 'txEnd'; tx: number; commit: boolean }
  | { op: 'backup'; targetDir: string }
  | { op: 'close' };

export type RequestMessage = StoreRequest & { id: number };

/** An error as it crosses the process boundary: an AppError's code, message and details. */
export interface WireError {
  code: string;
  message: string;
  details: unknown;
}

export type ResponseMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** What the child is started with (JSON in its environment). */
export interface ChildOptions {
  dataDir: string;
  limits: StoreLimits;
  /** the engine's buffer pool in bytes (0: the engine's default) */
  bufferPoolBytes: number;
  /** false only in tests that need a real engine crash to prove the isolation */
  engineBugChecks: boolean;
}

export const CHILD_OPTIONS_ENV = 'SCAMNET_STORE_CHILD_OPTIONS';
