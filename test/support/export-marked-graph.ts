/**
 * The export graph (export-graph.ts) with every TLP level and distinctive names, for the tests that
 * check a recipient receives nothing above their level. Written for these tests; not drawn from
 * any source.
 *
 * Added: an AMBER+STRICT facilitator with an alias and its AMBER+STRICT link to Namibia; a RED
 * Source cited by GREEN items; a GREEN Organisation (its `type` collides with sigma's reserved
 * attribute) located in Namibia by a GREEN link. For a GREEN recipient the visible items are
 * country:NA, region:sea, source:doc-b, org:green-ngo and the link e-green.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { HOSTILE_ID, exportGraph } from './export-graph.ts';

export const VISIBLE_TO_GREEN = ['country:NA', 'org:green-ngo', 'region:sea', 'source:doc-b'];

export function markedGraph(): GraphBatch {
  const base = exportGraph();
  const nodes = [
    ...base.nodes,
    {
      kind: 'Facilitator',
      id: 'facilitator:strict-kilo',
      name: 'Kilo Strictname',
      aliases: ['Strictalias Marker'],
      role: 'broker',
      description: 'STRICTPROPERTYMARKER',
      grade: 'B2',
      tlp: 'AMBER+STRICT',
      sourceIds: [],
      synthetic: true,
    },
    {
      kind: 'Source',
      id: 'source:secret-red',
      name: 'Red Ledger Document',
      publisher: 'Redpublisher Marker',
      published: '2025-01',
      grade: 'A1',
      tlp: 'RED',
      sourceIds: [],
      synthetic: true,
    },
    {
      kind: 'Organisation',
      id: 'org:green-ngo',
      name: 'Green Watch, Namibia',
      type: 'ngo',
      aliases: ['Smith, John', 'GW'],
      grade: 'B2',
      tlp: 'GREEN',
      sourceIds: ['source:doc-b', 'source:secret-red'],
    },
  ];
  const relationships = [
    ...base.relationships,
    {
      kind: 'NATIONAL_OF',
      id: 'rel-strict-link',
      from: 'facilitator:strict-kilo',
      to: 'country:NA',
      grade: 'B2',
      tlp: 'AMBER+STRICT',
      sourceIds: [],
      synthetic: true,
    },
    {
      kind: 'LOCATED_IN',
      id: 'e-green',
      from: 'org:green-ngo',
      to: 'country:NA',
      grade: 'B2',
      tlp: 'GREEN',
      sourceIds: ['source:secret-red', 'source:doc-b'],
    },
  ];
  const parsed = parseBatch({ nodes, relationships } as never);
  if (!parsed.ok) throw new Error(`marked export graph is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.batch;
}

/** Every id, name and distinctive property value a GREEN recipient must never receive. */
export function withheldFromGreen(): string[] {
  const batch = markedGraph();
  const hidden = batch.nodes.filter((n) => !VISIBLE_TO_GREEN.includes(n.id));
  const out = new Set<string>([
    'rel-strict-link',
    'e-hostile',
    'STRICTPROPERTYMARKER',
    'Redpublisher Marker',
    'evil.example',
    'HYPERLINK',
    HOSTILE_ID,
  ]);
  for (const n of hidden) {
    out.add(n.id);
    out.add(n.name);
    for (const alias of n.aliases) out.add(alias);
  }
  return [...out];
}
