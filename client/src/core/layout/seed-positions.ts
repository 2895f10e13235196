/**
 * Where a new big canvas starts, before ForceAtlas2: grouped by community, not on the merge's
 * spiral. From a spiral of 10,000 nodes in the server's order, linked nodes start far apart and
 * FA2 needs thousands of iterations to untangle the disc; from a community seed it only has to
 * settle each neighbourhood. Louvain finds the communities, a small FA2 on the graph of
 * communities (one node each, edges weighted by the links between them) places them, and each
 * community's members start in a disc around its place, sized by how many it holds. Runs in the
 * layout's worker, off the main thread.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRandom as random } from '../analysis/communities.ts';
import { NODE_FIXED, NODE_X, NODE_Y, PPE, PPN } from './fa2-matrices.ts';

/**
 * Rewrites x, y of the free nodes in `nodes` (FA2's matrix) around the centre of the current
 * positions, with a typical spacing of `spacing` between nodes. Fixed (pinned) nodes keep theirs.
 */
export function seedByCommunity(nodes: Float32Array, edges: Float32Array, spacing: number): void {
  const count = nodes.length / PPN;
  if (count < 3) return;
  const rng = random(count * 7919 + edges.length);
  const graph = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < count; i++) graph.addNode(i);
  for (let e = 0; e < edges.length; e += PPE) {
    const s = (edges[e] ?? 0) / PPN;
    const t = (edges[e + 1] ?? 0) / PPN;
    const w = edges[e + 2] ?? 0;
    if (s === t) continue;
    if (graph.hasEdge(s, t)) graph.updateEdgeAttribute(s, t, 'weight', (x: number) => x + w);
    else graph.addEdge(s, t, { weight: w });
  }
  const community = louvain(graph, { rng, getEdgeWeight: 'weight' });

  // the graph of communities
  const members = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const c = community[i] ?? 0;
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  }
  const quotient = new Graph({ type: 'undirected' });
  for (const [c, list] of members) {
    const angle = rng() * 2 * Math.PI;
    const r = Math.sqrt(rng());
    quotient.addNode(c, { x: r * Math.cos(angle), y: r * Math.sin(angle), size: Math.sqrt(list.length) });
  }
  graph.forEachEdge((_e, a, s, t) => {
    const cs = community[s] ?? 0;
    const ct = community[t] ?? 0;
    if (cs === ct) return;
    if (quotient.hasEdge(cs, ct)) quotient.updateEdgeAttribute(cs, ct, 'weight', (w: number) => w + a.weight);
    else quotient.addEdge(cs, ct, { weight: a.weight });
  });
  // Barnes-Hut past a few hundred communities (many singletons when the graph has few links)
  const places = forceAtlas2(quotient, {
    iterations: quotient.order > 400 ? 60 : 200,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(quotient), linLogMode: true, barnesHutOptimize: quotient.order > 400 },
  });

  // scale the places so the communities' discs (area ∝ members) fill about twice their own area
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of Object.values(places)) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const side = Math.max(maxX - minX, maxY - minY, 1e-9);
  const wanted = Math.sqrt(2 * count) * spacing;
  const scale = wanted / side;
  const cx0 = (minX + maxX) / 2;
  const cy0 = (minY + maxY) / 2;
  let [centreX, centreY, fixedCount] = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    centreX += nodes[i * PPN + NODE_X] ?? 0;
    centreY += nodes[i * PPN + NODE_Y] ?? 0;
    if (nodes[i * PPN + NODE_FIXED]) fixedCount++;
  }
  if (fixedCount === count) return;
  centreX /= count;
  centreY /= count;

  for (const [c, list] of members) {
    const place = places[String(c)] ?? { x: cx0, y: cy0 };
    const px = centreX + (place.x - cx0) * scale;
    const py = centreY + (place.y - cy0) * scale;
    const radius = spacing * Math.sqrt(list.length) * 0.6;
    for (const i of list) {
      const j = i * PPN;
      if (nodes[j + NODE_FIXED]) continue;
      const angle = rng() * 2 * Math.PI;
      const r = radius * Math.sqrt(rng());
      nodes[j + NODE_X] = px + r * Math.cos(angle);
      nodes[j + NODE_Y] = py + r * Math.sin(angle);
    }
  }
}
