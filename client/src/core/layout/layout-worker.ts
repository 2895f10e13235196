/**
 * The layout's web worker: ForceAtlas2 (graphology's own iteration, Barnes-Hut for big graphs)
 * run in slices until it converges (convergence.ts), answering each `pull` from the canvas with the
 * current positions. The canvas pulls only once it has drawn the last ones, so the main thread is
 * never flooded: the layout iterates as fast as the worker can and the page draws as often as it
 * can afford.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { ConvergenceWatch, movement, positionsOf } from './convergence.ts';
import { NODE_FIXED, NODE_X, NODE_Y, PPN } from './fa2-matrices.ts';
import type { LayoutProgress, ToLayoutWorker } from './layout-protocol.ts';
import { seedByCommunity } from './seed-positions.ts';

/** how long one slice of iterations may run before the worker looks at its messages */
const SLICE_MS = 25;

interface Run {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Extract<ToLayoutWorker, { type: 'start' }>['settings'];
  watch: ConvergenceWatch;
  before: Float32Array;
  started: number;
  seedMs: number;
  /** display transform of a seeded run: the layout is shown at the seed's scale (see `shown`) */
  frame: { cx: number; cy: number; radius: number } | null;
  pulled: boolean;
}

let run: Run | null = null;

/** centre and root-mean-square radius of the nodes */
function spreadOf(nodes: Float32Array): { cx: number; cy: number; radius: number } {
  const count = nodes.length / PPN;
  let [cx, cy] = [0, 0];
  for (let j = 0; j < nodes.length; j += PPN) {
    cx += nodes[j + NODE_X] ?? 0;
    cy += nodes[j + NODE_Y] ?? 0;
  }
  cx /= count;
  cy /= count;
  let sum = 0;
  for (let j = 0; j < nodes.length; j += PPN)
    sum += ((nodes[j + NODE_X] ?? 0) - cx) ** 2 + ((nodes[j + NODE_Y] ?? 0) - cy) ** 2;
  return { cx, cy, radius: Math.sqrt(sum / count) || 1 };
}

/**
 * The positions the canvas shows. A seeded run (a new canvas) is shown at the seed's centre and
 * scale whatever size FA2 settles at, so the frame and camera set for the first nodes still hold
 * them; other runs are shown as FA2 has them (pinned nodes must stay exactly where they are).
 */
function shown(r: Run): Float32Array {
  const xy = positionsOf(r.nodes);
  if (!r.frame) return xy;
  const now = spreadOf(r.nodes);
  const k = r.frame.radius / now.radius;
  for (let i = 0; i < xy.length; i += 2) {
    xy[i] = r.frame.cx + ((xy[i] ?? 0) - now.cx) * k;
    xy[i + 1] = r.frame.cy + ((xy[i + 1] ?? 0) - now.cy) * k;
  }
  return xy;
}

function post(r: Run): void {
  const xy = shown(r);
  const message: LayoutProgress = {
    type: 'positions',
    xy,
    iterations: r.watch.iterations,
    movement: r.watch.last?.mean ?? Infinity,
    verdict: r.watch.verdict(),
    ms: performance.now() - r.started,
    seedMs: r.seedMs,
  };
  postMessage(message, { transfer: [xy.buffer] });
}

function slice(): void {
  const r = run;
  if (!r) return;
  const end = performance.now() + SLICE_MS;
  while (r.watch.verdict() === 'running' && performance.now() < end) {
    positionsOf(r.nodes, r.before);
    iterate(r.settings, r.nodes, r.edges);
    r.watch.record(movement(r.before, r.nodes));
  }
  if (r.watch.verdict() !== 'running') {
    // the last positions go out at once, pulled or not: the canvas is waiting for the verdict
    post(r);
    run = null;
    return;
  }
  if (r.pulled) {
    r.pulled = false;
    post(r);
  }
  setTimeout(slice, 0);
}

onmessage = (event: MessageEvent<ToLayoutWorker>) => {
  const message = event.data;
  if (message.type === 'pull') {
    if (run) run.pulled = true;
    return;
  }
  const started = performance.now();
  const { nodes, edges } = message;
  let frame: Run['frame'] = null;
  if (message.seed) {
    const before = spreadOf(nodes);
    const spacing = movement(positionsOf(nodes), nodes).spacing;
    seedByCommunity(nodes, edges, spacing);
    let anyFixed = false;
    for (let j = 0; j < nodes.length; j += PPN) if (nodes[j + NODE_FIXED]) anyFixed = true;
    if (!anyFixed) frame = before;
  }
  const seedMs = performance.now() - started;
  run = {
    nodes,
    edges,
    settings: message.settings,
    watch: new ConvergenceWatch(message.rule),
    before: new Float32Array((nodes.length / PPN) * 2),
    started,
    seedMs,
    frame,
    // the seed is worth drawing at once
    pulled: message.seed,
  };
  if (message.seed) post(run);
  run.pulled = false;
  setTimeout(slice, 0);
};
