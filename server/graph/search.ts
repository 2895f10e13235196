/**
 * Ranked search on names and aliases, case- and accent-insensitive, identical on both stores:
 * the folded names are stored in one search key per node (see model/text.ts).
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { NodeKindName } from '../model/schema.ts';
import { foldText } from '../model/text.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore } from '../store/types.ts';
import { seen, visibleParam } from './visibility.ts';
import { csvList, intParam } from './query-params.ts';
import { SEARCH_MATCHES, SearchResponseSchema } from '../model/wire.ts';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(100).describe('text to find in names and aliases'),
  kinds: csvList(NodeKindName).describe('only these node kinds (comma-separated)'),
  limit: intParam(1, 100, 10).describe('most results (1-100)'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const MATCHES = SEARCH_MATCHES;

export const SearchResponse = SearchResponseSchema;
export type SearchResponse = z.infer<typeof SearchResponse>;

/** The CASE in the query yields a rank 0-5, one per entry of MATCHES. */
function matchOf(rank: unknown): (typeof MATCHES)[number] {
  const match = MATCHES[Number(rank)];
  if (!match) throw new AppError('internal', `search returned rank ${String(rank)}, which names no kind of match`);
  return match;
}

/** Read at `clearance`: a withheld node is not found, and a withheld country is not named beside a result. */
export async function search(store: GraphStore, input: SearchQuery, clearance: Tlp): Promise<SearchResponse> {
  const term = foldText(input.q);
  if (!term) return { query: input.q, results: [] };
  const kindFilter = input.kinds ? ` AND ${store.dialect.hasLabelIn('n', 'kinds')}` : '';
  // The search key is `|name|alias|…|`: the first entry is the name.
  const query = `MATCH (n) WHERE n.searchKey CONTAINS $term${kindFilter} AND ${seen('n', clearance)}
    WITH n, CASE
      WHEN n.searchKey STARTS WITH $exact THEN 0
      WHEN n.searchKey CONTAINS $exact THEN 1
      WHEN n.searchKey STARTS WITH $prefix THEN 2
      WHEN n.searchKey CONTAINS $prefix THEN 3
      WHEN n.searchKey CONTAINS $word THEN 4
      ELSE 5 END AS rank
    ORDER BY rank, size(n.name), n.name, n.id LIMIT $limit
    OPTIONAL MATCH (n)-[l:LOCATED_IN|NATIONAL_OF]->(c:Country) WHERE ${seen('l', clearance)} AND ${seen('c', clearance)}
    RETURN n.id AS id, ${store.dialect.kindOf('n', 'node')} AS kind, n.name AS label, rank, collect(c.name) AS countries`;
  const result = await store.read(query, {
    term,
    exact: `|${term}|`,
    prefix: `|${term}`,
    word: ` ${term}`,
    limit: input.limit,
    ...visibleParam(clearance),
    ...(input.kinds ? { kinds: input.kinds } : {}),
  });
  const results = result.rows
    .map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      label: String(row.label),
      match: matchOf(row.rank),
      countries: ((row.countries as string[] | null) ?? []).filter(Boolean).sort(),
      rank: Number(row.rank),
    }))
    // The OPTIONAL MATCH aggregation does not keep the ORDER BY on every engine.
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.label.length - b.label.length ||
        a.label.localeCompare(b.label) ||
        a.id.localeCompare(b.id),
    )
    .map(({ rank: _rank, ...rest }) => rest);
  return { query: input.q, results };
}
