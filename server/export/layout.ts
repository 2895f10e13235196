/**
 * Node positions for the formats that draw (GEXF, ANX, the briefing pack): the request's own
 * positions where given (the client's layout), else a deterministic layout — a circle in id
 * order, then ForceAtlas2 for a fixed number of iterations — so the same export draws the same.
 */
import { MultiDirectedGraph } from 'graphology';
import { circular } from 'graphology-layout';
import fa2 from 'graphology-layout-forceatlas2';

// The package is CommonJS (`module.exports = layout`) while its types declare a default export;
// under NodeNext the default import is module.exports itself.
const forceAtlas2 = fa2 as unknown as typeof fa2.default;
import type { SerializedGraph } from '../store/types.ts';

export type Positions = Map<string, { x: number; y: number }>;

/**
 * How long ForceAtlas2 runs, as a fixed amount of work rather than a time, so that the same export
 * always draws the same. Without Barnes-Hut an iteration compares every pair of nodes, so the
 * iterations shrink with the square of the size: 300 for a few dozen nodes, 62 for 200 (the 2-hop
 * ego of the bench: 300 iterations took 160 ms there, as long as the rest of the export), never
 * fewer than 40. Past 500 nodes Barnes-Hut makes an iteration about n·log n; the client lays a big
 * graph out again anyway, and Gephi users run their own layout.
 */
const PAIR_STEPS = 2_500_000;
const BARNES_HUT_FROM = 500;

function iterationsFor(order: number): number {
  if (order <= BARNES_HUT_FROM) return Math.min(300, Math.max(40, Math.floor(PAIR_STEPS / (order * order))));
  if (order <= 10_000) return 40;
  return 0;
}

export function layoutPositions(
  graph: SerializedGraph,
  given: Record<string, { x: number; y: number }> = {},
): Positions {
  const g = new MultiDirectedGraph();
  for (const node of [...graph.nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) g.addNode(node.key);
  for (const edge of graph.edges)
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.addEdge(edge.source, edge.target);
  const missing = g.filterNodes((key) => !Object.hasOwn(given, key));
  if (missing.length > 0) {
    circular.assign(g, { scale: Math.max(10, Math.sqrt(g.order) * 10) });
    g.forEachNode((key) => {
      const fixed = Object.hasOwn(given, key) ? given[key] : undefined;
      if (fixed) g.mergeNodeAttributes(key, { x: fixed.x, y: fixed.y, fixed: true });
    });
    const iterations = iterationsFor(g.order);
    if (iterations > 0 && g.order > 1)
      forceAtlas2.assign(g, {
        iterations,
        settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > BARNES_HUT_FROM },
      });
  } else {
    g.forEachNode((key) => g.mergeNodeAttributes(key, given[key] ?? {}));
  }
  const positions: Positions = new Map();
  g.forEachNode((key, attrs) => positions.set(key, { x: round(attrs.x as number), y: round(attrs.y as number) }));
  return positions;
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : 0);
