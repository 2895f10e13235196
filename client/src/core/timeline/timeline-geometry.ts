/**
 * Where the timeline's lanes and items are drawn, and which items a click or a brushed box
 * touches: shared by the painter and the pointer handlers, so what is hit is what is seen.
 * Coordinates are the plot's (x from the time scale, y from the top of the first lane, before
 * scrolling).
 */
import type { Lane, TimelineItem } from './timeline-lanes.ts';
import { xOf, type TimeScale } from './timeline-scale.ts';

export const ROW_H = 14;
export const LANE_PAD = 8;
export const POINT_R = 4;
/** a period is never drawn narrower than this, so a short one can still be clicked */
export const MIN_BAR = 3;

/** The top of each lane, and the total height after the last. */
export function laneTops(lanes: readonly Lane[]): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = 0;
  for (const lane of lanes) {
    tops.push(y);
    y += lane.rows.length * ROW_H + LANE_PAD;
  }
  return { tops, height: y };
}

export interface Placed {
  item: TimelineItem;
  x0: number;
  x1: number;
  /** the row's top */
  y: number;
}

/** Each item's box in lanes that meet [yFrom, yTo] and in the scale's width (the virtualised set). */
export function placedItems(
  lanes: readonly Lane[],
  tops: readonly number[],
  scale: TimeScale,
  yFrom = -Infinity,
  yTo = Infinity,
): Placed[] {
  const out: Placed[] = [];
  lanes.forEach((lane, l) => {
    const top = tops[l] ?? 0;
    if (top > yTo || top + lane.rows.length * ROW_H < yFrom) return;
    lane.rows.forEach((row, r) => {
      const y = top + r * ROW_H;
      if (y > yTo || y + ROW_H < yFrom) return;
      for (const item of row) {
        const box = itemBox(item, scale);
        if (box.x1 < 0 || box.x0 > scale.width) continue;
        out.push({ item, ...box, y });
      }
    });
  });
  return out;
}

export function itemBox(item: TimelineItem, scale: TimeScale): { x0: number; x1: number } {
  if (item.instant) {
    const x = xOf(scale, item.start);
    return { x0: x - POINT_R, x1: x + POINT_R };
  }
  const x0 = xOf(scale, item.start);
  return { x0, x1: Math.max(x0 + MIN_BAR, xOf(scale, item.end)) };
}

/** The items a box (plot coordinates) touches. */
export function itemsInBox(
  placed: readonly Placed[],
  box: { x0: number; x1: number; y0: number; y1: number },
): TimelineItem[] {
  const [x0, x1] = box.x0 <= box.x1 ? [box.x0, box.x1] : [box.x1, box.x0];
  const [y0, y1] = box.y0 <= box.y1 ? [box.y0, box.y1] : [box.y1, box.y0];
  return placed.filter((p) => p.x1 >= x0 && p.x0 <= x1 && p.y + ROW_H >= y0 && p.y <= y1).map((p) => p.item);
}

/** The item under a point, the last drawn (topmost) first; a little slack around small marks. */
export function itemAt(placed: readonly Placed[], x: number, y: number, slack = 2): TimelineItem | null {
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i];
    if (p && x >= p.x0 - slack && x <= p.x1 + slack && y >= p.y && y <= p.y + ROW_H) return p.item;
  }
  return null;
}

/** The canvas node ids of some items, each once. */
export function idsOf(items: readonly TimelineItem[]): string[] {
  return [...new Set(items.flatMap((i) => i.ids))];
}
