/**
 * Graphs for the clearance suite (test/integration/clearance.test.ts), written for these tests and
 * not drawn from any source.
 *
 * `clearanceGraph()`: items at every TLP level, each with a name that occurs nowhere else:
 *
 *   facilitator:scout  GREEN  -NATIONAL_OF (GREEN, cites the RED source)->  country:TH GREEN
 *   centre:g1          GREEN  -LOCATED_IN (GREEN)-> country:TH;  cites source:gdoc GREEN and source:rdoc RED
 *   country:KE         CLEAR  -TRAFFICKED_TO (CLEAR)-> centre:g1
 *   centre:g2          GREEN  -LOCATED_IN (CLEAR)-> country:NP CLEAR
 *   three RED links between GREEN nodes: g2 -LOCATED_IN-> TH, TH -TRAFFICKED_TO-> g2, scout -RECRUITS_FOR-> g2
 *   facilitator:amber  AMBER  -RECRUITS_FOR (AMBER)-> g1 and g2: the only path g1 … g2 below RED
 *   facilitator:strict AMBER+STRICT -NATIONAL_OF (AMBER+STRICT)-> country:NP
 *   centre:red         RED    -LOCATED_IN (RED)-> country:KE;  scout -RECRUITS_FOR (GREEN)-> centre:red
 *   g1 -REPORTED_IN (GREEN)-> source:rdoc RED;  g1 -REPORTED_IN (GREEN)-> source:gdoc
 *
 * So scout … KE is two hops through the RED centre and three (scout-TH-g1-KE) through what a
 * GREEN reader sees: a path filter applied after the search would find none.
 *
 * `markedQueryGraph()`: the saved-query graph (query-graph.ts) with about one item in four marked
 * above GREEN (and the source most items cite, qdoc1, RED), for running every library query.
 */
import { TLP_LEVELS, tlpRank, type Tlp } from '../../server/model/markings.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import { country } from './fixtures.ts';
import { queryGraph } from './query-graph.ts';

const prov = (tlp: Tlp, sourceIds: string[] = ['source:gdoc']) => ({
  grade: 'B2',
  tlp,
  firstSeen: '2024-01-01',
  lastSeen: '2024-12-31',
  sourceIds,
  synthetic: false,
});

