/**
 * A small Cypher tokenizer: enough to tell words, parameters and punctuation from the contents of
 * strings, quoted identifiers and comments. It decides nothing about safety by itself; the guard
 * and the parameter check read its tokens so that `n.name = 'DELETE'` is a string, not a keyword.
 *
 * Where it could disagree with an engine's lexer it splits rather than joins (`1EXPORT` is a
 * number and a word, `$1LOAD` a parameter and a word), and the text an engine finally runs has
 * every comment blanked out as this lexer saw it (see `withoutComments`), so a comment the two
 * would end in different places cannot hide a clause.
 */
import { AppError } from '../errors.ts';

export type TokenKind = 'word' | 'param' | 'string' | 'quoted' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** the text as written (strings without their quotes) */
  text: string;
  /** offset of the token in the query */
  at: number;
}

/** Punctuation is only ever a punct token: a string '.' or a quoted `.` is a name, not a dot. */
export const isPunct = (token: Token | undefined, text: string) => token?.kind === 'punct' && token.text === text;

export class LexError extends AppError {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super('query_error', message, { at });
    this.name = 'LexError';
  }
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{Nd}_]/u;
const NUMBER = /^(0[xX][0-9a-fA-F]+|\d+(\.\d+)?([eE][+-]?\d+)?)/;

export interface Lexed {
  tokens: Token[];
  /** [start, end) of every comment */
  comments: Array<[number, number]>;
}

/** Reads a quoted run starting at `start` (the opening quote); returns its body and the end offset. */
function readQuoted(text: string, start: number, quote: string): [body: string, end: number] {
  let body = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\\' && quote !== '`') {
      body += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === quote) {
      // A doubled backtick is an escaped backtick inside a quoted identifier.
      if (quote === '`' && text[i + 1] === '`') {
        body += '`';
        i += 2;
        continue;
      }
      return [body, i + 1];
    }
    body += ch;
    i++;
  }
  throw new LexError(`unterminated ${quote === '`' ? 'quoted identifier' : 'string'}`, start);
}

export function lex(text: string): Lexed {
  const tokens: Token[] = [];
  const comments: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      // Engines end a line comment at \r as well as \n.
      let end = i + 2;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      comments.push([i, end]);
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new LexError('unterminated comment', i);
      comments.push([i, end + 2]);
      i = end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const [body, end] = readQuoted(text, i, ch);
      tokens.push({ kind: ch === '`' ? 'quoted' : 'string', text: body, at: i });
      i = end;
    } else if (ch === '$') {
      let j = i + 1;
      if (text[j] === '`') {
        const [body, end] = readQuoted(text, j, '`');
        tokens.push({ kind: 'param', text: body, at: i });
        i = end;
        continue;
      }
      // A parameter is a name or a number: `$1LOAD` is `$1` and then the word LOAD.
      if (/\d/.test(text[j] ?? '')) while (j < text.length && /\d/.test(text.charAt(j))) j++;
      else if (WORD_START.test(text[j] ?? '')) while (j < text.length && WORD_PART.test(text.charAt(j))) j++;
      tokens.push({ kind: 'param', text: text.slice(i + 1, j), at: i });
      i = j;
    } else if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && WORD_PART.test(text.charAt(j))) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j), at: i });
      i = j;
    } else if (/\d/.test(ch)) {
      // NUMBER's `\d+` matches whenever a digit starts here, so the fallback is never taken.
      const number = NUMBER.exec(text.slice(i, i + 400))?.[0] ?? ch;
      tokens.push({ kind: 'number', text: number, at: i });
      i += number.length;
    } else {
      tokens.push({ kind: 'punct', text: ch, at: i });
      i++;
    }
  }
  return { tokens, comments };
}

export function tokenize(text: string): Token[] {
  return lex(text).tokens;
}

/** The text with each comment replaced by spaces (line breaks kept, so positions still match). */
export function withoutComments(text: string, comments: Lexed['comments']): string {
  let out = '';
  let at = 0;
  for (const [start, end] of comments) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n\r]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/** The names of the parameters a query uses (`$country`, `` $`odd name` ``), in order of first use. */
export function parameterNames(text: string): string[] {
  return [
    ...new Set(
      tokenize(text)
        .filter((t) => t.kind === 'param' && t.text !== '')
        .map((t) => t.text),
    ),
  ];
}
