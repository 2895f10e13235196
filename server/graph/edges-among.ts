/**
 * Every visible relationship among a set of visible nodes. One statement per pair of node kinds
 * the schema links (graph-merge.ts names the relationship kinds), each starting from the side of
 * the pair with fewer ids in the set: one id goes through the primary-key index; several are an
 * `IN` over that kind's table, and the side with fewer members is, in practice, the smaller table
 * (200 facilitators and 2 centres: the 2 centres). Issue 14's profile at 100k relationships: the
 * untyped `MATCH (a:Kind)-[r]->(b) WHERE a.id IN $ids` this replaces cost 14-115 ms a kind, and
 * `UNWIND $ids MATCH (a:Kind {id: i})-[r]-(b)` plans a join over the relationship table on
 * LadybugDB 0.19 (1.3 s against 47 ms).
 */
import { REL_KINDS, nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, QueryOptions, SerializedGraph } from '../store/types.ts';
import { groupIdsByKind, mergeGraphs, startSets } from './graph-merge.ts';
import { seen, visibleParam } from './visibility.ts';

const kindOf = (id: string) => nodeKindOfId(id)?.kind;

/** The relationship kinds joining kinds `a` and `b` (either way), kept to `only`. */
function typesBetween(a: string, b: string, only?: readonly string[]): string[] {
  return REL_KINDS.filter(
    (k) =>
      (!only || only.includes(k.kind)) && k.endpoints.some(([f, t]) => (f === a && t === b) || (f === b && t === a)),
  ).map((k) => k.kind);
}

export async function edgesAmong(
  store: GraphStore,
  members: readonly string[],
  clearance: Tlp,
  { relKinds, ...options }: Pick<QueryOptions, 'maxBytes' | 'maxRows'> & { relKinds?: readonly string[] } = {},
): Promise<SerializedGraph & { truncated: boolean }> {
  const groups = [...groupIdsByKind(members, kindOf)];
  const parts: SerializedGraph[] = [];
  let truncated = false;
  for (const [i, x] of groups.entries()) {
    for (const y of groups.slice(i)) {
      const types = typesBetween(x[0], y[0], relKinds);
      if (types.length === 0) continue;
      const [[anchor, ids], [other, otherIds]] = x[1].length <= y[1].length ? [x, y] : [y, x];
      // Same kind at both ends: directed, so each link comes once. `b` unlabelled (its ids are
      // kind-prefixed, so `b.id IN $others` keeps it to `other`): labelled, LadybugDB scans b's
      // table and joins (230 against 13 ms from a country of 333 links).
      const link = anchor === other ? `-[r:${types.join('|')}]->` : `-[r:${types.join('|')}]-`;
      for (const from of startSets('a', anchor, ids)) {
        const result = await store.read(
          `MATCH ${from.node}${link}(b) WHERE ${from.where} AND b.id IN $others AND ${seen('r', clearance)}
           RETURN a, r, b`,
          { ...from.params, others: otherIds, ...visibleParam(clearance) },
          { maxRows: 2_000_000, ...options },
        );
        truncated ||= result.truncated;
        parts.push({ nodes: [], edges: result.graph.edges });
      }
    }
  }
  return { ...mergeGraphs(...parts), truncated };
}
