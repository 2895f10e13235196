/**
 * The time bar: a histogram of items by the month their event dates start (server/model/event-dates.ts),
 * two handles choose the window that filters the canvas (the filters' from/to dates) by the same dates.
 */
import { memo } from 'react';
import type { DataGraph } from '../core/graph/data-graph.ts';
import { EVENT_DATES_LABEL } from '../../../server/model/event-dates.ts';
import { endOfMonth, eventHistogram } from '../core/filters/time-histogram.ts';

interface Props {
  graph: DataGraph;
  version: number;
  from: string | null;
  to: string | null;
  onWindow(from: string | null, to: string | null): void;
}

/**
 * Memoised on its props: `version` changes with every edit of the graph, so the histogram is
 * recomputed exactly when the graph changed (or the window moved), not on every hover.
 */
export const TimeBar = memo(function TimeBar({ graph, from, to, onWindow }: Props) {
  const bins = eventHistogram(graph);
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (bins.length < 2 || !first || !last) return null;
  const month = (i: number) => bins[i]?.month ?? first.month;
  const max = Math.max(...bins.map((b) => b.count));
  const index = (date: string | null, fallback: number) => {
    if (!date) return fallback;
    const i = bins.findIndex((b) => b.month === date.slice(0, 7));
    return i < 0 ? fallback : i;
  };
  const lo = index(from, 0);
  const hi = index(to, bins.length - 1);
  const apply = (a: number, b: number) => {
    const [l, h] = a <= b ? [a, b] : [b, a];
    onWindow(l === 0 ? null : `${month(l)}-01`, h === bins.length - 1 ? null : endOfMonth(month(h)));
  };
  return (
    <div className="timebar" aria-label="Time bar">
      <div className="bars">
        {bins.map((b, i) => (
          <div
            key={b.month}
            className={`bar${i < lo || i > hi ? ' out' : ''}`}
            style={{ height: `${Math.max(2, (b.count / max) * 100)}%` }}
            title={`${b.month}: ${b.count} by event date`}
          />
        ))}
      </div>
      <div className="handles">
        <input
          aria-label="Window start"
          type="range"
          min={0}
          max={bins.length - 1}
          value={lo}
          onChange={(e) => apply(Number(e.target.value), hi)}
        />
        <input
          aria-label="Window end"
          type="range"
          min={0}
          max={bins.length - 1}
          value={hi}
          onChange={(e) => apply(lo, Number(e.target.value))}
        />
      </div>
      <div className="timebar-labels">
        <span>{month(lo)}</span>
        <span className="muted" data-testid="timebar-basis">
          by month, {EVENT_DATES_LABEL}
        </span>
        <span>{month(hi)}</span>
      </div>
    </div>
  );
});
