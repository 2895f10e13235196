/**
 * Which real countries the synthetic network draws on, and in what proportions: all from
 * world-countries (independent states, Antarctica left out), none typed by hand.
 */
import { ALL_COUNTRIES, hubRegionOf, type HubRegionName, type WorldCountry } from '../countries.ts';
import { apportion, itemAt, type Random } from './random.ts';

export const ELIGIBLE_COUNTRIES: readonly WorldCountry[] = ALL_COUNTRIES.filter(
  (c) => c.independent && c.region !== 'Antarctic',
);
/** world-countries' continent-level regions: Africa, Americas, Asia, Europe, Oceania. */
export const WORLD_REGIONS: readonly string[] = [...new Set(ELIGIBLE_COUNTRIES.map((c) => c.region))].sort();

/** The published number of origin countries (INTERPOL, March 2025). */
export const ORIGIN_COUNTRY_COUNT = 66;

/**
 * How origin countries spread over the continents. The documents give no breakdown beyond "no
 * continent left untouched"; Asia and Africa are weighted up as the regions nearest the hubs.
 */
const ORIGIN_REGION_WEIGHTS: Readonly<Record<string, number>> = {
  Asia: 36,
  Africa: 26,
  Americas: 16,
  Europe: 12,
  Oceania: 10,
};

/** `count` origin countries, at least one from every continent when count allows. */
export function pickOrigins(rng: Random, count: number): WorldCountry[] {
  const pools = WORLD_REGIONS.map((region) => ELIGIBLE_COUNTRIES.filter((c) => c.region === region));
  const floor = count >= pools.length ? 1 : 0;
  const extra = apportion(
    count - floor * pools.length,
    WORLD_REGIONS.map((r) => ORIGIN_REGION_WEIGHTS[r] ?? 10),
  );
  const origins = pools.flatMap((pool, i) => rng.sample(pool, Math.min(pool.length, floor + itemAt(extra, i))));
  // Top up from the whole list should a small region not hold its share.
  const chosen = new Set(origins.map((c) => c.cca2));
  const rest = rng.shuffle(ELIGIBLE_COUNTRIES.filter((c) => !chosen.has(c.cca2)));
  return [...origins, ...rest.slice(0, count - origins.length)];
}

export function hubCountries(hub: HubRegionName): WorldCountry[] {
  return ELIGIBLE_COUNTRIES.filter((c) => hubRegionOf(c) === hub);
}

const byCca3 = new Map(ELIGIBLE_COUNTRIES.map((c) => [c.cca3, c]));

/** Land neighbours, or else the other countries of its sub-region (for islands). */
export function nearbyCountries(country: WorldCountry): WorldCountry[] {
  const borders = country.borders.flatMap((code) => byCca3.get(code) ?? []);
  if (borders.length > 0) return borders;
  return ELIGIBLE_COUNTRIES.filter((c) => c.subregion === country.subregion && c.cca2 !== country.cca2);
}

export function shareBorder(a: WorldCountry, b: WorldCountry): boolean {
  return a.borders.includes(b.cca3);
}

export type NationalityGroup = 'Asia' | 'South America or Africa';

/**
 * Facilitators' nationalities, as the update reports them: about 90% from Asia and 11% from South
 * America or Africa. The two figures add up to 101%, so they are used as weights 90:11.
 */
export const NATIONALITY_SHARES: ReadonlyArray<readonly [NationalityGroup, number]> = [
  ['Asia', 90],
  ['South America or Africa', 11],
];

export function inNationalityGroup(country: WorldCountry, group: NationalityGroup): boolean {
  if (group === 'Asia') return country.region === 'Asia';
  return country.subregion === 'South America' || country.region === 'Africa';
}

export const NATIONALITY_POOLS: Readonly<Record<NationalityGroup, readonly WorldCountry[]>> = {
  Asia: ELIGIBLE_COUNTRIES.filter((c) => inNationalityGroup(c, 'Asia')),
  'South America or Africa': ELIGIBLE_COUNTRIES.filter((c) => inNationalityGroup(c, 'South America or Africa')),
};
