/**
 * The timeline's time axis: a linear map from UTC milliseconds to pixels, zoomed around a point
 * between a span of a few days and a few centuries, and axis ticks that adapt to the zoom (years,
 * quarters, months, weeks or days, whichever leaves room for a label). Pure values.
 */

export const DAY = 86_400_000;
/** the narrowest span the axis shows (a few days across the whole width) */
export const MIN_SPAN = 3 * DAY;
/** the widest (centuries: anything wider is not a timeline of these events) */
export const MAX_SPAN = 300 * 365 * DAY;

export interface TimeScale {
  /** the time at the left edge and the right edge, ms since the epoch (UTC) */
  t0: number;
  t1: number;
  /** pixels across */
  width: number;
}

export const xOf = (s: TimeScale, t: number) => ((t - s.t0) / (s.t1 - s.t0)) * s.width;
export const tOf = (s: TimeScale, x: number) => s.t0 + (x / s.width) * (s.t1 - s.t0);

export function utc(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

/** A scale that fits [start, end] with a margin, never narrower than MIN_SPAN. */
export function fitScale(start: number, end: number, width: number): TimeScale {
  const span = Math.max(MIN_SPAN, end - start);
  const mid = (start + end) / 2;
  const padded = Math.min(MAX_SPAN, span * 1.08);
  return { t0: mid - padded / 2, t1: mid + padded / 2, width };
}

/** Zoomed by `factor` (> 1 zooms in) keeping the time under pixel `x` where it is. */
export function zoomAt(s: TimeScale, factor: number, x: number): TimeScale {
  const at = tOf(s, x);
  const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (s.t1 - s.t0) / factor));
  const left = (x / s.width) * span;
  return { ...s, t0: at - left, t1: at - left + span };
}

/** Moved by `dx` pixels (positive: the picture moves right, earlier times come in). */
export function panBy(s: TimeScale, dx: number): TimeScale {
  const dt = (dx / s.width) * (s.t1 - s.t0);
  return { ...s, t0: s.t0 - dt, t1: s.t1 - dt };
}

export type TickUnit = 'decade' | 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface Tick {
  t: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** about how long each unit is, to choose one */
const UNIT_MS: Record<TickUnit, number> = {
  decade: 3652 * DAY,
  year: 365 * DAY,
  quarter: 91 * DAY,
  month: 30.4 * DAY,
  week: 7 * DAY,
  day: DAY,
};
const UNITS: TickUnit[] = ['day', 'week', 'month', 'quarter', 'year', 'decade'];

/** The finest unit whose ticks stand at least `minGap` pixels apart. */
export function tickUnit(s: TimeScale, minGap = 64): TickUnit {
  const msPerPx = (s.t1 - s.t0) / s.width;
  return UNITS.find((u) => UNIT_MS[u] / msPerPx >= minGap) ?? 'decade';
}

function floorTo(t: number, unit: TickUnit): Date {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'decade':
      return new Date(Date.UTC(Math.floor(y / 10) * 10, 0, 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'week': {
      // weeks start on Monday (ISO)
      const day = new Date(Date.UTC(y, m, d.getUTCDate()));
      return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
    }
    case 'day':
      return new Date(Date.UTC(y, m, d.getUTCDate()));
  }
}

function step(d: Date, unit: TickUnit): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'decade':
      return new Date(Date.UTC(y + 10, 0, 1));
    case 'year':
      return new Date(Date.UTC(y + 1, 0, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m + 3, 1));
    case 'month':
      return new Date(Date.UTC(y, m + 1, 1));
    case 'week':
      return new Date(d.getTime() + 7 * DAY);
    case 'day':
      return new Date(d.getTime() + DAY);
  }
}

function label(d: Date, unit: TickUnit): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'decade':
    case 'year':
      return String(y);
    case 'quarter':
      return `Q${m / 3 + 1} ${y}`;
    case 'month':
      return m === 0 ? `${MONTHS[m]} ${y}` : (MONTHS[m] ?? '');
    case 'week':
    case 'day':
      return `${d.getUTCDate()} ${MONTHS[m]}${m === 0 && d.getUTCDate() <= 7 ? ` ${y}` : ''}`;
  }
}

/** The ticks inside the scale, in the unit its zoom calls for. */
export function axisTicks(s: TimeScale, minGap = 64): { unit: TickUnit; ticks: Tick[] } {
  const unit = tickUnit(s, minGap);
  const ticks: Tick[] = [];
  for (let d = floorTo(s.t0, unit); d.getTime() <= s.t1 && ticks.length < 1000; d = step(d, unit)) {
    if (d.getTime() >= s.t0) ticks.push({ t: d.getTime(), label: label(d, unit) });
  }
  return { unit, ticks };
}
