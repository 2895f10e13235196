/**
 * The render graph, derived: sigma's node and edge reducers turn the data graph plus the view's
 * state (filters, view mode, selection, highlighted path) into what is drawn. Nothing here writes
 * to the data graph.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { DataGraph } from '../graph/data-graph.ts';
import type { EdgeData, NodeData } from '../graph/types.ts';
import { edgePasses, nodePasses, type Filters } from '../filters/filters.ts';
import { edgeColour, edgeWidth, nodeStyle } from '../style/palette.ts';
import { iconUrl } from '../style/icons.ts';
import { ROUTE_VIEW_KINDS, ROUTE_VIEW_RELS, type GeoPlacement } from '../geo/route-layout.ts';
import type { ViewMode } from '../url/url-state.ts';
import { isAggregateEdge, isGroupNode } from '../groups/groups.ts';

export interface RenderState {
  filters: Filters;
  view: ViewMode;
  /** the primary selection (its details are shown): it and its neighbours stand out */
  selected: string | null;
  /** every selected node (the primary among them): drawn highlighted */
  selection: ReadonlySet<string>;
  hovered: string | null;
  /** a highlighted path: its nodes and edges */
  path: { nodes: Set<string>; edges: Set<string> } | null;
  sizes: Map<string, number>;
  geo: Map<string, GeoPlacement>;
  /** route view: only centres in this hub region and the countries their victims came from */
  hub: string | null;
  /** "Colour by community": node → colour, in place of its kind's (core/analysis/community-colours.ts) */
  colours?: ReadonlyMap<string, string> | null;
  /** a clicked link (its details are shown): drawn thick and dark */
  selectedEdge?: string | null;
}

const FADED = '#e4e7ec';

/** In the route view with a hub chosen: the hub's centres, their origin countries, and the hub's countries. */
export function hubMembers(graph: DataGraph, geo: Map<string, GeoPlacement>, hub: string): Set<string> {
  const members = new Set<string>();
  for (const [key, place] of geo) {
    if (place.hub !== hub) continue;
    members.add(key);
    if (graph.getNodeAttribute(key, 'kind') !== 'Centre') continue;
    graph.forEachInEdge(key, (_e, attrs, source) => {
      if (attrs.kind === 'TRAFFICKED_TO') members.add(source);
    });
  }
  return members;
}

const GROUP_COLOUR = '#374151';

/** A group node: a dark disc sized by how many it holds, with its most numerous kind's icon and its label. */
function groupLook(graph: DataGraph, data: NodeData): Partial<NodeDisplayData> & Record<string, unknown> {
  const members = Array.isArray(data.members) ? (data.members as string[]) : [];
  const first = members.find((m) => graph.hasNode(m));
  return {
    color: GROUP_COLOUR,
    size: Math.min(30, 8 + 3 * Math.sqrt(members.length)),
    image: iconUrl(first ? graph.getNodeAttribute(first, 'kind') : 'Group'),
    forceLabel: true,
  };
}

/** An aggregate edge: one undirected line, wider the more links it stands for. */
function aggregateLook(data: EdgeData): Partial<EdgeDisplayData> & Record<string, unknown> {
  const count = typeof data.count === 'number' ? data.count : 1;
  return { type: 'line', color: '#6b7280', size: Math.min(10, 1 + Math.log2(count) * 1.5), label: String(data.label) };
}

