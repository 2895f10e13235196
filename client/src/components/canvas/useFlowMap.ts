/**
 * The route view's map graph (core/geo/flow-map.ts): rebuilt from the data graph when the data,
 * the filters, the hub, or the zoom's level of detail change; a click on a country's disc opens it
 * and brings the camera to where its centres have room. In the route view sigma draws this graph
 * (GraphCanvas swaps it in) with sizes constant on screen: zooming spreads the places apart
 * instead of swelling the discs and arrows over each other.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import type { RenderState } from '../../core/render/reducers.ts';
import {
  buildFlowMap,
  CLUSTER_PREFIX,
  HUB_PREFIX,
  REGION_LEVEL_RATIO,
  zoomToOpen,
  type OriginLevel,
} from '../../core/geo/flow-map.ts';
import { createMapGraph, drawFlowMap, type MapGraph } from '../../core/geo/flow-map-graph.ts';
import { mapReducers } from '../../core/geo/map-reducers.ts';
import type { SigmaInstance } from './sigma-instance.ts';

/** Back at (nearly) the whole world, countries opened by a click close again. */
const WORLD_RATIO = 0.9;
/** pixels per graph unit are kept in quarter octaves: the map is rebuilt when the zoom crosses one, not on every frame */
const STEPS_PER_OCTAVE = 4;
/** where a click on a hub region's disc takes the camera: its countries drawn, origins by country */
const HUB_RATIO = REGION_LEVEL_RATIO * 0.5;

export interface FlowMapView {
  graph: MapGraph;
  reducers: ReturnType<typeof mapReducers>;
}

interface Zoom {
  level: OriginLevel;
  step: number;
}

function pxPerUnit(sigma: SigmaInstance): number {
  const a = sigma.graphToViewport({ x: 0, y: 0 });
  const b = sigma.graphToViewport({ x: 1, y: 0 });
  return Math.abs(b.x - a.x) || 1;
}

function zoomOf(sigma: SigmaInstance): Zoom {
  return {
    level: sigma.getCamera().ratio >= REGION_LEVEL_RATIO ? 'region' : 'country',
    step: Math.round(Math.log2(pxPerUnit(sigma)) * STEPS_PER_OCTAVE),
  };
}

export function useFlowMap(
  sigma: SigmaInstance | null,
  data: DataGraph,
  state: RenderState,
  version: number,
): FlowMapView | null {
  const [mapGraph] = useState(createMapGraph);
  const routes = state.view === 'routes';
  const [zoom, setZoom] = useState<Zoom>({ level: 'region', step: 0 });
  const [clicked, setClicked] = useState<ReadonlySet<string>>(() => new Set());

  // sizes constant on screen on the map; the network view keeps sigma's own growth with the zoom,
  useEffect(() => {
    if (!sigma || !routes) return;
    const before = sigma.getSettings();
    // and labels for the small discs of opened centres too (sigma's label grid still keeps them apart)
    sigma.setSettings({ zoomToSizeRatioFunction: () => 1, labelRenderedSizeThreshold: 4 });
    return () => {
      sigma.setSettings({
        zoomToSizeRatioFunction: before.zoomToSizeRatioFunction,
        labelRenderedSizeThreshold: before.labelRenderedSizeThreshold,
      });
    };
  }, [sigma, routes]);

  // the level of detail follows the camera, read after each render (the frame sigma maps onto the
  // screen is only known once the map graph and its box are in)
  useEffect(() => {
    if (!sigma || !routes) return;
    const update = () => {
      const next = zoomOf(sigma);
      setZoom((z) => (z.level === next.level && z.step === next.step ? z : next));
      if (sigma.getCamera().ratio >= WORLD_RATIO) setClicked((c) => (c.size ? new Set() : c));
    };
    update();
    sigma.on('afterRender', update);
    return () => {
      sigma.off('afterRender', update);
    };
  }, [sigma, routes]);

  // a click on a country's disc opens it, and the camera moves in until its centres have room
  useEffect(() => {
    if (!sigma || !routes) return;
    const open = ({ node }: { node: string }) => {
      if (!mapGraph.hasNode(node)) return;
      // a hub region's disc: in to where its countries' discs are drawn
      if (node.startsWith(HUB_PREFIX)) {
        const shown = sigma.getNodeDisplayData(node);
        const camera = sigma.getCamera();
        if (shown)
          void camera.animate({ x: shown.x, y: shown.y, ratio: Math.min(camera.ratio, HUB_RATIO) }, { duration: 400 });
        return;
      }
      if (!node.startsWith(CLUSTER_PREFIX)) return;
      const country = String(mapGraph.getNodeAttribute(node, 'country'));
      const spacing = Number(mapGraph.getNodeAttribute(node, 'spacing'));
      const shown = sigma.getNodeDisplayData(node);
      setClicked((c) => new Set([...c, country]));
      if (!shown) return;
      const camera = sigma.getCamera();
      const ratio = Math.min(
        camera.ratio,
        (camera.ratio * pxPerUnit(sigma)) / zoomToOpen(spacing),
        REGION_LEVEL_RATIO * 0.9,
      );
      void camera.animate({ x: shown.x, y: shown.y, ratio }, { duration: 400 });
    };
    sigma.on('clickNode', open);
    return () => {
      sigma.off('clickNode', open);
    };
  }, [sigma, routes, mapGraph]);

  const { geo, filters, hub } = state;
  const map = useMemo(
    () =>
      routes
        ? buildFlowMap(data, geo, {
            filters,
            hub,
            level: zoom.level,
            opened: clicked,
            pxPerUnit: 2 ** (zoom.step / STEPS_PER_OCTAVE),
          })
        : null,
    // version: the data graph changes in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [routes, data, version, geo, filters, hub, zoom, clicked],
  );

  // refilled once per new map (not on a hover); sigma, drawing this graph, follows its events
  const drawn = useMemo(() => {
    if (map) drawFlowMap(mapGraph, map);
    return map;
  }, [map, mapGraph]);

  const { selected, hovered, selection, selectedEdge } = state;
  return useMemo(
    () =>
      drawn
        ? { graph: mapGraph, reducers: mapReducers(mapGraph, { selected, hovered, selection, selectedEdge }) }
        : null,
    [drawn, mapGraph, selected, hovered, selection, selectedEdge],
  );
}
