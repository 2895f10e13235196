/**
 * A small graph for the saved-query tests (test/integration/queries/), written for
 * these tests and not drawn from any source: every saved query has a non-trivial answer here, and
 * each expected answer in the test was worked out by hand from the picture below. Centres and
 * people have codenames; the countries are real but their roles are made up.
 *
 *  Regions and centres (LOCATED_IN, IN_REGION)
 *    qa Compound Aster -> KH Cambodia    -+
 *    qb Compound Birch -> TH Thailand     +-> region:qsea "South-East Asia" (alias "Southeast Asia")
 *    qd Compound Dune  -> PH Philippines -+
 *    qc Compound Cedar -> GH Ghana ---------> region:qwaf "West Africa"   (l3 cites qdoc1 [2024-05-02])
 *    qe Compound Ember -> KE Kenya           (no hub region)
 *
 *  Victim flows (TRAFFICKED_TO, victims)          Routes (origin -[hop]-> transits -> end; CARRIES)
 *    t1 KE -30-> qa    t2 NP -12-> qa               qr1 KE -> ET(1) -> KH(2) -> TH / qb   c1 drugs 4
 *    t3 KE -20-> qb    t5 TH -?--> qd (D4)          qr2 KE -> KH / qa                      c2 arms 2, c5 pangolin 3
 *    t4 BR --8-> qc    t6 NP --9-> qc (C3)          qr3 NP -> TH(1) -> KH / qa             c3 pangolin ? (F6)
 *    t7 ET --4-> qe                                 qr4 BR -> KE(1) -> GH / qc             —
 *                                                   qr5 TH -> PH / qd                      c4 drugs 1
 *    (qr1's hop-2 TRANSITS is written before its hop-1 one; crime:qpangolin CONVERGES_IN region:qsea)
 *
 *  Facilitators (NATIONAL_OF; RECRUITS_FOR recruits; OPERATES)
 *    qf1 Grey Heron  recruiter   TH   rf1 -> qa 10, rf2 -> qb 5 (B3)     op6 -> qr5    m1 -> method:qjobs
 *    qf2 Red Lynx    broker      KE   rf3 -> qa 7,  rf4 -> qc 3          op2 -> qr2, op3 -> qr3
 *    qf3 Blue Otter  transporter KE   (synthetic)                        op1 -> qr1, op4 -> qr3 (C4), op5 -> qr4
 *    qf4 Gold Finch  manager     NP   rf5 -> qa ? (E5, synthetic)
 *    qf5 Pale Moth   financier   BR
 *
 *  Scams and methods: qa RUNS_SCAM romance + crypto, qb romance, qc crypto (C2);
 *    USES_METHOD qa -> qjobs, qb -> qdebt, scamtype:qromance -> qdebt
 *
 *  Enforcement (firstSeen in brackets; the ones marked * cite source:qdoc1)
 *    operation:qop1 Operation Lantern (2024-05-01; 3 arrests, 20 freed, 40 computers, 75 phones) *
 *      x1 RAIDED -> qc [05-02]*   x2 ARRESTED -> qf2 [05-02]*   x3 ARRESTED -> qf3 [05-03, B6]*
 *      x4 CONDUCTED_IN -> GH [05-01]*          org:qpol Harbour Watch -x5 COORDINATED-> qop1 [04-20]
 *    operation:qop2 Operation Quiet Tide: only x6 CONDUCTED_IN -> PH [06-01]
 *    org:qpol -x7 ISSUED-> notice:qpurple Purple Notice Lark *  -x9 WARNS_ABOUT-> method:qjobs *
 *    org:qpol -x8 ISSUED-> notice:qorange Orange Notice Wren -x10 WARNS_ABOUT-> scamtype:qromance
 *                                                            -x11 WARNS_ABOUT-> crime:qpangolin
 *
 *  REPORTED_IN: p1 qc -> qdoc1 [2024-05-02], p2 qop1 -> qdoc1, p3 qpurple -> qdoc1 (F6), p4 GH -> qdoc2
 *  Every other record cites source:qdoc2, is graded B2 and first seen 2023-06-01, unless shown.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { country as countryRecord, provWith } from './fixtures.ts';

const DOC1 = 'source:qdoc1';
const DOC2 = 'source:qdoc2';

interface Prov {
  grade?: string;
  firstSeen?: string;
  sourceIds?: string[];
  synthetic?: boolean;
}
const base = provWith({
  grade: 'B2',
  tlp: 'AMBER',
  firstSeen: '2023-06-01',
  lastSeen: '2024-12-31',
  sourceIds: [DOC2],
  synthetic: false,
});
/** A synthetic record cites no source. */
const prov = (p: Prov = {}) => base(p.synthetic ? { ...p, sourceIds: [] } : p);
const doc1 = (grade = 'A2', firstSeen = '2024-05-02'): Prov => ({ grade, firstSeen, sourceIds: [DOC1] });

