/**
 * Runs analyst Cypher — saved or ad hoc — the one safe way: the token guard, then the engine's
 * own read-only check, then a read on the analyst lane with the configured timeout and row cap.
 */
import { guardCypher } from '../cypher/guard.ts';
import { parameterNames, tokenize } from '../cypher/lexer.ts';
import { AppError } from '../errors.ts';
import type { GraphStore, Params, QueryOptions, QueryResult } from '../store/types.ts';
import { withoutWithheldCitations } from '../graph/visibility.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { Tlp } from '../model/markings.ts';
import { assertRawCypher, bindVisible } from './clearance.ts';
import type { QueryDef } from './library.ts';
import { paramsSchema, RESERVED_PARAM_NAMES } from './params.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_LIST = 10_000;
const MAX_STRING = 100_000;

/**
 * What a parameter value may be: a string, a finite number, a boolean, a list of one of those
 * (all of one type), or a map of names to such values. The embedded engine's binding aborts on a
 * null inside a map or list and on lists of mixed types, converts nested lists on the main thread
 * in time that doubles with each level, and corrupts a list that mixes whole and decimal numbers,
 * so nothing else reaches it.
 */
function valueProblem(value: unknown, depth: number): string | undefined {
  if (value === null || value === undefined) return 'is null: give it a value';
  if (typeof value === 'string')
    return value.length > MAX_STRING ? `is longer than ${MAX_STRING} characters` : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'is not a finite number';
  if (typeof value === 'boolean') return undefined;
  if (Array.isArray(value)) {
    if (depth > 1) return 'nests a list inside a list or map';
    if (value.length > MAX_LIST) return `has more than ${MAX_LIST} items`;
    const nullAt = value.findIndex((v) => v === null || v === undefined);
    if (nullAt !== -1) return `has a null at item ${nullAt}: a list may not hold nulls`;
    const kinds = new Set(
      value.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'decimal') : typeof v)),
    );
    if (kinds.size > 1) return `mixes ${[...kinds].join(' and ')} items: a list holds one type`;
    for (const item of value) {
      if (Array.isArray(item) || (item && typeof item === 'object')) return 'nests a list or map inside a list';
      const problem = valueProblem(item, depth + 1);
      if (problem) return `has an item that ${problem}`;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    if (depth > 1) return 'nests a map inside a map or list';
    const entries = Object.entries(value);
    if (entries.length > 100) return 'has more than 100 keys';
    for (const [key, item] of entries) {
      if (!NAME.test(key)) return `has a key "${key.slice(0, 40)}" that is not a name`;
      const problem = valueProblem(item, depth + 1);
      if (problem) return `has a key ${key} that ${problem}`;
    }
    return undefined;
  }
  return 'is not JSON data';
}

/** `SKIP $x` / `LIMIT $x`: the engines want a whole number of rows, 0 or more, and say so obscurely. */
function rowCountParams(query: string): Set<string> {
  const tokens = tokenize(query);
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    const word = t.kind === 'word' ? t.text.toUpperCase() : '';
    const next = tokens[i + 1];
    if ((word === 'SKIP' || word === 'LIMIT') && next?.kind === 'param') names.add(next.text);
  });
  return names;
}

function checkParams(params: Params, query: string): void {
  const counts = rowCountParams(query);
  // a reserved name in the text is refused even when the body parser dropped its value (`__proto__`)
  for (const name of parameterNames(query)) {
    if (RESERVED_PARAM_NAMES.has(name))
      throw new AppError('validation_error', `parameter name ${name} is reserved: choose another name`, {
        param: name,
      });
  }
  for (const [name, value] of Object.entries(params)) {
    if (!NAME.test(name))
      throw new AppError('validation_error', `bad parameter name "${name.slice(0, 40)}"`, { param: name.slice(0, 40) });
    if (RESERVED_PARAM_NAMES.has(name)) {
      throw new AppError('validation_error', `parameter name ${name} is reserved: choose another name`, {
        param: name,
      });
    }
    if (counts.has(name) && !(Number.isSafeInteger(value) && (value as number) >= 0)) {
      throw new AppError(
        'validation_error',
        `parameter ${name} is a number of rows (SKIP/LIMIT): give a whole number, 0 or more`,
        { param: name },
      );
    }
    const problem = valueProblem(value, 1);
    if (problem) throw new AppError('validation_error', `parameter ${name} ${problem}`, { param: name });
  }
}

/**
 * @example await runCypher(store, 'MATCH (c:Centre) WHERE c.status = $s RETURN c', { s: 'raided' })
 * `lane` is 'analyst' for analysts' own Cypher; the built-in library, written and tested here,
 * runs beside the API's own lookups so that an analyst's runaway query never holds it up.
 */
export async function runCypher(
  store: GraphStore,
  query: string,
  params: Params = {},
  lane: QueryOptions['lane'] = 'analyst',
): Promise<QueryResult> {
  const checked = guardCypher(query);
  checkParams(params, checked);
  await store.checkReadOnly(checked, params, lane);
  return store.read(checked, params, { lane });
}

/**
 * Analysts' own Cypher, ad hoc: only for an actor granted `cypher:raw` whose clearance reaches the
 * highest marking in the store (403 forbidden otherwise), since no filter can hold back what a
 * scalar computed from a withheld item says.
 */
export async function runRawCypher(
  store: GraphStore,
  actor: Actor,
  query: string,
  params: Params = {},
): Promise<QueryResult> {
  await assertRawCypher(store, actor);
  return runCypher(store, query, params);
}

/**
 * Fails closed: a built-in query whose answer holds a node or link above the reader's clearance
 * has a filter missing, and its answer is refused rather than shown.
 */
function assertWithinClearance(result: QueryResult, name: string, clearance: Tlp): void {
  const above = [...result.graph.nodes, ...result.graph.edges].filter(
    (item) => !visibleAt(item.attributes.tlp, clearance),
  );
  if (above.length > 0)
    throw new AppError('internal', `the library query ${name} returned items above the reader's clearance; refused`);
}

/**
 * Checks the parameters against the query's declaration, then runs its text for this store as
 * `actor`: a built-in query filtered by the actor's clearance (the runner supplies `$visible`), an
 * analyst's saved query only under the rules of raw Cypher (runRawCypher).
 */
export async function runSavedQuery(
  store: GraphStore,
  query: QueryDef,
  rawParams: unknown,
  actor: Actor,
): Promise<QueryResult> {
  const parsed = paramsSchema(query.params).safeParse(rawParams ?? {});
  if (!parsed.success) {
    throw new AppError(
      'validation_error',
      `invalid parameters for ${query.name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'params'} ${i.message}`).join('; ')}`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const text = query.texts[store.dialect.name];
  if (!query.builtin) {
    await assertRawCypher(store, actor);
    return runCypher(store, text, parsed.data as Params, 'analyst');
  }
  const bound = bindVisible(text, store.dialect.name, actor.clearance);
  // `$visible` is set last: no declared parameter can stand in for it
  const result = await runCypher(store, bound.text, { ...(parsed.data as Params), ...bound.params }, 'api');
  assertWithinClearance(result, query.name, actor.clearance);
  return { ...result, graph: await withoutWithheldCitations(store, result.graph, actor.clearance) };
}
