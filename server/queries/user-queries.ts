/**
 * Analysts' own saved queries: one JSON file per query in DATA_DIR/queries, holding every version
 * saved, so they survive restarts and keep their history. Files are written whole and renamed
 * into place, so a crash never leaves half a query.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { ParamSpec } from './params.ts';
import { QUERY_NAME } from './header.ts';
import type { DialectName } from './library.ts';

export const SavedQueryInput = z
  .object({
    name: z.string().regex(QUERY_NAME, 'lower-case letters, digits and -, 2 to 64 characters'),
    title: z.string().trim().min(1).max(200),
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

const StoredFile = z.object({
  name: z.string(),
  versions: z.array(z.looseObject({ version: z.number().int() }).transform((v) => v as unknown as SavedVersion)).min(1),
});

export class UserQueryStore {
  private readonly dir: string;
  /** one save at a time per process: read-modify-write of a file must not interleave */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'queries');
  }

  private file(name: string): string {
    if (!QUERY_NAME.test(name)) throw new AppError('not_found', `no query ${name}`);
    return path.join(this.dir, `${name}.json`);
  }

  private readFile(name: string): z.infer<typeof StoredFile> | undefined {
    const file = this.file(name);
    if (!existsSync(file)) return undefined;
    return StoredFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  }

  /** The latest version of every saved query. */
  list(): SavedVersion[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.readFile(f.replace(/\.json$/, ''))?.versions.at(-1))
      .filter((v): v is SavedVersion => v !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One version (the latest when `version` is not given), or undefined. */
  get(name: string, version?: number): SavedVersion | undefined {
    const stored = this.readFile(name);
    if (!stored) return undefined;
    return version === undefined ? stored.versions.at(-1) : stored.versions.find((v) => v.version === version);
  }

  versions(name: string): Array<Pick<SavedVersion, 'version' | 'savedAt' | 'title'>> {
    return (this.readFile(name)?.versions ?? []).map(({ version, savedAt, title }) => ({ version, savedAt, title }));
  }

  private exclusive<T>(work: () => T): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Adds a version; `mustExist` distinguishes an update (PUT) from a new query (POST). */
  save(input: SavedQueryInput, dialect: DialectName, mustExist: boolean): Promise<SavedVersion> {
    return this.exclusive(() => {
      const stored = this.readFile(input.name);
      if (mustExist && !stored) throw new AppError('not_found', `no saved query ${input.name}`);
      if (!mustExist && stored) throw new AppError('conflict', `a saved query named ${input.name} exists: PUT to change it`);
      const versions = stored?.versions ?? [];
      const version: SavedVersion = { ...input, version: (versions.at(-1)?.version ?? 0) + 1, savedAt: new Date().toISOString(), dialect };
      mkdirSync(this.dir, { recursive: true });
      const file = this.file(input.name);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify({ name: input.name, versions: [...versions, version] }, null, 1)}\n`);
      renameSync(temp, file);
      return version;
    });
  }

  remove(name: string): Promise<void> {
    return this.exclusive(() => {
      const file = this.file(name);
      if (!existsSync(file)) throw new AppError('not_found', `no saved query ${name}`);
      rmSync(file);
    });
  }
}
