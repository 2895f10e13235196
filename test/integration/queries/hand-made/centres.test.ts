/**
 * Saved queries about centres, hubs and operations, run through runSavedQuery on the hand-made graph of
 * test/support/query-graph.ts; every expected row was worked out by hand from the picture in that file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../support/app-harness.ts';
import { queryGraph } from '../../../support/query-graph.ts';
import { run, table, nodeKeys, edgeKeys, sorted } from '../../../support/query-library.ts';

describe('on the hand-made graph', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(queryGraph());
  });
  afterAll(async () => {
    await h?.close();
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
});
