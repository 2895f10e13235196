/**
 * What expanding a node would bring (GET /api/nodes/:id/neighbors/counts): its distinct neighbours
 * per node kind and its links per relationship kind, at the reader's clearance — the preview an
 * analyst reads before "expand all N" puts a hub's 2,000 neighbours on the canvas. Two aggregate
 * statements from the start node's index; nothing but counts leaves the store.
 */
import { z } from 'zod';
import { NodeKindName, RelKindName } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { NeighbourCounts } from '../model/expansion.ts';
import type { GraphStore } from '../store/types.ts';
import { csvList } from './query-params.ts';
import { findNode, kindOfIdOr404 } from './find-node.ts';
import { seen, visibleParam } from './visibility.ts';

export const NeighbourCountsQuery = z.object({
  relKinds: csvList(RelKindName).describe('count only links of these relationship kinds'),
  kinds: csvList(NodeKindName).describe('count only neighbours of these kinds'),
});
export type NeighbourCountsQuery = z.infer<typeof NeighbourCountsQuery>;

type Counted = NeighbourCounts['byKind'];

/** Most first; ties by kind name, so the answer is the same on both stores. */
function ranked(rows: Record<string, unknown>[]): Counted {
  return rows
    .map((row) => ({ kind: String(row.kind), count: Number(row.count ?? 0) }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * Withheld neighbours and links are neither counted nor named (a link to a withheld node is not
 * counted either: the reader could not see where it goes); an unknown or withheld id is the same
 * 404 (findNode). Self-links are left out, as the neighbours endpoint leaves them out of `total`.
 */
export async function neighbourCounts(
  store: GraphStore,
  id: string,
  input: NeighbourCountsQuery,
  clearance: Tlp,
): Promise<NeighbourCounts> {
  const start = await findNode(store, id, clearance);
  const kind = kindOfIdOr404(start.key);
  const rels = input.relKinds ? `:${input.relKinds.join('|')}` : '';
  const kindFilter = input.kinds ? ` AND ${store.dialect.hasLabelIn('m', 'kinds')}` : '';
  const params = { id: start.key, ...(input.kinds ? { kinds: input.kinds } : {}), ...visibleParam(clearance) };
  const match = `MATCH (n:${kind} {id: $id})-[r${rels}]-(m) WHERE m.id <> $id${kindFilter}
    AND ${seen('r', clearance)} AND ${seen('m', clearance)}`;
  const nodeKinds = await store.read(
    `${match} WITH DISTINCT m RETURN ${store.dialect.kindOf('m', 'node')} AS kind, count(m) AS count`,
    params,
  );
  const relKinds = await store.read(
    `${match} RETURN ${store.dialect.kindOf('r', 'rel')} AS kind, count(DISTINCT r) AS count`,
    params,
  );
  const byKind = ranked(nodeKinds.rows);
  return {
    id: start.key,
    total: byKind.reduce((sum, c) => sum + c.count, 0),
    byKind,
    byRelKind: ranked(relKinds.rows),
  };
}
