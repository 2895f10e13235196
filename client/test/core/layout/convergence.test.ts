/**
 * The layout's parts that run without a browser: the convergence measure and its verdicts, the
 * FA2 matrices built from the data graph, and the community seed (which puts linked nodes together,
 * unlike the merge's spiral). ForceAtlas2 itself is graphology's; here it runs on two cliques.
 */
import { describe, expect, it } from 'vitest';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { createDataGraph } from '../../../src/core/graph/data-graph.ts';
import { ConvergenceWatch, movement, positionsOf } from '../../../src/core/layout/convergence.ts';
import { graphToMatrices, NODE_FIXED, PPN } from '../../../src/core/layout/fa2-matrices.ts';
import { seedByCommunity } from '../../../src/core/layout/seed-positions.ts';
import { layoutSettings } from '../../../src/components/canvas/useLayout.ts';

/** Two cliques of `size` joined by one link, laid on a spiral in alternating order (the worst start). */
function twoCliques(size: number) {
  const graph = createDataGraph();
  for (let i = 0; i < 2 * size; i++) {
    const a = i * 2.399963229728653;
    const r = 10 * (1 + 0.15 * Math.sqrt(i + 1));
    graph.addNode(`n${i}`, { kind: 'Centre', label: `n${i}`, x: r * Math.cos(a), y: r * Math.sin(a) } as never);
  }
  // even nodes in one clique, odd in the other: neighbours on the spiral are never linked
  for (let i = 0; i < 2 * size; i++)
    for (let j = i + 2; j < 2 * size; j += 2) graph.addDirectedEdge(`n${i}`, `n${j}`, { kind: 'LINK' } as never);
  graph.addDirectedEdge('n0', 'n1', { kind: 'LINK' } as never);
  return graph;
}

/** mean link length over the root-mean-square radius: small when linked nodes sit together */
function linkOverRadius(nodes: Float32Array, edges: Float32Array): number {
  const n = nodes.length / PPN;
  let [cx, cy] = [0, 0];
  for (let j = 0; j < nodes.length; j += PPN) [cx, cy] = [cx + (nodes[j] ?? 0) / n, cy + (nodes[j + 1] ?? 0) / n];
  let r = 0;
  for (let j = 0; j < nodes.length; j += PPN) r += ((nodes[j] ?? 0) - cx) ** 2 + ((nodes[j + 1] ?? 0) - cy) ** 2;
  let links = 0;
  for (let e = 0; e < edges.length; e += 3) {
    const [s, t] = [edges[e] ?? 0, edges[e + 1] ?? 0];
    links += Math.hypot((nodes[s] ?? 0) - (nodes[t] ?? 0), (nodes[s + 1] ?? 0) - (nodes[t + 1] ?? 0));
  }
  return links / (edges.length / 3) / Math.sqrt(r / n);
}

describe('the layout', () => {
  it('measures movement as a share of the node spacing, whatever the scale, and leaves pinned nodes out', () => {
    const graph = twoCliques(10);
    graph.setNodeAttribute('n3', 'fixed', true);
    const { nodes } = graphToMatrices(graph);
    expect(nodes[3 * PPN + NODE_FIXED]).toBe(1);
    const before = positionsOf(nodes);
    const moved = Float32Array.from(nodes);
    for (let j = 0; j < moved.length; j += PPN) moved[j] = (moved[j] ?? 0) + 1;
    const m = movement(before, moved);
    expect(m.mean * m.spacing).toBeCloseTo(1, 5);
    // the same drawing ten times larger, moved ten times further: the same share
    const big = Float32Array.from(nodes, (v, i) => (i % PPN < 2 ? v * 10 : v));
    const bigMoved = Float32Array.from(big);
    for (let j = 0; j < bigMoved.length; j += PPN) bigMoved[j] = (bigMoved[j] ?? 0) + 10;
    expect(movement(positionsOf(big), bigMoved).mean).toBeCloseTo(m.mean, 5);
  });

  it('says converged after enough calm iterations in a row, capped at the cap, running otherwise', () => {
    const rule = { threshold: 0.01, calmIterations: 3, maxIterations: 10 };
    const calm = { mean: 0.001, max: 0.01, spacing: 1 };
    const busy = { mean: 0.5, max: 2, spacing: 1 };
    const watch = new ConvergenceWatch(rule);
    for (const m of [calm, calm, busy, calm, calm]) watch.record(m);
    expect(watch.verdict()).toBe('running');
    watch.record(calm);
    expect(watch.verdict()).toBe('converged');
    const never = new ConvergenceWatch(rule);
    for (let i = 0; i < 10; i++) never.record(busy);
    expect(never.verdict()).toBe('capped');
  });

  it('seeds linked nodes together and FA2 then converges before its cap, pinned nodes kept', () => {
    const graph = twoCliques(40);
    graph.setNodeAttribute('n5', 'fixed', true);
    const { nodes, edges } = graphToMatrices(graph);
    const pinned = [nodes[5 * PPN], nodes[5 * PPN + 1]];
    const spiral = linkOverRadius(nodes, edges);
    seedByCommunity(nodes, edges, movement(positionsOf(nodes), nodes).spacing);
    const seeded = linkOverRadius(nodes, edges);
    expect(seeded).toBeLessThan(spiral / 1.5);
    expect([nodes[5 * PPN], nodes[5 * PPN + 1]]).toEqual(pinned);

    const watch = new ConvergenceWatch({ threshold: 0.01, calmIterations: 20, maxIterations: 3000 });
    const before = new Float32Array((nodes.length / PPN) * 2);
    while (watch.verdict() === 'running') {
      positionsOf(nodes, before);
      iterate(layoutSettings(graph.order), nodes, edges);
      watch.record(movement(before, nodes));
    }
    expect(watch.verdict()).toBe('converged');
    expect(linkOverRadius(nodes, edges)).toBeLessThan(spiral / 1.5);
    expect([nodes[5 * PPN], nodes[5 * PPN + 1]]).toEqual(pinned);
  });
});