const country = (iso2: string, iso3: string, name: string, region: string, hubRegion: string | null = null) =>
  countryRecord(iso2, iso3, name, { region, hubRegion, ...prov() });
const centre = (slug: string, name: string, status: string, workforce: number | null, p: Prov = {}) => ({
  kind: 'Centre',
  id: `centre:${slug}`,
  name,
  status,
  workforce,
  ...prov(p),
});
const facilitator = (slug: string, name: string, role: string, p: Prov = {}) => ({
  kind: 'Facilitator',
  id: `facilitator:${slug}`,
  name,
  role,
  ...prov(p),
});
const route = (slug: string, name: string, mode: string) => ({
  kind: 'Route',
  id: `route:${slug}`,
  name,
  mode,
  ...prov(),
});

const nodes = [
  {
    kind: 'Source',
    id: DOC1,
    name: 'Test bulletin One',
    publisher: 'Test desk',
    published: '2024-06',
    ...prov({ grade: 'A1', sourceIds: [DOC1] }),
  },
  { kind: 'Source', id: DOC2, name: 'Test bulletin Two', publisher: 'Test desk', published: '2024-07', ...prov() },
  {
    kind: 'Region',
    id: 'region:qsea',
    name: 'South-East Asia',
    aliases: ['Southeast Asia'],
    hubStatus: 'original',
    ...prov(),
  },
  { kind: 'Region', id: 'region:qwaf', name: 'West Africa', hubStatus: 'emerging', ...prov() },
  country('KE', 'KEN', 'Kenya', 'Africa'),
  country('NP', 'NPL', 'Nepal', 'Asia'),
  country('BR', 'BRA', 'Brazil', 'Americas'),
  country('ET', 'ETH', 'Ethiopia', 'Africa'),
  country('KH', 'KHM', 'Cambodia', 'Asia', 'South-East Asia'),
  country('TH', 'THA', 'Thailand', 'Asia', 'South-East Asia'),
  country('PH', 'PHL', 'Philippines', 'Asia', 'South-East Asia'),
  country('GH', 'GHA', 'Ghana', 'Africa', 'West Africa'),
  centre('qa', 'Compound Aster', 'active', 60),
  centre('qb', 'Compound Birch', 'suspected', null),
  centre('qc', 'Compound Cedar', 'raided', 25, { grade: 'A2', sourceIds: [DOC1, DOC2] }),
  centre('qd', 'Compound Dune', 'dismantled', null),
  centre('qe', 'Compound Ember', 'suspected', null),
  facilitator('qf1', 'Grey Heron', 'recruiter'),
  facilitator('qf2', 'Red Lynx', 'broker'),
  facilitator('qf3', 'Blue Otter', 'transporter', { synthetic: true }),
  facilitator('qf4', 'Gold Finch', 'manager'),
  facilitator('qf5', 'Pale Moth', 'financier'),
  route('qr1', 'Route Q1: Kenya → Ethiopia → Cambodia → Thailand', 'mixed'),
  route('qr2', 'Route Q2: Kenya → Cambodia', 'air'),
  route('qr3', 'Route Q3: Nepal → Thailand → Cambodia', 'land'),
  route('qr4', 'Route Q4: Brazil → Kenya → Ghana', 'mixed'),
  route('qr5', 'Route Q5: Thailand → Philippines', 'sea'),
  {
    kind: 'Crime',
    id: 'crime:qdrugs',
    name: 'Drug trafficking',
    category: 'drugs',
    commodity: 'methamphetamine',
    ...prov(),
  },
  { kind: 'Crime', id: 'crime:qarms', name: 'Firearms trafficking', category: 'firearms', ...prov() },
  {
    kind: 'Crime',
    id: 'crime:qpangolin',
    name: 'Pangolin trafficking',
    category: 'wildlife',
    species: 'pangolin',
    ...prov(),
  },
  { kind: 'ScamType', id: 'scamtype:qromance', name: 'Romance scam', ...prov() },
  { kind: 'ScamType', id: 'scamtype:qcrypto', name: 'Crypto scam', ...prov() },
  { kind: 'Method', id: 'method:qjobs', name: 'Fake job ads', stage: 'recruitment', ...prov() },
  { kind: 'Method', id: 'method:qdebt', name: 'Debt bondage', stage: 'control', ...prov() },
  {
    kind: 'Operation',
    id: 'operation:qop1',
    name: 'Operation Lantern',
    scope: 'national',
    date: '2024-05-01',
    countriesInvolved: 1,
    arrests: 3,
    victimsFreed: 20,
    computersSeized: 40,
    phonesSeized: 75,
    ...prov(doc1('A2', '2024-05-01')),
  },
  { kind: 'Operation', id: 'operation:qop2', name: 'Operation Quiet Tide', scope: 'regional', ...prov() },
  { kind: 'Organisation', id: 'org:qpol', name: 'Harbour Watch', type: 'international', ...prov() },
  {
    kind: 'Notice',
    id: 'notice:qpurple',
    name: 'Purple Notice Lark',
    colour: 'Purple',
    issued: '2022-03-01',
    ...prov(doc1('A2', '2022-03-01')),
  },
  {
    kind: 'Notice',
    id: 'notice:qorange',
    name: 'Orange Notice Wren',
    colour: 'Orange',
    issued: '2023-04-01',
    ...prov(),
  },
];

