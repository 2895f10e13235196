/**
 * Clearance in the graph services: everything marked above a reader's clearance is, for that
 * reader, absent. Every statement filters with `x.tlp IN $visible` below RED (an unmarked item
 * matches no marking, so it is withheld, as RED is) and not at all at RED (which sees everything,
 * unmarked included); what a read returns is then cleaned of the traces a withheld item would
 * leave behind in a visible one: the `sourceIds` citing it.
 *
 * Not `coalesce(x.tlp, 'RED') IN $visible`: LadybugDB 0.19 answers that wrongly after an UNWIND.
 */
import { visibleAt, visibleTlps } from '../model/access.ts';
import { nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, JsonValue, SerializedGraph } from '../store/types.ts';
import { groupIdsByKind } from './graph-merge.ts';

/** The `$visible` parameter of a statement read at `clearance` (none at RED, where `seen` tests nothing). */
export function visibleParam(clearance: Tlp): { visible?: Tlp[] } {
  return clearance === 'RED' ? {} : { visible: visibleTlps(clearance) };
}

/** The predicate that keeps an item a reader cleared for `clearance` may see (unmarked counts as RED). */
export const seen = (variable: string, clearance: Tlp): string =>
  clearance === 'RED' ? 'true' : `${variable}.tlp IN $visible`;

/** The ids among `ids` that name a node the reader may not see (ids naming no node are not among them). */
export async function withheldNodeIds(store: GraphStore, ids: Iterable<string>, clearance: Tlp): Promise<Set<string>> {
  const hidden = new Set<string>();
  if (clearance === 'RED') return hidden;
  for (const [kind, group] of groupIdsByKind(new Set(ids), (id) => nodeKindOfId(id)?.kind)) {
    const result = await store.read(
      `UNWIND $ids AS i MATCH (s:${kind} {id: i}) RETURN s.id AS id, s.tlp AS tlp`,
      { ids: group },
      { maxRows: group.length },
    );
    for (const row of result.rows) if (!visibleAt(row.tlp, clearance)) hidden.add(String(row.id));
  }
  return hidden;
}

function citedIn(graph: SerializedGraph): Set<string> {
  const ids = new Set<string>();
  for (const item of [...graph.nodes, ...graph.edges]) {
    const cited = item.attributes.sourceIds;
    if (Array.isArray(cited)) for (const id of cited) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * The graph with every citation of a withheld node dropped from `sourceIds`: a GREEN fact citing
 * a RED Source then reads as citing only what the reader may open, and the RED id never arrives.
 */
export async function withoutWithheldCitations<G extends SerializedGraph>(
  store: GraphStore,
  graph: G,
  clearance: Tlp,
): Promise<G> {
  if (clearance === 'RED') return graph;
  const hidden = await withheldNodeIds(store, citedIn(graph), clearance);
  if (hidden.size === 0) return graph;
  const clean = <T extends { attributes: Record<string, JsonValue> }>(item: T): T => {
    const cited = item.attributes.sourceIds;
    if (!Array.isArray(cited) || !cited.some((id) => typeof id === 'string' && hidden.has(id))) return item;
    return {
      ...item,
      attributes: { ...item.attributes, sourceIds: cited.filter((id) => !(typeof id === 'string' && hidden.has(id))) },
    };
  };
  return { ...graph, nodes: graph.nodes.map(clean), edges: graph.edges.map(clean) };
}
