/**
 * The queries an analyst can run: the built-in library and their own saved queries, under one set
 * of names. Saving checks a query the way running it would, on the active store.
 */
import { guardCypher } from '../cypher/guard.ts';
import { AppError } from '../errors.ts';
import type { GraphStore, Params } from '../store/types.ts';
import { parameterIssues } from './header.ts';
import { loadBuiltinQueries, type QueryDef } from './library.ts';
import { sampleValue, specIssues, withNamedKind } from './params.ts';
import { UserQueryStore, type SavedQueryInput, type SavedVersion } from './user-queries.ts';
import type { DamagedFile } from '../files/json-repository.ts';

export interface CatalogueEntry extends QueryDef {
  /** saved queries: the version shown and when it was saved */
  version?: number;
  savedAt?: string;
}

function fromSaved(saved: SavedVersion): CatalogueEntry {
  const { query, version, savedAt, dialect: _dialect, ...header } = saved;
  return { ...header, texts: { ladybug: query, neo4j: query }, builtin: false, variants: [], version, savedAt };
}

/** The built-in library from cypher/ and the saved queries in `dataDir`. */
export function openCatalogue(store: GraphStore, dataDir: string): QueryCatalogue {
  return new QueryCatalogue(loadBuiltinQueries(), new UserQueryStore(dataDir), store);
}

export class QueryCatalogue {
  private readonly builtins: Map<string, QueryDef>;

  constructor(
    builtins: QueryDef[],
    private readonly saved: UserQueryStore,
    private readonly store: GraphStore,
  ) {
    this.builtins = new Map(builtins.map((q) => [q.name, q]));
  }

  async list(): Promise<CatalogueEntry[]> {
    return (await this.listWithDamage()).entries;
  }

  /** Every query, and the saved-query files that cannot be read (named with why, never dropped unseen). */
  async listWithDamage(): Promise<{ entries: CatalogueEntry[]; damaged: DamagedFile[] }> {
    const { queries, damaged } = await this.saved.listWithDamage();
    return { entries: [...this.builtins.values(), ...queries.map(fromSaved)], damaged };
  }

  async get(name: string, version?: number): Promise<CatalogueEntry> {
    const builtin = this.builtins.get(name);
    if (builtin) {
      if (version !== undefined) throw new AppError('not_found', `${name} is built in and has no saved versions`);
      return builtin;
    }
    const saved = await this.saved.get(name, version);
    if (!saved)
      throw new AppError('not_found', version === undefined ? `no query ${name}` : `no version ${version} of ${name}`);
    return fromSaved(saved);
  }

  async versions(name: string) {
    if (this.builtins.has(name)) return [];
    const versions = await this.saved.versions(name);
    if (versions.length === 0) throw new AppError('not_found', `no query ${name}`);
    return versions;
  }

  /** Checks a query as running it would (tokens, declared parameters, the engine's plan), then saves it. */
  async save(given: SavedQueryInput, update: boolean): Promise<CatalogueEntry> {
    // an id parameter named for a kind takes that kind, as in the library's headers
    const input = { ...given, params: given.params.map(withNamedKind) };
    if (this.builtins.has(input.name)) {
      throw new AppError(
        'conflict',
        `${input.name} is a built-in query and cannot be overwritten; save under another name`,
      );
    }
    const issues = [...input.params.flatMap(specIssues), ...parameterIssues(input.query, input.params)];
    if (issues.length > 0) {
      throw new AppError(
        'validation_error',
        `the query cannot be saved: ${issues.join('; ')}`,
        issues.map((message) => ({ message })),
      );
    }
    const checked = guardCypher(input.query);
    const samples: Params = Object.fromEntries(input.params.map((p) => [p.name, sampleValue(p)]));
    await this.store.checkReadOnly(checked, samples);
    return fromSaved(await this.saved.save(input, this.store.dialect.name, update));
  }

  async remove(name: string): Promise<void> {
    if (this.builtins.has(name)) throw new AppError('conflict', `${name} is a built-in query and cannot be deleted`);
    await this.saved.remove(name);
  }
}
