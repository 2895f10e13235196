/**
 * Saved queries about links, paths and sources, run through runSavedQuery on the hand-made graph of
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
});
