/**
 * The saved query library in cypher/, run the way the server runs it (runSavedQuery: parameter
 * check, token guard, the engine's read-only plan check, analyst lane) on a real embedded store.
 *
 * - On the hand-made graph of test/support/query-graph.ts, every expected row was worked out by
 *   hand from the picture in that file.
 * - On the seed graph, the facts' queries are checked against the figures in seeds/facts, and the
 *   queries over the synthetic network against answers computed here in plain TypeScript from the
 *   batch records (never with Cypher), so the Cypher is checked against an independent oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { gradeRank } from '../../server/model/provenance.ts';
import {
  REL_KIND_NAMES,
  type GraphBatch,
  type NodeRecordValue,
  type RelRecordValue,
} from '../../server/model/schema.ts';
import { loadBuiltinQueries, type QueryDef } from '../../server/queries/library.ts';
import { runSavedQuery } from '../../server/queries/runner.ts';
import type { JsonValue, QueryResult } from '../../server/store/types.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { queryGraph } from '../support/query-graph.ts';

type Row = Record<string, JsonValue>;

const library = loadBuiltinQueries();

/** The columns of each query that hold nodes, relationships or paths (the rest is the table). */
const GRAPH_COLUMNS: Record<string, string[]> = {
  'centre-profile': ['centre', 'located', 'scamLinks', 'methodLinks', 'flows', 'raids'],
  'centres-by-scam-type': ['scam', 'centre', 'runs', 'located'],
  'centres-in-hub': ['region', 'inRegion', 'centre', 'located', 'flows'],
  'convergence-centres': ['centre', 'crime', 'arrivals', 'cargo'],
  'crimes-on-routes-to-hub': ['crime', 'cargo', 'arrivals'],
  'facilitator-nationalities': ['country', 'links'],
  'facilitator-network': ['f', 'ties', 'nationality', 'elsewhere', 'arrests'],
  'new-links': ['r'],
  'notice-links': ['n', 'paths'],
  'operation-impact': ['operation', 'raids', 'arrestLinks', 'conductedIn', 'coordination'],
  'origin-and-transit': ['country', 'departures', 'crossings'],
  'routes-from-country': ['route', 'departs', 'hops', 'toCountry', 'toCentre', 'carried'],
  'routes-through-country': ['route', 'crosses', 'departs', 'toCountry', 'toCentre'],
  'shared-facilitators': ['f', 'links', 'nationality'],
  'shortest-connection': ['p'],
  'source-contents': ['p'],
  'top-facilitators': ['f', 'recruitLinks', 'routeLinks'],
  'victim-flows': ['links'],
  'weak-links': ['r'],
};

/** Parameters giving every query a non-empty answer on the hand-made graph. */
const SAMPLE_PARAMS: Record<string, Record<string, unknown>> = {
  'centre-profile': { centre: 'centre:qa' },
  'centres-by-scam-type': { scamType: 'scamtype:qromance' },
  'centres-in-hub': { hub: 'South-East Asia' },
  'convergence-centres': {},
  'crimes-on-routes-to-hub': { hub: 'South-East Asia' },
  'facilitator-nationalities': {},
  'facilitator-network': { centre: 'centre:qa' },
  'new-links': { from: '2024-05-01', to: '2024-05-31' },
  'notice-links': { notice: 'notice:qpurple' },
  'operation-impact': { operation: 'operation:qop1' },
  'origin-and-transit': {},
  'routes-from-country': { country: 'country:KE' },
  'routes-through-country': { country: 'country:KE' },
  'shared-facilitators': {},
  'shortest-connection': { from: 'facilitator:qf4', to: 'operation:qop1' },
  'source-contents': { source: 'source:qdoc1' },
  'top-facilitators': {},
  'victim-flows': {},
  'weak-links': {},
};

/** The queries that cannot share one text between the two stores. */
const WITH_LADYBUG_VARIANT = ['new-links', 'notice-links', 'shortest-connection', 'source-contents', 'weak-links'];

function query(name: string): QueryDef {
  const def = library.find((q) => q.name === name);
  if (!def) throw new Error(`no saved query named ${name}`);
  return def;
}

const run = (h: Harness, name: string, params: Record<string, unknown> = {}) =>
  runSavedQuery(h.store, query(name), params);

/** The readable table: every row without its graph columns. */
function table(name: string, result: QueryResult): Row[] {
  const graph = new Set(GRAPH_COLUMNS[name]);
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !graph.has(column))));
}

const nodeKeys = (result: QueryResult) => result.graph.nodes.map((n) => n.key).sort();
const edgeKeys = (result: QueryResult) => result.graph.edges.map((e) => e.key).sort();
const sorted = (keys: string[]) => [...keys].sort();

function holdsGraphCell(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(holdsGraphCell);
  return value !== null && typeof value === 'object' && typeof value.$type === 'string';
}

async function expectValidationError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_error');
}

/** Every relationship kind except REPORTED_IN, as a pattern's type list. */
const LINK_KINDS = REL_KIND_NAMES.filter((k) => k !== 'REPORTED_IN');

