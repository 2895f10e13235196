/**
 * The data graph: what the server sent, plus where each node is drawn and the investigator's own
 * edits (pinned, hidden). Colour, size, filters and highlight are never written here; the
 * renderer derives them through sigma's reducers.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeData, NodeData, SerializedGraph } from './types.ts';

export type DataGraph = MultiDirectedGraph<NodeData, EdgeData>;

export function createDataGraph(): DataGraph {
  return new MultiDirectedGraph<NodeData, EdgeData>();
}

/** A point on a circle around `centre`; the golden angle spreads successive children evenly. */
function near(centre: { x: number; y: number }, index: number, radius: number): { x: number; y: number } {
  const angle = index * 2.399963229728653;
  const r = radius * (1 + 0.15 * Math.sqrt(index));
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}

export interface MergeOptions {
  /** new nodes are placed around this node, so the view does not jump */
  parent?: string;
}

/**
 * Adds the nodes and edges of `subgraph` that are not there yet; properties of nodes already
 * present are refreshed, their positions kept. Returns the keys of the nodes added.
 */
export function mergeSubgraph(graph: DataGraph, subgraph: SerializedGraph, options: MergeOptions = {}): string[] {
  const added: string[] = [];
  const anchor =
    options.parent && graph.hasNode(options.parent)
      ? graph.getNodeAttributes(options.parent)
      : graph.order > 0
        ? centroid(graph)
        : { x: 0, y: 0 };
  const radius = graph.order > 1 ? Math.max(1, spread(graph) / Math.sqrt(graph.order)) : 10;
  for (const node of subgraph.nodes) {
    if (graph.hasNode(node.key)) {
      graph.mergeNodeAttributes(node.key, node.attributes);
      continue;
    }
    const given = node.attributes as { x?: unknown; y?: unknown };
    const position =
      typeof given.x === 'number' && typeof given.y === 'number'
        ? { x: given.x, y: given.y }
        : near(anchor, added.length + 1, radius);
    graph.addNode(node.key, { ...node.attributes, ...position } as NodeData);
    added.push(node.key);
  }
  for (const edge of subgraph.edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  }
  return added;
}

export function centroid(graph: DataGraph): { x: number; y: number } {
  let x = 0;
  let y = 0;
  graph.forEachNode((_, a) => {
    x += a.x;
    y += a.y;
  });
  return { x: x / graph.order, y: y / graph.order };
}

function spread(graph: DataGraph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return Math.max(maxX - minX, maxY - minY, 1);
}

/** Removes the neighbours that only `key` holds on the canvas (the opposite of expanding it). */
export function collapse(graph: DataGraph, key: string): string[] {
  if (!graph.hasNode(key)) return [];
  // graphology's edges(a, b) on a directed multigraph already counts both directions
  const removed = graph
    .neighbors(key)
    .filter((n) => graph.degree(n) === graph.edges(key, n).length && !graph.getNodeAttribute(n, 'fixed'));
  for (const n of removed) graph.dropNode(n);
  return removed;
}

/** graphology exports every edge with its key (keys are not optional in a graph built from ours). */
function edgeKey(key: string | undefined): string {
  if (key === undefined) throw new Error('graphology exported an edge without its key');
  return key;
}

export function toSerialized(graph: DataGraph): SerializedGraph {
  const exported = graph.export();
  return {
    nodes: exported.nodes.map((n) => ({
      key: n.key,
      attributes: n.attributes as SerializedGraph['nodes'][number]['attributes'],
    })),
    edges: (exported.edges ?? []).map((e) => ({
      key: edgeKey(e.key),
      source: e.source,
      target: e.target,
      attributes: e.attributes as SerializedGraph['edges'][number]['attributes'],
    })),
  };
}

/** Replaces the whole content of `graph` with `serialized`, positions included. */
export function replaceWith(graph: DataGraph, serialized: SerializedGraph): void {
  graph.clear();
  mergeSubgraph(graph, serialized);
}
