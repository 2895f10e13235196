/**
 * Clearance for queries. The built-in library is written to filter every node and relationship it
 * matches by `$visible`, which the runner supplies from the reader's clearance (a caller cannot
 * pass it: it is no declared parameter). Analysts' own Cypher cannot be filtered safely — a count
 * or any scalar can carry what a withheld item says — so it runs only for an account granted
 * `cypher:raw` whose clearance reaches the highest marking in the store (README, "Clearance").
 */
import { AppError } from '../errors.ts';
import { parameterNames, tokenize } from '../cypher/lexer.ts';
import { can, visibleTlps, type Actor } from '../model/access.ts';
import { TLP_LEVELS, highestMarking, tlpRank, type Tlp } from '../model/markings.ts';
import type { Dialect } from '../store/dialect.ts';
import type { GraphStore, Params } from '../store/types.ts';

/** The parameter every built-in query filters by; the runner alone sets it. */
export const VISIBLE_PARAM = 'visible';

/**
 * The text and parameters a built-in query runs with at `clearance`. LadybugDB does not take a
 * parameter inside a recursive-pattern filter or a list predicate over a path's nodes (its binder
 * refuses or aborts), so there `$visible` is written into the text as a list literal: the values
 * are the TLP level names, never anything of the caller's.
 */
export function bindVisible(text: string, dialect: Dialect['name'], clearance: Tlp): { text: string; params: Params } {
  const visible = visibleTlps(clearance);
  if (dialect !== 'ladybug') return { text, params: { [VISIBLE_PARAM]: visible } };
  const literal = `[${visible
    .filter((t) => (TLP_LEVELS as readonly string[]).includes(t))
    .map((t) => `'${t}'`)
    .join(', ')}]`;
  let out = '';
  let at = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'param' || token.text !== VISIBLE_PARAM) continue;
    const written = `$${VISIBLE_PARAM}`;
    if (text.slice(token.at, token.at + written.length) !== written) continue;
    out += text.slice(at, token.at) + literal;
    at = token.at + written.length;
  }
  return { text: out + text.slice(at), params: {} };
}

/** Whether a built-in query's text filters by `$visible` at all (the loader refuses one that does not). */
export function usesVisible(text: string): boolean {
  return parameterNames(text).includes(VISIBLE_PARAM);
}

/**
 * The highest marking of any node or relationship in the store (unmarked counts as RED), as far as
 * it is above `clearance`; `clearance` itself when nothing is. Computed from the store on each call:
 * a cached answer could miss a RED item imported since.
 */
export async function highestMarkingAbove(store: GraphStore, clearance: Tlp): Promise<Tlp> {
  if (clearance === 'RED') return clearance;
  const params = { visible: visibleTlps(clearance) };
  const above = 'x.tlp IS NULL OR NOT (x.tlp IN $visible)';
  const nodes = await store.read(`MATCH (x) WHERE ${above} RETURN DISTINCT x.tlp AS tlp`, params);
  const links = await store.read(`MATCH ()-[x]->() WHERE ${above} RETURN DISTINCT x.tlp AS tlp`, params);
  const found = [...nodes.rows, ...links.rows].map((row) => row.tlp);
  return found.length === 0 ? clearance : highestMarking(found);
}

/**
 * Refuses (403 forbidden) Cypher the library did not write unless the actor holds `cypher:raw`
 * and a clearance at or above every marking in the store.
 */
export async function assertRawCypher(store: GraphStore, actor: Actor): Promise<void> {
  if (!can(actor, 'cypher:raw'))
    throw new AppError('forbidden', 'running Cypher the library did not write needs the cypher:raw permission', {
      permission: 'cypher:raw',
    });
  await assertTopClearance(store, actor, 'Cypher the library did not write can read anything in the store');
}

/**
 * Refuses (403 forbidden) an actor cleared below the highest marking in the store. For what cannot
 * be filtered by marking: raw Cypher, and imports, whose merge with existing records would change
 * (and whose report would count) items the importer may not see. `why` starts the message.
 */
export async function assertTopClearance(store: GraphStore, actor: Actor, why: string): Promise<void> {
  const highest = await highestMarkingAbove(store, actor.clearance);
  if (tlpRank(highest) > tlpRank(actor.clearance)) {
    throw new AppError(
      'forbidden',
      `${why}, so it needs a clearance of ${highest} (the highest marking in the store); yours is ${actor.clearance}`,
      { clearance: actor.clearance, highestMarking: highest },
    );
  }
}
