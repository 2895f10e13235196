/**
 * The canvas: one sigma instance over the data graph. It renders nothing through React; it
 * drives sigma from props (reducers, camera frame, layout) and reports clicks, double-clicks and
 * hovers. ForceAtlas2 runs in its web worker for a few seconds after the graph changes, with
 * pinned nodes held in place, so the view settles without freezing the page.
 */
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { DataGraph } from '../core/graph/data-graph.ts';
import type { EdgeData, NodeData } from '../core/graph/types.ts';
import { makeReducers, type RenderState } from '../core/render/reducers.ts';
import type { BBox } from '../core/render/frame.ts';
import { drawBasemap, worldRings, type Ring } from '../core/geo/basemap.ts';
import { NodeIconProgram } from '../core/style/icons.ts';

export type SigmaInstance = Sigma<NodeData, EdgeData>;

interface Props {
  graph: DataGraph;
  /** bumped on every change to the data graph */
  version: number;
  /** bumped when the layout should run again (new nodes) */
  layoutRun: number;
  state: RenderState;
  /** the graph extent sigma maps onto the screen (see core/render/frame.ts) */
  frame: BBox | null;
  onSelect(node: string | null): void;
  onExpand(node: string): void;
  onHover(node: string | null): void;
  onReady(sigma: SigmaInstance | null): void;
  onLayoutRunning(running: boolean): void;
  /** the layout has stopped: the App may bring drifted nodes back into view */
  onLayoutSettled(): void;
}

const LAYOUT_MS = 2500;

export function GraphCanvas({
  graph,
  version,
  layoutRun,
  state,
  frame,
  onSelect,
  onExpand,
  onHover,
  onReady,
  onLayoutRunning,
  onLayoutSettled,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<SigmaInstance | null>(null);
  const layoutRef = useRef<FA2Layout<NodeData, EdgeData> | null>(null);
  const rings = useRef<Ring[] | null>(null);
  const handlers = useRef({ onSelect, onExpand, onHover, onLayoutSettled });
  handlers.current = { onSelect, onExpand, onHover, onLayoutSettled };
  const view = useRef(state.view);
  view.current = state.view;

  useEffect(() => {
    const sigma = new Sigma<NodeData, EdgeData>(graph, container.current!, {
      defaultEdgeType: 'arrow',
      defaultNodeType: 'icon',
      nodeProgramClasses: { icon: NodeIconProgram as never },
      renderEdgeLabels: false,
      labelDensity: 0.08,
      labelGridCellSize: 80,
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
      stagePadding: 40,
    });
    sigmaRef.current = sigma;

    // the basemap layer, under the edges; drawn only in the route view
    const basemap = sigma.createCanvas('basemap', { beforeLayer: 'edges' });
    const context = basemap.getContext('2d')!;
    sigma.on('beforeRender', () => {
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      if (basemap.width !== width * ratio) {
        basemap.width = width * ratio;
        basemap.height = height * ratio;
        basemap.style.width = `${width}px`;
        basemap.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (view.current !== 'routes') {
        context.clearRect(0, 0, width, height);
        return;
      }
      rings.current ??= worldRings();
      drawBasemap(context, rings.current, (p) => sigma.graphToViewport(p), { width, height });
    });

    // dragging a node moves and pins it
    let dragged: string | null = null;
    sigma.on('downNode', ({ node }) => {
      dragged = node;
      sigma.getCamera().disable();
    });
    sigma.getMouseCaptor().on('mousemovebody', (event) => {
      if (!dragged || view.current === 'routes') return;
      const p = sigma.viewportToGraph(event);
      graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y, fixed: true });
      event.preventSigmaDefault();
      event.original.preventDefault();
    });
    const drop = () => {
      dragged = null;
      sigma.getCamera().enable();
    };
    sigma.getMouseCaptor().on('mouseup', drop);
    sigma.on('clickNode', ({ node }) => handlers.current.onSelect(node));
    sigma.on('doubleClickNode', (event) => {
      event.preventSigmaDefault();
      handlers.current.onExpand(event.node);
    });
    sigma.on('clickStage', () => handlers.current.onSelect(null));
    sigma.on('enterNode', ({ node }) => handlers.current.onHover(node));
    sigma.on('leaveNode', () => handlers.current.onHover(null));
    onReady(sigma);
    // for the end-to-end tests and for analysts in the browser console: read-only use
    (window as unknown as { scamnet?: unknown }).scamnet = { sigma, graph };
    return () => {
      onReady(null);
      layoutRef.current?.kill();
      sigma.kill();
      sigmaRef.current = null;
    };
    // the graph instance lives as long as the app
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph]);

  // reducers follow the view's state
  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    const { nodeReducer, edgeReducer } = makeReducers(graph, state);
    sigma.setSetting('nodeReducer', nodeReducer as never);
    sigma.setSetting('edgeReducer', edgeReducer as never);
    sigma.setCustomBBox(frame);
    sigma.refresh();
  }, [graph, state, version, frame]);

  // the layout settles the network after an edit, never in the route view
  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || state.view === 'routes' || graph.order < 2 || layoutRun === 0) return;
    layoutRef.current?.kill();
    const layout = new FA2Layout<NodeData, EdgeData>(graph, {
      settings: { ...inferSettings(graph), slowDown: 8, barnesHutOptimize: graph.order > 400 },
    });
    layoutRef.current = layout;
    layout.start();
    onLayoutRunning(true);
    const timer = setTimeout(() => {
      layout.stop();
      onLayoutRunning(false);
      handlers.current.onLayoutSettled();
    }, LAYOUT_MS);
    return () => {
      clearTimeout(timer);
      layout.kill();
      onLayoutRunning(false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutRun, state.view]);

  return <div ref={container} className="canvas" data-testid="canvas" />;
}
