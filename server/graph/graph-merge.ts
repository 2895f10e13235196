/** Merges serialised subgraphs, keeping the first copy of each node and edge. */
import { REL_KINDS } from '../model/schema.ts';
import type { SerializedGraph } from '../store/types.ts';

export function mergeGraphs(...graphs: SerializedGraph[]): SerializedGraph {
  const nodes = new Map<string, SerializedGraph['nodes'][number]>();
  const edges = new Map<string, SerializedGraph['edges'][number]>();
  for (const graph of graphs) {
    for (const node of graph.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node);
    for (const edge of graph.edges) if (!edges.has(edge.key)) edges.set(edge.key, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function groupIdsByKind(
  ids: Iterable<string>,
  kindOf: (id: string) => string | undefined,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const kind = kindOf(id);
    if (!kind) continue;
    groups.set(kind, [...(groups.get(kind) ?? []), id]);
  }
  return groups;
}

/**
 * The relationship kinds that can touch a node of `kind` (either end), as a pattern's type list
 * (`:A|B`), optionally kept to `only`. Named from the schema because an untyped `-[r]-` makes
 * LadybugDB plan over every relationship table (issue 14's profile: the untyped statements were the
 * slow ones). `null` when no kind can: the statement would find nothing, so it is not run.
 */
export function relTypesAt(kind: string, only?: readonly string[]): string | null {
  return typeList(
    REL_KINDS.filter((k) => k.endpoints.some(([a, b]) => a === kind || b === kind)),
    only,
  );
}

function typeList(kinds: readonly { kind: string }[], only?: readonly string[]): string | null {
  const names = kinds.map((k) => k.kind).filter((k) => !only || only.includes(k));
  return names.length > 0 ? `:${names.join('|')}` : null;
}

/**
 * How a statement starting from `ids` (one kind) is split: up to PER_ID_STARTS ids, one statement
 * each through the primary-key index (`{id: $id}`); more, one statement with `IN` over the kind's
 * table. Issue 14's profile at 100k: from 2 centres by `IN`, 114-190 ms; from one by its id,
 * 3-26 ms; `UNWIND $ids MATCH (a:Kind {id: i})-[r]-(b)` plans a join over the relationship table
 * (1.3 s against 47 ms).
 */
export const PER_ID_STARTS = 8;

export function startSets(
  variable: string,
  kind: string,
  ids: readonly string[],
): { node: string; where: string; params: Record<string, unknown> }[] {
  if (ids.length > PER_ID_STARTS)
    return [{ node: `(${variable}:${kind})`, where: `${variable}.id IN $ids`, params: { ids } }];
  return ids.map((id) => ({ node: `(${variable}:${kind} {id: $id})`, where: 'true', params: { id } }));
}
