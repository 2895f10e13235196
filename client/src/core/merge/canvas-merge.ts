/**
 * What a merge (or its undo) does to the canvas. The merged entities leave it; the survivor takes
 * their relationships, which keep their ids but now end at the survivor — so the survivor's links
 * are dropped and drawn again from the server's subgraph among what is on the canvas. An undo is
 * the same with the restored entities brought back around the survivor.
 */
import { mergeSubgraph, type DataGraph } from '../graph/data-graph.ts';
import type { SerializedGraph } from '../graph/types.ts';

/** The ids to ask the server's subgraph for: the canvas as it will be, with these added. */
export function idsAfter(graph: DataGraph, remove: readonly string[], add: readonly string[]): string[] {
  const gone = new Set(remove);
  const ids = new Set(graph.filterNodes((n) => !gone.has(n)));
  for (const id of add) ids.add(id);
  return [...ids];
}

/**
 * Redraws around `survivor`: drops `remove`, and the links whose ends the server now gives
 * otherwise (or no longer gives, for the survivor's), then merges `among` (the server's subgraph
 * of idsAfter) with new nodes placed around the survivor. Returns the ids of the nodes added.
 */
export function redrawAround(
  graph: DataGraph,
  survivor: string,
  remove: readonly string[],
  among: SerializedGraph,
): string[] {
  for (const id of remove) if (id !== survivor && graph.hasNode(id)) graph.dropNode(id);
  const given = new Map(among.edges.map((e) => [e.key, e]));
  if (graph.hasNode(survivor)) for (const edge of graph.edges(survivor)) if (!given.has(edge)) graph.dropEdge(edge);
  for (const edge of among.edges) {
    if (!graph.hasEdge(edge.key)) continue;
    if (graph.source(edge.key) !== edge.source || graph.target(edge.key) !== edge.target) graph.dropEdge(edge.key);
  }
  return mergeSubgraph(graph, among, { parent: survivor });
}
