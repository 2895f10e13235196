/**
 * Saved queries over the synthetic network of the seed graph (regions, flows, rankings, grades,
 * dates, origins), against answers computed here in plain TypeScript from the batch records (never
 * with Cypher), so the Cypher is checked against an independent oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeRank } from '../../../../server/model/provenance.ts';
import { buildSeedGraph } from '../../../../seeds/index.ts';
import type { RelRecordValue } from '../../../../server/model/schema.ts';
import { startHarness, type Harness } from '../../../support/app-harness.ts';
import {
  centresInHub,
  run,
  table,
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
    it('centres-in-hub: every hub region, with the Philippines centre in South-East Asia and Namibia in none', async () => {
      for (const hub of ['South-East Asia', 'Middle East', 'West Africa', 'Central America']) {
        const expected = centresInHub(seed, hub);
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
  });
});
