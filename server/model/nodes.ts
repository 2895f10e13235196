/**
 * The node kinds of the scam-centre trade. Each kind is one zod object; the store DDL, the API's
 * /api/schema answer, OpenAPI and import validation are all derived from these definitions.
 */
import { z } from 'zod';
import { HUB_REGIONS, type NodeKind as KindName } from './kinds.ts';
import { provenanceShape } from './provenance.ts';

export { HUB_REGIONS };
export const HubRegion = z.enum(HUB_REGIONS);

const coordinate = (what: string) => z.number().nullable().default(null).describe(what);
const count = (what: string) => z.number().int().min(0).nullable().default(null).describe(what);

interface NodeKindSpec<K extends KindName, P extends z.ZodRawShape> {
  /** the node label in both stores */
  kind: K;
  /** the prefix of every id of this kind, e.g. `centre` in `centre:na-2024-01` */
  prefix: string;
  description: string;
  properties: P;
}

function nodeKind<const K extends KindName, const P extends z.ZodRawShape>(spec: NodeKindSpec<K, P>) {
  const id = z
    .string()
    .regex(new RegExp(`^${spec.prefix}:[^\\s]+$`), `an id of the form ${spec.prefix}:<name>`)
    .describe(`stable global id, "${spec.prefix}:<name>"`);
  const schema = z.object({
    id,
    name: z.string().min(1).describe('display name'),
    aliases: z.array(z.string()).default([]).describe('other names it is known by'),
    description: z.string().nullable().default(null).describe('what it is, in a sentence'),
    ...spec.properties,
    ...provenanceShape,
  });
  return { kind: spec.kind, prefix: spec.prefix, description: spec.description, schema } as const;
}

export const Country = nodeKind({
  kind: 'Country',
  prefix: 'country',
  description: 'A country or territory: victims’ origin, transit, hub, or home of facilitators',
  properties: {
    iso2: z.string().length(2).describe('ISO 3166-1 alpha-2 code'),
    iso3: z.string().length(3).describe('ISO 3166-1 alpha-3 code'),
    region: z.string().describe('continent-level region (world-countries)'),
    subregion: z.string().nullable().default(null).describe('UN M49 sub-region (world-countries)'),
    hubRegion: HubRegion.nullable().default(null).describe('the scam-centre hub region it belongs to, if any'),
    lat: coordinate('latitude of the centroid'),
    lng: coordinate('longitude of the centroid'),
  },
});

export const Region = nodeKind({
  kind: 'Region',
  prefix: 'region',
  description: 'A hub region where scam centres cluster',
  properties: {
    hubStatus: z.enum(['original', 'emerging', 'observed']).describe('original hub, emerging hub, or centres observed'),
    victimShare: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .default(null)
      .describe('share of trafficking victims taken to centres in this region'),
  },
});

export const Centre = nodeKind({
  kind: 'Centre',
  prefix: 'centre',
  description: 'A scam centre (compound) where trafficked people are forced to run scams',
  properties: {
    status: z.enum(['active', 'suspected', 'raided', 'dismantled']).describe('last known status'),
    workforce: count('people held or working there, as reported or estimated'),
    city: z.string().nullable().default(null).describe('town or district, when known'),
  },
});

export const Facilitator = nodeKind({
  kind: 'Facilitator',
  prefix: 'facilitator',
  description: 'A person or cell who recruits, moves or controls victims (always a codename here)',
  properties: {
    role: z.enum(['recruiter', 'transporter', 'broker', 'financier', 'manager']).describe('main role'),
    gender: z.enum(['male', 'female', 'unknown']).default('unknown'),
    ageBand: z.enum(['under 20', '20-29', '30-39', '40-49', '50+', 'unknown']).default('unknown'),
  },
});

export const Route = nodeKind({
  kind: 'Route',
  prefix: 'route',
  description: 'A trafficking route from an origin country through transit countries to a hub',
  properties: {
    mode: z.enum(['air', 'land', 'sea', 'mixed']).describe('main means of transport'),
  },
});

export const Crime = nodeKind({
  kind: 'Crime',
  prefix: 'crime',
  description: 'A converging crime that uses the same routes: drugs, firearms or wildlife',
  properties: {
    category: z.enum(['drugs', 'firearms', 'wildlife']),
    commodity: z.string().nullable().default(null).describe('what is moved, e.g. methamphetamine'),
    species: z.string().nullable().default(null).describe('protected species, for wildlife'),
  },
});

export const ScamType = nodeKind({
  kind: 'ScamType',
  prefix: 'scamtype',
  description: 'A kind of fraud run from the centres against a second set of victims',
  properties: {},
});

export const Method = nodeKind({
  kind: 'Method',
  prefix: 'method',
  description: 'A modus operandi: how victims are recruited, held or exploited',
  properties: {
    stage: z.enum(['recruitment', 'control', 'exploitation']).describe('where in the chain it is used'),
  },
});

export const Operation = nodeKind({
  kind: 'Operation',
  prefix: 'operation',
  description: 'A law-enforcement operation: raids, arrests, seizures',
  properties: {
    scope: z
      .enum(['global', 'regional', 'national'])
      .nullable()
      .default(null)
      .describe('null when the sources do not say'),
    date: z.iso.date().nullable().default(null).describe('when it took place (start)'),
    countriesInvolved: count('countries and territories taking part'),
    arrests: count('people arrested (a lower bound when the source says “over”)'),
    victimsFreed: count('victims identified or freed'),
    computersSeized: count('computers seized'),
    phonesSeized: count('mobile phones seized'),
  },
});

export const Notice = nodeKind({
  kind: 'Notice',
  prefix: 'notice',
  description: 'An INTERPOL notice warning member countries',
  properties: {
    colour: z.enum(['Purple', 'Orange', 'Red', 'Yellow', 'Blue', 'Green', 'Black']),
    issued: z.iso.date().nullable().default(null).describe('when it was issued'),
  },
});

export const Organisation = nodeKind({
  kind: 'Organisation',
  prefix: 'org',
  description: 'A police body, international organisation, NGO, platform or financial mechanism',
  properties: {
    type: z.enum(['police', 'international', 'ngo', 'platform', 'financial', 'government']),
  },
});

export const Source = nodeKind({
  kind: 'Source',
  prefix: 'source',
  description: 'A document that reports facts in the graph',
  properties: {
    file: z.string().nullable().default(null).describe('file name in the seed documents'),
    publisher: z.string().describe('who published it'),
    published: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
      .describe('publication date, as precise as known'),
    url: z.string().nullable().default(null),
  },
});

export const NODE_KINDS = [
  Country,
  Region,
  Centre,
  Facilitator,
  Route,
  Crime,
  ScamType,
  Method,
  Operation,
  Notice,
  Organisation,
  Source,
] as const;

export type NodeKindDef = (typeof NODE_KINDS)[number];
export type NodeKind = NodeKindDef['kind'];

// kinds.ts lists the same kinds without zod: a kind missing from either side fails to compile
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<NodeKind, KindName> = true;
void sameKinds;
