/**
 * How much free space a write needs before it starts, so that a full disk is refused up front
 * (`507 insufficient_storage`, nothing written) instead of being met half-way by the engine. The
 * embedded engine does not survive ENOSPC well (checked on LadybugDB 0.19.1): a failed WAL append
 * leaves its write-ahead log torn, every later write fails, and closing the database on the still
 * full disk aborts the process — so the check comes before the engine is asked to write at all.
 */
import { freeBytes, insufficientStorage } from './durable-write.ts';

const MiB = 1024 * 1024;

/**
 * The estimate. An import stages its new records as CSV (about the size of the input, often
 * less: JSON input is larger than its CSV) and the engine then needs, measured on 0.19.1 with
 * 3,000 Centre rows: ~3× the staged bytes in data pages and hash index, plus the WAL and the
 * checkpoint's shadow pages (~1×). So: staged bytes × `importFactor` (1 staging + 3 data + 1
 * WAL/shadow, plus one for error) + `importMarginBytes` for the checkpoint of what is already
 * stored. Every other write transaction needs `writeFloorBytes` free (a chart edit writes a few
 * KB of WAL; the floor keeps the engine off the last few MB whatever the statement).
 *
 * Mutable only so that the disk-fault tests can lower it and reach the engine's own ENOSPC
 * handling behind it; nothing else changes it.
 */
export const diskReserve = {
  importFactor: 6,
  importMarginBytes: 16 * MiB,
  writeFloorBytes: 4 * MiB,
};

/** The free space an import staging `stagedBytes` needs, by the estimate above. */
export function importNeeds(stagedBytes: number): number {
  return Math.ceil(stagedBytes * diskReserve.importFactor) + diskReserve.importMarginBytes;
}

/** Throws 507 insufficient_storage, naming the sizes (never the path), when `dir` has less than `needed` free. */
export function requireFreeSpace(dir: string, needed: number, what: string): void {
  const free = freeBytes(dir);
  if (free < needed) throw insufficientStorage(what, { neededBytes: needed, freeBytes: free });
}
