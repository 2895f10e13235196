/**
 * Search stays right through every write path, on both stores, over HTTP with accounts on: a
 * created entity is found, a renamed one under its new name and alias only, a deleted one not at
 * all (and again once restored), a merged duplicate never, an imported one at once; a RED entity
 * never by a GREEN reader. Hostile terms (SQL/LIKE wildcards, quotes, Cypher, the key's own `|`
 * separator, only punctuation, unicode, the longest allowed and one longer) are a class: each is
 * an answer of plain results or a 400, never everything, an error 500 or a stack trace. These
 * are the guard for any index behind search: the store's answer must not drift from the graph's.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../server/graph/search.ts';
import { startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { mergeGraph } from '../support/merge-graph.ts';
import { tokenClient, type Account } from '../support/token-client.ts';

const H = { 'X-Scamnet-Request': '1' };
const green: Account = { name: 'search-green', role: 'analyst', clearance: 'GREEN' };
const red: Account = { name: 'search-red', role: 'analyst', clearance: 'RED' };

let h: AuthHarness;
const as = tokenClient(() => h);

beforeAll(async () => {
  h = await startAuthHarness(mergeGraph());
});
afterAll(async () => {
  await h?.close();
});

/** The hits for `q` as `who` sees them: [id, match] pairs, best first. */
async function hits(who: Account, q: string, extra = ''): Promise<string[][]> {
  const res = await request(as(who))
    .get(`/api/search?q=${encodeURIComponent(q)}${extra}`)
    .set(H);
  expect(res.status, res.text).toBe(200);
  return SearchResponse.parse(res.body).results.map((r) => [r.id, r.match]);
}
const ids = async (who: Account, q: string) => (await hits(who, q)).map(([id]) => id);

const centre = (name: string, extra: object = {}) => ({
  kind: 'Centre',
  name,
  status: 'active',
  grade: 'B2',
  tlp: 'GREEN',
  sourceIds: ['source:s1'],
  ...extra,
});

describe('search follows the edit API', () => {
  let id = '';

  it('finds a created entity by name, prefix and word, and audits the search', async () => {
    const created = await request(as(green))
      .post('/api/nodes')
      .set(H)
      .send({ record: centre('Zephyrine Lagoon Compound') });
    expect(created.status, created.text).toBe(201);
    id = created.body.id;
    expect(await hits(green, 'zephyrine lagoon compound')).toEqual([[id, 'name']]);
    expect(await hits(green, 'ZÉPHYR')).toEqual([[id, 'name prefix']]);
    expect(await hits(green, 'lagoon')).toEqual([[id, 'word prefix']]);
    expect(await hits(green, 'phyrine')).toEqual([[id, 'substring']]);
    const mark = h.events.length;
    await hits(green, 'lagoon');
    const event = h.events.slice(mark).find((e) => e.action === 'graph.search');
    expect(event).toMatchObject({ user: green.name, outcome: 'ok' });
    expect(JSON.stringify(event?.details)).toContain('lagoon');
  });

  it('a rename drops the old name and finds the new one and its alias', async () => {
    const res = await request(as(green))
      .patch(`/api/nodes/${id}`)
      .set(H)
      .send({ set: { name: 'Quetzalia Harbour', aliases: ['Old Zephyrine'] } });
    expect(res.status, res.text).toBe(200);
    expect(await ids(green, 'zephyrine lagoon')).toEqual([]);
    expect(await hits(green, 'quetzalia')).toEqual([[id, 'name prefix']]);
    expect(await hits(green, 'old zephyrine')).toEqual([[id, 'alias']]);
    expect(await hits(green, 'zephyrine')).toEqual([[id, 'word prefix']]);
  });

  it('a deleted entity is not found; restored, it is again', async () => {
    const del = await request(as(green)).delete(`/api/nodes/${id}`).set(H);
    expect(del.status, del.text).toBe(200);
    expect(await ids(green, 'quetzalia')).toEqual([]);
    expect(await ids(red, 'old zephyrine')).toEqual([]);
    const restored = await request(as(green)).post(`/api/nodes/${id}/restore`).set(H).send({ version: 2 });
    expect(restored.status, restored.text).toBe(200);
    expect(await hits(green, 'quetzalia')).toEqual([[id, 'name prefix']]);
  });

  it('a merged duplicate is never found; the survivor is, under its own name', async () => {
    expect((await ids(green, 'chen wei')).sort()).toEqual(['facilitator:a', 'facilitator:b']);
    const res = await request(as(green))
      .post('/api/merge')
      .set(H)
      .send({ ids: ['facilitator:a', 'facilitator:b'], survivor: 'facilitator:a', choices: {} });
    expect(res.status, res.text).toBe(200);
    expect(await ids(green, 'chen wei')).toEqual(['facilitator:a']);
    expect(await ids(red, 'chén')).not.toContain('facilitator:b');
    for (const q of ['old chen', 'wei']) expect(await ids(red, q)).not.toContain('facilitator:b');
  });

  it('an imported entity is found at once; a RED one only by a RED reader', async () => {
    const csv =
      'id,name,status,grade,tlp,sourceIds\n' +
      'centre:imported-ostrava,Ostravia Import Site,active,B2,GREEN,source:s1\n' +
      'centre:imported-red,Ostravia Crimson Depot,active,B2,RED,source:sr\n';
    const res = await request(as(red)).post('/api/import').set(H).attach('files', Buffer.from(csv), 'Centre.csv');
    expect(res.status, res.text).toBe(200);
    expect(await ids(green, 'ostravia')).toEqual(['centre:imported-ostrava']);
    expect(await ids(red, 'ostravia')).toEqual(['centre:imported-ostrava', 'centre:imported-red']);
    // not even by its exact name, a kind filter or a limit of one
    expect(await ids(green, 'ostravia crimson depot')).toEqual([]);
    expect(await hits(green, 'crimson', '&kinds=Centre&limit=1')).toEqual([]);
  });
});

describe('hostile search terms', () => {
  let agency: string[] = [];
  beforeAll(async () => {
    const res = await request(as(green))
      .post('/api/nodes')
      .set(H)
      .send({ record: centre('100% Legit O’Brien "Travel" Nẵng 东方 Agency') });
    expect(res.status, res.text).toBe(201);
    agency = [res.body.id];
  });

  it('wildcards, quotes, Cypher and the key separator are text, never "everything"', async () => {
    for (const q of ['%', '_', '*', '.*', "'", '"', '\\', '|', '||', "x' OR 1=1 //", '") RETURN n //', '$term']) {
      const found = await ids(green, q);
      expect(found.length, q).toBeLessThanOrEqual(1);
      if (found.length) expect(found, q).toEqual(agency);
    }
    expect(await ids(green, '100%')).toEqual(agency);
    expect(await ids(green, 'o’brien "travel"')).toEqual(agency);
  });

  it('only punctuation or space finds nothing; unicode folds to the same words', async () => {
    for (const q of ['---', '!!!', '   .   ', '\u200b', '()[]{}']) expect(await ids(green, q), q).toEqual([]);
    for (const q of ['nang', 'NẴNG', 'nặng', '东方', 'legit o brien']) expect(await ids(green, q), q).toEqual(agency);
    expect(await ids(green, '🦊')).toEqual([]);
    expect(await ids(green, 'مرحبا')).toEqual([]);
  });

  it('takes 100 characters and refuses 101 with a 400, no stack trace', async () => {
    expect(await ids(green, 'a'.repeat(100))).toEqual([]);
    const res = await request(as(green))
      .get(`/api/search?q=${'a'.repeat(101)}`)
      .set(H);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |node_modules/);
  });
});
