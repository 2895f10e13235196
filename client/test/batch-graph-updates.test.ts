/**
 * sigma's per-item graph handlers batched into one partial refresh (client/src/components/canvas/
 * batch-graph-updates.ts). Sigma needs WebGL, which Node has not: the stand-in holds a real
 * graphology graph and sigma's own handler names (activeListeners), and records its refreshes.
 */
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { describe, expect, it } from 'vitest';
import { batchGraphUpdates } from '../src/components/canvas/batch-graph-updates.ts';

type Payload = { key: string };

function standIn() {
  const graph = new MultiDirectedGraph();
  const own: string[] = [];
  const refreshes: Array<{ nodes: string[]; edges: string[] }> = [];
  const listeners = new Map<string, () => void>();
  const activeListeners = Object.fromEntries(
    ['addNodeGraphUpdate', 'updateNodeGraphUpdate', 'addEdgeGraphUpdate', 'updateEdgeGraphUpdate'].map((name) => [
      name,
      ({ key }: Payload) => own.push(`${name}:${key}`),
    ]),
  );
  graph.on('nodeAdded', activeListeners.addNodeGraphUpdate!);
  graph.on('nodeAttributesUpdated', activeListeners.updateNodeGraphUpdate!);
  graph.on('edgeAdded', activeListeners.addEdgeGraphUpdate!);
  graph.on('edgeAttributesUpdated', activeListeners.updateEdgeGraphUpdate!);
  let drawn: MultiDirectedGraph = graph;
  const sigma = {
    activeListeners,
    getGraph: () => drawn,
    setGraph: (other: MultiDirectedGraph) => (drawn = other),
    refresh: (opts: { partialGraph: { nodes: string[]; edges: string[] } }) => refreshes.push(opts.partialGraph),
    on: (event: string, fn: () => void) => listeners.set(event, fn),
    removeListener: (event: string) => listeners.delete(event),
  };
  return { graph, own, refreshes, listeners, sigma: sigma as unknown as Sigma };
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('batchGraphUpdates', () => {
  it('refreshes nothing of the data graph while another graph is drawn (the route view’s map)', async () => {
    const { graph, refreshes, sigma } = standIn();
    batchGraphUpdates(sigma);
    (sigma as unknown as { setGraph(g: MultiDirectedGraph): void }).setGraph(new MultiDirectedGraph());
    graph.addNode('country:PH', { x: 1, y: 2 });
    graph.mergeNodeAttributes('country:PH', { x: 3 });
    await tick();
    // sigma would look these keys up in the map's graph, which has none of them
    expect(refreshes).toEqual([]);
  });

  it('turns a merge of many items into one partial refresh after it, with every key once', async () => {
    const { graph, own, refreshes, sigma } = standIn();
    batchGraphUpdates(sigma);
    for (let i = 0; i < 2000; i++) graph.addNode(`n${i}`, { label: `n${i}` });
    for (let i = 1; i < 2000; i++) graph.addEdgeWithKey(`e${i}`, `n${i - 1}`, `n${i}`);
    graph.mergeNodeAttributes('n5', { label: 'five' });
    expect(refreshes).toEqual([]);
    await tick();
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.nodes).toHaveLength(2000);
    expect(refreshes[0]!.edges).toHaveLength(1999);
    // sigma's own per-item handlers did not run
    expect(own).toEqual([]);
  });

  it('skips items dropped before the refresh, and refreshes before a frame drawn in the same task', async () => {
    const { graph, refreshes, listeners, sigma } = standIn();
    batchGraphUpdates(sigma);
    graph.addNode('a');
    graph.addNode('b');
    graph.addEdgeWithKey('ab', 'a', 'b');
    graph.dropNode('b');
    // a frame asked for in the same task: sigma's beforeRender runs the refresh first
    listeners.get('beforeRender')!();
    expect(refreshes).toEqual([{ nodes: ['a'], edges: [] }]);
    await tick();
    expect(refreshes).toHaveLength(1);
  });

  it('puts sigma’s own handlers back when undone (before sigma is killed)', async () => {
    const { graph, own, refreshes, listeners, sigma } = standIn();
    const undo = batchGraphUpdates(sigma);
    undo();
    graph.addNode('a');
    await tick();
    expect(refreshes).toEqual([]);
    expect(own).toEqual(['addNodeGraphUpdate:a']);
    expect(listeners.has('beforeRender')).toBe(false);
  });
});
