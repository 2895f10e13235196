/**
 * Saved queries about facilitators, run through runSavedQuery on the hand-made graph of
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
});
