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

/** The relationship kinds that can run from a `kind` node to a node of one of `to`, as `relTypesAt`. */
export function relTypesFrom(kind: string, to: ReadonlySet<string>, only?: readonly string[]): string | null {
  return typeList(
    REL_KINDS.filter((k) => k.endpoints.some(([a, b]) => a === kind && to.has(b))),
    only,
  );
}

function typeList(kinds: readonly { kind: string }[], only?: readonly string[]): string | null {
  const names = kinds.map((k) => k.kind).filter((k) => !only || only.includes(k));
  return names.length > 0 ? `:${names.join('|')}` : null;
}