const rel = (id: string, kind: string, from: string, to: string, p: Prov = {}, extra: object = {}) => ({
  kind,
  id,
  from,
  to,
  ...prov(p),
  ...extra,
});

const relationships = [
  rel('g1', 'IN_REGION', 'country:KH', 'region:qsea'),
  rel('g2', 'IN_REGION', 'country:TH', 'region:qsea'),
  rel('g3', 'IN_REGION', 'country:PH', 'region:qsea'),
  rel('g4', 'IN_REGION', 'country:GH', 'region:qwaf'),
  rel('l1', 'LOCATED_IN', 'centre:qa', 'country:KH'),
  rel('l2', 'LOCATED_IN', 'centre:qb', 'country:TH'),
  rel('l3', 'LOCATED_IN', 'centre:qc', 'country:GH', doc1()),
  rel('l4', 'LOCATED_IN', 'centre:qd', 'country:PH'),
  rel('l5', 'LOCATED_IN', 'centre:qe', 'country:KE'),
  rel('t1', 'TRAFFICKED_TO', 'country:KE', 'centre:qa', {}, { victims: 30 }),
  rel('t2', 'TRAFFICKED_TO', 'country:NP', 'centre:qa', {}, { victims: 12 }),
  rel('t3', 'TRAFFICKED_TO', 'country:KE', 'centre:qb', { grade: 'C2' }, { victims: 20 }),
  rel('t4', 'TRAFFICKED_TO', 'country:BR', 'centre:qc', { grade: 'B3' }, { victims: 8 }),
  rel('t5', 'TRAFFICKED_TO', 'country:TH', 'centre:qd', { grade: 'D4' }),
  rel('t6', 'TRAFFICKED_TO', 'country:NP', 'centre:qc', { grade: 'C3' }, { victims: 9 }),
  rel('t7', 'TRAFFICKED_TO', 'country:ET', 'centre:qe', {}, { victims: 4 }),
  rel('o1', 'ORIGINATES_IN', 'route:qr1', 'country:KE'),
  rel('o2', 'ORIGINATES_IN', 'route:qr2', 'country:KE'),
  rel('o3', 'ORIGINATES_IN', 'route:qr3', 'country:NP'),
  rel('o4', 'ORIGINATES_IN', 'route:qr4', 'country:BR'),
  rel('o5', 'ORIGINATES_IN', 'route:qr5', 'country:TH'),
  // hop 2 before hop 1, so that only ordering by hop puts them right
  rel('h1b', 'TRANSITS', 'route:qr1', 'country:KH', {}, { hop: 2 }),
  rel('h1a', 'TRANSITS', 'route:qr1', 'country:ET', {}, { hop: 1 }),
  rel('h3', 'TRANSITS', 'route:qr3', 'country:TH', {}, { hop: 1 }),
  rel('h4', 'TRANSITS', 'route:qr4', 'country:KE', {}, { hop: 1 }),
  rel('d1', 'DESTINED_FOR', 'route:qr1', 'country:TH'),
  rel('d1c', 'DESTINED_FOR', 'route:qr1', 'centre:qb'),
  rel('d2', 'DESTINED_FOR', 'route:qr2', 'country:KH'),
  rel('d2c', 'DESTINED_FOR', 'route:qr2', 'centre:qa'),
  rel('d3', 'DESTINED_FOR', 'route:qr3', 'country:KH'),
  rel('d3c', 'DESTINED_FOR', 'route:qr3', 'centre:qa'),
  rel('d4', 'DESTINED_FOR', 'route:qr4', 'country:GH'),
  rel('d4c', 'DESTINED_FOR', 'route:qr4', 'centre:qc'),
  rel('d5', 'DESTINED_FOR', 'route:qr5', 'country:PH'),
  rel('d5c', 'DESTINED_FOR', 'route:qr5', 'centre:qd'),
  rel('c1', 'CARRIES', 'route:qr1', 'crime:qdrugs', {}, { shipments: 4 }),
  rel('c2', 'CARRIES', 'route:qr2', 'crime:qarms', {}, { shipments: 2 }),
  rel('c3', 'CARRIES', 'route:qr3', 'crime:qpangolin', { grade: 'F6' }),
  rel('c4', 'CARRIES', 'route:qr5', 'crime:qdrugs', {}, { shipments: 1 }),
  rel('c5', 'CARRIES', 'route:qr2', 'crime:qpangolin', {}, { shipments: 3 }),
  rel('cv1', 'CONVERGES_IN', 'crime:qpangolin', 'region:qsea'),
  rel('n1', 'NATIONAL_OF', 'facilitator:qf1', 'country:TH'),
  rel('n2', 'NATIONAL_OF', 'facilitator:qf2', 'country:KE'),
  rel('n3', 'NATIONAL_OF', 'facilitator:qf3', 'country:KE', { synthetic: true }),
  rel('n4', 'NATIONAL_OF', 'facilitator:qf4', 'country:NP'),
  rel('n5', 'NATIONAL_OF', 'facilitator:qf5', 'country:BR'),
  rel('rf1', 'RECRUITS_FOR', 'facilitator:qf1', 'centre:qa', {}, { recruits: 10 }),
  rel('rf2', 'RECRUITS_FOR', 'facilitator:qf1', 'centre:qb', { grade: 'B3' }, { recruits: 5 }),
  rel('rf3', 'RECRUITS_FOR', 'facilitator:qf2', 'centre:qa', {}, { recruits: 7 }),
  rel('rf4', 'RECRUITS_FOR', 'facilitator:qf2', 'centre:qc', {}, { recruits: 3 }),
  rel('rf5', 'RECRUITS_FOR', 'facilitator:qf4', 'centre:qa', { grade: 'E5', synthetic: true }),
  rel('op1', 'OPERATES', 'facilitator:qf3', 'route:qr1', { synthetic: true }),
  rel('op2', 'OPERATES', 'facilitator:qf2', 'route:qr2'),
  rel('op3', 'OPERATES', 'facilitator:qf2', 'route:qr3'),
  rel('op4', 'OPERATES', 'facilitator:qf3', 'route:qr3', { grade: 'C4', synthetic: true }),
  rel('op5', 'OPERATES', 'facilitator:qf3', 'route:qr4', { synthetic: true }),
  rel('op6', 'OPERATES', 'facilitator:qf1', 'route:qr5'),
  rel('s1', 'RUNS_SCAM', 'centre:qa', 'scamtype:qromance'),
  rel('s2', 'RUNS_SCAM', 'centre:qb', 'scamtype:qromance'),
  rel('s3', 'RUNS_SCAM', 'centre:qa', 'scamtype:qcrypto'),
  rel('s4', 'RUNS_SCAM', 'centre:qc', 'scamtype:qcrypto', { grade: 'C2' }),
  rel('m1', 'USES_METHOD', 'facilitator:qf1', 'method:qjobs'),
  rel('m2', 'USES_METHOD', 'centre:qa', 'method:qjobs'),
  rel('m3', 'USES_METHOD', 'centre:qb', 'method:qdebt'),
  rel('m4', 'USES_METHOD', 'scamtype:qromance', 'method:qdebt'),
  rel('x1', 'RAIDED', 'operation:qop1', 'centre:qc', doc1(), { date: '2024-05-02' }),
  rel('x2', 'ARRESTED', 'operation:qop1', 'facilitator:qf2', doc1(), { date: '2024-05-02' }),
  rel('x3', 'ARRESTED', 'operation:qop1', 'facilitator:qf3', doc1('B6', '2024-05-03'), { date: '2024-05-03' }),
  rel('x4', 'CONDUCTED_IN', 'operation:qop1', 'country:GH', doc1('A2', '2024-05-01')),
  rel('x5', 'COORDINATED', 'org:qpol', 'operation:qop1', { firstSeen: '2024-04-20' }),
  rel('x6', 'CONDUCTED_IN', 'operation:qop2', 'country:PH', { firstSeen: '2024-06-01' }),
  rel('x7', 'ISSUED', 'org:qpol', 'notice:qpurple', doc1('A2', '2022-03-01')),
  rel('x8', 'ISSUED', 'org:qpol', 'notice:qorange', { firstSeen: '2023-04-01' }),
  rel('x9', 'WARNS_ABOUT', 'notice:qpurple', 'method:qjobs', doc1('A2', '2022-03-01')),
  rel('x10', 'WARNS_ABOUT', 'notice:qorange', 'scamtype:qromance'),
  rel('x11', 'WARNS_ABOUT', 'notice:qorange', 'crime:qpangolin'),
  rel('p1', 'REPORTED_IN', 'centre:qc', DOC1, doc1()),
  rel('p2', 'REPORTED_IN', 'operation:qop1', DOC1, doc1('A2', '2024-05-01')),
  rel('p3', 'REPORTED_IN', 'notice:qpurple', DOC1, doc1('F6', '2022-03-01')),
  rel('p4', 'REPORTED_IN', 'country:GH', DOC2),
];

export function queryGraph(): GraphBatch {
  const parsed = parseBatch({ nodes, relationships });
  if (!parsed.ok) throw new Error(`query graph is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.batch;
}
