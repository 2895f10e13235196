/**
 * When a thing happened, as opposed to when it was reported: for each node and relationship kind,
 * the property that holds its event date (a raid's `date`, a notice's `issued`, a flow's period).
 * Kinds that carry none fall back to their provenance's firstSeen–lastSeen. One table, so the
 * timeline, the time bar's histogram and filter and the server agree on what "when" means.
 * Zod-free: the client imports it. test/unit/event-dates.test.ts checks every date property of
 * the schema is named here or is a seen date.
 */
import type { NodeKind, RelKind } from './kinds.ts';

/** The event date of a kind: an instant (`end` null) or a period from `start` to `end`. */
export interface EventDateSpec {
  start: string;
  end: string | null;
}

const instant = (start: string): EventDateSpec => ({ start, end: null });

/** null: the kind has no date of its own; firstSeen–lastSeen stand in. */
export const EVENT_DATES = {
  Country: null,
  Region: null,
  Centre: null,
  Facilitator: null,
  Route: null,
  Crime: null,
  ScamType: null,
  Method: null,
  Operation: instant('date'),
  Notice: instant('issued'),
  Organisation: null,
  // a document's event is its publication (YYYY, YYYY-MM or YYYY-MM-DD: a partial date is a period)
  Source: instant('published'),
  TRAFFICKED_TO: { start: 'periodStart', end: 'periodEnd' },
  LOCATED_IN: null,
  IN_REGION: null,
  ORIGINATES_IN: null,
  TRANSITS: null,
  DESTINED_FOR: null,
  OPERATES: null,
  RECRUITS_FOR: null,
  NATIONAL_OF: null,
  RUNS_SCAM: null,
  USES_METHOD: null,
  CARRIES: null,
  CONVERGES_IN: null,
  RAIDED: instant('date'),
  ARRESTED: instant('date'),
  CONDUCTED_IN: null,
  COORDINATED: null,
  ISSUED: null,
  WARNS_ABOUT: null,
  REPORTED_IN: null,
} as const satisfies Record<NodeKind | RelKind, EventDateSpec | null>;

/** What the time bar and the timeline say they use. */
export const EVENT_DATES_LABEL = 'event dates: operations, notices, flows; otherwise first/last seen';

/** Where an item's dates came from: its own event date, or its provenance's seen dates. */
export type EventDateBasis = 'event' | 'seen';

/** An item's place in time: ISO dates (YYYY-MM-DD), start ≤ end; start = end for an instant. */
export interface EventSpan {
  start: string;
  end: string;
  /** true when the kind's date is an instant (drawn as a point), false for a period (a bar) */
  instant: boolean;
  basis: EventDateBasis;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The first and last day a (possibly partial) ISO date stands for, or null if it is not one. */
export function dateRange(value: unknown): [string, string] | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return [`${y}-${mo}-${d}`, `${y}-${mo}-${d}`];
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

function span(first: unknown, last: unknown, instant: boolean, basis: EventDateBasis): EventSpan | null {
  const a = dateRange(first);
  const b = dateRange(last);
  const start = a?.[0] ?? b?.[0];
  const end = b?.[1] ?? a?.[1];
  if (!start || !end) return null;
  const [s, e] = start <= end ? [start, end] : [end, start];
  // a partial date (a year, a month) is a period even for an instant kind
  return { start: s, end: e, instant: instant && s === e, basis };
}

/**
 * The span of a node or link by its kind's event date, falling back to firstSeen–lastSeen when
 * the kind has none or the item leaves it empty; null when it has no date at all.
 */
export function eventSpan(kind: string, attrs: Record<string, unknown>): EventSpan | null {
  const spec = (EVENT_DATES as Record<string, EventDateSpec | null>)[kind] ?? null;
  if (spec) {
    const own = span(attrs[spec.start], spec.end ? attrs[spec.end] : attrs[spec.start], spec.end === null, 'event');
    if (own) return own;
  }
  return span(attrs.firstSeen, attrs.lastSeen ?? attrs.firstSeen, false, 'seen');
}
