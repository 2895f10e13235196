/**
 * Query shapes that LadybugDB 0.19.1 gets wrong, refused before they reach it with the way round
 * them. Found while writing the query library: in one WITH or RETURN that has a grouping key, a
 * plain aggregate placed after a DISTINCT aggregate either aborts the whole process
 * (`count(DISTINCT x), collect(y)`) or comes back as 0 (`count(DISTINCT x), count(*)`); the same
 * aggregates in the other order are right. Check again when the pinned engine version changes.
 */
import { AppError } from '../../errors.ts';
import { isPunct } from '../../cypher/guard.ts';
import { tokenize, type Token } from '../../cypher/lexer.ts';

/** LadybugDB's aggregate functions (CALL show_functions(), type AGGREGATE FUNCTION). */
const AGGREGATES = new Set(['COUNT', 'COUNT_STAR', 'SUM', 'AVG', 'MIN', 'MAX', 'COLLECT', 'HISTOGRAM', 'PERCENTILECONT', 'PERCENTILEDISC']);
/** Clause words that end a projection's item list. */
const ENDS = new Set(['ORDER', 'SKIP', 'LIMIT', 'WHERE', 'MATCH', 'OPTIONAL', 'UNWIND', 'WITH', 'RETURN', 'UNION', 'CALL']);

interface Item {
  aggregate: 'none' | 'plain' | 'distinct';
  text: string;
}

/** The items of the projection starting after `start`, split at top-level commas. */
function projectionItems(query: string, tokens: Token[], start: number): Item[] {
  const items: Item[] = [];
  let current: Token[] = [];
  let depth = 0;
  const flush = () => {
    if (current.length === 0) return;
    let aggregate: Item['aggregate'] = 'none';
    current.forEach((t, i) => {
      const name = t.kind === 'word' || t.kind === 'quoted';
      if (aggregate !== 'none' || !name || !AGGREGATES.has(t.text.toUpperCase()) || !isPunct(current[i + 1], '(')) return;
      aggregate = current[i + 2]?.kind === 'word' && current[i + 2]!.text.toUpperCase() === 'DISTINCT' ? 'distinct' : 'plain';
    });
    const last = current.at(-1)!;
    const end = tokens[tokens.indexOf(last) + 1]?.at ?? query.length;
    items.push({ aggregate, text: query.slice(current[0]!.at, end).trim() });
    current = [];
  };
  let i = start;
  if (tokens[i]?.kind === 'word' && tokens[i]!.text.toUpperCase() === 'DISTINCT') i++;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
    if (depth === 0 && ((t.kind === 'word' && ENDS.has(t.text.toUpperCase()) && !isPunct(tokens[i - 1], '.')) || isPunct(t, ';'))) break;
    if (depth === 0 && isPunct(t, ',')) flush();
    else current.push(t);
  }
  flush();
  return items;
}

export function refuseKnownEngineBugs(query: string): void {
  const tokens = tokenize(query);
  tokens.forEach((token, index) => {
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if ((word !== 'WITH' && word !== 'RETURN') || isPunct(tokens[index - 1], '.')) return;
    const items = projectionItems(query, tokens, index + 1);
    if (!items.some((item) => item.aggregate === 'none')) return;
    let distinctSeen: Item | undefined;
    for (const item of items) {
      if (item.aggregate === 'distinct') distinctSeen = item;
      if (item.aggregate === 'plain' && distinctSeen) {
        throw new AppError(
          'unsupported_query',
          `the embedded engine miscomputes ${item.text} after ${distinctSeen.text} in one ${word} with grouping keys: ` +
            'put the plain aggregates before the DISTINCT ones (e.g. count(*) before count(DISTINCT x))',
          { engine: 'ladybug', distinct: distinctSeen.text, plain: item.text },
        );
      }
    }
  });
}
