/**
 * The one place the embedded engine's error messages are read: LadybugDB reports every failure as
 * an Error with text only, so its words are classified here into typed AppErrors (and open
 * failures into a kind), and every caller tests codes, never message text.
 */
import { AppError } from '../../errors.ts';
import { insufficientStorage, isNoSpace } from '../../files/durable-write.ts';

/**
 * The engine could not write a file: ENOSPC, or a short write, which it reports as "Cannot write
 * to file … numBytesWritten: 2008. Error: Success" (the kernel's partial write on a nearly full
 * disk, seen on 0.19.1 appending to its log). Either way the disk took less than it was given.
 */
export function engineWriteFailed(error: unknown): boolean {
  return isNoSpace(error) || /Cannot write to file/i.test(error instanceof Error ? error.message : String(error));
}

/** Engine failures that are the store's, whatever statement met them. */
const STORE_FAULT = /^(IO|Buffer manager|Storage|Checkpoint|Internal|Transaction manager|Copy) exception|assert/i;

/**
 * The engine names files in its messages (`Cannot write to file. path: /…/scamnet.lbug.wal`,
 * `Error in file /…/staging/…csv on line 3`); an answer must not tell a client where the data
 * lives, so absolute paths become `<file>`. A path is a `/` that follows a space, quote or
 * the start, with at least two segments: `a/b` in a query's text is left alone.
 */
export function withoutPaths(message: string): string {
  return message.replace(/(^|[\s'"(=:])\/(?:[^\s'"/]+\/)+[^\s'",;)]*/g, '$1<file>');
}

/**
 * Maps an engine error to a typed one; the engine's message is kept, it names the problem. An
 * analyst's statement is the cause of any error but the store's own failures, so there every other
 * message is a query_error; for the API's own statements only the engine's query-error kinds are.
 */
export function ladybugError(error: unknown, timeoutMs: number, analyst = false): AppError {
  if (error instanceof AppError) return error;
  if (engineWriteFailed(error)) return insufficientStorage('to the graph store', { engine: 'ladybug' });
  const message = withoutPaths(error instanceof Error ? error.message : String(error));
  // The engine's own words when setQueryTimeout stops a query; a message merely containing
  // "timeout" (a cast of a string that does) is not one.
  if (/^Interrupted\.?$/.test(message.trim())) {
    return new AppError('timeout', `the query ran longer than ${timeoutMs} ms and was stopped`, { timeoutMs });
  }
  // The buffer pool is the engine's memory ceiling (STORE_MAX_MEMORY_MB sizes it): the statement
  // asked for more than the store may use, and nothing else was harmed.
  if (/^Buffer manager exception: Unable to allocate memory/i.test(message)) {
    return new AppError('too_large', 'the query needs more memory than the store may use (STORE_MAX_MEMORY_MB)', {
      engine: 'ladybug',
    });
  }
  const queryFault =
    /^(Parser|Binder|Catalog|Runtime|Connection|Conversion|Overflow) exception|^Parameter \S+ not found/i.test(message);
  if (queryFault || (analyst && !STORE_FAULT.test(message))) {
    return new AppError('query_error', message.split('\n')[0] ?? message, { engine: 'ladybug', message });
  }
  return new AppError('internal', 'the graph store failed', { engine: 'ladybug', message });
}

/** Why the engine refused to open a database file. */
export type OpenFailure = 'locked' | 'wal_damaged' | 'other';

/**
 * Another process holds the file (the engine takes one process at a time), its write-ahead log is
 * torn (see open-database.ts), or anything else.
 */
export function classifyOpenFailure(error: unknown): OpenFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) return 'locked';
  if (/WAL file is corrupted|Corrupted wal file|Checksum verification failed/i.test(message)) return 'wal_damaged';
  return 'other';
}

/** The engine's first line, for a message that names the file it could not open. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
