/**
 * Analysts' own saved queries: one JSON file per query in DATA_DIR/queries, holding every version
 * saved, so they survive restarts and keep their history. The files are kept by a JsonRepository
 * (files/json-repository.ts): each read is checked against the schema below, each write is whole
 * (checked, fsynced, renamed into place), so a crash or a full disk never leaves half a query: a
 * save that cannot be written is 507 and the file stays as it was.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { JsonRepository, type DamagedFile } from '../files/json-repository.ts';
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

/** One saved version, as stored: the input, its number, when, and the store it was checked on. */
export const SavedVersion = SavedQueryInput.extend({
  version: z.number().int().positive(),
  savedAt: z.string(),
  /** the store it was checked on when saved */
  dialect: z.enum(['ladybug', 'neo4j'] as const satisfies readonly DialectName[]),
});
export type SavedVersion = z.infer<typeof SavedVersion>;

/** A query's file: every version saved, and whether it has been deleted (its history is kept). */
const StoredFile = z.object({
  name: z.string(),
  deleted: z.boolean().default(false),
  versions: z.array(SavedVersion).min(1),
});
type StoredFile = z.infer<typeof StoredFile>;

export interface UserQueryStoreOptions {
  /** the clock for savedAt (tests fix it) */
  now?: () => Date;
}

export class UserQueryStore {
  private readonly files: JsonRepository<StoredFile>;
  /** one save at a time per process: read-modify-write of a file must not interleave */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: UserQueryStoreOptions = {}) {
    this.files = new JsonRepository({
      dir: path.join(dataDir, 'queries'),
      schema: StoredFile,
      what: 'the saved query',
      names: QUERY_NAME,
      // one key a line: the files are meant to be read (and diffed) by people too
      serialise: (stored) => `${JSON.stringify(stored, null, 1)}\n`,
      now: options.now,
    });
  }

  /** The file of a query, deleted or not; a damaged file is the store's failure, said plainly. */
  private async read(name: string): Promise<StoredFile | undefined> {
    if (!QUERY_NAME.test(name)) throw new AppError('not_found', `no query ${name}`);
    return this.files.get(name);
  }

  private async live(name: string): Promise<StoredFile | undefined> {
    const stored = await this.read(name);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** The latest version of every saved query (deleted ones are not listed). */
  async list(): Promise<SavedVersion[]> {
    return (await this.listWithDamage()).queries;
  }

  /**
   * The latest version of every saved query, and the files in the folder that are damaged (not
   * JSON, or not a saved query): those cannot be listed, but are named rather than passed over.
   */
  async listWithDamage(): Promise<{ queries: SavedVersion[]; damaged: DamagedFile[] }> {
    const { items, damaged } = await this.files.list((stored) => (stored.deleted ? undefined : stored.versions.at(-1)));
    const queries = items
      .flatMap(({ summary }) => (summary ? [summary] : []))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { queries, damaged };
  }

  /** One version (the latest when `version` is not given), or undefined. */
  async get(name: string, version?: number): Promise<SavedVersion | undefined> {
    const stored = await this.live(name);
    if (!stored) return undefined;
    return version === undefined ? stored.versions.at(-1) : stored.versions.find((v) => v.version === version);
  }

  async versions(name: string): Promise<Array<Pick<SavedVersion, 'version' | 'savedAt' | 'title'>>> {
    return ((await this.live(name))?.versions ?? []).map(({ version, savedAt, title }) => ({
      version,
      savedAt,
      title,
    }));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(stored: StoredFile): Promise<void> {
    await this.files.put(stored.name, stored);
  }

  /**
   * Adds a version; `mustExist` distinguishes an update (PUT) from a new query (POST). A query
   * saved again under a deleted one's name carries on its numbering, so an old `?version=N` never
   * comes to mean another text.
   */
  save(input: SavedQueryInput, dialect: DialectName, mustExist: boolean): Promise<SavedVersion> {
    return this.exclusive(async () => {
      const stored = await this.read(input.name);
      const live = stored && !stored.deleted;
      if (mustExist && !live) throw new AppError('not_found', `no saved query ${input.name}`);
      if (!mustExist && live)
        throw new AppError('conflict', `a saved query named ${input.name} exists: PUT to change it`);
      const versions = stored?.versions ?? [];
      const version: SavedVersion = {
        ...input,
        version: (versions.at(-1)?.version ?? 0) + 1,
        savedAt: this.files.stamp(),
        dialect,
      };
      await this.write({ name: input.name, deleted: false, versions: [...versions, version] });
      return version;
    });
  }

  /** Takes a query out of the library; its versions stay in its file. */
  remove(name: string): Promise<void> {
    return this.exclusive(async () => {
      const stored = await this.live(name);
      if (!stored) throw new AppError('not_found', `no saved query ${name}`);
      await this.write({ ...stored, deleted: true });
    });
  }
}
