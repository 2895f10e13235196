/**
 * The first check on analyst Cypher, before any engine sees the text. LadybugDB's binder opens
 * files while it prepares a statement (`LOAD FROM 'x.csv'` reads the file's first line), so clauses
 * that reach files, the network, extensions, settings or transactions are refused here, on
 * tokens — words inside strings, quoted identifiers and comments do not count. Whether a statement
 * writes is left to the engine (see each store's `checkReadOnly`).
 */
import { AppError } from '../errors.ts';
import { ALLOWED_FUNCTIONS, ALLOWED_PROCEDURES, ALLOWED_TABLE_FUNCTIONS } from './allowlists.ts';
import { LexError, isPunct, lex, withoutComments, type Token } from './lexer.ts';

/** Statements that reach files, databases, extensions or the network (UPDATE updates an extension). */
const FILE_CLAUSES = new Set(['LOAD', 'COPY', 'EXPORT', 'IMPORT', 'ATTACH', 'INSTALL', 'UNINSTALL', 'UPDATE', 'USE']);
const TRANSACTION_WORDS = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT', 'FORCE']);
/** Administration (Neo4j's SHOW, GRANT …; LadybugDB's ANALYZE and COMMENT ON): nothing an analyst needs. */
const ADMIN_WORDS = new Set(['SHOW', 'GRANT', 'DENY', 'REVOKE', 'TERMINATE', 'ANALYZE', 'COMMENT']);
/** The dashes and left arrow heads Cypher grammars accept in relationship patterns, not only `-` and `<`. */
const DASH = /^[-\u00AD\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/;
const LEFT_ARROW = /^[<\u27E8\u3008\uFE64\uFF1C]$/;

type Refusal =
  | 'file_access'
  | 'settings_not_allowed'
  | 'transaction_not_allowed'
  | 'procedure_not_allowed'
  | 'operation_not_allowed'
  | 'multiple_statements';

function refuse(code: Refusal, message: string, token?: Token): never {
  throw new AppError(code, message, token ? { at: token.at } : null);
}

/**
 * The most relationship patterns one statement may have. Planning time grows fast with them when
 * they close cycles (measured on LadybugDB: 21 in a clique took 1.5 s to plan, 36 took 3.9 s, and
 * planning is not covered by the query timeout), and no investigation needs this many at once.
 */
export const MAX_RELATIONSHIP_PATTERNS = 24;

const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'quoted';

/** `a.b.c` starting at `index` (names may be `quoted`): its parts and the index after it. */
function dottedName(tokens: Token[], index: number): [parts: string[], end: number] {
  const parts = [tokens[index]?.text ?? ''];
  let i = index + 1;
  for (let next = tokens[i + 1]; isPunct(tokens[i], '.') && next && isName(next); next = tokens[i + 1]) {
    parts.push(next.text);
    i += 2;
  }
  return [parts, i];
}

/** `a.b.c(` starting at `index` (names may be `quoted`), as the dotted name, or null. */
function dottedCall(tokens: Token[], index: number): string | null {
  const [parts, end] = dottedName(tokens, index);
  return parts.length > 1 && isPunct(tokens[end], '(') ? parts.join('.') : null;
}

function relationshipPatterns(tokens: Token[]): number {
  return tokens.filter((t, i) => {
    const next = tokens[i + 1];
    return isPunct(t, ')') && next?.kind === 'punct' && (DASH.test(next.text) || LEFT_ARROW.test(next.text));
  }).length;
}

/**
 * Throws an AppError naming why the text may not run as analyst Cypher, or returns the text to
 * run: the same statement with its comments blanked out, so the engine reads exactly the code
 * that was checked here.
 * @example guardCypher("MATCH (n) WHERE n.name = 'DELETE' RETURN n") // fine
 */
export function guardCypher(text: string): string {
  let tokens: Token[];
  let comments: Array<[number, number]>;
  try {
    ({ tokens, comments } = lex(text));
  } catch (error) {
    if (error instanceof LexError)
      throw new AppError('query_error', `the query has an ${error.message}`, { at: error.at });
    throw error;
  }
  if (tokens.length === 0) throw new AppError('query_error', 'the query is empty');
  const relationships = relationshipPatterns(tokens);
  if (relationships > MAX_RELATIONSHIP_PATTERNS) {
    throw new AppError(
      'unsupported_query',
      `at most ${MAX_RELATIONSHIP_PATTERNS} relationship patterns in one query (this one has ${relationships})`,
    );
  }

  tokens.forEach((token, i) => {
    if (isPunct(token, ';') && i < tokens.length - 1) {
      refuse('multiple_statements', 'one statement at a time: remove the text after the semicolon', token);
    }
    if (!isName(token)) return;
    // A name right after a dot is a property, or the rest of a dotted name checked at its start.
    if (isPunct(tokens[i - 1], '.')) return;
    const dotted = dottedCall(tokens, i);
    const before = tokens[i - 1];
    const called = token.kind === 'word' && before?.kind === 'word' && before.text.toUpperCase() === 'CALL';
    if (
      dotted &&
      !ALLOWED_PROCEDURES.has(dotted.toLowerCase()) &&
      (called || !ALLOWED_FUNCTIONS.has(dotted.toLowerCase()))
    ) {
      refuse('procedure_not_allowed', `${dotted} is not on the list of procedures analysts may call`, token);
    }
    if (token.kind !== 'word') return;
    // A map key (`{copy: 1}`) is not a clause either.
    if ((isPunct(tokens[i - 1], '{') || isPunct(tokens[i - 1], ',')) && isPunct(tokens[i + 1], ':')) return;
    const word = token.text.toUpperCase();
    if (FILE_CLAUSES.has(word)) {
      refuse(
        'file_access',
        `${word} reads or writes files, the network or databases, which analyst queries may not`,
        token,
      );
    }
    if (word === 'DETACH' && tokens[i + 1]?.text.toUpperCase() !== 'DELETE') {
      refuse('file_access', 'DETACH of a database is not allowed', token);
    }
    if (TRANSACTION_WORDS.has(word)) {
      refuse('transaction_not_allowed', `${word}: analyst queries run in a transaction of their own`, token);
    }
    if (ADMIN_WORDS.has(word))
      refuse('operation_not_allowed', `${word}: administration commands are not allowed`, token);
    if (word === 'CALL') {
      const next = tokens[i + 1];
      // Neo4j runs `CALL db.info` without parentheses too (arguments default), so a procedure
      // name after CALL counts whether or not a `(` follows.
      if (isName(next)) {
        const [parts] = dottedName(tokens, i + 1);
        const name = parts.join('.');
        if (parts.length > 1 && !ALLOWED_PROCEDURES.has(name.toLowerCase())) {
          refuse('procedure_not_allowed', `${name} is not on the list of procedures analysts may call`, next);
        }
      }
      if (next && isName(next) && (isPunct(tokens[i + 2], '=') || next.text.toUpperCase() === 'SET')) {
        refuse('settings_not_allowed', 'changing engine settings is not allowed', token);
      }
      if (
        next &&
        isName(next) &&
        isPunct(tokens[i + 2], '(') &&
        !ALLOWED_TABLE_FUNCTIONS.has(next.text.toLowerCase())
      ) {
        refuse(
          'procedure_not_allowed',
          `CALL ${next.text}(…) is not on the list of functions analysts may call`,
          token,
        );
      }
    }
  });
  return withoutComments(text, comments);
}
