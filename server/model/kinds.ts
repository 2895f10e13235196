/**
 * The names of the node and relationship kinds, as plain lists. They live apart from the zod
 * schemas (nodes.ts, relationships.ts) so the browser client and the presentation tables can use
 * them without bundling zod; the schema modules check at compile time that they define exactly
 * these kinds.
 */
export const NODE_KIND_NAMES = [
  'Country',
  'Region',
  'Centre',
  'Facilitator',
  'Route',
  'Crime',
  'ScamType',
  'Method',
  'Operation',
  'Notice',
  'Organisation',
  'Source',
] as const;
export type NodeKind = (typeof NODE_KIND_NAMES)[number];

/**
 * The node kind a name names, case ignored (`centre` → Centre, `scamType` → ScamType), or
 * undefined: how a query parameter of type id says which kind of entity it takes.
 */
export function nodeKindNamed(name: string): NodeKind | undefined {
  const folded = name.toLowerCase();
  return NODE_KIND_NAMES.find((kind) => kind.toLowerCase() === folded);
}

export const REL_KIND_NAMES = [
  'TRAFFICKED_TO',
  'LOCATED_IN',
  'IN_REGION',
  'ORIGINATES_IN',
  'TRANSITS',
  'DESTINED_FOR',
  'OPERATES',
  'RECRUITS_FOR',
  'NATIONAL_OF',
  'RUNS_SCAM',
  'USES_METHOD',
  'CARRIES',
  'CONVERGES_IN',
  'RAIDED',
  'ARRESTED',
  'CONDUCTED_IN',
  'COORDINATED',
  'ISSUED',
  'WARNS_ABOUT',
  'REPORTED_IN',
] as const;
export type RelKind = (typeof REL_KIND_NAMES)[number];

export const HUB_REGIONS = ['South-East Asia', 'Middle East', 'West Africa', 'Central America'] as const;
export type HubRegionName = (typeof HUB_REGIONS)[number];

/**
 * The property that stands for a relationship's size (victims trafficked, people recruited,
 * shipments carried), or null when the kind carries none. The schema in relationships.ts checks
 * at compile time that each named property exists on its kind.
 */
export const REL_WEIGHT = {
  TRAFFICKED_TO: 'victims',
  LOCATED_IN: null,
  IN_REGION: null,
  ORIGINATES_IN: null,
  TRANSITS: null,
  DESTINED_FOR: null,
  OPERATES: null,
  RECRUITS_FOR: 'recruits',
  NATIONAL_OF: null,
  RUNS_SCAM: null,
  USES_METHOD: null,
  CARRIES: 'shipments',
  CONVERGES_IN: null,
  RAIDED: null,
  ARRESTED: null,
  CONDUCTED_IN: null,
  COORDINATED: null,
  ISSUED: null,
  WARNS_ABOUT: null,
  REPORTED_IN: null,
} as const satisfies Record<RelKind, string | null>;
