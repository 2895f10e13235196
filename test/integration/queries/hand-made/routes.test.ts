/**
 * Saved queries about routes and what they carry, run through runSavedQuery on the hand-made graph of
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
});