describe('the library', () => {
  it('holds at least 16 queries, each with a text for both stores and a complete header', () => {
    expect(library.length).toBeGreaterThanOrEqual(16);
    expect(library.map((q) => q.name).sort()).toEqual(Object.keys(GRAPH_COLUMNS).sort());
    for (const q of library) {
      expect(q.texts.ladybug.length, q.name).toBeGreaterThan(0);
      expect(q.texts.neo4j.length, q.name).toBeGreaterThan(0);
      for (const field of [q.title, q.description, q.returns]) expect(field.length, q.name).toBeGreaterThan(10);
      for (const p of q.params) expect(p.description.length, `${q.name} ${p.name}`).toBeGreaterThan(0);
    }
  });

  it('has store-specific texts only where the dialects differ', () => {
    expect(library.filter((q) => q.variants.length > 0).map((q) => q.name)).toEqual(WITH_LADYBUG_VARIANT);
    for (const q of library) {
      expect(q.variants, q.name).toEqual(WITH_LADYBUG_VARIANT.includes(q.name) ? ['ladybug'] : []);
      // The shared text must not lean on either dialect.
      if (q.variants.length === 0)
        expect(q.texts.neo4j, q.name).not.toMatch(/\blabels?\(|\btype\(|list_|ALL SHORTEST|allShortestPaths/);
    }
    for (const name of WITH_LADYBUG_VARIANT) {
      expect(query(name).texts.ladybug, name).not.toMatch(/\blabels\(|\btype\(|allShortestPaths|relationships\(/);
      expect(query(name).texts.neo4j, name).not.toMatch(/\blabel\(|list_|ALL SHORTEST|\brels\(/);
    }
  });

  it('bounds every variable-length pattern', () => {
    for (const q of library) {
      for (const text of Object.values(q.texts)) {
        for (const [pattern] of text.matchAll(/\[[^\]]*\*[^\]]*\]/g))
          expect(pattern, q.name).toMatch(/\.\.\s*\d+\s*\]$/);
      }
    }
  });

  it('follows every relationship kind but REPORTED_IN in path searches', () => {
    for (const name of ['shortest-connection', 'notice-links']) {
      for (const text of Object.values(query(name).texts)) {
        const lists = [...text.matchAll(/\[:([A-Z_|]+)\*/g)].map((m) => m[1]!.split('|').sort());
        expect(lists, name).toEqual([[...LINK_KINDS].sort()]);
      }
    }
  });
});

describe('on the hand-made graph', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(queryGraph());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every query answers with a table and graph elements', async () => {
    for (const q of library) {
      const result = await run(h, q.name, SAMPLE_PARAMS[q.name]);
      expect(result.rows.length, q.name).toBeGreaterThan(0);
      expect(result.graph.nodes.length, q.name).toBeGreaterThan(0);
      const graphColumns = GRAPH_COLUMNS[q.name]!;
      expect(result.columns, q.name).toEqual(expect.arrayContaining(graphColumns));
      expect(result.columns.length, q.name).toBeGreaterThan(graphColumns.length);
      expect(
        result.rows.some((row) => graphColumns.some((c) => holdsGraphCell(row[c]!))),
        q.name,
      ).toBe(true);
      for (const row of table(q.name, result))
        for (const [c, v] of Object.entries(row)) expect(holdsGraphCell(v), `${q.name}.${c}`).toBe(false);
    }
  });

  it('routes-from-country: transit countries in hop order, destination and crimes', async () => {
    const kenya = await run(h, 'routes-from-country', { country: 'country:KE' });
    expect(table('routes-from-country', kenya)).toEqual([
      {
        routeId: 'route:qr1',
        routeName: 'Route Q1: Kenya → Ethiopia → Cambodia → Thailand',
        mode: 'mixed',
        originName: 'Kenya',
        transits: ['Ethiopia', 'Cambodia'],
        destinationName: 'Thailand',
        centreName: 'Compound Birch',
        crimes: ['Drug trafficking'],
        grade: 'B2',
      },
      {
        routeId: 'route:qr2',
        routeName: 'Route Q2: Kenya → Cambodia',
        mode: 'air',
        originName: 'Kenya',
        transits: [],
        destinationName: 'Cambodia',
        centreName: 'Compound Aster',
        crimes: ['Firearms trafficking', 'Pangolin trafficking'],
        grade: 'B2',
      },
    ]);
    expect(nodeKeys(kenya)).toEqual(
      sorted([
        'route:qr1',
        'route:qr2',
        'country:KE',
        'country:ET',
        'country:KH',
        'country:TH',
        'centre:qa',
        'centre:qb',
        'crime:qdrugs',
        'crime:qarms',
        'crime:qpangolin',
      ]),
    );
    expect(edgeKeys(kenya)).toEqual(sorted(['o1', 'o2', 'h1a', 'h1b', 'd1', 'd1c', 'd2', 'd2c', 'c1', 'c2', 'c5']));
    expect((await run(h, 'routes-from-country', { country: 'country:ET' })).rows).toEqual([]);
  });

  it('centres-in-hub: centres of a region by name or alias, with victims by origin', async () => {
    const expected = [
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        status: 'active',
        countryName: 'Cambodia',
        victims: 42,
        originCount: 2,
        origins: ['Kenya', 'Nepal'],
      },
      {
        centreId: 'centre:qb',
        centreName: 'Compound Birch',
        status: 'suspected',
        countryName: 'Thailand',
        victims: 20,
        originCount: 1,
        origins: ['Kenya'],
      },
      // the one flow into Compound Dune has no victim count
      {
        centreId: 'centre:qd',
        centreName: 'Compound Dune',
        status: 'dismantled',
        countryName: 'Philippines',
        victims: 0,
        originCount: 1,
        origins: ['Thailand'],
      },
    ];
    const result = await run(h, 'centres-in-hub', { hub: 'South-East Asia' });
    expect(table('centres-in-hub', result)).toEqual(expected);
    expect(nodeKeys(result)).toEqual(
      sorted([
        'region:qsea',
        'country:KH',
        'country:TH',
        'country:PH',
        'centre:qa',
        'centre:qb',
        'centre:qd',
        'country:KE',
        'country:NP',
      ]),
    );
    expect(edgeKeys(result)).toEqual(sorted(['g1', 'g2', 'g3', 'l1', 'l2', 'l4', 't1', 't2', 't3', 't5']));
    expect(table('centres-in-hub', await run(h, 'centres-in-hub', { hub: 'Southeast Asia' }))).toEqual(expected);
    expect(table('centres-in-hub', await run(h, 'centres-in-hub', { hub: 'SOUTH-EAST ASIA' }))).toEqual(expected);
    expect(table('centres-in-hub', await run(h, 'centres-in-hub', { hub: 'West Africa' }))).toEqual([
      {
        centreId: 'centre:qc',
        centreName: 'Compound Cedar',
        status: 'raided',
        countryName: 'Ghana',
        victims: 17,
        originCount: 2,
        origins: ['Nepal', 'Brazil'],
      },
    ]);
    expect((await run(h, 'centres-in-hub', { hub: 'Atlantis' })).rows).toEqual([]);
  });

  it('facilitator-network: recruiters and route operators within two hops of a centre', async () => {
    const aster = await run(h, 'facilitator-network', { centre: 'centre:qa' });
    expect(table('facilitator-network', aster)).toEqual([
      {
        facilitatorId: 'facilitator:qf3',
        facilitatorName: 'Blue Otter',
        role: 'transporter',
        nationalityName: 'Kenya',
        recruitsForCentre: false,
        routesToCentre: 1,
        otherCentres: [],
        arrestedBy: ['Operation Lantern'],
      },
      {
        facilitatorId: 'facilitator:qf4',
        facilitatorName: 'Gold Finch',
        role: 'manager',
        nationalityName: 'Nepal',
        recruitsForCentre: true,
        routesToCentre: 0,
        otherCentres: [],
        arrestedBy: [],
      },
      {
        facilitatorId: 'facilitator:qf1',
        facilitatorName: 'Grey Heron',
        role: 'recruiter',
        nationalityName: 'Thailand',
        recruitsForCentre: true,
        routesToCentre: 0,
        otherCentres: ['Compound Birch'],
        arrestedBy: [],
      },
      {
        facilitatorId: 'facilitator:qf2',
        facilitatorName: 'Red Lynx',
        role: 'broker',
        nationalityName: 'Kenya',
        recruitsForCentre: true,
        routesToCentre: 2,
        otherCentres: ['Compound Cedar'],
        arrestedBy: ['Operation Lantern'],
      },
    ]);
    expect(nodeKeys(aster)).toEqual(
      sorted([
        'facilitator:qf1',
        'facilitator:qf2',
        'facilitator:qf3',
        'facilitator:qf4',
        'centre:qa',
        'route:qr2',
        'route:qr3',
        'country:TH',
        'country:KE',
        'country:NP',
        'centre:qb',
        'centre:qc',
        'operation:qop1',
      ]),
    );
    expect(edgeKeys(aster)).toEqual(
      sorted([
        'rf1',
        'rf3',
        'rf5',
        'op2',
        'd2c',
        'op3',
        'op4',
        'd3c',
        'n1',
        'n2',
        'n3',
        'n4',
        'rf2',
        'rf4',
        'x2',
        'x3',
      ]),
    );
    const cedar = await run(h, 'facilitator-network', { centre: 'centre:qc' });
    expect(
      table('facilitator-network', cedar).map((r) => [
        r.facilitatorName,
        r.recruitsForCentre,
        r.routesToCentre,
        r.otherCentres,
      ]),
    ).toEqual([
      ['Blue Otter', false, 1, []],
      ['Red Lynx', true, 0, ['Compound Aster']],
    ]);
  });

  it('shared-facilitators: facilitators recruiting for at least minCentres centres', async () => {
    const two = [
      {
        facilitatorId: 'facilitator:qf1',
        facilitatorName: 'Grey Heron',
        role: 'recruiter',
        nationalityName: 'Thailand',
        centreCount: 2,
        centres: ['Compound Aster', 'Compound Birch'],
        recruited: 15,
      },
      {
        facilitatorId: 'facilitator:qf2',
        facilitatorName: 'Red Lynx',
        role: 'broker',
        nationalityName: 'Kenya',
        centreCount: 2,
        centres: ['Compound Aster', 'Compound Cedar'],
        recruited: 10,
      },
    ];
    const byDefault = await run(h, 'shared-facilitators');
    expect(table('shared-facilitators', byDefault)).toEqual(two);
    expect(nodeKeys(byDefault)).toEqual(
      sorted(['facilitator:qf1', 'facilitator:qf2', 'centre:qa', 'centre:qb', 'centre:qc', 'country:TH', 'country:KE']),
    );
    expect(table('shared-facilitators', await run(h, 'shared-facilitators', { minCentres: 2 }))).toEqual(two);
    // values may come as strings (the CLI's way); the recruits of the manager are unknown
    expect(table('shared-facilitators', await run(h, 'shared-facilitators', { minCentres: '1' }))).toEqual([
      ...two,
      {
        facilitatorId: 'facilitator:qf4',
        facilitatorName: 'Gold Finch',
        role: 'manager',
        nationalityName: 'Nepal',
        centreCount: 1,
        centres: ['Compound Aster'],
        recruited: 0,
      },
    ]);
    expect((await run(h, 'shared-facilitators', { minCentres: 3 })).rows).toEqual([]);
  });

  it('shortest-connection: every shortest path, never through REPORTED_IN, within maxHops', async () => {
    const finch = await run(h, 'shortest-connection', { from: 'facilitator:qf4', to: 'operation:qop1' });
    expect(table('shortest-connection', finch)).toEqual([
      {
        hops: 3,
        via: 'Gold Finch → Compound Aster → Red Lynx → Operation Lantern',
        kinds: ['RECRUITS_FOR', 'RECRUITS_FOR', 'ARRESTED'],
        weakestGrade: 'E5',
        synthetic: true,
      },
      {
        hops: 3,
        via: 'Gold Finch → Nepal → Compound Cedar → Operation Lantern',
        kinds: ['NATIONAL_OF', 'TRAFFICKED_TO', 'RAIDED'],
        weakestGrade: 'C3',
        synthetic: false,
      },
    ]);
    expect(finch.rows.map((r) => r.p)).toEqual([
      {
        $type: 'path',
        nodes: ['facilitator:qf4', 'centre:qa', 'facilitator:qf2', 'operation:qop1'],
        edges: ['rf5', 'rf3', 'x2'],
      },
      {
        $type: 'path',
        nodes: ['facilitator:qf4', 'country:NP', 'centre:qc', 'operation:qop1'],
        edges: ['n4', 't6', 'x1'],
      },
    ]);
    expect(nodeKeys(finch)).toEqual(
      sorted(['facilitator:qf4', 'centre:qa', 'facilitator:qf2', 'operation:qop1', 'country:NP', 'centre:qc']),
    );
    expect(
      (await run(h, 'shortest-connection', { from: 'facilitator:qf4', to: 'operation:qop1', maxHops: 2 })).rows,
    ).toEqual([]);

    // Through the bulletin both cite, the notice and the centre would be two hops apart.
    const notice = await run(h, 'shortest-connection', { from: 'notice:qpurple', to: 'centre:qc' });
    expect(table('shortest-connection', notice)).toEqual([
      {
        hops: 3,
        via: 'Purple Notice Lark → Harbour Watch → Operation Lantern → Compound Cedar',
        kinds: ['ISSUED', 'COORDINATED', 'RAIDED'],
        weakestGrade: 'B2',
        synthetic: false,
      },
    ]);
    expect(nodeKeys(notice)).not.toContain('source:qdoc1');
    expect((await run(h, 'shortest-connection', { from: 'source:qdoc1', to: 'centre:qc' })).rows).toEqual([]);
    expect((await run(h, 'shortest-connection', { from: 'centre:qc', to: 'centre:qc' })).rows).toEqual([]);
  });

  it('convergence-centres: centres at the end of routes carrying the chosen crimes', async () => {
    const all = await run(h, 'convergence-centres');
    expect(table('convergence-centres', all)).toEqual([
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        countryName: 'Cambodia',
        crimeName: 'Pangolin trafficking',
        category: 'wildlife',
        routeCount: 2,
        shipments: 3,
      },
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        countryName: 'Cambodia',
        crimeName: 'Firearms trafficking',
        category: 'firearms',
        routeCount: 1,
        shipments: 2,
      },
      {
        centreId: 'centre:qb',
        centreName: 'Compound Birch',
        countryName: 'Thailand',
        crimeName: 'Drug trafficking',
        category: 'drugs',
        routeCount: 1,
        shipments: 4,
      },
      {
        centreId: 'centre:qd',
        centreName: 'Compound Dune',
        countryName: 'Philippines',
        crimeName: 'Drug trafficking',
        category: 'drugs',
        routeCount: 1,
        shipments: 1,
      },
    ]);
    expect(nodeKeys(all)).toEqual(
      sorted([
        'centre:qa',
        'centre:qb',
        'centre:qd',
        'crime:qpangolin',
        'crime:qarms',
        'crime:qdrugs',
        'route:qr1',
        'route:qr2',
        'route:qr3',
        'route:qr5',
      ]),
    );
    expect(
      table(
        'convergence-centres',
        await run(h, 'convergence-centres', { categories: ['drugs', 'firearms', 'wildlife'] }),
      ),
    ).toEqual(table('convergence-centres', all));
    expect(table('convergence-centres', await run(h, 'convergence-centres', { categories: ['wildlife'] }))).toEqual([
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        countryName: 'Cambodia',
        crimeName: 'Pangolin trafficking',
        category: 'wildlife',
        routeCount: 2,
        shipments: 3,
      },
    ]);
    expect((await run(h, 'convergence-centres', { categories: [] })).rows).toEqual([]);
  });

  it('origin-and-transit: countries routes both start in and cross', async () => {
    const result = await run(h, 'origin-and-transit');
    expect(table('origin-and-transit', result)).toEqual([
      { countryId: 'country:KE', countryName: 'Kenya', region: 'Africa', routesFrom: 2, routesThrough: 1, routes: 3 },
      { countryId: 'country:TH', countryName: 'Thailand', region: 'Asia', routesFrom: 1, routesThrough: 1, routes: 2 },
    ]);
    expect(nodeKeys(result)).toEqual(
      sorted(['country:KE', 'country:TH', 'route:qr1', 'route:qr2', 'route:qr3', 'route:qr4', 'route:qr5']),
    );
  });

  it('centres-by-scam-type: the centres running a scam, with their victims', async () => {
    const romance = await run(h, 'centres-by-scam-type', { scamType: 'scamtype:qromance' });
    expect(table('centres-by-scam-type', romance)).toEqual([
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        status: 'active',
        countryName: 'Cambodia',
        hubRegion: 'South-East Asia',
        victims: 42,
        grade: 'B2',
      },
      {
        centreId: 'centre:qb',
        centreName: 'Compound Birch',
        status: 'suspected',
        countryName: 'Thailand',
        hubRegion: 'South-East Asia',
        victims: 20,
        grade: 'B2',
      },
    ]);
    expect(nodeKeys(romance)).toEqual(
      sorted(['scamtype:qromance', 'centre:qa', 'centre:qb', 'country:KH', 'country:TH']),
    );
    expect(
      table('centres-by-scam-type', await run(h, 'centres-by-scam-type', { scamType: 'scamtype:qcrypto' })),
    ).toEqual([
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        status: 'active',
        countryName: 'Cambodia',
        hubRegion: 'South-East Asia',
        victims: 42,
        grade: 'B2',
      },
      {
        centreId: 'centre:qc',
        centreName: 'Compound Cedar',
        status: 'raided',
        countryName: 'Ghana',
        hubRegion: 'West Africa',
        victims: 17,
        grade: 'C2',
      },
    ]);
  });

  it('operation-impact: what an operation raided, arrested and seized', async () => {
    const lantern = await run(h, 'operation-impact', { operation: 'operation:qop1' });
    expect(table('operation-impact', lantern)).toEqual([
      {
        operationId: 'operation:qop1',
        operationName: 'Operation Lantern',
        date: '2024-05-01',
        scope: 'national',
        centresRaided: ['Compound Cedar'],
        facilitatorsArrested: ['Blue Otter', 'Red Lynx'],
        countries: ['Ghana'],
        coordinatedBy: ['Harbour Watch'],
        arrests: 3,
        victimsFreed: 20,
        computersSeized: 40,
        phonesSeized: 75,
      },
    ]);
    expect(nodeKeys(lantern)).toEqual(
      sorted(['operation:qop1', 'centre:qc', 'facilitator:qf2', 'facilitator:qf3', 'country:GH', 'org:qpol']),
    );
    expect(table('operation-impact', await run(h, 'operation-impact', { operation: 'operation:qop2' }))).toEqual([
      {
        operationId: 'operation:qop2',
        operationName: 'Operation Quiet Tide',
        date: null,
        scope: 'regional',
        centresRaided: [],
        facilitatorsArrested: [],
        countries: ['Philippines'],
        coordinatedBy: [],
        arrests: null,
        victimsFreed: null,
        computersSeized: null,
        phonesSeized: null,
      },
    ]);
    expect((await run(h, 'operation-impact', { operation: 'operation:none' })).rows).toEqual([]);
  });

  it('source-contents: the entities reported in a document and the links citing it', async () => {
    const result = await run(h, 'source-contents', { source: 'source:qdoc1' });
    const entity = (kind: string, itemId: string, name: string) => ({
      item: 'entity',
      kind,
      itemId,
      name,
      grade: 'A2',
      synthetic: false,
    });
    const link = (kind: string, itemId: string, name: string, grade = 'A2') => ({
      item: 'link',
      kind,
      itemId,
      name,
      grade,
      synthetic: false,
    });
    expect(table('source-contents', result)).toEqual([
      entity('Centre', 'centre:qc', 'Compound Cedar'),
      entity('Notice', 'notice:qpurple', 'Purple Notice Lark'),
      entity('Operation', 'operation:qop1', 'Operation Lantern'),
      link('ARRESTED', 'x2', 'Operation Lantern → Red Lynx'),
      link('ARRESTED', 'x3', 'Operation Lantern → Blue Otter', 'B6'),
      link('CONDUCTED_IN', 'x4', 'Operation Lantern → Ghana'),
      link('ISSUED', 'x7', 'Harbour Watch → Purple Notice Lark'),
      link('LOCATED_IN', 'l3', 'Compound Cedar → Ghana'),
      link('RAIDED', 'x1', 'Operation Lantern → Compound Cedar'),
      link('WARNS_ABOUT', 'x9', 'Purple Notice Lark → Fake job ads'),
    ]);
    expect(nodeKeys(result)).toEqual(
      sorted([
        'source:qdoc1',
        'centre:qc',
        'notice:qpurple',
        'operation:qop1',
        'facilitator:qf2',
        'facilitator:qf3',
        'country:GH',
        'org:qpol',
        'method:qjobs',
      ]),
    );
    expect(edgeKeys(result)).toEqual(sorted(['p1', 'p2', 'p3', 'x1', 'x2', 'x3', 'x4', 'x7', 'x9', 'l3']));
  });

  it('weak-links: links weaker than a grade, reliability letter first, REPORTED_IN left out', async () => {
    const weak = (
      kind: string,
      linkId: string,
      from: [string, string],
      to: [string, string],
      grade: string,
      synthetic: boolean,
    ) => ({
      kind,
      linkId,
      fromId: from[0],
      fromName: from[1],
      toId: to[0],
      toName: to[1],
      grade,
      synthetic,
      sourceCount: synthetic ? 0 : 1,
    });
    const q3: [string, string] = ['route:qr3', 'Route Q3: Nepal → Thailand → Cambodia'];
    const belowC3 = [
      weak('CARRIES', 'c3', q3, ['crime:qpangolin', 'Pangolin trafficking'], 'F6', false),
      weak('RECRUITS_FOR', 'rf5', ['facilitator:qf4', 'Gold Finch'], ['centre:qa', 'Compound Aster'], 'E5', true),
      weak('TRAFFICKED_TO', 't5', ['country:TH', 'Thailand'], ['centre:qd', 'Compound Dune'], 'D4', false),
      weak('OPERATES', 'op4', ['facilitator:qf3', 'Blue Otter'], q3, 'C4', true),
    ];
    const byDefault = await run(h, 'weak-links');
    expect(table('weak-links', byDefault)).toEqual(belowC3);
    expect(nodeKeys(byDefault)).toEqual(
      sorted([
        'route:qr3',
        'crime:qpangolin',
        'facilitator:qf4',
        'centre:qa',
        'country:TH',
        'centre:qd',
        'facilitator:qf3',
      ]),
    );
    expect(table('weak-links', await run(h, 'weak-links', { minGrade: 'c3' }))).toEqual(belowC3);
    // B6 rests on a better source than any C: weaker than B5, not weaker than C3
    expect(table('weak-links', await run(h, 'weak-links', { minGrade: 'B5' }))).toEqual([
      ...belowC3,
      weak('TRAFFICKED_TO', 't6', ['country:NP', 'Nepal'], ['centre:qc', 'Compound Cedar'], 'C3', false),
      weak('RUNS_SCAM', 's4', ['centre:qc', 'Compound Cedar'], ['scamtype:qcrypto', 'Crypto scam'], 'C2', false),
      weak('TRAFFICKED_TO', 't3', ['country:KE', 'Kenya'], ['centre:qb', 'Compound Birch'], 'C2', false),
      weak('ARRESTED', 'x3', ['operation:qop1', 'Operation Lantern'], ['facilitator:qf3', 'Blue Otter'], 'B6', false),
    ]);
    expect((await run(h, 'weak-links', { minGrade: 'F6' })).rows).toEqual([]);
  });

  it('new-links: links first seen in a period, both ends included', async () => {
    const seen = (kind: string, linkId: string, to: [string, string], firstSeen: string, grade = 'A2') => ({
      kind,
      linkId,
      fromId: 'operation:qop1',
      fromName: 'Operation Lantern',
      toId: to[0],
      toName: to[1],
      firstSeen,
      grade,
      synthetic: false,
    });
    const may = await run(h, 'new-links', { from: '2024-05-01', to: '2024-05-31' });
    expect(table('new-links', may)).toEqual([
      seen('CONDUCTED_IN', 'x4', ['country:GH', 'Ghana'], '2024-05-01'),
      seen('ARRESTED', 'x2', ['facilitator:qf2', 'Red Lynx'], '2024-05-02'),
      {
        ...seen('LOCATED_IN', 'l3', ['country:GH', 'Ghana'], '2024-05-02'),
        fromId: 'centre:qc',
        fromName: 'Compound Cedar',
      },
      seen('RAIDED', 'x1', ['centre:qc', 'Compound Cedar'], '2024-05-02'),
      seen('ARRESTED', 'x3', ['facilitator:qf3', 'Blue Otter'], '2024-05-03', 'B6'),
    ]);
    expect(nodeKeys(may)).toEqual(
      sorted(['operation:qop1', 'country:GH', 'facilitator:qf2', 'facilitator:qf3', 'centre:qc']),
    );
    const day = await run(h, 'new-links', { from: '2024-05-02', to: '2024-05-02' });
    expect(table('new-links', day).map((r) => r.linkId)).toEqual(['x2', 'l3', 'x1']);
  });

  it('victim-flows: victims from each origin region to each hub region', async () => {
    const result = await run(h, 'victim-flows');
    expect(table('victim-flows', result)).toEqual([
      { originRegion: 'Africa', hubRegion: 'South-East Asia', victims: 50, flows: 2 },
      { originRegion: 'Asia', hubRegion: 'South-East Asia', victims: 12, flows: 2 },
      { originRegion: 'Asia', hubRegion: 'West Africa', victims: 9, flows: 1 },
      { originRegion: 'Americas', hubRegion: 'West Africa', victims: 8, flows: 1 },
      { originRegion: 'Africa', hubRegion: '(no hub region)', victims: 4, flows: 1 },
    ]);
    expect(edgeKeys(result)).toEqual(sorted(['t1', 't2', 't3', 't4', 't5', 't6', 't7']));
    expect(nodeKeys(result)).toEqual(
      sorted([
        'country:KE',
        'country:NP',
        'country:TH',
        'country:BR',
        'country:ET',
        'centre:qa',
        'centre:qb',
        'centre:qc',
        'centre:qd',
        'centre:qe',
      ]),
    );
  });

  it('top-facilitators: facilitators by degree, with distinct centres and routes', async () => {
    const all = await run(h, 'top-facilitators');
    const row = (id: string, name: string, role: string, degree: number, centreCount: number, routeCount: number) => ({
      facilitatorId: `facilitator:${id}`,
      facilitatorName: name,
      role,
      degree,
      centreCount,
      routeCount,
    });
    const expected = [
      row('qf2', 'Red Lynx', 'broker', 6, 2, 2),
      row('qf3', 'Blue Otter', 'transporter', 5, 0, 3),
      row('qf1', 'Grey Heron', 'recruiter', 5, 2, 1),
      row('qf4', 'Gold Finch', 'manager', 2, 1, 0),
      row('qf5', 'Pale Moth', 'financier', 1, 0, 0),
    ];
    expect(table('top-facilitators', all)).toEqual(expected);
    expect(nodeKeys(all)).toEqual(
      sorted([
        'facilitator:qf1',
        'facilitator:qf2',
        'facilitator:qf3',
        'facilitator:qf4',
        'facilitator:qf5',
        'centre:qa',
        'centre:qb',
        'centre:qc',
        'route:qr1',
        'route:qr2',
        'route:qr3',
        'route:qr4',
        'route:qr5',
      ]),
    );
    expect(table('top-facilitators', await run(h, 'top-facilitators', { limit: 2 }))).toEqual(expected.slice(0, 2));
  });

  it('notice-links: entities within two links of a notice, REPORTED_IN not followed', async () => {
    const entity = (hops: number, kind: string, entityId: string, entityName: string) => ({
      kind,
      entityId,
      entityName,
      hops,
    });
    const purple = await run(h, 'notice-links', { notice: 'notice:qpurple' });
    expect(table('notice-links', purple)).toEqual([
      entity(1, 'Method', 'method:qjobs', 'Fake job ads'),
      entity(1, 'Organisation', 'org:qpol', 'Harbour Watch'),
      entity(2, 'Centre', 'centre:qa', 'Compound Aster'),
      entity(2, 'Facilitator', 'facilitator:qf1', 'Grey Heron'),
      entity(2, 'Notice', 'notice:qorange', 'Orange Notice Wren'),
      entity(2, 'Operation', 'operation:qop1', 'Operation Lantern'),
    ]);
    expect(nodeKeys(purple)).toEqual(
      sorted([
        'notice:qpurple',
        'method:qjobs',
        'org:qpol',
        'centre:qa',
        'facilitator:qf1',
        'notice:qorange',
        'operation:qop1',
      ]),
    );
    expect(table('notice-links', await run(h, 'notice-links', { notice: 'notice:qorange' }))).toEqual([
      entity(1, 'Crime', 'crime:qpangolin', 'Pangolin trafficking'),
      entity(1, 'Organisation', 'org:qpol', 'Harbour Watch'),
      entity(1, 'ScamType', 'scamtype:qromance', 'Romance scam'),
      entity(2, 'Centre', 'centre:qa', 'Compound Aster'),
      entity(2, 'Centre', 'centre:qb', 'Compound Birch'),
      entity(2, 'Method', 'method:qdebt', 'Debt bondage'),
      entity(2, 'Notice', 'notice:qpurple', 'Purple Notice Lark'),
      entity(2, 'Operation', 'operation:qop1', 'Operation Lantern'),
      entity(2, 'Region', 'region:qsea', 'South-East Asia'),
      entity(2, 'Route', 'route:qr2', 'Route Q2: Kenya → Cambodia'),
      entity(2, 'Route', 'route:qr3', 'Route Q3: Nepal → Thailand → Cambodia'),
    ]);
  });

  it('centre-profile: one line per centre', async () => {
    const aster = await run(h, 'centre-profile', { centre: 'centre:qa' });
    expect(table('centre-profile', aster)).toEqual([
      {
        centreId: 'centre:qa',
        centreName: 'Compound Aster',
        status: 'active',
        workforce: 60,
        countryName: 'Cambodia',
        hubRegion: 'South-East Asia',
        scamTypes: ['Crypto scam', 'Romance scam'],
        methods: ['Fake job ads'],
        victims: 42,
        originCount: 2,
        facilitatorCount: 3,
        routeCount: 2,
        raidedBy: [],
      },
    ]);
    expect(nodeKeys(aster)).toEqual(
      sorted([
        'centre:qa',
        'country:KH',
        'scamtype:qcrypto',
        'scamtype:qromance',
        'method:qjobs',
        'country:KE',
        'country:NP',
      ]),
    );
    expect(table('centre-profile', await run(h, 'centre-profile', { centre: 'centre:qc' }))).toEqual([
      {
        centreId: 'centre:qc',
        centreName: 'Compound Cedar',
        status: 'raided',
        workforce: 25,
        countryName: 'Ghana',
        hubRegion: 'West Africa',
        scamTypes: ['Crypto scam'],
        methods: [],
        victims: 17,
        originCount: 2,
        facilitatorCount: 1,
        routeCount: 1,
        raidedBy: ['Operation Lantern'],
      },
    ]);
    expect(table('centre-profile', await run(h, 'centre-profile', { centre: 'centre:qe' }))).toEqual([
      {
        centreId: 'centre:qe',
        centreName: 'Compound Ember',
        status: 'suspected',
        workforce: null,
        countryName: 'Kenya',
        hubRegion: null,
        scamTypes: [],
        methods: [],
        victims: 4,
        originCount: 1,
        facilitatorCount: 0,
        routeCount: 0,
        raidedBy: [],
      },
    ]);
  });

  it('routes-through-country: routes crossing a country, with the hop', async () => {
    const kenya = await run(h, 'routes-through-country', { country: 'country:KE' });
    expect(table('routes-through-country', kenya)).toEqual([
      {
        routeId: 'route:qr4',
        routeName: 'Route Q4: Brazil → Kenya → Ghana',
        mode: 'mixed',
        hop: 1,
        originName: 'Brazil',
        destinationName: 'Ghana',
        centreName: 'Compound Cedar',
      },
    ]);
    expect(nodeKeys(kenya)).toEqual(sorted(['route:qr4', 'country:KE', 'country:BR', 'country:GH', 'centre:qc']));
    expect(table('routes-through-country', await run(h, 'routes-through-country', { country: 'country:KH' }))).toEqual([
      {
        routeId: 'route:qr1',
        routeName: 'Route Q1: Kenya → Ethiopia → Cambodia → Thailand',
        mode: 'mixed',
        hop: 2,
        originName: 'Kenya',
        destinationName: 'Thailand',
        centreName: 'Compound Birch',
      },
    ]);
    expect((await run(h, 'routes-through-country', { country: 'country:BR' })).rows).toEqual([]);
  });

  it('crimes-on-routes-to-hub: converging crimes on the routes into a region', async () => {
    const result = await run(h, 'crimes-on-routes-to-hub', { hub: 'Southeast Asia' });
    expect(table('crimes-on-routes-to-hub', result)).toEqual([
      {
        crimeId: 'crime:qdrugs',
        crimeName: 'Drug trafficking',
        category: 'drugs',
        routeCount: 2,
        centreCount: 2,
        shipments: 5,
      },
      {
        crimeId: 'crime:qpangolin',
        crimeName: 'Pangolin trafficking',
        category: 'wildlife',
        routeCount: 2,
        centreCount: 1,
        shipments: 3,
      },
      {
        crimeId: 'crime:qarms',
        crimeName: 'Firearms trafficking',
        category: 'firearms',
        routeCount: 1,
        centreCount: 1,
        shipments: 2,
      },
    ]);
    expect(nodeKeys(result)).toEqual(
      sorted([
        'crime:qdrugs',
        'crime:qpangolin',
        'crime:qarms',
        'route:qr1',
        'route:qr2',
        'route:qr3',
        'route:qr5',
        'centre:qa',
        'centre:qb',
        'centre:qd',
      ]),
    );
    expect((await run(h, 'crimes-on-routes-to-hub', { hub: 'West Africa' })).rows).toEqual([]);
  });

  it('facilitator-nationalities: facilitators per nationality', async () => {
    const result = await run(h, 'facilitator-nationalities');
    expect(table('facilitator-nationalities', result)).toEqual([
      {
        countryId: 'country:KE',
        countryName: 'Kenya',
        region: 'Africa',
        facilitatorCount: 2,
        facilitators: ['Blue Otter', 'Red Lynx'],
      },
      {
        countryId: 'country:BR',
        countryName: 'Brazil',
        region: 'Americas',
        facilitatorCount: 1,
        facilitators: ['Pale Moth'],
      },
      {
        countryId: 'country:NP',
        countryName: 'Nepal',
        region: 'Asia',
        facilitatorCount: 1,
        facilitators: ['Gold Finch'],
      },
      {
        countryId: 'country:TH',
        countryName: 'Thailand',
        region: 'Asia',
        facilitatorCount: 1,
        facilitators: ['Grey Heron'],
      },
    ]);
    expect(nodeKeys(result)).toEqual(
      sorted([
        'country:KE',
        'country:BR',
        'country:NP',
        'country:TH',
        'facilitator:qf1',
        'facilitator:qf2',
        'facilitator:qf3',
        'facilitator:qf4',
        'facilitator:qf5',
      ]),
    );
  });

  describe('parameters', () => {
    it('refuses a missing required parameter', async () => {
      await expectValidationError(run(h, 'routes-from-country', {}));
      await expectValidationError(run(h, 'new-links', { from: '2024-05-01' }));
      await expectValidationError(run(h, 'shortest-connection', { from: 'facilitator:qf4' }));
    });

    it('refuses a value of the wrong type', async () => {
      await expectValidationError(run(h, 'routes-from-country', { country: 42 }));
      await expectValidationError(run(h, 'routes-from-country', { country: 'Kenya' }));
      await expectValidationError(run(h, 'shared-facilitators', { minCentres: 'two' }));
      await expectValidationError(run(h, 'shared-facilitators', { minCentres: 1.5 }));
      await expectValidationError(run(h, 'new-links', { from: '2024-05-01', to: 'next May' }));
      await expectValidationError(run(h, 'convergence-centres', { categories: [1, 2] }));
      await expectValidationError(run(h, 'weak-links', { minGrade: null }));
    });

    it('refuses a parameter the query does not declare', async () => {
      await expectValidationError(run(h, 'origin-and-transit', { country: 'country:KE' }));
    });

    it('applies the declared defaults', async () => {
      expect(query('weak-links').params).toEqual([
        expect.objectContaining({ name: 'minGrade', required: false, default: 'C3' }),
      ]);
      expect(table('weak-links', await run(h, 'weak-links'))).toEqual(
        table('weak-links', await run(h, 'weak-links', { minGrade: 'C3' })),
      );
      expect(table('weak-links', await run(h, 'weak-links'))).not.toEqual(
        table('weak-links', await run(h, 'weak-links', { minGrade: 'B5' })),
      );
      // maxHops defaults to 4: a three-hop connection is found, and not with 2
      expect((await run(h, 'shortest-connection', { from: 'notice:qpurple', to: 'centre:qc' })).rows).toHaveLength(1);
      expect(
        (await run(h, 'shortest-connection', { from: 'notice:qpurple', to: 'centre:qc', maxHops: 2 })).rows,
      ).toHaveLength(0);
      expect(query('top-facilitators').params[0]).toMatchObject({ name: 'limit', default: 10 });
      expect(query('shared-facilitators').params[0]).toMatchObject({ name: 'minCentres', default: 2 });
      expect(query('convergence-centres').params[0]).toMatchObject({ default: ['drugs', 'firearms', 'wildlife'] });
    });
  });
});

