/**
 * The relationship kinds: which node kinds each may join, and what it carries beyond provenance.
 */
import { z } from 'zod';
import { NODE_KINDS, type NodeKind } from './nodes.ts';
import type { REL_WEIGHT, RelKind as KindName } from './kinds.ts';
import { IsoDate, provenanceShape } from './provenance.ts';

interface RelKindSpec<K extends KindName, P extends z.ZodRawShape> {
  kind: K;
  description: string;
  /** allowed [from, to] pairs of node kinds */
  endpoints: ReadonlyArray<readonly [NodeKind, NodeKind]>;
  properties: P;
}

function relKind<const K extends KindName, const P extends z.ZodRawShape>(spec: RelKindSpec<K, P>) {
  const schema = z.object({
    id: z.string().regex(/^\S+$/, 'an id without spaces').describe('stable global id'),
    from: z.string().min(1).describe('id of the start node'),
    to: z.string().min(1).describe('id of the end node'),
    ...spec.properties,
    ...provenanceShape,
  });
  return { kind: spec.kind, description: spec.description, endpoints: spec.endpoints, schema } as const;
}

const count = (what: string) => z.number().int().min(0).nullable().default(null).describe(what);

export const TRAFFICKED_TO = relKind({
  kind: 'TRAFFICKED_TO',
  description: 'victims were trafficked from this country to this centre',
  endpoints: [['Country', 'Centre']],
  properties: {
    victims: count('number of victims in the period'),
    periodStart: IsoDate.nullable().default(null),
    periodEnd: IsoDate.nullable().default(null),
  },
});

export const LOCATED_IN = relKind({
  kind: 'LOCATED_IN',
  description: 'where a centre or organisation is',
  endpoints: [
    ['Centre', 'Country'],
    ['Organisation', 'Country'],
  ],
  properties: {},
});

export const IN_REGION = relKind({
  kind: 'IN_REGION',
  description: 'a country belongs to a hub region',
  endpoints: [['Country', 'Region']],
  properties: {},
});

export const ORIGINATES_IN = relKind({
  kind: 'ORIGINATES_IN',
  description: 'a route starts in this country',
  endpoints: [['Route', 'Country']],
  properties: {},
});

export const TRANSITS = relKind({
  kind: 'TRANSITS',
  description: 'a route passes through this country',
  endpoints: [['Route', 'Country']],
  properties: { hop: z.number().int().min(1).describe('1 for the first transit country, then 2, …') },
});

export const DESTINED_FOR = relKind({
  kind: 'DESTINED_FOR',
  description: 'a route ends in this country or at this centre',
  endpoints: [
    ['Route', 'Country'],
    ['Route', 'Centre'],
  ],
  properties: {},
});

export const OPERATES = relKind({
  kind: 'OPERATES',
  description: 'a facilitator runs or moves people along a route',
  endpoints: [['Facilitator', 'Route']],
  properties: {},
});

export const RECRUITS_FOR = relKind({
  kind: 'RECRUITS_FOR',
  description: 'a facilitator recruits victims for a centre',
  endpoints: [['Facilitator', 'Centre']],
  properties: { recruits: count('people recruited, when known') },
});

export const NATIONAL_OF = relKind({
  kind: 'NATIONAL_OF',
  description: 'a facilitator’s nationality',
  endpoints: [['Facilitator', 'Country']],
  properties: {},
});

export const RUNS_SCAM = relKind({
  kind: 'RUNS_SCAM',
  description: 'a centre runs this kind of scam',
  endpoints: [['Centre', 'ScamType']],
  properties: {},
});

export const USES_METHOD = relKind({
  kind: 'USES_METHOD',
  description: 'a centre or facilitator uses this modus operandi',
  endpoints: [
    ['Centre', 'Method'],
    ['Facilitator', 'Method'],
    ['ScamType', 'Method'],
  ],
  properties: {},
});

export const CARRIES = relKind({
  kind: 'CARRIES',
  description: 'a route also moves drugs, firearms or wildlife',
  endpoints: [['Route', 'Crime']],
  properties: { shipments: count('shipments detected, when known') },
});

export const CONVERGES_IN = relKind({
  kind: 'CONVERGES_IN',
  description: 'a converging crime has a hub in this region',
  endpoints: [['Crime', 'Region']],
  properties: {},
});

export const RAIDED = relKind({
  kind: 'RAIDED',
  description: 'an operation raided or dismantled a centre',
  endpoints: [['Operation', 'Centre']],
  properties: { date: IsoDate.nullable().default(null) },
});

export const ARRESTED = relKind({
  kind: 'ARRESTED',
  description: 'an operation arrested a facilitator',
  endpoints: [['Operation', 'Facilitator']],
  properties: { date: IsoDate.nullable().default(null) },
});

export const CONDUCTED_IN = relKind({
  kind: 'CONDUCTED_IN',
  description: 'an operation took place in this country',
  endpoints: [['Operation', 'Country']],
  properties: {},
});

export const COORDINATED = relKind({
  kind: 'COORDINATED',
  description: 'an organisation coordinated an operation',
  endpoints: [['Organisation', 'Operation']],
  properties: {},
});

export const ISSUED = relKind({
  kind: 'ISSUED',
  description: 'an organisation issued a notice',
  endpoints: [['Organisation', 'Notice']],
  properties: {},
});

export const WARNS_ABOUT = relKind({
  kind: 'WARNS_ABOUT',
  description: 'a notice warns about a scam type, modus operandi or converging crime',
  endpoints: [
    ['Notice', 'ScamType'],
    ['Notice', 'Method'],
    ['Notice', 'Crime'],
  ],
  properties: {},
});

/** Every kind except Source itself may be reported in a Source. */
export const REPORTED_IN = relKind({
  kind: 'REPORTED_IN',
  description: 'this is reported in a source document',
  endpoints: NODE_KINDS.filter((k) => k.kind !== 'Source').map((k) => [k.kind, 'Source'] as const),
  properties: {},
});

export const REL_KINDS = [
  TRAFFICKED_TO,
  LOCATED_IN,
  IN_REGION,
  ORIGINATES_IN,
  TRANSITS,
  DESTINED_FOR,
  OPERATES,
  RECRUITS_FOR,
  NATIONAL_OF,
  RUNS_SCAM,
  USES_METHOD,
  CARRIES,
  CONVERGES_IN,
  RAIDED,
  ARRESTED,
  CONDUCTED_IN,
  COORDINATED,
  ISSUED,
  WARNS_ABOUT,
  REPORTED_IN,
] as const;

export type RelKindDef = (typeof REL_KINDS)[number];
export type RelKind = RelKindDef['kind'];

// kinds.ts lists the same kinds without zod, and names each kind's weight property: a kind missing
// from either side, or a weight that is not a property of its kind, fails to compile
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<RelKind, KindName> = true;
void sameKinds;
type WeightIsProperty = {
  [D in RelKindDef as D['kind']]: (typeof REL_WEIGHT)[D['kind']] extends null
    ? true
    : (typeof REL_WEIGHT)[D['kind']] extends keyof D['schema']['shape']
      ? true
      : false;
};
const weightsExist: false extends WeightIsProperty[RelKind] ? never : true = true;
void weightsExist;

/** A stable id for a relationship, derived from what it joins. */
export function relId(kind: RelKind, from: string, to: string, qualifier?: string): string {
  return `${kind.toLowerCase()}:${from}>${to}${qualifier ? `#${qualifier}` : ''}`;
}
