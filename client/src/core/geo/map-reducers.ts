/**
 * The reducers that style the map graph (flow-map-graph.ts): sizes in screen pixels, arrows in
 * translucent red, and the hovered or selected place with its arrows standing out.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeData, NodeData } from '../graph/types.ts';
import { nodeStyle } from '../style/palette.ts';
import { iconUrl } from '../style/icons.ts';
import { CLUSTER_PREFIX, type MapNodeRole } from './flow-map.ts';
import type { MapGraph } from './flow-map-graph.ts';

export interface MapFocus {
  selected: string | null;
  hovered: string | null;
  selection: ReadonlySet<string>;
  selectedEdge?: string | null;
}

const FADED = '#e4e7ec';
const FLOW = 'rgba(214, 39, 40, 0.55)';
const REGION = '#5b7fa6';

export function mapReducers(graph: MapGraph, focus: MapFocus) {
  // a data node inside a closed country's disc is focused through the disc
  const onMap = (n: string | null) =>
    !n ? null : graph.hasNode(n) ? n : graph.hasNode(CLUSTER_PREFIX + n) ? CLUSTER_PREFIX + n : null;
  const on = onMap(focus.hovered) ?? onMap(focus.selected);
  const near = new Set<string>(on ? [on, ...graph.neighbors(on)] : []);

  const nodeReducer = (node: string, data: NodeData): Partial<NodeDisplayData> => {
    const role = data.role as MapNodeRole;
    const style = nodeStyle(data.kind);
    const out: Partial<NodeDisplayData> & Record<string, unknown> = {
      x: data.x,
      y: data.y,
      label: data.label,
      size: typeof data.size === 'number' ? data.size : 4,
      color: role === 'origin-region' ? REGION : style.colour,
      type: 'icon',
      image: iconUrl(data.kind),
      pictoColor: '#ffffff',
      zIndex: role === 'cluster' || role === 'hub' ? 2 : 1,
      // hub regions and hub countries' discs are what the map is read by: always labelled (origins
      // take their turn in sigma's label grid, so they never cover a hub's label)
      forceLabel: role === 'cluster' || role === 'hub',
    };
    if (on) {
      if (near.has(node)) Object.assign(out, { zIndex: 3, forceLabel: true, highlighted: node === on });
      else Object.assign(out, { color: FADED, pictoColor: FADED, label: '', zIndex: 0, forceLabel: false });
    }
    if (focus.selection.has(node)) Object.assign(out, { highlighted: true, zIndex: 3 });
    return out;
  };

  const edgeReducer = (edge: string, data: EdgeData): Partial<EdgeDisplayData> => {
    const out: Partial<EdgeDisplayData> = {
      type: 'arrow',
      color: FLOW,
      size: typeof data.size === 'number' ? data.size : 1,
      label: `${Number(data.victims).toLocaleString('en')} victims`,
      zIndex: 1,
    };
    if (on && graph.hasEdge(edge)) {
      const [s, t] = graph.extremities(edge);
      if (s === on || t === on) out.zIndex = 2;
      else Object.assign(out, { color: FADED, zIndex: 0 });
    }
    if (edge === focus.selectedEdge) Object.assign(out, { color: '#111827', zIndex: 3 });
    return out;
  };

  return { nodeReducer, edgeReducer };
}
