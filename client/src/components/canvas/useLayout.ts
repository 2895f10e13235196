/**
 * ForceAtlas2 in its web worker (core/layout/layout-worker.ts) after each layout request, until it
 * converges (core/layout/convergence.ts), with pinned nodes held in place, so the network settles
 * without freezing the page; never in the route view. A new big canvas starts from a community
 * seed instead of the merge's spiral. Positions are drawn progressively: the canvas asks for the
 * next ones only after it has drawn the last, and waits twice as long as that took, so clicks and
 * hovers always find the main thread free within a frame or two. When it stops, `onSettled` lets
 * the camera bring drifted nodes back into view.
 *
 * The state of the run is on `window.scamnet.layout` and on the canvas's `data-layout` attribute
 * (running, converged, capped), for the browser tests and the client bench.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import type { ViewMode } from '../../core/url/url-state.ts';
import { DEFAULT_RULE } from '../../core/layout/convergence.ts';
import { graphToMatrices } from '../../core/layout/fa2-matrices.ts';
import type { LayoutProgress, LayoutVerdict, ToLayoutWorker } from '../../core/layout/layout-protocol.ts';
import type { SigmaInstance } from './sigma-instance.ts';

/** A new canvas of at least this many nodes starts from the community seed. */
export const SEED_FROM_NODES = 300;
/** the shortest pause between two draws of a running layout */
const MIN_GAP_MS = 30;

/** What the page tells about the last layout run (`window.scamnet.layout`). */
export interface LayoutReport {
  state: 'idle' | LayoutVerdict;
  nodes: number;
  iterations: number;
  movement: number;
  /** worker time from start to the verdict (or so far) */
  ms: number;
  seeded: boolean;
  seedMs: number;
  /** how many times the canvas drew positions during the run */
  draws: number;
  /** performance.now() on the page when the run started, to match long tasks and clicks against it */
  startedAt: number;
}

/** FA2's settings for a graph of `order` nodes: graphology's inferred ones, Barnes-Hut past 400. */
export function layoutSettings(order: number): Required<ForceAtlas2Settings> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(order, 1)),
    barnesHutOptimize: order > 400,
    barnesHutTheta: 0.5,
  };
}

function report(container: HTMLElement | null, r: LayoutReport): void {
  const w = window as unknown as { scamnet?: { layout?: LayoutReport } };
  if (w.scamnet) w.scamnet.layout = r;
  container?.setAttribute('data-layout', r.state);
}

export function useLayout(
  graph: DataGraph,
  sigma: SigmaInstance | null,
  layoutRun: number,
  /** bumped by the session when the canvas gets its first nodes: a new canvas, worth a seed */
  frameRequest: number,
  view: ViewMode,
  onRunning: (running: boolean) => void,
  onSettled: () => void,
): void {
  const running = useEffectEvent(onRunning);
  const settled = useEffectEvent(onSettled);
  // the frame request whose canvas has had its seed: each new canvas is seeded once, by its first run
  const seededFor = useRef(0);

  useEffect(() => {
    if (!sigma || view === 'routes' || graph.order < 2 || layoutRun === 0) return;
    const container = sigma.getContainer();
    const { keys, nodes, edges } = graphToMatrices(graph);
    const seed = frameRequest !== seededFor.current && graph.order >= SEED_FROM_NODES;
    seededFor.current = frameRequest;
    const worker = new Worker(new URL('../../core/layout/layout-worker.ts', import.meta.url), { type: 'module' });
    const progress: LayoutReport = {
      state: 'running',
      nodes: graph.order,
      iterations: 0,
      movement: Infinity,
      ms: 0,
      seeded: seed,
      seedMs: 0,
      draws: 0,
      startedAt: performance.now(),
    };
    let pullTimer: ReturnType<typeof setTimeout> | undefined;
    let done = false;

    // Positions are written straight into the node attributes and sigma is told which nodes to
    // redraw: graphology's update event would make sigma run the node reducer twice per node.
    const attrs = keys.map((k) => graph.getNodeAttributes(k));
    const apply = (xy: Float32Array) => {
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs[i];
        // a node pinned by a drag during the run stays where the hand put it
        if (!a || a.fixed) continue;
        a.x = xy[2 * i] ?? 0;
        a.y = xy[2 * i + 1] ?? 0;
      }
      sigma.refresh({ partialGraph: { nodes: keys.filter((k) => graph.hasNode(k)) }, schedule: true });
    };

    worker.onmessage = (event: MessageEvent<LayoutProgress>) => {
      if (done) return;
      const m = event.data;
      const started = performance.now();
      apply(m.xy);
      Object.assign(progress, {
        iterations: m.iterations,
        movement: m.movement,
        ms: m.ms,
        seedMs: m.seedMs,
        draws: progress.draws + 1,
      });
      if (m.verdict !== 'running') {
        done = true;
        progress.state = m.verdict;
        report(container, progress);
        worker.terminate();
        running(false);
        settled();
        return;
      }
      report(container, progress);
      // the next positions once these are on screen, after a pause as long as twice the drawing took
      const next = () => {
        if (done) return;
        const cost = performance.now() - started;
        pullTimer = setTimeout(
          () => worker.postMessage({ type: 'pull' } satisfies ToLayoutWorker),
          Math.max(MIN_GAP_MS, 2 * cost),
        );
      };
      sigma.once('afterRender', next);
    };
    worker.onerror = (event) => {
      console.error('layout worker failed:', event.message);
      done = true;
      progress.state = 'capped';
      report(container, progress);
      running(false);
    };

    const start: ToLayoutWorker = {
      type: 'start',
      nodes,
      edges,
      settings: layoutSettings(graph.order),
      rule: DEFAULT_RULE,
      seed,
    };
    worker.postMessage(start, [nodes.buffer, edges.buffer]);
    // the first positions as soon as the worker has them
    worker.postMessage({ type: 'pull' } satisfies ToLayoutWorker);
    report(container, progress);
    running(true);
    return () => {
      clearTimeout(pullTimer);
      worker.terminate();
      if (!done) {
        done = true;
        progress.state = 'idle';
        report(container, progress);
        running(false);
      }
    };
  }, [graph, sigma, layoutRun, frameRequest, view]);
}
