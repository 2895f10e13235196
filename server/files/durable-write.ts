/**
 * Every file the server writes goes through here: written to a temp file beside its target,
 * every byte checked (a short write is carried on, never ignored: on a nearly full disk the
 * kernel writes part of a buffer and reports ENOSPC only on the next call), flushed with fsync,
 * then renamed into place and the directory fsynced, so a crash or a full disk leaves either the
 * old file or the new one, never half of one and never a stray temp file.
 *
 * Errors never carry a path: a full disk is `insufficient_storage` (507), anything else
 * `internal` naming what was being written ("the workspace"), not where.
 *
 * @example
 *   writeFileDurably(path.join(dir, 'case-1.json'), JSON.stringify(workspace), 'the workspace');
 */
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../errors.ts';

/**
 * How our temp files are named: `.<name>.<random>.tmp`, so a sweep finds only ours; earlier
 * versions wrote `<name>.json.<pid>.tmp`, swept too.
 */
const TEMP = /^\..+\.[0-9a-f]{12}\.tmp$|\.json\.\d+\.tmp$/;

/** ENOSPC (no space) or EDQUOT (quota): the disk, not the code, is at fault. */
export function isNoSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /No space left on device|ENOSPC|Disk quota exceeded|EDQUOT/i.test(message);
}

export function insufficientStorage(what: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(
    'insufficient_storage',
    `not enough free disk space to write ${what}; nothing was written. Free some space in DATA_DIR and try again`,
    details,
  );
}

/** The error to answer for a failed write of `what`: typed, and free of any path. */
export function writeError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  if (isNoSpace(error)) return insufficientStorage(what);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new AppError('internal', `could not write ${what}`, code ? { code } : undefined);
}

/** Free bytes for an unprivileged writer on the file system holding `dir` (or its nearest existing parent). */
export function freeBytes(dir: string): number {
  let current = path.resolve(dir);
  for (;;) {
    try {
      const stats = statfsSync(current);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      current = parent;
    }
  }
}

/** Writes all of `data` at the file's current end, carrying on after short writes. */
function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) {
    const written = writeSync(fd, data, offset, data.length - offset);
    // A write that makes no progress would loop for ever; the kernel only does it when full.
    if (written <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += written;
  }
}

function fsyncDir(dir: string): void {
  // Makes the rename itself durable. Some file systems refuse fsync on a directory (EINVAL,
  // EISDIR on a few); the rename is then as durable as they can make it.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file written in parts (the import's staging CSVs), appearing under its name only once
 * complete: `append` as often as needed, then `commit` (fsync, rename) or `abort` (removed).
 */
export class DurableFile {
  private fd: number | undefined;
  private readonly temp: string;
  /** bytes written so far */
  bytes = 0;

  constructor(
    readonly file: string,
    private readonly what: string,
  ) {
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      this.fd = openSync(this.temp, 'wx');
    } catch (error) {
      throw writeError(error, what);
    }
  }

  append(data: string | Buffer): void {
    if (this.fd === undefined) throw new AppError('internal', `${this.what} is already closed`);
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    try {
      writeAll(this.fd, buffer);
      this.bytes += buffer.length;
    } catch (error) {
      this.abort();
      throw writeError(error, this.what);
    }
  }

  commit(): void {
    if (this.fd === undefined) throw new AppError('internal', `${this.what} is already closed`);
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temp, this.file);
      fsyncDir(path.dirname(this.file));
    } catch (error) {
      this.abort();
      throw writeError(error, this.what);
    }
  }

  /** Removes the temp file (idempotent); the target, if it existed, is left as it was. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already failing: the file is removed below either way
      }
      this.fd = undefined;
    }
    rmSync(this.temp, { force: true });
  }
}

/** Replaces `file` with `data` whole (see the module comment); `what` names it in errors. */
export function writeFileDurably(file: string, data: string | Buffer, what: string): void {
  const out = new DurableFile(file, what);
  out.append(data);
  out.commit();
}

/** Removes temp files a crash left in `dir` (ours only, by their name). */
export function removeStrayTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (TEMP.test(name)) rmSync(path.join(dir, name), { force: true });
}

/** Copies `source` to `target` through a temp file, fsynced and renamed into place (no size limit: the kernel copies). */
export function copyFileDurably(source: string, target: string, what: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    fsyncDir(path.dirname(target));
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeError(error, what);
  }
}

/** fsyncs a directory, so that the names renamed into it last. */
export function syncDir(dir: string): void {
  fsyncDir(dir);
}
