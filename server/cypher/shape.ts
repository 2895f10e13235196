/**
 * Limits on a statement's size and nesting, checked on our own tokens before any engine parses
 * it. Parsing is outside every engine limit: LadybugDB's parser takes time exponential in nested
 * CASE (20 levels 1.4 s, 22 levels 6.6 s, 30 levels over 100 s, measured in a process of its own),
 * grows fast with nested lists and maps (100 nested lists 1.5 s) and parentheses (1,000 levels
 * 4.6 s; 5,000 levels overflow its stack and kill the process), and spends ~1 ms a term on a long
 * flat expression (`1+1+…`, 5,000 terms 6 s). None of that is covered by the query timeout, so the
 * caps below keep every statement an analyst can send within about a second of parsing.
 */
import { AppError } from '../errors.ts';
import { tokenize, type Token } from './lexer.ts';

export interface QueryShapeLimits {
  /** most characters in a statement (QUERY_MAX_LENGTH) */
  maxLength: number;
  /** most tokens (words, numbers, strings, punctuation) in a statement (QUERY_MAX_TOKENS) */
  maxTokens: number;
  /** deepest nesting of brackets, lists, maps, CASE and subqueries (QUERY_MAX_DEPTH) */
  maxDepth: number;
}

export const DEFAULT_QUERY_SHAPE: QueryShapeLimits = { maxLength: 20_000, maxTokens: 4_000, maxDepth: 16 };

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** The deepest nesting in the tokens: each bracket, and each CASE up to its END, is one level. */
export function nestingDepth(tokens: Token[]): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tokens) {
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if ((token.kind === 'punct' && OPEN.has(token.text)) || word === 'CASE') deepest = Math.max(deepest, ++depth);
    else if ((token.kind === 'punct' && CLOSE.has(token.text)) || word === 'END') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/**
 * Throws `unsupported_query` when the statement is longer, has more tokens or nests deeper than
 * the limits allow. The length is checked before the text is even tokenized.
 */
export function checkQueryShape(query: string, limits: QueryShapeLimits = DEFAULT_QUERY_SHAPE): void {
  if (query.length > limits.maxLength) {
    throw new AppError(
      'unsupported_query',
      `the query is ${query.length} characters long; at most ${limits.maxLength} are allowed (QUERY_MAX_LENGTH)`,
      {
        limit: 'QUERY_MAX_LENGTH',
        max: limits.maxLength,
        actual: query.length,
      },
    );
  }
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch {
    return; // the guard reports lexical errors with their position
  }
  if (tokens.length > limits.maxTokens) {
    throw new AppError(
      'unsupported_query',
      `the query has ${tokens.length} tokens; at most ${limits.maxTokens} are allowed (QUERY_MAX_TOKENS)`,
      {
        limit: 'QUERY_MAX_TOKENS',
        max: limits.maxTokens,
        actual: tokens.length,
      },
    );
  }
  const depth = nestingDepth(tokens);
  if (depth > limits.maxDepth) {
    throw new AppError(
      'unsupported_query',
      `the query nests ${depth} levels deep (brackets, lists, maps, CASE, subqueries); at most ${limits.maxDepth} are allowed (QUERY_MAX_DEPTH)`,
      { limit: 'QUERY_MAX_DEPTH', max: limits.maxDepth, actual: depth },
    );
  }
}
