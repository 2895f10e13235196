/**
 * Query shapes that LadybugDB 0.19.1 gets wrong, refused before they reach it with the way round
 * them. In one WITH or RETURN that has a grouping key, a plain aggregate evaluated after a DISTINCT
 * aggregate either aborts the whole process (`count(DISTINCT x), collect(y)` — a glibc malloc
 * assertion) or comes back wrong (`count(*)` as 0, `sum`/`min` as null) — and not only as separate
 * items: inside a list (`[count(DISTINCT m), size(collect(r))]` aborts), a map (`{a:
 * count(DISTINCT m), b: count(*)}` gives b = 0), a CASE, an arithmetic expression
 * (`count(DISTINCT m) + count(*)` gives the distinct count alone) or a function argument. The same
 * aggregates in the other order are right, and so is any order without a grouping key (checked
 * by running each shape in a process of its own; test/unit/engine-bugs.test.ts lists them). So the
 * check reads every aggregate call of a projection, at any depth, in the order they are written.
 * Check again when the pinned engine version changes.
 */
import { AppError } from '../../errors.ts';
import { isPunct, tokenize, type Token } from '../../cypher/lexer.ts';

/** LadybugDB's aggregate functions (CALL show_functions(), type AGGREGATE FUNCTION). */
const AGGREGATES = new Set([
  'COUNT',
  'COUNT_STAR',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'COLLECT',
  'HISTOGRAM',
  'PERCENTILECONT',
  'PERCENTILEDISC',
]);
/** Clause words that end a projection's item list. */
const ENDS = new Set([
  'ORDER',
  'SKIP',
  'LIMIT',
  'WHERE',
  'MATCH',
  'OPTIONAL',
  'UNWIND',
  'WITH',
  'RETURN',
  'UNION',
  'CALL',
]);

interface AggregateCall {
  distinct: boolean;
  /** the call as written, e.g. `count(DISTINCT m.id)` */
  text: string;
}

/** The tokens of one projection (after WITH or RETURN at `start`), split into items at top-level commas. */
function projectionItems(tokens: Token[], start: number): Token[][] {
  const items: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let i = start;
  const first = tokens[i];
  if (first?.kind === 'word' && first.text.toUpperCase() === 'DISTINCT') i++;
  for (let t = tokens[i]; t; t = tokens[++i]) {
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
    // A closing bracket below the projection's own level ends it: a RETURN inside `{ … }` (a
    // subquery) ends at the brace.
    if (depth < 0) break;
    const clauseWord = t.kind === 'word' && ENDS.has(t.text.toUpperCase()) && !isPunct(tokens[i - 1], '.');
    if (depth === 0 && (clauseWord || isPunct(t, ';'))) break;
    if (depth === 0 && isPunct(t, ',')) {
      items.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) items.push(current);
  return items;
}

/** Every aggregate call among `tokens`, nested ones included, in the order written. */
function aggregateCalls(query: string, tokens: Token[]): AggregateCall[] {
  const calls: AggregateCall[] = [];
  tokens.forEach((t, i) => {
    const name = t.kind === 'word' || t.kind === 'quoted';
    if (!name || !AGGREGATES.has(t.text.toUpperCase()) || !isPunct(tokens[i + 1], '(') || isPunct(tokens[i - 1], '.'))
      return;
    let depth = 0;
    let end = i + 1;
    for (; end < tokens.length; end++) {
      if (isPunct(tokens[end], '(')) depth++;
      if (isPunct(tokens[end], ')') && --depth === 0) break;
    }
    const next = tokens[i + 2];
    // `end` stops at the closing `)` or the last token; `t` itself stands in if the list were empty.
    const last = tokens[Math.min(end, tokens.length - 1)] ?? t;
    calls.push({
      distinct: next?.kind === 'word' && next.text.toUpperCase() === 'DISTINCT',
      text: query.slice(t.at, last.at + last.text.length).trim(),
    });
  });
  return calls;
}

export function refuseKnownEngineBugs(query: string): void {
  const tokens = tokenize(query);
  tokens.forEach((token, index) => {
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if ((word !== 'WITH' && word !== 'RETURN') || isPunct(tokens[index - 1], '.')) return;
    const items = projectionItems(tokens, index + 1).map((item) => aggregateCalls(query, item));
    // A grouping key is an item with no aggregate in it; without one the engine gets every order right.
    if (!items.some((calls) => calls.length === 0)) return;
    let distinctSeen: AggregateCall | undefined;
    for (const call of items.flat()) {
      if (call.distinct) distinctSeen ??= call;
      else if (distinctSeen) {
        throw new AppError(
          'unsupported_query',
          `the embedded engine miscomputes ${call.text} after ${distinctSeen.text} in one ${word} with grouping keys ` +
            '(it may even crash): put the plain aggregates before the DISTINCT ones (e.g. count(*) before count(DISTINCT x)), ' +
            'or compute them in separate WITH clauses',
          { engine: 'ladybug', distinct: distinctSeen.text, plain: call.text },
        );
      }
    }
  });
}
