/**
 * Saved queries on the seed graph, checked against the figures in seeds/facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedGraph } from '../../../../seeds/index.ts';
import { startHarness, type Harness } from '../../../support/app-harness.ts';
import { run, table, nodeKeys, sorted, SeedRecords } from '../../../support/query-library.ts';

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
});
