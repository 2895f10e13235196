/**
 * The first check on analyst Cypher, before any engine sees the text. LadybugDB's binder opens
 * files while it prepares a statement (`LOAD FROM 'x.csv'` reads the file's first line), so clauses
 * that reach files, the network, extensions, settings or transactions are refused here, on
 * tokens — words inside strings, quoted identifiers and comments do not count. Whether a statement
 * writes is left to the engine (see each store's `checkReadOnly`).
 */
import { AppError } from '../errors.ts';
import { LexError, tokenize, type Token } from './lexer.ts';

/** Procedures an analyst may CALL on Neo4j (namespaced); Ladybug's own table functions are checked in its plan. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
]);

const FILE_CLAUSES = new Set(['LOAD', 'COPY', 'EXPORT', 'IMPORT', 'ATTACH', 'INSTALL', 'UNINSTALL', 'USE']);
const TRANSACTION_WORDS = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT']);

type Refusal = 'file_access' | 'settings_not_allowed' | 'transaction_not_allowed' | 'procedure_not_allowed' | 'multiple_statements';

function refuse(code: Refusal, message: string, token?: Token): never {
  throw new AppError(code, message, token ? { at: token.at } : null);
}

/** `a.b.c(` starting at `index`, as the dotted name, or null. */
function dottedCall(tokens: Token[], index: number): string | null {
  const parts = [tokens[index]!.text];
  let i = index + 1;
  while (tokens[i]?.text === '.' && tokens[i + 1]?.kind === 'word') {
    parts.push(tokens[i + 1]!.text);
    i += 2;
  }
  return parts.length > 1 && tokens[i]?.text === '(' ? parts.join('.') : null;
}

/**
 * Throws an AppError naming why the text may not run as analyst Cypher, or returns its tokens.
 * @example guardCypher("MATCH (n) WHERE n.name = 'DELETE' RETURN n") // fine
 */
export function guardCypher(text: string): Token[] {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof LexError) throw new AppError('query_error', `the query has an ${error.message}`, { at: error.at });
    throw error;
  }
  if (tokens.length === 0) throw new AppError('query_error', 'the query is empty');

  tokens.forEach((token, i) => {
    if (token.kind === 'punct' && token.text === ';' && i < tokens.length - 1) {
      refuse('multiple_statements', 'one statement at a time: remove the text after the semicolon', token);
    }
    if (token.kind !== 'word') return;
    const word = token.text.toUpperCase();
    const previous = tokens[i - 1];
    // A property (`n.load`) or a map key (`{copy: 1}`) is not a clause.
    const isProperty = previous?.text === '.' || tokens[i + 1]?.text === ':';
    if (isProperty) return;
    if (FILE_CLAUSES.has(word)) {
      refuse('file_access', `${word} reads or writes files, the network or databases, which analyst queries may not`, token);
    }
    if (word === 'DETACH' && tokens[i + 1]?.text.toUpperCase() !== 'DELETE') {
      refuse('file_access', 'DETACH of a database is not allowed', token);
    }
    if (TRANSACTION_WORDS.has(word)) {
      refuse('transaction_not_allowed', `${word}: analyst queries run in a transaction of their own`, token);
    }
    if (word === 'CALL') {
      const next = tokens[i + 1];
      if (next?.kind === 'word' && (tokens[i + 2]?.text === '=' || next.text.toUpperCase() === 'SET')) {
        refuse('settings_not_allowed', 'changing engine settings is not allowed', token);
      }
    }
    const dotted = dottedCall(tokens, i);
    if (dotted && !ALLOWED_PROCEDURES.has(dotted.toLowerCase())) {
      refuse('procedure_not_allowed', `${dotted} is not on the list of procedures analysts may call`, token);
    }
  });
  return tokens;
}
