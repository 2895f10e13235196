/**
 * Provenance for synthetic records: no sources, a grade and TLP marking drawn from a plausible mix,
 * and dates inside the window the generator covers.
 */
import type { Provenance } from '../records.ts';
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;
/** Dates of synthetic records: about the five years of notices INTERPOL’s update draws on, to October 2025. */
export const FIRST_DAY = Date.UTC(2020, 0, 1) / DAY_MS;
export const LAST_DAY = Date.UTC(2025, 9, 31) / DAY_MS;

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a YYYY-MM-DD date. */
export function dayOf(isoDate: string): number {
  return Date.parse(isoDate) / DAY_MS;
}

export interface Window {
  first: number;
  last: number;
}

const WHOLE_WINDOW: Window = { first: FIRST_DAY, last: LAST_DAY };

/** A random span of up to `maxDays` inside `within` (by default the whole window). */
export function randomWindow(rng: Random, maxDays = 900, within: Window = WHOLE_WINDOW): Window {
  const first = rng.int(within.first, within.last);
  const last = Math.min(within.last, first + rng.int(0, maxDays));
  return { first, last };
}

/**
 * Mostly "usually reliable / probably true" to "fairly reliable / possibly true" (B2–C3), some
 * weaker, and a tail of unconfirmed rumours (E5, F6), as an analyst's working graph would hold.
 */
const GRADE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['B1', 3],
  ['B2', 22],
  ['B3', 13],
  ['C2', 14],
  ['C3', 20],
  ['C4', 6],
  ['D3', 5],
  ['D4', 5],
  ['E5', 6],
  ['F6', 6],
];
/** Mostly shareable within the community or need-to-know, some restricted to named recipients. */
const TLP_WEIGHTS: ReadonlyArray<readonly [Provenance['tlp'], number]> = [
  ['GREEN', 42],
  ['AMBER', 40],
  ['AMBER+STRICT', 11],
  ['RED', 7],
];

export function syntheticProvenance(rng: Random, window: Window = randomWindow(rng)): Provenance {
  return {
    sourceIds: [],
    grade: rng.weighted(GRADE_WEIGHTS, ([, w]) => w)[0],
    tlp: rng.weighted(TLP_WEIGHTS, ([, w]) => w)[0],
    firstSeen: isoDay(window.first),
    lastSeen: isoDay(window.last),
    synthetic: true,
  };
}

/**
 * For the generator's Country nodes and their hub-region links: the country is real, only its
 * presence in the graph is synthetic, so it is marked shareable and graded as reliable.
 */
export function syntheticCountryProvenance(): Provenance {
  return {
    sourceIds: [],
    grade: 'B2',
    tlp: 'GREEN',
    firstSeen: isoDay(FIRST_DAY),
    lastSeen: isoDay(LAST_DAY),
    synthetic: true,
  };
}
