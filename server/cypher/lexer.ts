/**
 * A small Cypher tokenizer: enough to tell words, parameters and punctuation from the contents of
 * strings, quoted identifiers and comments. It decides nothing about safety by itself; the guard
 * and the parameter check read its tokens so that `n.name = 'DELETE'` is a string, not a keyword.
 */
export type TokenKind = 'word' | 'param' | 'string' | 'quoted' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** the text as written (strings without their quotes) */
  text: string;
  /** offset of the token in the query */
  at: number;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;

/** Reads a quoted run starting at `start` (the opening quote); returns its body and the end offset. */
function readQuoted(text: string, start: number, quote: string): [body: string, end: number] {
  let body = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
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

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new LexError('unterminated comment', i);
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
      while (j < text.length && WORD_PART.test(text[j]!)) j++;
      tokens.push({ kind: 'param', text: text.slice(i + 1, j), at: i });
      i = j;
    } else if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && WORD_PART.test(text[j]!)) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j), at: i });
      i = j;
    } else if (/\d/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /[\d.eExXa-fA-F_]/.test(text[j]!) && !(text[j] === '.' && text[j + 1] === '.')) j++;
      tokens.push({ kind: 'number', text: text.slice(i, j), at: i });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: ch, at: i });
      i++;
    }
  }
  return tokens;
}

/** The names of the parameters a query uses (`$country`, `` $`odd name` ``), in order of first use. */
export function parameterNames(text: string): string[] {
  return [...new Set(tokenize(text).filter((t) => t.kind === 'param' && t.text !== '').map((t) => t.text))];
}
