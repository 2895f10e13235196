/**
 * Framing without jumps. sigma maps a bounding box of graph coordinates onto the screen; left to
 * itself it recomputes that box from the nodes on every change, so adding a node far away would
 * rescale everything at once. The network view therefore holds one box, set when the first
 * nodes arrive (padded, so a single node is not a degenerate box), and "fit" moves the camera
 * instead — an animation, never a jump.
 */
import type { DataGraph } from '../graph/data-graph.ts';

export interface BBox {
  x: [number, number];
  y: [number, number];
}

const MIN_SPAN = 200;

export function paddedExtent(graph: DataGraph): BBox | null {
  if (graph.order === 0) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY, MIN_SPAN) / 2;
  return { x: [cx - half, cx + half], y: [cy - half, cy + half] };
}

/** The camera state that shows every point given in sigma's framed coordinates (0..1 for the box). */
export function cameraToContain(
  points: Array<{ x: number; y: number }>,
): { x: number; y: number; ratio: number } | null {
  if (points.length === 0) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const ratio = Math.max(maxX - minX, maxY - minY) * 1.2;
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(Math.max(ratio, 0.3), 8) };
}
