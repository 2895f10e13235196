/**
 * The geographic route view: countries at their centroids (the lat/lng the domain model keeps
 * from world-countries), centres in their countries, projected with d3-geo's Natural Earth
 * projection. Graph y grows upwards in sigma, so projected y is negated.
 */
import { geoNaturalEarth1 } from 'd3-geo';
import type { DataGraph } from '../graph/data-graph.ts';
import { HUB_REGIONS } from '../../../../server/model/kinds.ts';

export { HUB_REGIONS };
export type HubRegion = (typeof HUB_REGIONS)[number];

/** Kinds drawn in the route view, and the relationships between them that it shows. */
export const ROUTE_VIEW_KINDS = new Set(['Country', 'Centre']);
export const ROUTE_VIEW_RELS = new Set(['TRAFFICKED_TO']);

export const projection = geoNaturalEarth1().scale(160).translate([0, 0]);

export function project(lng: number, lat: number): { x: number; y: number } | null {
  const p = projection([lng, lat]);
  return p ? { x: p[0], y: -p[1] } : null;
}

/** The world's extent in graph coordinates, so the camera frames the map, not just the nodes. */
export const WORLD_BBOX = (() => {
  const corners = [
    project(-180, 85),
    project(180, -85),
    project(0, 85),
    project(0, -85),
    project(-180, 0),
    project(180, 0),
  ];
  // the projection covers the whole globe, so none of these corners falls outside it
  const points = corners.filter((c) => c !== null);
  if (points.length !== corners.length) throw new Error('the map projection lost a corner of the world');
  const xs = points.map((c) => c.x);
  const ys = points.map((c) => c.y);
  return {
    x: [Math.min(...xs), Math.max(...xs)] as [number, number],
    y: [Math.min(...ys), Math.max(...ys)] as [number, number],
  };
})();

export interface GeoPlacement {
  x: number;
  y: number;
  hub: string | null;
}

/** Where each drawable node goes in the route view; nodes without a place are left out. */
export function geoPlacements(graph: DataGraph): Map<string, GeoPlacement> {
  const placed = new Map<string, GeoPlacement>();
  graph.forEachNode((key, a) => {
    if (a.kind !== 'Country' || typeof a.lat !== 'number' || typeof a.lng !== 'number') return;
    const p = project(a.lng, a.lat);
    if (p) placed.set(key, { ...p, hub: typeof a.hubRegion === 'string' ? a.hubRegion : null });
  });
  // centres sit around their country's centroid, spread on a small ring so several stay apart
  const perCountry = new Map<string, number>();
  graph.forEachNode((key, a) => {
    if (a.kind !== 'Centre') return;
    const country = graph
      .outNeighbors(key)
      .find(
        (n) =>
          graph.getNodeAttribute(n, 'kind') === 'Country' &&
          graph.edges(key, n).some((e) => graph.getEdgeAttribute(e, 'kind') === 'LOCATED_IN'),
      );
    if (!country) return;
    const home = placed.get(country);
    if (!home) return;
    const index = perCountry.get(country) ?? 0;
    perCountry.set(country, index + 1);
    const angle = index * 2.399963229728653;
    const r = 6 + 2 * Math.sqrt(index);
    placed.set(key, { x: home.x + r * Math.cos(angle), y: home.y + r * Math.sin(angle), hub: home.hub });
  });
  return placed;
}