export function clearanceGraph(): GraphBatch {
  const nodes = [
    {
      kind: 'Source',
      id: 'source:gdoc',
      name: 'Verdigris Bulletin',
      publisher: 'Desk',
      published: '2024-01',
      ...prov('GREEN'),
    },
    {
      kind: 'Source',
      id: 'source:rdoc',
      name: 'Crimson Ledger',
      publisher: 'Scarlet Desk',
      published: '2024-02',
      ...prov('RED'),
    },
    country('KE', 'KEN', 'Clearmont', { region: 'Africa', hubRegion: null, ...prov('CLEAR') }),
    country('NP', 'NPL', 'Clearwater', { region: 'Asia', hubRegion: null, ...prov('CLEAR') }),
    country('TH', 'THA', 'Verdantia', { region: 'Asia', hubRegion: null, ...prov('GREEN') }),
    {
      kind: 'Centre',
      id: 'centre:g1',
      name: 'Greenfield Compound',
      status: 'active',
      ...prov('GREEN', ['source:gdoc', 'source:rdoc']),
    },
    { kind: 'Centre', id: 'centre:g2', name: 'Greenway Compound', status: 'active', ...prov('GREEN') },
    { kind: 'Centre', id: 'centre:red', name: 'Crimsonhold Compound', status: 'active', ...prov('RED') },
    { kind: 'Facilitator', id: 'facilitator:scout', name: 'Olive Scout', role: 'recruiter', ...prov('GREEN') },
    { kind: 'Facilitator', id: 'facilitator:amber', name: 'Ochre Bridgeman', role: 'broker', ...prov('AMBER') },
    { kind: 'Facilitator', id: 'facilitator:strict', name: 'Saffron Keeper', role: 'manager', ...prov('AMBER+STRICT') },
  ];
  const rel = (id: string, kind: string, from: string, to: string, tlp: Tlp, sourceIds?: string[]) => ({
    kind,
    id,
    from,
    to,
    ...prov(tlp, sourceIds),
  });
  const relationships = [
    rel('e-scout-th', 'NATIONAL_OF', 'facilitator:scout', 'country:TH', 'GREEN', ['source:gdoc', 'source:rdoc']),
    rel('e-g1-th', 'LOCATED_IN', 'centre:g1', 'country:TH', 'GREEN'),
    rel('e-ke-g1', 'TRAFFICKED_TO', 'country:KE', 'centre:g1', 'CLEAR'),
    rel('e-g2-np', 'LOCATED_IN', 'centre:g2', 'country:NP', 'CLEAR'),
    rel('e-red-g2-th', 'LOCATED_IN', 'centre:g2', 'country:TH', 'RED'),
    rel('e-red-th-g2', 'TRAFFICKED_TO', 'country:TH', 'centre:g2', 'RED'),
    rel('e-red-scout-g2', 'RECRUITS_FOR', 'facilitator:scout', 'centre:g2', 'RED'),
    rel('e-amber-g1', 'RECRUITS_FOR', 'facilitator:amber', 'centre:g1', 'AMBER'),
    rel('e-amber-g2', 'RECRUITS_FOR', 'facilitator:amber', 'centre:g2', 'AMBER'),
    rel('e-strict-np', 'NATIONAL_OF', 'facilitator:strict', 'country:NP', 'AMBER+STRICT'),
    rel('e-red-ke', 'LOCATED_IN', 'centre:red', 'country:KE', 'RED'),
    rel('e-scout-red', 'RECRUITS_FOR', 'facilitator:scout', 'centre:red', 'GREEN'),
    rel('e-g1-rdoc', 'REPORTED_IN', 'centre:g1', 'source:rdoc', 'GREEN'),
    rel('e-g1-gdoc', 'REPORTED_IN', 'centre:g1', 'source:gdoc', 'GREEN'),
  ];
  const parsed = parseBatch({ nodes, relationships } as never);
  if (!parsed.ok) throw new Error(`clearance graph is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.batch;
}

/** Kept GREEN so the sample parameters (query-library.ts) still find something for a GREEN reader. */
const FORCED: Record<string, Tlp> = {
  'source:qdoc1': 'RED',
  'source:qdoc2': 'GREEN',
  'centre:qa': 'GREEN',
  'centre:qb': 'RED',
  'country:KE': 'GREEN',
  'facilitator:qf1': 'AMBER',
  'facilitator:qf4': 'GREEN',
  'operation:qop1': 'GREEN',
  'notice:qpurple': 'GREEN',
  'scamtype:qromance': 'GREEN',
  'region:qsea': 'GREEN',
};
const ABOVE_GREEN: Tlp[] = ['RED', 'AMBER', 'AMBER+STRICT'];

export function markedQueryGraph(): GraphBatch {
  const base = queryGraph();
  const mark = <T extends { id: string; tlp: string }>(item: T, i: number): T => ({
    ...item,
    tlp: FORCED[item.id] ?? (i % 4 === 1 ? ABOVE_GREEN[(i >> 2) % 3] : i % 4 === 2 ? 'CLEAR' : 'GREEN'),
  });
  return {
    nodes: base.nodes.map((n, i) => mark(n, i)),
    relationships: base.relationships.map((r, i) => mark(r, i + 1)),
  } as GraphBatch;
}

const visible = (tlp: unknown, clearance: Tlp) => tlpRank(tlp) <= tlpRank(clearance);

/** What a reader cleared for `clearance` may see of `batch`, and what is withheld from them. */
export function splitAt(batch: GraphBatch, clearance: Tlp) {
  const nodes = batch.nodes.filter((n) => visible(n.tlp, clearance));
  const kept = new Set(nodes.map((n) => n.id));
  const relationships = batch.relationships.filter(
    (r) => visible(r.tlp, clearance) && kept.has(r.from) && kept.has(r.to),
  );
  const keptRels = new Set(relationships.map((r) => r.id));
  const withheldNodes = batch.nodes.filter((n) => !kept.has(n.id));
  const withheldIds = new Set(withheldNodes.map((n) => n.id));
  // a citation of a withheld node goes too: the graph as if the withheld items had never been written
  const uncite = <T extends { sourceIds: string[] }>(item: T): T => ({
    ...item,
    sourceIds: item.sourceIds.filter((id) => !withheldIds.has(id)),
  });
  return {
    visible: { nodes: nodes.map(uncite), relationships: relationships.map(uncite) } as GraphBatch,
    withheld: {
      ids: [...withheldIds, ...batch.relationships.filter((r) => !keptRels.has(r.id)).map((r) => r.id)],
      names: withheldNodes.map((n) => n.name),
    },
  };
}

export { TLP_LEVELS };
