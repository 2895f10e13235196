/**
 * Analysts' own saved queries: one JSON file per query in DATA_DIR/queries, holding every version
 * saved, so they survive restarts and keep their history. Files are written whole through
 * writeFileDurably (checked, fsynced, renamed into place), so a crash or a full disk never leaves
 * half a query: a save that cannot be written is 507 and the file stays as it was.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { removeStrayTemps, writeFileDurably } from '../files/durable-write.ts';
import { ParamSpec } from './params.ts';
import { QUERY_NAME } from './header.ts';
import type { DialectName } from './library.ts';

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\r\n]*$/, 'one line, without line breaks');

export const SavedQueryInput = z
  .object({
    name: z.string().regex(QUERY_NAME, 'lower-case letters, digits and -, 2 to 64 characters'),
    title: oneLine(200).trim().min(1),
    description: z.string().max(4000).default(''),
    params: z.array(ParamSpec).max(50).default([]),
    returns: z.string().max(4000).default(''),
    query: z.string().min(1).max(100_000).describe('the Cypher, for the active store'),
  })
  .meta({ id: 'SavedQueryInput' });
export type SavedQueryInput = z.infer<typeof SavedQueryInput>;

export interface SavedVersion extends SavedQueryInput {
  version: number;
  savedAt: string;
  /** the store it was checked on when saved */
  dialect: DialectName;
}

/** A query's file: every version saved, and whether it has been deleted (its history is kept). */
const StoredFile = z.object({
  name: z.string(),
  deleted: z.boolean().default(false),
  versions: z.array(z.looseObject({ version: z.number().int() }).transform((v) => v as unknown as SavedVersion)).min(1),
});
type StoredFile = z.infer<typeof StoredFile>;

export class UserQueryStore {
  private readonly dir: string;
  /** one save at a time per process: read-modify-write of a file must not interleave */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'queries');
    removeStrayTemps(this.dir);
  }

  private file(name: string): string {
    if (!QUERY_NAME.test(name)) throw new AppError('not_found', `no query ${name}`);
    return path.join(this.dir, `${name}.json`);
  }

  /** The file of a query, deleted or not; a damaged file is the store's failure, said plainly. */
  private readFile(name: string): StoredFile | undefined {
    const file = this.file(name);
    if (!existsSync(file)) return undefined;
    try {
      return StoredFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      throw new AppError('internal', `the saved query file ${path.basename(file)} is damaged`, {
        file: path.basename(file),
      });
    }
  }

  private live(name: string): StoredFile | undefined {
    const stored = this.readFile(name);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** The latest version of every saved query; stray or damaged files in the folder are passed over. */
  list(): SavedVersion[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && QUERY_NAME.test(f.slice(0, -5)))
      .flatMap((f) => {
        try {
          return this.live(f.slice(0, -5))?.versions.slice(-1) ?? [];
        } catch {
          return [];
        }
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One version (the latest when `version` is not given), or undefined. */
  get(name: string, version?: number): SavedVersion | undefined {
    const stored = this.live(name);
    if (!stored) return undefined;
    return version === undefined ? stored.versions.at(-1) : stored.versions.find((v) => v.version === version);
  }

  versions(name: string): Array<Pick<SavedVersion, 'version' | 'savedAt' | 'title'>> {
    return (this.live(name)?.versions ?? []).map(({ version, savedAt, title }) => ({ version, savedAt, title }));
  }

  private exclusive<T>(work: () => T): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private write(stored: StoredFile): void {
    writeFileDurably(this.file(stored.name), `${JSON.stringify(stored, null, 1)}\n`, 'the saved query');
  }

  /**
   * Adds a version; `mustExist` distinguishes an update (PUT) from a new query (POST). A query
   * saved again under a deleted one's name carries on its numbering, so an old `?version=N` never
   * comes to mean another text.
   */
  save(input: SavedQueryInput, dialect: DialectName, mustExist: boolean): Promise<SavedVersion> {
    return this.exclusive(() => {
      const stored = this.readFile(input.name);
      const live = stored && !stored.deleted;
      if (mustExist && !live) throw new AppError('not_found', `no saved query ${input.name}`);
      if (!mustExist && live)
        throw new AppError('conflict', `a saved query named ${input.name} exists: PUT to change it`);
      const versions = stored?.versions ?? [];
      const version: SavedVersion = {
        ...input,
        version: (versions.at(-1)?.version ?? 0) + 1,
        savedAt: new Date().toISOString(),
        dialect,
      };
      this.write({ name: input.name, deleted: false, versions: [...versions, version] });
      return version;
    });
  }

  /** Takes a query out of the library; its versions stay in its file. */
  remove(name: string): Promise<void> {
    return this.exclusive(() => {
      const stored = this.live(name);
      if (!stored) throw new AppError('not_found', `no saved query ${name}`);
      this.write({ ...stored, deleted: true });
    });
  }
}
