/**
 * ANALYST_CYPHER, enforced in one place with one wording: the API (ad hoc Cypher, saving and running
 * analysts' saved queries), exports by query and the query CLI all refuse through these, so the
 * switch cannot be honoured in one door and forgotten, or worded differently, in another.
 */
import { AppError } from '../errors.ts';

export const ANALYST_CYPHER_OFF = "analysts' own Cypher is turned off on this server (ANALYST_CYPHER=false)";

/** Throws `operation_not_allowed` (403) unless analysts' own Cypher is on. */
export function assertAnalystCypher(enabled: boolean): void {
  if (!enabled) throw new AppError('operation_not_allowed', ANALYST_CYPHER_OFF);
}

/** A saved query that is not built in is an analyst's own Cypher: it runs only while the switch is on. */
export function assertMayRunQuery(query: { builtin: boolean }, analystCypher: boolean): void {
  if (!query.builtin) assertAnalystCypher(analystCypher);
}
