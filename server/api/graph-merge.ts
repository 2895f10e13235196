/** Merges serialised subgraphs, keeping the first copy of each node and edge. */
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

export function groupIdsByKind(ids: Iterable<string>, kindOf: (id: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const kind = kindOf(id);
    if (!kind) continue;
    groups.set(kind, [...(groups.get(kind) ?? []), id]);
  }
  return groups;
}
