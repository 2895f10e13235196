/**
 * A small graph whose neighbourhoods and shortest paths were worked out by hand (see the
 * comments in test/integration/api.test.ts). Written for these tests; not drawn from any source.
 *
 *   KE -e1-> alpha <-e2- PH        alpha -e3-> TH      beta -e4-> PH     gamma -e5-> NA
 *   f1 -e6-> alpha   f1 -e7-> beta   f2 -e8-> gamma   f2 -e9-> TH        f1 -e10-> r1
 *   r1 -e11-> KE     r1 -e12-> TH    op1 -e13-> gamma op1 -e14-> f2      gamma -e15-> doc-a
 *   TH -e16-> sea    PH -e17-> sea    KE -e18-> doc-a
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { country as countryRecord, provWith } from './fixtures.ts';

const prov = provWith({
  grade: 'A1',
  tlp: 'AMBER',
  sourceIds: ['source:doc-a'],
  firstSeen: '2024-03-01',
  lastSeen: '2024-09-30',
});
const country = (iso2: string, iso3: string, name: string, region: string) =>
  countryRecord(iso2, iso3, name, { region, ...prov() });

const nodes = [
  {
    kind: 'Source',
    id: 'source:doc-a',
    name: 'Test document A',
    publisher: 'Test publisher',
    published: '2025-06-30',
    ...prov(),
  },
  {
    kind: 'Source',
    id: 'source:doc-b',
    name: 'Test document B',
    publisher: 'Other publisher',
    published: '2025-07',
    ...prov({ grade: 'B2' }),
  },
  country('NA', 'NAM', 'Namibia', 'Africa'),
  country('PH', 'PHL', 'Philippines', 'Asia'),
  country('TH', 'THA', 'Thailand', 'Asia'),
  country('KE', 'KEN', 'Kenya', 'Africa'),
  {
    kind: 'Region',
    id: 'region:sea',
    name: 'South-East Asia',
    hubStatus: 'original',
    victimShare: 0.74,
    ...prov(),
  },
  {
    kind: 'Centre',
    id: 'centre:alpha',
    name: 'Alpha Compound',
    status: 'active',
    workforce: 40,
    ...prov({ grade: 'B2' }),
  },
  {
    kind: 'Centre',
    id: 'centre:beta',
    name: 'Beta Park',
    aliases: ['Bêta Zone'],
    status: 'suspected',
    ...prov({ grade: 'C3' }),
  },
  {
    kind: 'Centre',
    id: 'centre:gamma',
    name: 'Gamma Hub',
    status: 'dismantled',
    workforce: 88,
    ...prov(),
    sourceIds: ['source:doc-a', 'source:doc-b'],
  },
  {
    kind: 'Facilitator',
    id: 'facilitator:f1',
    name: 'Amber Heron',
    role: 'recruiter',
    gender: 'male',
    ageBand: '20-29',
    ...prov({ grade: 'B2' }),
    synthetic: true,
    sourceIds: [],
  },
  {
    kind: 'Facilitator',
    id: 'facilitator:f2',
    name: 'Jade Fox',
    role: 'manager',
    gender: 'female',
    ageBand: '30-39',
    ...prov({ grade: 'B2' }),
  },
  { kind: 'Route', id: 'route:r1', name: 'Kenya to Thailand by air', mode: 'air', ...prov({ grade: 'B3' }) },
  {
    kind: 'Operation',
    id: 'operation:op1',
    name: 'Operation Test',
    scope: 'national',
    date: '2024-05-01',
    arrests: 1,
    ...prov(),
  },
];

const rel = (id: string, kind: string, from: string, to: string, grade: string, extra: object = {}) => ({
  kind,
  id,
  from,
  to,
  ...prov({ grade }),
  ...extra,
});

const relationships = [
  rel('e1', 'TRAFFICKED_TO', 'country:KE', 'centre:alpha', 'D4', {
    victims: 30,
    periodStart: '2024-01-01',
    periodEnd: '2024-06-30',
  }),
  rel('e2', 'TRAFFICKED_TO', 'country:PH', 'centre:alpha', 'C3', { victims: 10 }),
  rel('e3', 'LOCATED_IN', 'centre:alpha', 'country:TH', 'A1'),
  rel('e4', 'LOCATED_IN', 'centre:beta', 'country:PH', 'A1'),
  rel('e5', 'LOCATED_IN', 'centre:gamma', 'country:NA', 'A1'),
  rel('e6', 'RECRUITS_FOR', 'facilitator:f1', 'centre:alpha', 'B2'),
  rel('e7', 'RECRUITS_FOR', 'facilitator:f1', 'centre:beta', 'F6'),
  rel('e8', 'RECRUITS_FOR', 'facilitator:f2', 'centre:gamma', 'B1'),
  rel('e9', 'NATIONAL_OF', 'facilitator:f2', 'country:TH', 'B2'),
  rel('e10', 'OPERATES', 'facilitator:f1', 'route:r1', 'B3'),
  rel('e11', 'ORIGINATES_IN', 'route:r1', 'country:KE', 'A2'),
  rel('e12', 'DESTINED_FOR', 'route:r1', 'country:TH', 'A2'),
  rel('e13', 'RAIDED', 'operation:op1', 'centre:gamma', 'A1', { date: '2024-05-02' }),
  rel('e14', 'ARRESTED', 'operation:op1', 'facilitator:f2', 'A1'),
  rel('e15', 'REPORTED_IN', 'centre:gamma', 'source:doc-a', 'A1'),
  rel('e16', 'IN_REGION', 'country:TH', 'region:sea', 'A1'),
  rel('e17', 'IN_REGION', 'country:PH', 'region:sea', 'A1'),
  rel('e18', 'REPORTED_IN', 'country:KE', 'source:doc-a', 'A1'),
];

export function smallGraph(): GraphBatch {
  const parsed = parseBatch({ nodes, relationships });
  if (!parsed.ok) throw new Error(`small graph is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.batch;
}
