/**
 * The map as sigma draws it: a graph of its own (never the data graph), refilled from a FlowMap
 * (its reducers are in map-reducers.ts). Sizes are in screen pixels and the route view tells sigma not to
 * scale them with the zoom (useFlowMap), so a disc or an arrow is as wide at the world view as at
 * a country's.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeData, NodeData } from '../graph/types.ts';
import type { FlowMap, MapNodeRole } from './flow-map.ts';

export type MapGraph = MultiDirectedGraph<NodeData, EdgeData>;

export const createMapGraph = (): MapGraph => new MultiDirectedGraph<NodeData, EdgeData>();

/** A cluster's disc radius in pixels: growing with the square root of its centres (its area with their number). */
export function clusterSize(count: number): number {
  return Math.min(16, 5 + 1.2 * Math.sqrt(count));
}

const SIZE: Record<MapNodeRole, number> = { country: 5, 'origin-region': 6, centre: 5, cluster: 5, hub: 5 };

/** Empties the map graph and fills it with the map's nodes and arrows. */
export function drawFlowMap(target: MapGraph, map: FlowMap): void {
  target.clear();
  for (const n of map.nodes) {
    target.addNode(n.key, {
      kind: n.kind,
      label: n.label,
      x: n.x,
      y: n.y,
      tlp: n.tlp,
      role: n.role,
      country: n.country,
      members: n.members,
      count: n.members.length,
      spacing: n.spacing,
      size: n.role === 'cluster' || n.role === 'hub' ? clusterSize(n.members.length) : SIZE[n.role],
    });
  }
  for (const e of map.edges) {
    target.addDirectedEdgeWithKey(e.key, e.source, e.target, {
      kind: e.kind,
      tlp: e.tlp,
      victims: e.victims,
      unknown: e.unknown,
      members: e.members,
      count: e.members.length,
      size: e.width,
    });
  }
}
