/**
 * The canvas: one sigma instance over the data graph. It renders nothing through React; its hooks
 * drive sigma from props — reducers and frame here, basemap, drag to pin, events and layout in
 * ./canvas/ — and report clicks, double-clicks and hovers.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DataGraph } from '../core/graph/data-graph.ts';
import { makeReducers, type RenderState } from '../core/render/reducers.ts';
import type { BBox } from '../core/render/frame.ts';
import { createSigma, type SigmaInstance } from './canvas/sigma-instance.ts';
import { useBasemap } from './canvas/useBasemap.ts';
import { useDragToPin } from './canvas/useDragToPin.ts';
import { useSigmaEvents, type CanvasHandlers } from './canvas/useSigmaEvents.ts';
import { useLayout } from './canvas/useLayout.ts';
import { useFlowMap } from './canvas/useFlowMap.ts';
import { batchGraphUpdates } from './canvas/batch-graph-updates.ts';
import { useLabelsInTheClear } from './canvas/useLabelsInTheClear.ts';
import { useMarquee, type SelectTool } from './canvas/useMarquee.ts';
import type { SelectMode } from '../core/selection/selection.ts';

export type { SigmaInstance } from './canvas/sigma-instance.ts';

interface Props extends CanvasHandlers {
  graph: DataGraph;
  /** bumped on every change to the data graph */
  version: number;
  /** bumped when the layout should run again (new nodes) */
  layoutRun: number;
  /** bumped by the session when the canvas gets its first nodes (the layout seeds a new big canvas) */
  frameRequest?: number;
  state: RenderState;
  /** the graph extent sigma maps onto the screen (see core/render/frame.ts) */
  frame: BBox | null;
  /** what a drag on the background does: pan, or draw a box or lasso (shift+drag: a box whatever the tool) */
  selectTool?: SelectTool;
  /** the nodes a box or lasso took */
  onSelectIds?(ids: string[], mode: SelectMode): void;
  onReady(sigma: SigmaInstance | null): void;
  onLayoutRunning(running: boolean): void;
  /** the layout has stopped: the camera may bring drifted nodes back into view */
  onLayoutSettled(): void;
}

export function GraphCanvas({
  graph,
  version,
  layoutRun,
  frameRequest = 0,
  state,
  frame,
  onSelect,
  onExpand,
  onHover,
  selectTool = 'pan',
  onSelectIds,
  onSelectEdge,
  onReady,
  onLayoutRunning,
  onLayoutSettled,
}: Props) {
  const [sigma, setSigma] = useState<SigmaInstance | null>(null);

  // sigma lives as long as its container element (and the graph, which lives as long as the page)
  const attach = useCallback(
    (container: HTMLDivElement | null) => {
      if (!container) return;
      const instance = createSigma(graph, container);
      const unbatch = batchGraphUpdates(instance);
      setSigma(instance);
      onReady(instance);
      // for the end-to-end tests and for analysts in the browser console: read-only use
      (window as unknown as { scamnet?: unknown }).scamnet = { sigma: instance, graph };
      return () => {
        onReady(null);
        setSigma(null);
        unbatch();
        instance.kill();
      };
    },
    [graph, onReady],
  );

  useBasemap(sigma, state.view);
  useDragToPin(sigma, graph, state.view);
  const drew = useMarquee(sigma, selectTool, (ids, mode) => onSelectIds?.(ids, mode));
  useSigmaEvents(sigma, { onSelect, onExpand, onHover, onSelectEdge }, drew);
  useLabelsInTheClear(sigma);
  useLayout(graph, sigma, layoutRun, frameRequest, state.view, onLayoutRunning, onLayoutSettled);

  // the route view draws a graph of its own: victim flows aggregated, centres clustered per country
  const flowMap = useFlowMap(sigma, graph, state, version);

  // reducers and frame follow the view's state and every change to the graph
  useEffect(() => {
    if (!sigma) return;
    const { nodeReducer, edgeReducer } = flowMap ? flowMap.reducers : makeReducers(graph, state);
    const reducers = { nodeReducer: nodeReducer as never, edgeReducer: edgeReducer as never };
    sigma.setCustomBBox(frame);
    // sigma runs the reducers over its graph as soon as they are set, and the data graph's reducers
    // fail on the map's items: the map's reducers (which take anything) are in while the graphs swap
    const drawn = flowMap ? flowMap.graph : graph;
    if (flowMap) sigma.setSettings(reducers);
    if (sigma.getGraph() !== drawn) sigma.setGraph(drawn);
    // one pass of the reducers over the graph, drawn in the next frame (two setSetting calls and
    // a refresh were three passes and a frame drawn here: 4 s of a 50k-link load, and of each hover)
    if (!flowMap) sigma.setSettings(reducers);
  }, [sigma, graph, state, version, frame, flowMap]);

  return <div ref={attach} className="canvas" data-testid="canvas" />;
}
