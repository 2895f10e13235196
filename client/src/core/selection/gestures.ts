/**
 * What the selection gestures pick, as pure functions over points and the data graph: the nodes
 * inside a box or a lasso (in viewport pixels, as sigma draws them), every node of a kind, the
 * neighbours of a selection, its inverse. Only nodes the caller says are visible can be picked:
 * a filtered-out or hidden node is never selected by a gesture the analyst cannot see it under.
 */
import type { DataGraph } from '../graph/data-graph.ts';

export interface Point {
  x: number;
  y: number;
}

/** A box from two opposite corners, or a lasso: the polygon the pointer drew (closed implicitly). */
export type Shape = { kind: 'box'; from: Point; to: Point } | { kind: 'lasso'; points: readonly Point[] };

export function inBox(p: Point, from: Point, to: Point): boolean {
  return (
    p.x >= Math.min(from.x, to.x) &&
    p.x <= Math.max(from.x, to.x) &&
    p.y >= Math.min(from.y, to.y) &&
    p.y <= Math.max(from.y, to.y)
  );
}

/** Even-odd ray casting: a point is inside when a ray from it crosses the outline an odd number of times. */
export function inPolygon(p: Point, polygon: readonly Point[]): boolean {
  if (polygon.length < 3) return false;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point;
    const b = polygon[j] as Point;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export function inShape(p: Point, shape: Shape): boolean {
  return shape.kind === 'box' ? inBox(p, shape.from, shape.to) : inPolygon(p, shape.points);
}

/** The ids of the points inside the shape, in the order given. */
export function pointsInShape(points: Iterable<Point & { id: string }>, shape: Shape): string[] {
  const inside: string[] = [];
  for (const p of points) if (inShape(p, shape)) inside.push(p.id);
  return inside;
}

/** A drag shorter than this (pixels, either way) is a click, not a box. */
export const MIN_DRAG = 4;

export function isDrag(shape: Shape): boolean {
  if (shape.kind === 'box')
    return Math.abs(shape.to.x - shape.from.x) >= MIN_DRAG || Math.abs(shape.to.y - shape.from.y) >= MIN_DRAG;
  return shape.points.length >= 3;
}

export type Visible = (id: string) => boolean;

/** Every visible node. */
export function allVisible(graph: DataGraph, visible: Visible): string[] {
  return graph.filterNodes((id) => visible(id));
}

/** Every visible node of a kind (the legend's "select"). */
export function ofKind(graph: DataGraph, kind: string, visible: Visible): string[] {
  return graph.filterNodes((id, a) => a.kind === kind && visible(id));
}

/** The visible neighbours of the given nodes that are not among them. */
export function neighboursOf(graph: DataGraph, ids: readonly string[], visible: Visible): string[] {
  const given = new Set(ids);
  const found = new Set<string>();
  for (const id of ids) {
    if (!graph.hasNode(id)) continue;
    graph.forEachNeighbor(id, (n) => {
      if (!given.has(n) && visible(n)) found.add(n);
    });
  }
  return [...found];
}

/** The visible nodes not in the selection. */
export function inverse(graph: DataGraph, ids: readonly string[], visible: Visible): string[] {
  const given = new Set(ids);
  return graph.filterNodes((id) => !given.has(id) && visible(id));
}
