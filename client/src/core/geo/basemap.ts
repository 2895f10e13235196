/**
 * The world basemap for the route view, from world-atlas (Natural Earth, 1:110m) through
 * topojson-client. d3-geo's path generator clips at the antimeridian and hands back the rings as
 * canvas calls; they are kept in graph coordinates and drawn under sigma's edges on every render,
 * so the map pans and zooms with the graph.
 */
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { projection } from './route-layout.ts';

export type Ring = Array<[number, number]>;

export function worldRings(): Ring[] {
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  const rings: Ring[] = [];
  let current: Ring = [];
  const recorder = {
    moveTo(x: number, y: number) {
      current = [[x, -y]];
      rings.push(current);
    },
    lineTo(x: number, y: number) {
      current.push([x, -y]);
    },
    closePath() {},
    beginPath() {},
    arc() {},
  };
  geoPath(projection, recorder as unknown as CanvasRenderingContext2D)(countries);
  return rings;
}

export function drawBasemap(
  context: CanvasRenderingContext2D,
  rings: Ring[],
  toViewport: (p: { x: number; y: number }) => { x: number; y: number },
  size: { width: number; height: number },
): void {
  context.clearRect(0, 0, size.width, size.height);
  context.fillStyle = '#eef2f6';
  context.strokeStyle = '#c3ccd6';
  context.lineWidth = 0.7;
  context.beginPath();
  for (const ring of rings) {
    ring.forEach(([x, y], i) => {
      const p = toViewport({ x, y });
      if (i === 0) context.moveTo(p.x, p.y);
      else context.lineTo(p.x, p.y);
    });
    context.closePath();
  }
  context.fill('evenodd');
  context.stroke();
}
