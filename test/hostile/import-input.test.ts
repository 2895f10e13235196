/**
 * Smaller import defects of issue 9, each as a class over HTTP on a real store: unknown CSV
 * columns whose cells are all empty (they passed silently: an empty cell gives no value, so the
 * column never reached validation) and nulls inside lists (the message spoke of the whole list).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/counts.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { expectErrorBody } from '../support/hostile-helpers.ts';
import { smallGraph } from '../support/small-graph.ts';

const PROV = 'grade,tlp,sourceIds';
let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
});
afterAll(async () => {
  await h.close();
});

const post = (name: string, text: string) =>
  request(h.app).post('/api/import').set('X-Scamnet-Request', '1').attach('files', Buffer.from(text), name);

describe('unknown CSV columns whose cells are all empty', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'a misspelt column, empty',
      'Centre.csv',
      `id,name,status,${PROV},workfroce\ncentre:n1,N1,active,B2,AMBER,source:doc-a,\n`,
      'workfroce',
    ],
    [
      'an empty column on every row',
      'Centre.csv',
      `id,name,status,${PROV},notes\ncentre:n1,N1,active,B2,AMBER,source:doc-a,\ncentre:n2,N2,active,B2,AMBER,source:doc-a,\n`,
      'notes',
    ],
    [
      'on a relationship file',
      'LOCATED_IN.csv',
      `id,from,to,${PROV},via\nl1,centre:beta,country:TH,B2,AMBER,source:doc-a,\n`,
      'via',
    ],
    [
      'with a kind column: a column no kind of the file has',
      'mixed.csv',
      `kind,id,name,status,iso2,${PROV},colour\nCentre,centre:n1,N1,active,,B2,AMBER,source:doc-a,\n`,
      'colour',
    ],
  ];
  for (const [what, file, text, column] of cases) {
    it(`${what}: 400 invalid_import naming line 1 and the column, nothing written`, async () => {
      const before = await graphCounts(h.store);
      const res = await post(file, text);
      expectErrorBody(res, 'invalid_import');
      expect(res.body.error.details.issues).toContainEqual(
        expect.objectContaining({ file, line: 1, column, reason: expect.stringContaining(`no property ${column}`) }),
      );
      expect(await graphCounts(h.store)).toEqual(before);
    });
  }

  it('a column of another kind in the same file, empty for this row, is not an issue', async () => {
    const text = `kind,id,name,status,iso2,iso3,region,${PROV}\nCentre,centre:m1,M1,active,,,,B2,AMBER,source:doc-a\nCountry,country:VN,Vietnam,,VN,VNM,Asia,A1,CLEAR,source:doc-a\n`;
    const res = await post('mixed.csv', text);
    expect(res.status, res.text).toBe(200);
    expect(res.body.nodes.created).toBe(2);
  });
});

describe('a null inside a list', () => {
  const node = (extra: object) =>
    JSON.stringify({
      nodes: [
        {
          kind: 'Centre',
          id: 'centre:j1',
          name: 'J1',
          status: 'active',
          grade: 'B2',
          tlp: 'AMBER',
          sourceIds: ['source:doc-a'],
          ...extra,
        },
      ],
    });
  const cases: Array<[string, string, string, RegExp]> = [
    [
      'the second of two sources',
      node({ sourceIds: ['source:doc-a', null] }),
      'sourceIds',
      /element 2 of sourceIds is null/,
    ],
    ['the only alias', node({ aliases: [null] }), 'aliases', /element 1 of aliases is null/],
    ['a number among aliases', node({ aliases: ['A', 7] }), 'aliases', /element 2 of aliases: .*\(got 7\)/],
  ];
  for (const [what, body, column, reason] of cases) {
    it(`${what}: the issue names the element, not the list`, async () => {
      const before = await graphCounts(h.store);
      const res = await post('batch.json', body);
      expectErrorBody(res, 'invalid_import');
      expect(res.body.error.details.issues).toEqual([
        expect.objectContaining({ column, reason: expect.stringMatching(reason) }),
      ]);
      expect(await graphCounts(h.store)).toEqual(before);
    });
  }
});
