/**
 * Node size from a measure of importance: degree (on the canvas), or a centrality from
 * graphology-metrics. Sizes are scaled into a fixed pixel range so a hub stands out without
 * covering its neighbours. Betweenness is counted over what is shown, direction dropped
 * (core/analysis/centrality.ts); nodes left out of it are drawn at the smallest size.
 */
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { DataGraph } from '../graph/data-graph.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { betweennessOf } from '../analysis/centrality.ts';
import { visibleUndirected } from '../analysis/visible-graph.ts';

export const SIZE_MEASURES = ['degree', 'betweenness', 'pagerank'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

const MIN = 4;
const MAX = 18;

export function nodeSizes(graph: DataGraph, measure: SizeMeasure, filters: Filters = NO_FILTERS): Map<string, number> {
  let raw = new Map<string, number>();
  if (graph.order === 0) return raw;
  if (measure === 'degree') graph.forEachNode((n) => raw.set(n, graph.degree(n)));
  else if (measure === 'betweenness') raw = betweennessOf(visibleUndirected(graph, filters));
  else for (const [n, v] of Object.entries(pagerank(graph, { getEdgeWeight: null }))) raw.set(n, v);
  const values = [...raw.values()];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const sizes = new Map<string, number>();
  for (const [n, v] of raw)
    sizes.set(n, hi === lo ? (MIN + MAX) / 2 : MIN + (Math.sqrt(v - lo) / Math.sqrt(hi - lo)) * (MAX - MIN));
  graph.forEachNode((n) => {
    if (!sizes.has(n)) sizes.set(n, MIN);
  });
  return sizes;
}
