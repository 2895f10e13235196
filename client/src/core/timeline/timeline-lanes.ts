/**
 * What the timeline draws: one item per dated node or link on the canvas (by the model's event
 * dates, server/model/event-dates.ts), and the lanes they sit in — one per kind, or one per
 * entity (a link in the lane of its source) — each lane packed into rows so bars do not overlap.
 */
import { eventSpan, type EventDateBasis } from '../../../../server/model/event-dates.ts';
import type { DataGraph } from '../graph/data-graph.ts';
import { DAY, utc } from './timeline-scale.ts';

export type LaneMode = 'kind' | 'entity';

export interface TimelineItem {
  /** the node or edge key */
  key: string;
  kind: string;
  label: string;
  isLink: boolean;
  /** ms since the epoch (UTC): start of the first day, end of the last day */
  start: number;
  end: number;
  instant: boolean;
  basis: EventDateBasis;
  /** the canvas nodes it stands for: the node itself, or a link's two ends */
  ids: string[];
  /** the node whose lane it sits in when lanes are by entity */
  owner: string;
}

export interface Lane {
  key: string;
  label: string;
  /** the kind its colour comes from (a node kind, or a link kind's name) */
  kind: string;
  rows: TimelineItem[][];
}

/**
 * The dated items among the nodes and links that `visible` keeps (filters, hidden-by-user), in
 * start order.
 */
export function timelineItems(
  graph: DataGraph,
  visible: { node(key: string): boolean; edge(key: string): boolean } = { node: () => true, edge: () => true },
): TimelineItem[] {
  const items: TimelineItem[] = [];
  graph.forEachNode((key, a) => {
    if (!visible.node(key)) return;
    const span = eventSpan(a.kind, a);
    if (!span) return;
    items.push({
      key,
      kind: a.kind,
      label: a.label,
      isLink: false,
      start: utc(span.start),
      end: utc(span.end) + DAY,
      instant: span.instant,
      basis: span.basis,
      ids: [key],
      owner: key,
    });
  });
  graph.forEachEdge((key, a, source, target) => {
    if (!visible.edge(key)) return;
    const span = eventSpan(a.kind, a);
    if (!span) return;
    const from = graph.getNodeAttribute(source, 'label');
    const to = graph.getNodeAttribute(target, 'label');
    items.push({
      key,
      kind: a.kind,
      label: `${from} → ${to}`,
      isLink: true,
      start: utc(span.start),
      end: utc(span.end) + DAY,
      instant: span.instant,
      basis: span.basis,
      ids: [source, target],
      owner: source,
    });
  });
  return items.sort((a, b) => a.start - b.start || a.end - b.end || a.key.localeCompare(b.key));
}

/**
 * Rows within a lane: each item goes in the first row whose last item ended before it starts
 * (`gap` ms of air between them), so periods never overlap; instants on one day stack.
 */
export function packRows(items: readonly TimelineItem[], gap = 0): TimelineItem[][] {
  const rows: TimelineItem[][] = [];
  const ends: number[] = [];
  for (const item of items) {
    let r = ends.findIndex((end) => end + gap <= item.start);
    if (r < 0) {
      r = rows.length;
      rows.push([]);
      ends.push(-Infinity);
    }
    rows[r]?.push(item);
    ends[r] = Math.max(item.end, item.instant ? item.start + gap : item.end);
  }
  return rows;
}

/**
 * Lanes by kind or by entity (in order of their first item). By kind, the kinds with event dates
 * of their own come first (raids, notices, flows: what a timeline is for), then those dated only by
 * first/last seen; node kinds before link kinds, each alphabetically.
 */
export function layoutLanes(
  items: readonly TimelineItem[],
  mode: LaneMode,
  labelOf: (id: string) => string,
  kindOf: (id: string) => string,
  gap = 0,
): Lane[] {
  const groups = new Map<string, TimelineItem[]>();
  for (const item of items) {
    const key = mode === 'kind' ? item.kind : item.owner;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  const lanes = [...groups].map(([key, list]) => {
    const isLinkKind = mode === 'kind' && (list[0]?.isLink ?? false);
    const seenOnly = list.every((i) => i.basis === 'seen');
    return {
      seenOnly,
      key,
      label: mode === 'kind' ? key : labelOf(key),
      kind: mode === 'kind' ? key : kindOf(key),
      isLinkKind,
      first: list[0]?.start ?? 0,
      rows: packRows(list, gap),
    };
  });
  lanes.sort((a, b) =>
    mode === 'kind'
      ? Number(a.seenOnly) - Number(b.seenOnly) ||
        Number(a.isLinkKind) - Number(b.isLinkKind) ||
        a.key.localeCompare(b.key)
      : a.first - b.first || a.label.localeCompare(b.label),
  );
  return lanes.map(({ key, label, kind, rows }) => ({ key, label, kind, rows }));
}
