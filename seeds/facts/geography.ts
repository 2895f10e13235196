/**
 * The hub regions and the countries the documents name. Country attributes come from
 * world-countries; what the documents say about each country goes into its description.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import type { NodeOf } from '../records.ts';
import { makeNode, makeRel } from '../records.ts';
import { countryId, countryNode, hubRegionOf, regionId, worldCountry, type HubRegionName } from '../countries.ts';
import { cite, type SourceKey } from './sources.ts';

interface RegionFact {
  hub: HubRegionName;
  hubStatus: NodeOf<'Region'>['hubStatus'];
  victimShare: number | null;
  aliases: string[];
  description: string;
  sources: SourceKey[];
}

const REGIONS: RegionFact[] = [
  {
    hub: 'South-East Asia',
    hubStatus: 'original',
    victimShare: 0.74,
    aliases: ['Southeast Asia'],
    description:
      'Where the scam centres first grew; 74% of trafficking victims in INTERPOL’s data were taken to centres here.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
  {
    hub: 'West Africa',
    hubStatus: 'emerging',
    victimShare: null,
    aliases: [],
    description: 'Named by INTERPOL as a possible new regional hub for online scam centres.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
  {
    hub: 'Middle East',
    hubStatus: 'observed',
    victimShare: null,
    aliases: [],
    description: 'One of the regions beyond South-East Asia where scam centres have been seen.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
  {
    hub: 'Central America',
    hubStatus: 'observed',
    victimShare: null,
    aliases: [],
    description: 'One of the regions beyond South-East Asia where scam centres have been seen.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
];

interface CountryFact {
  cca2: string;
  description: string;
  sources: SourceKey[];
}

/**
 * Only countries the documents tie to something in the graph. Morocco (Marrakech, where the 2025
 * General Assembly met) and France (Lyon, the June release's dateline) are left out: a meeting
 * place or a dateline says nothing about the trade, nor where INTERPOL is based.
 */
export const FACT_COUNTRIES: CountryFact[] = [
  {
    cca2: 'NA',
    description: 'A scam centre holding 88 young people was dismantled here in 2024.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
  {
    cca2: 'PH',
    description:
      'Police raided an industrial-scale scam centre here in 2024, during an INTERPOL-coordinated operation.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
  {
    cca2: 'KR',
    description:
      'Proposed the resolution on transnational scam centres adopted by the INTERPOL General Assembly in November 2025.',
    sources: ['assemblyRelease', 'saturdayStar'],
  },
];

export function geographyFacts(): GraphBatch {
  const regions = REGIONS.map((r) =>
    makeNode(
      'Region',
      {
        id: regionId(r.hub),
        name: r.hub,
        aliases: r.aliases,
        description: r.description,
        hubStatus: r.hubStatus,
        victimShare: r.victimShare,
      },
      cite(r.sources),
    ),
  );
  const countries = FACT_COUNTRIES.map((c) => countryNode(worldCountry(c.cca2), c.description, cite(c.sources)));
  // Hub membership is the UN M49 grouping (world-countries); it is cited to the documents that
  // name the country, since that is where the country enters the facts.
  const inRegion = FACT_COUNTRIES.flatMap((c) => {
    const hub = hubRegionOf(worldCountry(c.cca2));
    return hub ? [makeRel('IN_REGION', countryId(c.cca2), regionId(hub), cite(c.sources), {})] : [];
  });
  return { nodes: [...regions, ...countries], relationships: inRegion };
}
