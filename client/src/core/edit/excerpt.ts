/**
 * Where a cited excerpt sits in its source's text, so the reader can highlight it. Excerpts are
 * typed or pasted by analysts: line breaks, runs of spaces, case and curly quotes rarely match the
 * document exactly, so the search folds them on both sides and maps the match back to the text.
 */

export interface TextRange {
  start: number;
  end: number;
}

const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-' };

/** The folded text and, for each of its characters, the index it came from in the original. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      space = folded.length > 0;
      continue;
    }
    if (space) {
      folded += ' ';
      from.push(i);
      space = false;
    }
    folded += (QUOTES[ch] ?? ch).toLowerCase();
    from.push(i);
  }
  return { folded, from };
}

/** The range of `excerpt` in `text` (first occurrence), or null when it does not occur there. */
export function findExcerpt(text: string, excerpt: string | null | undefined): TextRange | null {
  if (!excerpt?.trim()) return null;
  const exact = text.indexOf(excerpt);
  if (exact >= 0) return { start: exact, end: exact + excerpt.length };
  const doc = fold(text);
  const needle = fold(excerpt).folded;
  const at = doc.folded.indexOf(needle);
  if (at < 0 || needle.length === 0) return null;
  const start = doc.from[at] ?? 0;
  const last = doc.from[at + needle.length - 1] ?? start;
  return { start, end: last + 1 };
}

/** The text in three parts around the excerpt, for rendering with a <mark>. */
export function splitAround(text: string, range: TextRange | null): [string, string, string] {
  if (!range) return [text, '', ''];
  return [text.slice(0, range.start), text.slice(range.start, range.end), text.slice(range.end)];
}