export function makeReducers(graph: DataGraph, state: RenderState) {
  const neighbours = new Set<string>();
  const focus = state.hovered ?? state.selected;
  const many = state.selection.size > 1;
  if (focus && graph.hasNode(focus)) for (const n of graph.neighbors(focus)) neighbours.add(n);
  const inHub = state.view === 'routes' && state.hub ? hubMembers(graph, state.geo, state.hub) : null;

  const nodeVisible = (node: string, data: NodeData): 'shown' | 'faded' | 'hidden' => {
    if (data.hiddenByUser || data.inGroup) return 'hidden';
    // a group node stands in for its members while closed; filters apply to the members themselves
    if (isGroupNode(data)) return data.open || state.view === 'routes' ? 'hidden' : 'shown';
    if (state.view === 'routes') {
      if (!ROUTE_VIEW_KINDS.has(data.kind) || !state.geo.has(node)) return 'hidden';
      if (inHub && !inHub.has(node)) return 'hidden';
    }
    if (!nodePasses(data, state.filters)) return state.filters.fade ? 'faded' : 'hidden';
    return 'shown';
  };

  const nodeReducer = (node: string, data: NodeData): Partial<NodeDisplayData> => {
    const style = nodeStyle(data.kind);
    const colour = state.colours?.get(node) ?? style.colour;
    const visibility = nodeVisible(node, data);
    const out: Partial<NodeDisplayData> & Record<string, unknown> = {
      x: data.x,
      y: data.y,
      label: data.label,
      color: colour,
      size: state.sizes.get(node) ?? 6,
      hidden: visibility === 'hidden',
      zIndex: 1,
      type: 'icon',
      image: iconUrl(data.kind),
      pictoColor: '#ffffff',
    };
    if (isGroupNode(data)) Object.assign(out, groupLook(graph, data));
    if (state.view === 'routes') {
      // on the map the places matter more than the sizes: smaller discs overlap less
      out.size = Math.max(3, (out.size ?? 6) * (data.kind === 'Country' ? 0.5 : 0.7));
    }
    const fade = () => Object.assign(out, { color: FADED, pictoColor: FADED, label: '', zIndex: 0 });
    if (visibility === 'faded') fade();
    if (state.path) {
      if (state.path.nodes.has(node)) Object.assign(out, { highlighted: true, zIndex: 2, forceLabel: true });
      else fade();
    } else if (focus) {
      if (node === focus) Object.assign(out, { highlighted: true, zIndex: 2, forceLabel: true });
      else if (neighbours.has(node) || (many && state.selection.has(node)))
        Object.assign(out, { zIndex: 2, forceLabel: true });
      else if (visibility === 'shown') fade();
    }
    // a multiple selection stays marked whatever else is highlighted
    if (many && state.selection.has(node) && visibility !== 'hidden')
      Object.assign(out, { highlighted: true, zIndex: 3, color: colour, pictoColor: '#ffffff' });
    return out;
  };

  const edgeReducer = (edge: string, data: EdgeData): Partial<EdgeDisplayData> => {
    const out: Partial<EdgeDisplayData> = {
      color: edgeColour(data.kind),
      size: edgeWidth(data),
      label: data.kind,
      zIndex: 1,
    };
    if (isAggregateEdge(data)) Object.assign(out, aggregateLook(data));
    const [source, target] = graph.extremities(edge);
    const ends = [
      nodeVisible(source, graph.getNodeAttributes(source)),
      nodeVisible(target, graph.getNodeAttributes(target)),
    ];
    if (ends.includes('hidden') || (state.view === 'routes' && !ROUTE_VIEW_RELS.has(data.kind)))
      return { ...out, hidden: true };
    // on the map many flows cross: thinner, translucent arrows keep the map readable
    if (state.view === 'routes')
      Object.assign(out, { color: 'rgba(214, 39, 40, 0.45)', size: Math.max(0.5, (out.size ?? 1) * 0.6) });
    const passes = isAggregateEdge(data) || edgePasses(data, state.filters);
    if (!passes && !state.filters.fade) return { ...out, hidden: true };
    if (!passes || ends.includes('faded')) Object.assign(out, { color: FADED, zIndex: 0 });
    if (state.path) {
      if (state.path.edges.has(edge)) Object.assign(out, { color: '#111827', size: (out.size ?? 1) + 2, zIndex: 3 });
      else Object.assign(out, { color: FADED, zIndex: 0 });
    } else if (focus) {
      if (source === focus || target === focus) Object.assign(out, { zIndex: 2 });
      else Object.assign(out, { color: FADED, zIndex: 0 });
    }
    if (edge === state.selectedEdge) Object.assign(out, { color: '#111827', size: (out.size ?? 1) + 3, zIndex: 3 });
    return out;
  };

  return { nodeReducer, edgeReducer };
}
