/**
 * The time bar's data: how many nodes and links began in each month by their event dates
 * (server/model/event-dates.ts: a raid's date, a flow's period start; first seen otherwise), from
 * the earliest to the latest month on the canvas.
 */
import { eventSpan } from '../../../../server/model/event-dates.ts';
import type { DataGraph } from '../graph/data-graph.ts';

export interface MonthBin {
  month: string;
  count: number;
}

export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/** Items counted in the month their event span starts. */
export function eventHistogram(graph: DataGraph): MonthBin[] {
  const counts = new Map<string, number>();
  const add = (a: { kind: string }) => {
    const span = eventSpan(a.kind, a);
    if (!span) return;
    const month = span.start.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  };
  graph.forEachNode((_, a) => add(a));
  graph.forEachEdge((_, a) => add(a));
  if (counts.size === 0) return [];
  const sorted = [...counts.keys()].sort();
  const [first] = sorted;
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  return monthsBetween(first, last).map((month) => ({ month, count: counts.get(month) ?? 0 }));
}

/** The last day of a YYYY-MM month, as an ISO date. */
export function endOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
