/**
 * One directory of `<name>.json` files, each holding one value of a zod schema: the workspaces and
 * the saved queries are both kept this way. It is the one place those files are read, listed,
 * written and removed, so every such store behaves alike:
 *
 * - a file read is validated by the schema, never cast: a hand-edited or truncated file is
 *   *damaged*, named as such, and never taken for a good one;
 * - a listing never fails on one bad file and never drops it silently: damaged files are
 *   returned beside the good ones, with the reason;
 * - a write is whole or not at all (durable-write.ts: checked, fsynced, renamed; a full disk is
 *   507 and the previous file stays);
 * - a name is one plain file name in the directory, never a path out of it;
 * - the time stamped on what is saved comes from an injected clock, so tests can fix it.
 *
 * Reads, listings and removals are asynchronous (fs/promises); the write itself is the
 * synchronous durable write, which keeps its fsync-then-rename order in one place.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { removeStrayTemps, writeFileDurably } from './durable-write.ts';

/** A file that is there but cannot be taken for a value: not JSON, or not of the schema. */
export interface DamagedFile {
  name: string;
  reason: string;
}

/** The size and modification time of a stored file, to notice changes made behind a cache's back. */
export interface FileStamp {
  bytes: number;
  mtimeMs: number;
}

export type ReadResult<T> =
  { status: 'missing' } | { status: 'damaged'; reason: string } | { status: 'ok'; value: T; stamp: FileStamp };

export interface Listing<S> {
  items: Array<{ name: string; summary: S; stamp: FileStamp }>;
  damaged: DamagedFile[];
}

export interface JsonRepositoryOptions<T> {
  /** the directory of `<name>.json` files (created on the first write) */
  dir: string;
  /** validates (and may transform) every file read */
  schema: z.ZodType<T>;
  /** what one file holds, for messages: "the workspace", "the saved query" */
  what: string;
  /** names this repository holds; other `.json` files in the directory (an index) are not listed */
  names?: RegExp;
  /** how a value is written; compact JSON unless given */
  serialise?: (value: T) => string;
  /** the clock for saved-at stamps */
  now?: () => Date;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** Why a text is not a value of the schema, in one line (the first issue and where). */
function damageReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the schema';
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `does not match the schema${where}: ${issue.message}`;
}

export class JsonRepository<T> {
  readonly dir: string;
  readonly now: () => Date;
  private readonly schema: z.ZodType<T>;
  private readonly what: string;
  private readonly pattern: RegExp | undefined;
  private readonly serialise: (value: T) => string;

  constructor(options: JsonRepositoryOptions<T>) {
    this.dir = path.resolve(options.dir);
    this.schema = options.schema;
    this.what = options.what;
    this.pattern = options.names;
    this.serialise = options.serialise ?? ((value) => JSON.stringify(value));
    this.now = options.now ?? (() => new Date());
    // a crash between writing a temp file and renaming it leaves the temp behind
    removeStrayTemps(this.dir);
  }

  /** The clock's time as stored in savedAt/updatedAt fields. */
  stamp(): string {
    return this.now().toISOString();
  }

  /**
   * The file of `name`, refusing one that would leave the directory or is not a name this
   * repository holds. Callers check names against their own rule first and answer 404; this is
   * the last line, so a caller's slip can never read or write outside the directory.
   */
  file(name: string): string {
    const plain = name.length > 0 && !name.startsWith('.') && path.basename(name) === name && !/[/\\\0]/.test(name);
    if (!plain || (this.pattern && !this.pattern.test(name))) {
      throw new AppError('bad_request', `${JSON.stringify(name)} is not a name for ${this.what}`);
    }
    const file = path.join(this.dir, `${name}.json`);
    if (path.dirname(file) !== this.dir) throw new AppError('bad_request', `${JSON.stringify(name)} leaves the folder`);
    return file;
  }

  /** The names of the stored files, sorted; an absent directory holds none. */
  async names(): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    return entries
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .map((f) => f.slice(0, -'.json'.length))
      .filter((name) => !this.pattern || this.pattern.test(name))
      .sort();
  }

  /** The file's size and mtime, or undefined when there is none. */
  async stampOf(name: string): Promise<FileStamp | undefined> {
    try {
      const { size, mtimeMs } = await stat(this.file(name));
      return { bytes: size, mtimeMs };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** One file: missing, damaged (with why), or its value. */
  async read(name: string): Promise<ReadResult<T>> {
    const file = this.file(name);
    let text: string;
    let stamp: FileStamp;
    try {
      const [content, stats] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      text = content;
      stamp = { bytes: stats.size, mtimeMs: stats.mtimeMs };
    } catch (error) {
      if (isMissing(error)) return { status: 'missing' };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { status: 'damaged', reason: 'not JSON' };
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) return { status: 'damaged', reason: damageReason(parsed.error) };
    return { status: 'ok', value: parsed.data, stamp };
  }

  /** One value, or undefined when there is no such file; a damaged file is the store's failure, said plainly. */
  async get(name: string): Promise<T | undefined> {
    const result = await this.read(name);
    if (result.status === 'missing') return undefined;
    if (result.status === 'damaged') {
      throw new AppError('internal', `${this.what} file ${name}.json is damaged`, {
        name,
        file: `${name}.json`,
        reason: result.reason,
      });
    }
    return result.value;
  }

  /**
   * Every stored file, summarised; damaged files are reported in `damaged`, the rest listed.
   * `reuse` may answer a summary from a cache for a file whose stamp it knows, so a listing
   * need not parse every file each time.
   */
  async list<S>(
    summarise: (value: T, name: string, stamp: FileStamp) => S,
    reuse?: (name: string, stamp: FileStamp) => S | undefined,
  ): Promise<Listing<S>> {
    const listing: Listing<S> = { items: [], damaged: [] };
    for (const name of await this.names()) {
      if (reuse) {
        const stamp = await this.stampOf(name);
        if (!stamp) continue; // removed since the directory was read
        const cached = reuse(name, stamp);
        if (cached !== undefined) {
          listing.items.push({ name, summary: cached, stamp });
          continue;
        }
      }
      const result = await this.read(name);
      if (result.status === 'ok')
        listing.items.push({ name, summary: summarise(result.value, name, result.stamp), stamp: result.stamp });
      else if (result.status === 'damaged') listing.damaged.push({ name, reason: result.reason });
    }
    return listing;
  }

  /**
   * Writes `value` whole under `name`. `check` sees the serialised size first and may refuse
   * (a size limit); nothing is written then. Returns the new file's stamp.
   */
  async put(name: string, value: T, check?: (bytes: number) => void): Promise<FileStamp> {
    const file = this.file(name);
    let text: string;
    try {
      text = this.serialise(value);
    } catch (error) {
      // a value JSON cannot hold (a cycle, a BigInt): nothing is written, the old file stays
      throw new AppError('internal', `${this.what} cannot be written as JSON`, {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    if (typeof text !== 'string') throw new AppError('internal', `${this.what} cannot be written as JSON`);
    check?.(Buffer.byteLength(text));
    // writeFileDurably makes the directory too, and turns a full disk there into 507 as well
    writeFileDurably(file, text, this.what);
    const stats = await stat(file);
    return { bytes: stats.size, mtimeMs: stats.mtimeMs };
  }

  /** Removes `name`'s file; false when there was none. */
  async delete(name: string): Promise<boolean> {
    try {
      await rm(this.file(name));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
