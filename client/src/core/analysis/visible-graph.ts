/**
 * The graph the analysis measures: what is on the canvas and shown, as one undirected simple
 * graph. Nodes hidden by the investigator or by a filter are left out (faded ones too: a filter
 * said they do not count), and so are links a filter leaves out or whose ends are gone. Direction
 * is dropped: a broker who recruits for two centres joins them whichever way the arrows point,
 * and parallel links between two nodes become one, weighted by how many there were. A group
 * (combo) stands for its members: the entities are measured, folded or not, and the group node
 * and its aggregated links, which are drawing, not data, are left out.
 */
import { UndirectedGraph } from 'graphology';
import type { DataGraph } from '../graph/data-graph.ts';
import { edgePasses, nodePasses, type Filters } from '../filters/filters.ts';
import { isAggregateEdge, isGroupNode } from '../groups/groups.ts';

export interface VisibleNode {
  label: string;
  kind: string;
}
export interface VisibleLink {
  /** how many links of the canvas join the two */
  weight: number;
}
export type VisibleGraph = UndirectedGraph<VisibleNode, VisibleLink>;

/** `leaveOut`: relationship kinds not counted as links here, whatever the filters say. */
export function visibleUndirected(graph: DataGraph, filters: Filters, leaveOut: readonly string[] = []): VisibleGraph {
  const out: VisibleGraph = new UndirectedGraph();
  graph.forEachNode((node, data) => {
    if (isGroupNode(data) || data.hiddenByUser || !nodePasses(data, filters)) return;
    out.addNode(node, { label: data.label, kind: data.kind });
  });
  graph.forEachEdge((_edge, data, source, target) => {
    if (isAggregateEdge(data) || source === target || !out.hasNode(source) || !out.hasNode(target)) return;
    if (leaveOut.includes(data.kind) || !edgePasses(data, filters)) return;
    if (out.hasEdge(source, target)) out.updateEdgeAttribute(source, target, 'weight', (w) => (w ?? 0) + 1);
    else out.addEdge(source, target, { weight: 1 });
  });
  return out;
}

/** The subgraph of `graph` induced by `members` (a community), as a graph of its own. */
export function induced(graph: VisibleGraph, members: Iterable<string>): VisibleGraph {
  const out: VisibleGraph = new UndirectedGraph();
  for (const node of members) out.addNode(node, graph.getNodeAttributes(node));
  out.forEachNode((node) =>
    graph.forEachNeighbor(node, (other) => {
      if (out.hasNode(other) && !out.hasEdge(node, other))
        out.addEdge(node, other, { ...graph.getEdgeAttributes(node, other) });
    }),
  );
  return out;
}
