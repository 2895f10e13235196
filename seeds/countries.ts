/**
 * Country data for the seeds, from the `world-countries` package (mledoze/countries, ODbL) so that
 * no country list is typed by hand. Both the facts and the generator build Country nodes here.
 */
import worldCountriesModule, { type Country as WorldCountry } from 'world-countries';
import type { HUB_REGIONS } from '../server/model/nodes.ts';
import type { NodeOf, Provenance } from './records.ts';
import { makeNode } from './records.ts';

export type { WorldCountry };
export type HubRegionName = (typeof HUB_REGIONS)[number];

/**
 * The hub regions the documents name, as UN M49 sub-regions (the `subregion` of world-countries).
 * The documents' "Middle East" is taken as M49 "Western Asia" (the Gulf, the Levant, Türkiye and the
 * South Caucasus); it is the nearest standard grouping, not a definition the documents give.
 */
const HUB_OF_SUBREGION: Readonly<Record<string, HubRegionName>> = {
  'South-Eastern Asia': 'South-East Asia',
  'Western Asia': 'Middle East',
  'Western Africa': 'West Africa',
  'Central America': 'Central America',
};

/**
 * The package is CommonJS (`module.exports = [...]`) while its typings declare an ES default export;
 * Node and vitest hand the array itself to a default import, the typings claim `{ default: [...] }`.
 */
const interop = worldCountriesModule as unknown as WorldCountry[] | { default: WorldCountry[] };
const worldCountries: WorldCountry[] = Array.isArray(interop) ? interop : interop.default;

const byCca2 = new Map<string, WorldCountry>(worldCountries.map((c) => [c.cca2, c]));

export const ALL_COUNTRIES: readonly WorldCountry[] = worldCountries;

export function hubRegionOf(country: WorldCountry): HubRegionName | null {
  return HUB_OF_SUBREGION[country.subregion] ?? null;
}

/** `region:south-east-asia` for 'South-East Asia'. */
export function regionId(hub: HubRegionName): string {
  return `region:${hub.toLowerCase().replace(/\s+/g, '-')}`;
}

export function countryId(cca2: string): string {
  return `country:${cca2}`;
}

export function worldCountry(cca2: string): WorldCountry {
  const country = byCca2.get(cca2);
  if (!country) throw new Error(`world-countries has no country with code ${cca2}`);
  return country;
}

/** A Country node with the package's names, codes, regions and centroid. */
export function countryNode(country: WorldCountry, description: string, provenance: Provenance): NodeOf<'Country'> {
  const [lat, lng] = country.latlng;
  return makeNode(
    'Country',
    {
      id: countryId(country.cca2),
      name: country.name.common,
      aliases: country.name.official !== country.name.common ? [country.name.official] : [],
      description,
      iso2: country.cca2,
      iso3: country.cca3,
      region: country.region,
      subregion: country.subregion || null,
      hubRegion: hubRegionOf(country),
      lat: lat ?? null,
      lng: lng ?? null,
    },
    provenance,
  );
}
