/**
 * ForceAtlas2 in its web worker for a few seconds after each layout request, with pinned nodes held
 * in place, so the network settles without freezing the page; never in the route view. When it
 * stops, `onSettled` lets the camera bring drifted nodes back into view.
 */
import { useEffect, useEffectEvent } from 'react';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import type { EdgeData, NodeData } from '../../core/graph/types.ts';
import type { ViewMode } from '../../core/url/url-state.ts';

/** How long the layout runs: its budget, not a guess at when something else has happened. */
export const LAYOUT_MS = 2500;

export function useLayout(
  graph: DataGraph,
  ready: boolean,
  layoutRun: number,
  view: ViewMode,
  onRunning: (running: boolean) => void,
  onSettled: () => void,
): void {
  const running = useEffectEvent(onRunning);
  const settled = useEffectEvent(onSettled);

  useEffect(() => {
    if (!ready || view === 'routes' || graph.order < 2 || layoutRun === 0) return;
    const layout = new FA2Layout<NodeData, EdgeData>(graph, {
      settings: { ...inferSettings(graph), slowDown: 8, barnesHutOptimize: graph.order > 400 },
    });
    layout.start();
    running(true);
    const budget = setTimeout(() => {
      layout.stop();
      running(false);
      settled();
    }, LAYOUT_MS);
    return () => {
      clearTimeout(budget);
      layout.kill();
      running(false);
    };
  }, [graph, ready, layoutRun, view]);
}
