/**
 * The leaves of a hub: neighbours whose only link on the canvas is to the hub. After "expand all"
 * a hub's hundreds of leaves say one thing (how many of each kind hang off it), so they are folded
 * into one group per kind (groups.ts: "812 Centres"), a count badge until the analyst opens it.
 */
import type { DataGraph } from '../graph/data-graph.ts';
import { createGroup, groupOf, isGroupNode } from './groups.ts';

/** Fewer leaves of a kind than this stay as they are: a badge of three helps nobody. */
export const LEAF_FOLD_MIN = 5;

/** The hub's leaves by kind (not grouped, not hidden), kinds in name order. */
export function leavesOf(graph: DataGraph, hub: string): Array<{ kind: string; ids: string[] }> {
  if (!graph.hasNode(hub)) return [];
  const byKind = new Map<string, string[]>();
  graph.forEachNeighbor(hub, (n, a) => {
    if (isGroupNode(a) || a.inGroup || a.hiddenByUser || groupOf(graph, n)) return;
    if (graph.neighbors(n).some((other) => other !== hub)) return;
    byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), n]);
  });
  return [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, ids]) => ({ kind, ids }));
}

/**
 * Folds the hub's leaves into a closed group per kind with at least `min` of them, each beside the
 * hub; returns the groups made. The caller runs it inside one session edit, so undo takes the
 * expansion and the folding back together.
 */
export function foldLeaves(
  graph: DataGraph,
  hub: string,
  min = LEAF_FOLD_MIN,
): Array<{ id: string; kind: string; count: number }> {
  const made: Array<{ id: string; kind: string; count: number }> = [];
  for (const { kind, ids } of leavesOf(graph, hub)) {
    if (ids.length < min) continue;
    const id = createGroup(graph, ids);
    if (id) made.push({ id, kind, count: ids.length });
  }
  return made;
}
