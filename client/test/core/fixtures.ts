/**
 * Hand-built inputs for the client core tests (run in node): filter sets over NO_FILTERS, and
 * small data graphs from short node and edge lists. None is drawn from a source.
 */
import { NO_FILTERS, type Filters } from '../../src/core/filters/filters.ts';
import { createDataGraph, mergeSubgraph, type DataGraph } from '../../src/core/graph/data-graph.ts';
import type { SerializedGraph } from '../../src/core/graph/types.ts';

export const filters = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });
export const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** A serialised graph from short node and edge lists: nodes as [key, kind, extra], edges as [key, from, to, kind]. */
export function serializedOf(
  nodes: Array<[string, string, Record<string, unknown>?]>,
  edges: Array<[string, string, string, string]> = [],
): SerializedGraph {
  return {
    nodes: nodes.map(([key, kind, extra]) => ({ key, attributes: { kind, label: key, ...extra } })),
    edges: edges.map(([key, source, target, kind]) => ({ key, source, target, attributes: { kind } })),
  };
}

export function graphOf(
  nodes: Array<[string, string, Record<string, unknown>?]>,
  edges: Array<[string, string, string, string]> = [],
): DataGraph {
  const graph = createDataGraph();
  mergeSubgraph(graph, serializedOf(nodes, edges));
  return graph;
}
