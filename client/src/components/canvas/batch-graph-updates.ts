/**
 * Sigma 3 answers every `nodeAdded` / `edgeAdded` / attributes event of the graph on its own: it
 * runs the reducer for the item, then refreshes that one item (which runs the reducer again). A
 * query result of 10k nodes and 50k links is 60k events, each twice through the reducers, before
 * the first frame (the profile of issue 14: ~2.6 s of a 50k-link load in these handlers). Here the
 * handlers are swapped for ones that note the key and refresh everything noted in one
 * partial refresh, in a microtask: after the merge that emitted them and before any frame (sigma
 * draws in an animation frame, and a microtask always runs first). Drops and clears still go
 * straight to sigma, which forgets the item at once; a noted key that no longer exists is skipped.
 */
import type Sigma from 'sigma';

type Handler = (payload: { key: string }) => void;

interface SigmaHandlers {
  activeListeners: Record<string, Handler>;
}

/** sigma's handler names for the events batched here */
const BATCHED = [
  ['nodeAdded', 'addNodeGraphUpdate', 'node'],
  ['nodeAttributesUpdated', 'updateNodeGraphUpdate', 'node'],
  ['edgeAdded', 'addEdgeGraphUpdate', 'edge'],
  ['edgeAttributesUpdated', 'updateEdgeGraphUpdate', 'edge'],
] as const;

/** Returns a function that puts sigma's own handlers back. */
export function batchGraphUpdates<N extends object, E extends object>(sigma: Sigma<N, E>): () => void {
  const graph = sigma.getGraph();
  const handlers = (sigma as unknown as SigmaHandlers).activeListeners;
  const nodes = new Set<string>();
  const edges = new Set<string>();
  let queued = false;

  const flush = () => {
    queued = false;
    if (nodes.size === 0 && edges.size === 0) return;
    if (sigma.getGraph() !== graph) {
      // another graph is drawn (the route view's map): these keys are not its items, and setting the
      // data graph back re-indexes it whole
      nodes.clear();
      edges.clear();
      return;
    }
    const partial = {
      nodes: [...nodes].filter((n) => graph.hasNode(n)),
      edges: [...edges].filter((e) => graph.hasEdge(e)),
    };
    nodes.clear();
    edges.clear();
    // skipIndexation false: sigma re-indexes (and so re-processes) before its next frame
    sigma.refresh({ partialGraph: partial, skipIndexation: false, schedule: true });
  };
  // a frame asked for by something else in the same task still sees every item
  sigma.on('beforeRender', flush);

  const swapped = BATCHED.map(([event, name, kind]) => {
    const own = handlers[name];
    const noted: Handler = ({ key }) => {
      (kind === 'node' ? nodes : edges).add(key);
      if (queued) return;
      queued = true;
      queueMicrotask(flush);
    };
    if (own) graph.removeListener(event, own);
    graph.on(event, noted);
    return { event, own, noted };
  });

  return () => {
    sigma.removeListener('beforeRender', flush);
    for (const { event, own, noted } of swapped) {
      graph.removeListener(event, noted);
      if (own) graph.on(event, own);
    }
  };
}
