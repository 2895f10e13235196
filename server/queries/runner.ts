/**
 * Runs analyst Cypher — saved or ad hoc — the one safe way: the token guard, then the engine's
 * own read-only check, then a read on the analyst lane with the configured timeout and row cap.
 */
import { guardCypher } from '../cypher/guard.ts';
import { AppError } from '../errors.ts';
import type { GraphStore, Params, QueryResult } from '../store/types.ts';
import type { QueryDef } from './library.ts';
import { paramsSchema } from './params.ts';

/** Parameter values must be JSON data; this also keeps prototypes and functions out. */
function checkParams(params: Params): void {
  for (const [name, value] of Object.entries(params)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw new AppError('validation_error', `bad parameter name "${name}"`);
    if (value === null || value === undefined) {
      throw new AppError('validation_error', `parameter ${name} is null: give it a value (the embedded store cannot type nulls)`);
    }
  }
}

/**
 * @example await runCypher(store, 'MATCH (c:Centre) WHERE c.status = $s RETURN c', { s: 'raided' })
 */
export async function runCypher(store: GraphStore, query: string, params: Params = {}): Promise<QueryResult> {
  guardCypher(query);
  checkParams(params);
  await store.checkReadOnly(query, params);
  return store.read(query, params, { lane: 'analyst' });
}

/** Checks the parameters against the query's declaration, then runs its text for this store. */
export async function runSavedQuery(store: GraphStore, query: QueryDef, rawParams: unknown): Promise<QueryResult> {
  const parsed = paramsSchema(query.params).safeParse(rawParams ?? {});
  if (!parsed.success) {
    throw new AppError(
      'validation_error',
      `invalid parameters for ${query.name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'params'} ${i.message}`).join('; ')}`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return runCypher(store, query.texts[store.dialect.name], parsed.data as Params);
}
