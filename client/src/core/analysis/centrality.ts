/**
 * Betweenness on what is shown: how often a node lies on the shortest paths between two others,
 * counted over the visible graph with direction dropped (visible-graph.ts). Over the directed
 * canvas a broker whose links all point out of it (a facilitator who RECRUITS_FOR two centres)
 * lies on no directed path and scored 0; hidden and filtered nodes no longer lend it paths either.
 */
import betweenness from 'graphology-metrics/centrality/betweenness';
import type { VisibleGraph } from './visible-graph.ts';

/** Normalised betweenness (0..1) of every node of `graph`, by hops (the link weights are not distances). */
export function betweennessOf(graph: VisibleGraph): Map<string, number> {
  if (graph.order === 0) return new Map();
  return new Map(Object.entries(betweenness(graph, { normalized: true, getEdgeWeight: null })));
}
