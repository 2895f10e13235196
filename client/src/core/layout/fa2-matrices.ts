/**
 * The data graph as ForceAtlas2's flat matrices (the layout of graphology-layout-forceatlas2's
 * iterate.js: 10 floats a node, 3 an edge), built once per layout run on the main thread and
 * handed to the layout's worker. Node order is `keys`, so positions come back by index.
 */
import type { DataGraph } from '../graph/data-graph.ts';

/** floats per node and per edge in FA2's matrices */
export const PPN = 10;
export const PPE = 3;
export const NODE_X = 0;
export const NODE_Y = 1;
export const NODE_MASS = 6;
export const NODE_CONVERGENCE = 7;
export const NODE_SIZE = 8;
export const NODE_FIXED = 9;

export interface Fa2Matrices {
  keys: string[];
  nodes: Float32Array;
  edges: Float32Array;
}

/** Nodes a layout must not move: pinned by a drag, or hidden inside a closed group. */
export function graphToMatrices(graph: DataGraph): Fa2Matrices {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const nodes = new Float32Array(graph.order * PPN);
  graph.forEachNode((key, a) => {
    const i = keys.length;
    index.set(key, i);
    keys.push(key);
    const j = i * PPN;
    nodes[j + NODE_X] = a.x;
    nodes[j + NODE_Y] = a.y;
    nodes[j + NODE_MASS] = 1 + graph.degree(key);
    nodes[j + NODE_CONVERGENCE] = 1;
    nodes[j + NODE_SIZE] = 1;
    nodes[j + NODE_FIXED] = a.fixed ? 1 : 0;
  });
  // self-loops pull nothing; FA2 counts a multi-edge as a stronger tie, as its own helper does
  let count = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t) count++;
  });
  const edges = new Float32Array(count * PPE);
  let k = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    if (s === t) return;
    edges[k] = (index.get(s) ?? 0) * PPN;
    edges[k + 1] = (index.get(t) ?? 0) * PPN;
    edges[k + 2] = 1;
    k += PPE;
  });
  return { keys, nodes, edges };
}
