/**
 * What the canvas shows: kinds and relationship kinds switched off in the legend, a minimum
 * Admiralty grade, a TLP ceiling, and a date window on event dates (server/model/event-dates.ts:
 * a raid's date, a notice's issue, a flow's period; first/last seen for kinds without one).
 * Filtered-out items are faded or hidden by the renderer; nothing is removed from the data graph.
 */
import { eventSpan } from '../../../../server/model/event-dates.ts';
import { gradeMeets, tlpRank, type Tlp } from './markings.ts';

export interface Filters {
  hiddenKinds: string[];
  hiddenRelKinds: string[];
  /** e.g. "C3": only items graded C3 or better in the one grade order (server/model/markings.ts) */
  minGrade: string | null;
  /** only items marked at or below this TLP level */
  tlpCeiling: Tlp | null;
  /** ISO dates (YYYY-MM-DD): items whose event span (eventSpan) overlaps the window */
  from: string | null;
  to: string | null;
  /** fade filtered-out items instead of hiding them */
  fade: boolean;
}

export const NO_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenRelKinds: [],
  minGrade: null,
  tlpCeiling: null,
  from: null,
  to: null,
  fade: false,
};

type Item = { kind?: unknown; grade?: unknown; tlp?: unknown; [property: string]: unknown };

/**
 * Whether the item's event span overlaps the window (its kind's event date, else its seen period
 * [firstSeen, lastSeen]); undated items pass.
 */
export function inWindow(item: Item, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  const span = eventSpan(String(item.kind), item);
  if (!span) return true;
  if (from && span.end < from) return false;
  if (to && span.start > to) return false;
  return true;
}

function markingsPass(item: Item, filters: Filters): boolean {
  if (filters.minGrade && !gradeMeets(item.grade, filters.minGrade)) return false;
  if (filters.tlpCeiling && tlpRank(item.tlp) > tlpRank(filters.tlpCeiling)) return false;
  return inWindow(item, filters.from, filters.to);
}

export function nodePasses(node: Item, filters: Filters): boolean {
  if (filters.hiddenKinds.includes(String(node.kind))) return false;
  return markingsPass(node, filters);
}

export function edgePasses(edge: Item, filters: Filters): boolean {
  if (filters.hiddenRelKinds.includes(String(edge.kind))) return false;
  return markingsPass(edge, filters);
}

export function isFiltering(filters: Filters): boolean {
  return (
    filters.hiddenKinds.length > 0 ||
    filters.hiddenRelKinds.length > 0 ||
    filters.minGrade !== null ||
    filters.tlpCeiling !== null ||
    filters.from !== null ||
    filters.to !== null
  );
}
