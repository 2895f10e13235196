/**
 * The STIX 2.1 vocabulary scamnet writes and reads back: the official TLP 2.0 marking definitions,
 * the Admiralty credibility → `confidence` mapping, deterministic STIX ids and which STIX type each
 * node kind becomes. Shared by the writer (server/export/formats/stix.ts) and the reader (server/import/stix-reader.ts),
 * so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import type { Tlp } from './provenance.ts';

/**
 * The TLP 2.0 marking definitions of the STIX 2.1 TLP 2.0 extension, as published by OASIS
 * (cti-stix-common-objects, extension-definition-specifications/tlp-2.0): fixed ids every STIX
 * consumer (OpenCTI, MISP) recognises, so they must be copied, never made up.
 */
export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP_MARKING_IDS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
export const TLP_BY_MARKING_ID = new Map(Object.entries(TLP_MARKING_IDS).map(([tlp, id]) => [id, tlp as Tlp]));

export function tlpMarkingDefinition(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/**
 * STIX 2.1 §A (confidence scales), "Admiralty Credibility": 1 → 90, 2 → 70, 3 → 50, 4 → 30,
 * 5 → 10; 6 ("truth cannot be judged") has no value, so `confidence` is left out.
 */
const CREDIBILITY_CONFIDENCE: Record<string, number | undefined> = { '1': 90, '2': 70, '3': 50, '4': 30, '5': 10 };
export function confidenceOf(grade: string): number | undefined {
  return CREDIBILITY_CONFIDENCE[grade[1] ?? ''];
}

/** Any UUIDv5 namespace will do as long as it never changes: the ids of one scamnet node stay the same in every export. */
const SCAMNET_NAMESPACE = '6f1c1a4e-2b7d-4e0a-9a55-5c2a9d1f0b3e';

/** RFC 4122 version-5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string, namespace = SCAMNET_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function stixId(type: string, scamnetId: string): string {
  return `${type}--${uuidV5(`${type}|${scamnetId}`)}`;
}

/**
 * The nearest STIX 2.1 type for each node kind (the README's table). Kinds with no STIX domain
 * object near them are custom objects with an `x-scamnet-` type, which STIX 2.1 §11.1 allows and
 * consumers that do not know them skip. Region is a location when its hub name has a region-ov
 * value (below), else a custom object: a location must name a region, a country or coordinates.
 */
export const STIX_TYPE_OF_KIND: Record<string, string> = {
  Country: 'location',
  Region: 'location',
  Centre: 'infrastructure',
  Facilitator: 'threat-actor',
  Route: 'x-scamnet-route',
  Crime: 'x-scamnet-crime',
  ScamType: 'attack-pattern',
  Method: 'attack-pattern',
  Operation: 'x-scamnet-operation',
  Notice: 'x-scamnet-notice',
  Organisation: 'identity',
  Source: 'report',
};

/** STIX region-ov values for the hub regions (UN M49 sub-regions). */
export const REGION_OV: Record<string, string> = {
  'south-east asia': 'south-eastern-asia',
  'southeast asia': 'south-eastern-asia',
  'middle east': 'western-asia',
  'west africa': 'western-africa',
  'central america': 'central-america',
};

/** Organisation.type → industry-sector-ov. */
export const SECTOR_OF_TYPE: Record<string, string> = {
  police: 'government-public-services',
  international: 'government-national',
  ngo: 'non-profit',
  platform: 'technology',
  financial: 'financial-services',
  government: 'government-national',
};

/** Facilitator.role → threat-actor-role-ov. */
export const THREAT_ACTOR_ROLE: Record<string, string> = {
  recruiter: 'agent',
  transporter: 'agent',
  broker: 'agent',
  financier: 'sponsor',
  manager: 'director',
};

/** Relationship kinds with a STIX 2.1 relationship type of the same meaning; the rest are written in its style (lower case, hyphens). */
export const STANDARD_RELATIONSHIP: Record<string, string> = {
  LOCATED_IN: 'located-at',
  RUNS_SCAM: 'uses',
  USES_METHOD: 'uses',
};
export function relationshipType(kind: string): string {
  return STANDARD_RELATIONSHIP[kind] ?? kind.toLowerCase().replace(/_/g, '-');
}

/** The custom properties that carry scamnet's record through STIX (x_ prefix: STIX 2.1 §11.1). */
export const X = {
  kind: 'x_scamnet_kind',
  id: 'x_scamnet_id',
  properties: 'x_scamnet_properties',
  reliability: 'x_scamnet_reliability',
  credibility: 'x_scamnet_credibility',
  manifest: 'x_scamnet_manifest',
} as const;

/** The identity every object is created by: the exporting tool (no person is named). */
export const PRODUCER_ID = stixId('identity', 'scamnet-producer');