// ---- the seed graph ------------------------------------------------------------------------

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by a list of keys: numbers ascending (negate for descending), strings in code-unit order. */
function orderBy<T>(items: T[], keys: (item: T) => Array<number | string>): T[] {
  return [...items].sort((x, y) => {
    const a = keys(x);
    const b = keys(y);
    for (let i = 0; i < a.length; i++) {
      const d = typeof a[i] === 'number' ? (a[i] as number) - (b[i] as number) : cmp(a[i] as string, b[i] as string);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** Lookups over the seed batch records, for computing expected answers without Cypher. */
class SeedRecords {
  private readonly nodes = new Map<string, NodeRecordValue>();
  constructor(readonly batch: GraphBatch) {
    for (const node of batch.nodes) this.nodes.set(node.id, node);
  }
  node(id: string): Record<string, unknown> & { id: string; name: string; kind: string; synthetic: boolean } {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no node ${id}`);
    return node as unknown as Record<string, unknown> & { id: string; name: string; kind: string; synthetic: boolean };
  }
  name(id: string): string {
    return this.node(id).name;
  }
  ofKind(kind: string) {
    return this.batch.nodes.filter((n) => n.kind === kind).map((n) => this.node(n.id));
  }
  rels(kind: string, ends: { from?: string; to?: string } = {}): Array<RelRecordValue & Record<string, unknown>> {
    return this.batch.relationships.filter(
      (r) =>
        r.kind === kind &&
        (ends.from === undefined || r.from === ends.from) &&
        (ends.to === undefined || r.to === ends.to),
    ) as Array<RelRecordValue & Record<string, unknown>>;
  }
  /** the `to` of the only relationship of a kind from a node, if any */
  target(kind: string, from: string, toKind?: string): string | null {
    return this.rels(kind, { from }).find((r) => !toKind || this.node(r.to).kind === toKind)?.to ?? null;
  }
}

const victimsOf = (r: Record<string, unknown>) => (typeof r.victims === 'number' ? r.victims : 0);
const sortedNames = (seed: SeedRecords, ids: string[]) => ids.map((id) => seed.name(id)).sort(cmp);

describe('on the seed graph', () => {
  let h: Harness;
  const batch = buildSeedGraph({ seed: 42, scale: 1 });
  const seed = new SeedRecords(batch);
  beforeAll(async () => {
    h = await startHarness(batch);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('facts', () => {
    it('operation-impact: the Namibia operation dismantled the Namibia centre and seized 163 computers and 350 phones', async () => {
      const result = await run(h, 'operation-impact', { operation: 'operation:na-2024-01' });
      expect(table('operation-impact', result)).toEqual([
        {
          operationId: 'operation:na-2024-01',
          operationName: 'Namibia scam-centre operation (2024)',
          date: null,
          scope: null,
          centresRaided: ['Namibia scam centre (dismantled 2024)'],
          facilitatorsArrested: [],
          countries: ['Namibia'],
          coordinatedBy: ['INTERPOL'],
          arrests: null,
          victimsFreed: null,
          computersSeized: 163,
          phonesSeized: 350,
        },
      ]);
      expect(nodeKeys(result)).toEqual(
        sorted(['operation:na-2024-01', 'centre:na-2024-01', 'country:NA', 'org:interpol']),
      );
      const global = table(
        'operation-impact',
        await run(h, 'operation-impact', { operation: 'operation:global-2024-116-countries' }),
      );
      expect(global).toEqual([
        expect.objectContaining({ scope: 'global', arrests: 2500, centresRaided: [], coordinatedBy: ['INTERPOL'] }),
      ]);
    });

    it('source-contents: what the General Assembly release (002) reports', async () => {
      const source = 'source:002_845b10b1017ca4f8';
      const result = table('source-contents', await run(h, 'source-contents', { source }));
      const entities = result.filter((r) => r.item === 'entity');
      expect(entities.map((r) => r.itemId)).toEqual([
        'country:KR',
        'crime:drugs',
        'crime:firearms',
        'method:compound-detention',
        'method:fake-job-ads',
        'method:forced-scamming',
        'method:sexual-exploitation',
        'method:social-media-recruitment',
        'method:violence-and-torture',
        'notice:orange-2023-trafficking-fuelled-fraud',
        'notice:purple-2022-social-media-recruitment',
        'operation:global-2024-116-countries',
        'org:interpol',
        'scamtype:cryptocurrency',
        'scamtype:investment',
        'scamtype:romance',
        'scamtype:voice-phishing',
      ]);
      expect(entities.every((r) => r.synthetic === false)).toBe(true);
      expect(result.filter((r) => r.item === 'link').map((r) => [r.kind, r.itemId])).toEqual([
        ['COORDINATED', 'coordinated:org:interpol>operation:global-2024-116-countries'],
        ['ISSUED', 'issued:org:interpol>notice:orange-2023-trafficking-fuelled-fraud'],
        ['ISSUED', 'issued:org:interpol>notice:purple-2022-social-media-recruitment'],
        ['WARNS_ABOUT', 'warns_about:notice:orange-2023-trafficking-fuelled-fraud>method:forced-scamming'],
        ['WARNS_ABOUT', 'warns_about:notice:purple-2022-social-media-recruitment>method:social-media-recruitment'],
      ]);
      expect(result.find((r) => r.itemId === 'operation:global-2024-116-countries')).toMatchObject({
        kind: 'Operation',
        name: 'INTERPOL’s largest global operation on trafficking-fuelled fraud (2024)',
        grade: 'A1',
      });
    });

    it.each([
      [
        'notice:purple-2022-social-media-recruitment',
        'method:social-media-recruitment',
        'notice:orange-2023-trafficking-fuelled-fraud',
      ],
      [
        'notice:orange-2023-trafficking-fuelled-fraud',
        'method:forced-scamming',
        'notice:purple-2022-social-media-recruitment',
      ],
    ])('notice-links: %s warns about %s and shares INTERPOL with the other notice', async (notice, method, other) => {
      const result = await run(h, 'notice-links', { notice });
      const rows = table('notice-links', result);
      expect(rows.filter((r) => r.hops === 1)).toEqual([
        { kind: 'Method', entityId: method, entityName: seed.name(method), hops: 1 },
        { kind: 'Organisation', entityId: 'org:interpol', entityName: 'INTERPOL', hops: 1 },
      ]);
      // Facts two links away: the other notice INTERPOL issued and the three operations it coordinated.
      const facts = new Set(result.graph.nodes.filter((n) => n.attributes.synthetic === false).map((n) => n.key));
      expect(
        rows
          .filter((r) => r.hops === 2 && facts.has(r.entityId as string))
          .map((r) => r.entityId)
          .sort(),
      ).toEqual(
        sorted([
          other,
          'operation:global-2024-116-countries',
          'operation:global-2024-philippines-raid',
          'operation:na-2024-01',
        ]),
      );
      // No document, nor anything reached only through one.
      expect(rows.some((r) => r.kind === 'Source')).toBe(false);
      expect(rows.some((r) => r.entityId === 'country:KR')).toBe(false);
    });

    it('shortest-connection: the two notices meet at INTERPOL, not in the documents citing both', async () => {
      const result = await run(h, 'shortest-connection', {
        from: 'notice:purple-2022-social-media-recruitment',
        to: 'notice:orange-2023-trafficking-fuelled-fraud',
      });
      expect(table('shortest-connection', result)).toEqual([
        {
          hops: 2,
          via: 'Purple Notice on social-media recruitment (2022) → INTERPOL → Orange Notice on trafficking-fuelled fraud (2023)',
          kinds: ['ISSUED', 'ISSUED'],
          weakestGrade: 'A1',
          synthetic: false,
        },
      ]);
      const direct = await run(h, 'shortest-connection', {
        from: 'operation:na-2024-01',
        to: 'centre:na-2024-01',
        maxHops: 8,
      });
      expect(table('shortest-connection', direct)).toEqual([
        expect.objectContaining({ hops: 1, kinds: ['RAIDED'], weakestGrade: 'A1', synthetic: false }),
      ]);
    });

    it('centre-profile: the Namibia centre', async () => {
      expect(table('centre-profile', await run(h, 'centre-profile', { centre: 'centre:na-2024-01' }))).toEqual([
        {
          centreId: 'centre:na-2024-01',
          centreName: 'Namibia scam centre (dismantled 2024)',
          status: 'dismantled',
          workforce: 88,
          countryName: 'Namibia',
          hubRegion: null,
          scamTypes: [],
          methods: [],
          victims: 0,
          originCount: 0,
          facilitatorCount: 0,
          routeCount: 0,
          raidedBy: ['Namibia scam-centre operation (2024)'],
        },
      ]);
    });
  });

  describe('the synthetic network, against answers computed from the records', () => {
    /** centres in the hub region named `hub`, as centres-in-hub should list them */
    function centresInHub(hub: string) {
      const region = seed.ofKind('Region').find((r) => r.name === hub)!;
      const countries = new Set(seed.rels('IN_REGION', { to: region.id }).map((r) => r.from));
      const rows = seed
        .rels('LOCATED_IN')
        .filter((l) => countries.has(l.to) && seed.node(l.from).kind === 'Centre')
        .map((l) => {
          const centre = seed.node(l.from);
          const byOrigin = new Map<string, number>();
          for (const f of seed.rels('TRAFFICKED_TO', { to: centre.id }))
            byOrigin.set(f.from, (byOrigin.get(f.from) ?? 0) + victimsOf(f));
          const origins = orderBy([...byOrigin], ([id, v]) => [-v, seed.name(id)]).map(([id]) => seed.name(id));
          const victims = [...byOrigin.values()].reduce((a, b) => a + b, 0);
          return {
            centreId: centre.id,
            centreName: centre.name,
            status: centre.status,
            countryName: seed.name(l.to),
            victims,
            originCount: origins.length,
            origins,
          };
        });
      return orderBy(rows, (r) => [-r.victims, r.centreName, r.centreId]);
    }

    it('centres-in-hub: every hub region, with the Philippines centre in South-East Asia and Namibia in none', async () => {
      for (const hub of ['South-East Asia', 'Middle East', 'West Africa', 'Central America']) {
        const expected = centresInHub(hub);
        expect(expected.length, hub).toBeGreaterThan(0);
        const rows = table('centres-in-hub', await run(h, 'centres-in-hub', { hub }));
        expect(rows, hub).toEqual(expected);
        expect(
          rows.some((r) => r.centreId === 'centre:na-2024-01'),
          hub,
        ).toBe(false);
      }
      const southEastAsia = table('centres-in-hub', await run(h, 'centres-in-hub', { hub: 'South-East Asia' }));
      expect(southEastAsia.find((r) => r.centreId === 'centre:ph-2024-01')).toMatchObject({
        centreName: 'Philippines industrial-scale scam centre (raided 2024)',
        countryName: 'Philippines',
      });
    });

    it('victim-flows: sums of TRAFFICKED_TO.victims by origin region and hub region', async () => {
      const flows = new Map<string, { originRegion: string; hubRegion: string; victims: number; flows: number }>();
      for (const f of seed.rels('TRAFFICKED_TO')) {
        const host = seed.target('LOCATED_IN', f.to);
        if (!host) continue;
        const originRegion = seed.node(f.from).region as string;
        const hubRegion = (seed.node(host).hubRegion as string | null) ?? '(no hub region)';
        const key = `${originRegion}>${hubRegion}`;
        const entry = flows.get(key) ?? { originRegion, hubRegion, victims: 0, flows: 0 };
        entry.victims += victimsOf(f);
        entry.flows += 1;
        flows.set(key, entry);
      }
      const expected = orderBy([...flows.values()], (r) => [-r.victims, r.originRegion, r.hubRegion]);
      expect(expected.length).toBeGreaterThan(4);
      const result = await run(h, 'victim-flows');
      expect(table('victim-flows', result)).toEqual(expected);
      expect(result.graph.edges).toHaveLength(seed.rels('TRAFFICKED_TO').length);
    });

    const DEGREE_KINDS = ['OPERATES', 'RECRUITS_FOR', 'NATIONAL_OF', 'USES_METHOD', 'ARRESTED'];
    function facilitatorRanking() {
      const rows = seed.ofKind('Facilitator').map((f) => ({
        facilitatorId: f.id,
        facilitatorName: f.name,
        role: f.role,
        degree: batch.relationships.filter((r) => DEGREE_KINDS.includes(r.kind) && (r.from === f.id || r.to === f.id))
          .length,
        centreCount: new Set(seed.rels('RECRUITS_FOR', { from: f.id }).map((r) => r.to)).size,
        routeCount: new Set(seed.rels('OPERATES', { from: f.id }).map((r) => r.to)).size,
      }));
      return orderBy(rows, (r) => [-r.degree, r.facilitatorName, r.facilitatorId]);
    }

    it('top-facilitators: degrees and distinct centres and routes counted from the relationships', async () => {
      const ranking = facilitatorRanking();
      expect(ranking.length).toBe(150);
      expect(table('top-facilitators', await run(h, 'top-facilitators'))).toEqual(ranking.slice(0, 10));
      expect(table('top-facilitators', await run(h, 'top-facilitators', { limit: 1000 }))).toEqual(ranking);
    });

    it('shared-facilitators: facilitators recruiting for two centres or more', async () => {
      const expected = orderBy(
        seed.ofKind('Facilitator').flatMap((f) => {
          const recruits = seed.rels('RECRUITS_FOR', { from: f.id });
          if (recruits.length < 2) return [];
          const nationality = seed.target('NATIONAL_OF', f.id);
          return [
            {
              facilitatorId: f.id,
              facilitatorName: f.name,
              role: f.role,
              nationalityName: nationality ? seed.name(nationality) : null,
              centreCount: recruits.length,
              centres: sortedNames(
                seed,
                recruits.map((r) => r.to),
              ),
              recruited: recruits.reduce((sum, r) => sum + (typeof r.recruits === 'number' ? r.recruits : 0), 0),
            },
          ];
        }),
        (r) => [-r.centreCount, r.facilitatorName, r.facilitatorId],
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(table('shared-facilitators', await run(h, 'shared-facilitators'))).toEqual(expected);
    });

    function linkRow(r: RelRecordValue & Record<string, unknown>) {
      return {
        kind: r.kind,
        linkId: r.id,
        fromId: r.from,
        fromName: seed.name(r.from),
        toId: r.to,
        toName: seed.name(r.to),
      };
    }

    it('weak-links: links weaker than C3 by the Admiralty ranking of the model', async () => {
      const weak = batch.relationships.filter((r) => r.kind !== 'REPORTED_IN' && gradeRank(r.grade) > gradeRank('C3'));
      const expected = orderBy(weak, (r) => [-gradeRank(r.grade), r.kind, r.id]).map((r) => ({
        ...linkRow(r as RelRecordValue & Record<string, unknown>),
        grade: r.grade,
        synthetic: r.synthetic,
        sourceCount: r.sourceIds.length,
      }));
      expect(expected.length).toBeGreaterThan(0);
      expect(table('weak-links', await run(h, 'weak-links'))).toEqual(expected);
    });

    it('new-links: links first seen in the first half of 2024', async () => {
      const inWindow = batch.relationships.filter(
        (r) =>
          r.kind !== 'REPORTED_IN' &&
          r.firstSeen !== null &&
          r.firstSeen >= '2024-01-01' &&
          r.firstSeen <= '2024-06-30',
      );
      const expected = orderBy(inWindow, (r) => [r.firstSeen!, r.kind, r.id]).map((r) => ({
        ...linkRow(r as RelRecordValue & Record<string, unknown>),
        firstSeen: r.firstSeen,
        grade: r.grade,
        synthetic: r.synthetic,
      }));
      expect(expected.some((r) => r.synthetic) && expected.some((r) => !r.synthetic)).toBe(true);
      expect(table('new-links', await run(h, 'new-links', { from: '2024-01-01', to: '2024-06-30' }))).toEqual(expected);
    });

    it('origin-and-transit: countries counted from ORIGINATES_IN and TRANSITS', async () => {
      const expected = orderBy(
        seed.ofKind('Country').flatMap((c) => {
          const routesFrom = seed.rels('ORIGINATES_IN', { to: c.id }).length;
          const routesThrough = seed.rels('TRANSITS', { to: c.id }).length;
          if (routesFrom === 0 || routesThrough === 0) return [];
          return [
            {
              countryId: c.id,
              countryName: c.name,
              region: c.region,
              routesFrom,
              routesThrough,
              routes: routesFrom + routesThrough,
            },
          ];
        }),
        (r) => [-r.routes, r.countryName, r.countryId],
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(table('origin-and-transit', await run(h, 'origin-and-transit'))).toEqual(expected);
    });

    it('convergence-centres: centre and crime pairs counted from CARRIES and DESTINED_FOR', async () => {
      const pairs = new Map<string, { centre: string; crime: string; routeCount: number; shipments: number }>();
      for (const c of seed.rels('CARRIES')) {
        const centre = seed.target('DESTINED_FOR', c.from, 'Centre');
        if (!centre) continue;
        const entry = pairs.get(`${centre}>${c.to}`) ?? { centre, crime: c.to, routeCount: 0, shipments: 0 };
        entry.routeCount += 1;
        entry.shipments += typeof c.shipments === 'number' ? c.shipments : 0;
        pairs.set(`${centre}>${c.to}`, entry);
      }
      const rows = [...pairs.values()].map((p) => ({
        centreId: p.centre,
        centreName: seed.name(p.centre),
        countryName: seed.name(seed.target('LOCATED_IN', p.centre)!),
        crimeName: seed.name(p.crime),
        category: seed.node(p.crime).category,
        routeCount: p.routeCount,
        shipments: p.shipments,
      }));
      const expected = orderBy(rows, (r) => [-r.routeCount, r.centreName, r.centreId, r.crimeName]);
      expect(new Set(expected.map((r) => r.category))).toEqual(new Set(['drugs', 'firearms', 'wildlife']));
      expect(table('convergence-centres', await run(h, 'convergence-centres'))).toEqual(expected);
      expect(table('convergence-centres', await run(h, 'convergence-centres', { categories: ['firearms'] }))).toEqual(
        expected.filter((r) => r.category === 'firearms'),
      );
    });

    it('centres-by-scam-type: the romance-scam centres', async () => {
      const expected = orderBy(
        seed.rels('RUNS_SCAM', { to: 'scamtype:romance' }).map((r) => {
          const centre = seed.node(r.from);
          const country = seed.target('LOCATED_IN', centre.id)!;
          return {
            centreId: centre.id,
            centreName: centre.name,
            status: centre.status,
            countryName: seed.name(country),
            hubRegion: seed.node(country).hubRegion,
            victims: seed.rels('TRAFFICKED_TO', { to: centre.id }).reduce((s, f) => s + victimsOf(f), 0),
            grade: r.grade,
          };
        }),
        (r) => [-r.victims, r.centreName, r.centreId],
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(
        table('centres-by-scam-type', await run(h, 'centres-by-scam-type', { scamType: 'scamtype:romance' })),
      ).toEqual(expected);
    });

    it('facilitator-network: the facilitators around the most connected centre', async () => {
      const centreIds = seed.ofKind('Centre').map((c) => c.id);
      const ties = (centre: string) => {
        const routes = new Set(seed.rels('DESTINED_FOR', { to: centre }).map((r) => r.from));
        const direct = seed.rels('RECRUITS_FOR', { to: centre }).map((r) => r.from);
        const viaRoute = seed
          .rels('OPERATES')
          .filter((r) => routes.has(r.to))
          .map((r) => r.from);
        return { direct, viaRoute };
      };
      const centre = orderBy(centreIds, (id) => {
        const t = ties(id);
        return [-new Set([...t.direct, ...t.viaRoute]).size, id];
      })[0]!;
      const { direct, viaRoute } = ties(centre);
      const expected = orderBy(
        [...new Set([...direct, ...viaRoute])].map((id) => {
          const f = seed.node(id);
          const nationality = seed.target('NATIONAL_OF', id);
          return {
            facilitatorId: id,
            facilitatorName: f.name,
            role: f.role,
            nationalityName: nationality ? seed.name(nationality) : null,
            recruitsForCentre: direct.includes(id),
            routesToCentre: viaRoute.filter((x) => x === id).length,
            otherCentres: sortedNames(
              seed,
              seed
                .rels('RECRUITS_FOR', { from: id })
                .map((r) => r.to)
                .filter((c) => c !== centre),
            ),
            arrestedBy: sortedNames(
              seed,
              seed.rels('ARRESTED', { to: id }).map((r) => r.from),
            ),
          };
        }),
        (r) => [r.facilitatorName, r.facilitatorId],
      );
      expect(expected.length).toBeGreaterThan(5);
      expect(table('facilitator-network', await run(h, 'facilitator-network', { centre }))).toEqual(expected);
    });

    /** routes as routes-from-country and routes-through-country describe them */
    function routeFacts(routeId: string) {
      const route = seed.node(routeId);
      const destination = seed.target('DESTINED_FOR', routeId, 'Country');
      const centre = seed.target('DESTINED_FOR', routeId, 'Centre');
      return {
        routeId,
        routeName: route.name,
        mode: route.mode,
        originName: seed.name(seed.target('ORIGINATES_IN', routeId)!),
        transits: orderBy(seed.rels('TRANSITS', { from: routeId }), (t) => [t.hop as number]).map((t) =>
          seed.name(t.to),
        ),
        destinationName: destination ? seed.name(destination) : null,
        centreName: centre ? seed.name(centre) : null,
        crimes: sortedNames(
          seed,
          seed.rels('CARRIES', { from: routeId }).map((r) => r.to),
        ),
        grade: route.grade,
      };
    }

    it('routes-from-country: the routes out of every origin country', async () => {
      const origins = [...new Set(seed.rels('ORIGINATES_IN').map((r) => r.to))].sort(cmp);
      expect(origins.length).toBeGreaterThan(50);
      for (const country of origins) {
        const expected = orderBy(seed.rels('ORIGINATES_IN', { to: country }), (r) => [r.from]).map((r) =>
          routeFacts(r.from),
        );
        expect(table('routes-from-country', await run(h, 'routes-from-country', { country })), country).toEqual(
          expected,
        );
      }
      // some routes cross two countries, so hop order is exercised
      expect(seed.rels('TRANSITS').some((t) => t.hop === 2)).toBe(true);
    });

    it('routes-through-country: the routes crossing every transit country', async () => {
      const transits = [...new Set(seed.rels('TRANSITS').map((r) => r.to))].sort(cmp);
      expect(transits.length).toBeGreaterThan(10);
      for (const country of transits) {
        const expected = orderBy(seed.rels('TRANSITS', { to: country }), (r) => [r.from]).map((t) => {
          const route = routeFacts(t.from);
          return {
            routeId: route.routeId,
            routeName: route.routeName,
            mode: route.mode,
            hop: t.hop,
            originName: route.originName,
            destinationName: route.destinationName,
            centreName: route.centreName,
          };
        });
        expect(table('routes-through-country', await run(h, 'routes-through-country', { country })), country).toEqual(
          expected,
        );
      }
    });

    it('crimes-on-routes-to-hub: converging crimes on the routes into South-East Asia', async () => {
      const hubCentres = new Set(centresInHub('South-East Asia').map((c) => c.centreId));
      const byCrime = new Map<string, { routes: number; centres: Set<string>; shipments: number }>();
      for (const c of seed.rels('CARRIES')) {
        const centre = seed.target('DESTINED_FOR', c.from, 'Centre');
        if (!centre || !hubCentres.has(centre)) continue;
        const entry = byCrime.get(c.to) ?? { routes: 0, centres: new Set<string>(), shipments: 0 };
        entry.routes += 1;
        entry.centres.add(centre);
        entry.shipments += typeof c.shipments === 'number' ? c.shipments : 0;
        byCrime.set(c.to, entry);
      }
      const expected = orderBy(
        [...byCrime].map(([id, e]) => ({
          crimeId: id,
          crimeName: seed.name(id),
          category: seed.node(id).category,
          routeCount: e.routes,
          centreCount: e.centres.size,
          shipments: e.shipments,
        })),
        (r) => [-r.routeCount, r.crimeName, r.crimeId],
      );
      expect(expected.length).toBeGreaterThan(1);
      expect(
        table('crimes-on-routes-to-hub', await run(h, 'crimes-on-routes-to-hub', { hub: 'South-East Asia' })),
      ).toEqual(expected);
    });

    it('facilitator-nationalities: facilitators counted by NATIONAL_OF', async () => {
      const byCountry = new Map<string, string[]>();
      for (const r of seed.rels('NATIONAL_OF')) byCountry.set(r.to, [...(byCountry.get(r.to) ?? []), r.from]);
      const expected = orderBy(
        [...byCountry].map(([id, people]) => ({
          countryId: id,
          countryName: seed.name(id),
          region: seed.node(id).region,
          facilitatorCount: people.length,
          facilitators: sortedNames(seed, people),
        })),
        (r) => [-r.facilitatorCount, r.countryName, r.countryId],
      );
      expect(expected.reduce((n, r) => n + r.facilitatorCount, 0)).toBe(150);
      expect(table('facilitator-nationalities', await run(h, 'facilitator-nationalities'))).toEqual(expected);
    });

    it('notice-links: everything within two links of each notice, found breadth first', async () => {
      const neighbours = new Map<string, Set<string>>();
      for (const r of batch.relationships) {
        if (r.kind === 'REPORTED_IN') continue;
        for (const [a, b] of [
          [r.from, r.to],
          [r.to, r.from],
        ] as const)
          neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
      }
      for (const notice of [
        'notice:purple-2022-social-media-recruitment',
        'notice:orange-2023-trafficking-fuelled-fraud',
      ]) {
        const hops = new Map<string, number>([[notice, 0]]);
        let frontier = [notice];
        for (const depth of [1, 2]) {
          const next: string[] = [];
          for (const id of frontier) {
            for (const n of neighbours.get(id) ?? []) {
              if (hops.has(n)) continue;
              hops.set(n, depth);
              next.push(n);
            }
          }
          frontier = next;
        }
        hops.delete(notice);
        const expected = orderBy([...hops], ([id, d]) => [d, seed.node(id).kind, seed.name(id), id]).map(([id, d]) => ({
          kind: seed.node(id).kind,
          entityId: id,
          entityName: seed.name(id),
          hops: d,
        }));
        expect(expected.length, notice).toBeGreaterThan(10);
        expect(table('notice-links', await run(h, 'notice-links', { notice })), notice).toEqual(expected);
      }
    });

    it('centre-profile: a raided synthetic centre', async () => {
      const centre = seed
        .rels('RAIDED')
        .map((r) => r.to)
        .filter((id) => seed.node(id).synthetic)
        .sort(cmp)[0]!;
      const country = seed.target('LOCATED_IN', centre)!;
      const flows = seed.rels('TRAFFICKED_TO', { to: centre });
      const c = seed.node(centre);
      expect(table('centre-profile', await run(h, 'centre-profile', { centre }))).toEqual([
        {
          centreId: centre,
          centreName: c.name,
          status: c.status,
          workforce: c.workforce,
          countryName: seed.name(country),
          hubRegion: seed.node(country).hubRegion,
          scamTypes: sortedNames(
            seed,
            seed.rels('RUNS_SCAM', { from: centre }).map((r) => r.to),
          ),
          methods: sortedNames(
            seed,
            seed.rels('USES_METHOD', { from: centre }).map((r) => r.to),
          ),
          victims: flows.reduce((s, f) => s + victimsOf(f), 0),
          originCount: new Set(flows.map((f) => f.from)).size,
          facilitatorCount: new Set(seed.rels('RECRUITS_FOR', { to: centre }).map((r) => r.from)).size,
          routeCount: new Set(seed.rels('DESTINED_FOR', { to: centre }).map((r) => r.from)).size,
          raidedBy: sortedNames(
            seed,
            seed.rels('RAIDED', { to: centre }).map((r) => r.from),
          ),
        },
      ]);
    });
  });
});
