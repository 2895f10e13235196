/**
 * Saved queries over the synthetic network of the seed graph (facilitators, routes, crimes,
 * notices, centres), against answers computed here in plain TypeScript from the batch records
 * (never with Cypher), so the Cypher is checked against an independent oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedGraph } from '../../../../seeds/index.ts';
import { startHarness, type Harness } from '../../../support/app-harness.ts';
import {
  centresInHub,
  run,
  table,
  cmp,
  orderBy,
  SeedRecords,
  victimsOf,
  sortedNames,
} from '../../../support/query-library.ts';

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

  describe('the synthetic network, against answers computed from the records', () => {
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
      const hubCentres = new Set(centresInHub(seed, 'South-East Asia').map((c) => c.centreId));
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
