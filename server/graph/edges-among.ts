/**
 * Every visible relationship among a set of visible nodes, each fetched once from its start node.
 * Per start kind, one statement naming only the relationship kinds that can run from that kind to a
 * kind in the set (graph-merge.ts). Issue 14's profile at 100k relationships: the untyped
 * `MATCH (a:Kind)-[r]->(b) WHERE a.id IN $ids` it replaces cost 14-115 ms a kind.
 */
import { nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, QueryOptions, SerializedGraph } from '../store/types.ts';
import { groupIdsByKind, mergeGraphs, relTypesFrom } from './graph-merge.ts';
import { seen, visibleParam } from './visibility.ts';

const kindOf = (id: string) => nodeKindOfId(id)?.kind;

export async function edgesAmong(
  store: GraphStore,
  members: readonly string[],
  clearance: Tlp,
  { relKinds, ...options }: Pick<QueryOptions, 'maxBytes' | 'maxRows'> & { relKinds?: readonly string[] } = {},
): Promise<SerializedGraph & { truncated: boolean }> {
  const groups = groupIdsByKind(members, kindOf);
  const kinds = new Set(groups.keys());
  const parts: SerializedGraph[] = [];
  let truncated = false;
  for (const [kind, ids] of groups) {
    const types = relTypesFrom(kind, kinds, relKinds);
    if (!types) continue;
    // One id: the primary-key index. Several: `IN` (a scan of the kind's table, typed to the kinds
    // that can link): `UNWIND $ids MATCH (a:Kind {id: i})-[r]->(b)` plans a join over the whole
    // relationship table on LadybugDB 0.19 (1.3 s against 47 ms at 100k in the profile).
    const one = ids.length === 1;
    const result = await store.read(
      `MATCH (a:${kind}${one ? ' {id: $id}' : ''})-[r${types}]->(b) WHERE ${one ? 'true' : 'a.id IN $ids'} AND b.id IN $members AND ${seen('r', clearance)} AND ${seen('b', clearance)}
       RETURN a, r, b`,
      { ...(one ? { id: ids[0] } : { ids }), members: [...members], ...visibleParam(clearance) },
      { maxRows: 2_000_000, ...options },
    );
    truncated ||= result.truncated;
    parts.push({ nodes: [], edges: result.graph.edges });
  }
  return { ...mergeGraphs(...parts), truncated };
}
