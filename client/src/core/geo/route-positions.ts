/**
 * Moving nodes between the network layout and the map. sigma draws nodes where the graph's x/y
 * attributes say (its reducers cannot move nodes), so the route view writes the geographic
 * positions into x/y and keeps the network positions beside them, and the network view puts
 * them back: switching views never loses the investigator's layout.
 */
import type { DataGraph } from '../graph/data-graph.ts';
import type { GeoPlacement } from './route-layout.ts';

export function showOnMap(graph: DataGraph, geo: Map<string, GeoPlacement>): void {
  for (const [node, place] of geo) {
    if (!graph.hasNode(node)) continue;
    const a = graph.getNodeAttributes(node);
    if (a.netX === undefined && !a.placedOnMap) graph.mergeNodeAttributes(node, { netX: a.x, netY: a.y });
    if (a.x !== place.x || a.y !== place.y)
      graph.mergeNodeAttributes(node, { x: place.x, y: place.y, placedOnMap: true });
  }
}

export function showAsNetwork(graph: DataGraph): void {
  const restored: Array<{ x: number; y: number }> = [];
  const strays: string[] = [];
  graph.forEachNode((node, a) => {
    if (typeof a.netX === 'number' && typeof a.netY === 'number') {
      // `a` is the live attributes object: read the position before removing it
      const position = { x: a.netX, y: a.netY };
      graph.mergeNodeAttributes(node, position);
      graph.removeNodeAttribute(node, 'netX');
      graph.removeNodeAttribute(node, 'netY');
      restored.push(position);
    } else if (a.placedOnMap) strays.push(node);
  });
  // nodes that arrived while the map was shown have map positions: move them beside the others
  const cx = restored.reduce((s, p) => s + p.x, 0) / (restored.length || 1);
  const cy = restored.reduce((s, p) => s + p.y, 0) / (restored.length || 1);
  strays.forEach((node, i) => {
    const angle = i * 2.399963229728653;
    graph.mergeNodeAttributes(node, { x: cx + 15 * Math.cos(angle), y: cy + 15 * Math.sin(angle) });
  });
  graph.forEachNode((node) => graph.removeNodeAttribute(node, 'placedOnMap'));
}
