/**
 * Paging a hub's neighbours (issue 14, the contract's neighbours API): `order` and `offset` on
 * GET /api/nodes/:id/neighbors. Pages do not overlap and together cover every neighbour; ties go
 * by name, then id; a withheld neighbour or link is neither returned, nor counted in `total`, nor
 * in a neighbour's degree. Runs on both stores (the same pages for the same data), over HTTP with
 * real accounts, and checks the audit event.
 */
import request from 'supertest';
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPANSION_ORDERS, type ExpansionOrder } from '../../server/model/expansion.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import type { Tlp } from '../../server/model/markings.ts';
import { addUser, OPERATOR, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';
import { splitAt } from '../support/clearance-graph.ts';
import { provWith } from '../support/fixtures.ts';

const prov = provWith({
  grade: 'C3',
  tlp: 'AMBER' as string,
  sourceIds: [] as string[],
  synthetic: true,
  firstSeen: '2024-01-01' as string | null,
  lastSeen: '2024-06-30' as string | null,
});
const GRADES = ['A1', 'B2', 'B3', 'C3', 'F6', 'A2'];

/**
 * A hub centre with 30 recruiters: names shared in threes (ties), degrees from 1 to 5, grades and
 * dates varied, some undated. Five recruiters are RED (withheld below RED), one recruits for the
 * hub only by a RED link (not a neighbour below RED), and a RED link and a RED centre hang off two
 * recruiters (not counted in their degree below RED).
 */
function hubGraph(): GraphBatch {
  const nodes: Record<string, unknown>[] = [
    { kind: 'Centre', id: 'centre:hub', name: 'Hub Compound', status: 'active', ...prov() },
    ...[0, 1, 2, 3].map((c) => ({
      kind: 'Centre',
      id: `centre:c${c}`,
      name: `Side ${c}`,
      status: 'active',
      ...prov(),
    })),
    { kind: 'Centre', id: 'centre:red', name: 'Crimson Yard', status: 'active', ...prov({ tlp: 'RED' }) },
    { kind: 'Country', id: 'country:TH', name: 'Thailand', iso2: 'TH', iso3: 'THA', region: 'Asia', ...prov() },
  ];
  const relationships: Record<string, unknown>[] = [];
  const rel = (id: string, kind: string, from: string, to: string, extra: object = {}) =>
    relationships.push({ kind, id, from, to, ...prov(), ...extra });
  for (let i = 0; i < 30; i++) {
    const id = `facilitator:f${String(i).padStart(2, '0')}`;
    nodes.push({
      kind: 'Facilitator',
      id,
      name: `Recruiter ${String.fromCharCode(65 + Math.floor(((i * 7) % 30) / 3))}`,
      role: 'recruiter',
      ...prov({
        tlp: i >= 25 ? 'RED' : 'AMBER',
        lastSeen: i % 5 === 0 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
        firstSeen: i % 5 === 0 ? null : '2023-01-01',
      }),
    });
    rel(`hub-${i}`, 'RECRUITS_FOR', id, 'centre:hub', {
      grade: GRADES[i % GRADES.length],
      tlp: i === 7 ? 'RED' : 'AMBER',
    });
    for (let c = 0; c < i % 4; c++) rel(`side-${i}-${c}`, 'RECRUITS_FOR', id, `centre:c${c}`);
    if (i % 3 === 0) rel(`nat-${i}`, 'NATIONAL_OF', id, 'country:TH');
  }
  rel('red-link', 'RECRUITS_FOR', 'facilitator:f01', 'centre:c3', { tlp: 'RED' });
  rel('to-red', 'RECRUITS_FOR', 'facilitator:f02', 'centre:red');
  // a second, better-graded link from one recruiter: its best grade counts once
  rel('hub-again', 'RECRUITS_FOR', 'facilitator:f04', 'centre:hub', { grade: 'A1' });
  const parsed = parseBatch({ nodes, relationships });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.batch;
}

const batch = hubGraph();
let h: AuthHarness;
const tokens = new Map<Tlp, string>();

beforeAll(async () => {
  h = await startAuthHarness(batch);
  for (const clearance of ['AMBER', 'RED'] as const) {
    await addUser(h, `pager-${clearance.toLowerCase()}`, 'viewer', clearance);
    tokens.set(clearance, (await h.operator.createToken(`pager-${clearance.toLowerCase()}`, 'pages', OPERATOR)).token);
  }
});
afterAll(async () => {
  await h?.close();
});

const as =
  (clearance: Tlp): RequestListener =>
  (req, res) => {
    req.headers.authorization = `Bearer ${tokens.get(clearance)}`;
    h.app(req, res);
  };

interface Page {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string }[];
  truncated: boolean;
  total: number | null;
}
const page = async (clearance: Tlp, query: Record<string, unknown>): Promise<Page> =>
  (await request(as(clearance)).get('/api/nodes/centre:hub/neighbors').query(query).expect(200)).body as Page;

/** The expected order, worked out from the batch as the reader may see it. */
function expected(clearance: Tlp, order: ExpansionOrder): string[] {
  const { visible } = splitAt(batch, clearance);
  const byId = new Map(visible.nodes.map((n) => [n.id, n as unknown as Record<string, string | null>]));
  const links = (id: string) => visible.relationships.filter((r) => r.from === id || r.to === id);
  const ids = [...new Set(links('centre:hub').map((r) => (r.from === 'centre:hub' ? r.to : r.from)))];
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const key = (id: string) => {
    const n = byId.get(id)!;
    const grades = links(id)
      .filter((r) => r.from === 'centre:hub' || r.to === 'centre:hub')
      .map((r) => r.grade)
      .sort();
    return {
      id,
      name: n.name!,
      degree: links(id).length,
      grade: grades[0]!,
      last: n.lastSeen ?? '',
      first: n.firstSeen ?? '',
    };
  };
  const emptyLast = (x: string, y: string) => (x === y ? 0 : x === '' ? 1 : y === '' ? -1 : cmp(y, x));
  const rank = {
    degree: (a: ReturnType<typeof key>, b: ReturnType<typeof key>) => b.degree - a.degree,
    grade: (a: ReturnType<typeof key>, b: ReturnType<typeof key>) => cmp(a.grade, b.grade),
    recent: (a: ReturnType<typeof key>, b: ReturnType<typeof key>) =>
      emptyLast(a.last, b.last) || emptyLast(a.first, b.first),
    name: () => 0,
  }[order];
  return ids
    .map(key)
    .sort((a, b) => rank(a, b) || cmp(a.name, b.name) || cmp(a.id, b.id))
    .map((k) => k.id);
}

describe.each(['AMBER', 'RED'] as const)('pages of a hub read at %s', (clearance) => {
  it.each(EXPANSION_ORDERS)('in %s order: pages that do not overlap, cover all, in order', async (order) => {
    const want = expected(clearance, order);
    expect(want.length).toBe(clearance === 'RED' ? 30 : 24);
    const got: string[] = [];
    for (let offset = 0; offset < want.length; offset += 7) {
      const body = await page(clearance, { order, offset, limit: 8 });
      expect(body.total).toBe(want.length);
      expect(body.nodes[0]?.key).toBe('centre:hub');
      expect(body.truncated).toBe(offset + 7 < want.length);
      got.push(...body.nodes.slice(1).map((n) => n.key));
      // every link among the page's nodes, and only those
      const members = new Set(body.nodes.map((n) => n.key));
      const { visible } = splitAt(batch, clearance);
      const among = visible.relationships.filter((r) => members.has(r.from) && members.has(r.to)).map((r) => r.id);
      expect(body.edges.map((e) => e.key).sort()).toEqual(among.sort());
    }
    expect(got).toEqual(want);
  });

  it('defaults to degree order, the best connected first, degrees counting visible links only', async () => {
    const body = await page(clearance, { limit: 4 });
    expect(body.nodes.slice(1).map((n) => n.key)).toEqual(expected(clearance, 'degree').slice(0, 3));
    // f02's link to the RED centre lifts it only for a RED reader; f01's RED link likewise
    const degreeOrder = expected(clearance, 'degree');
    const f02 = degreeOrder.indexOf('facilitator:f02');
    const f06 = degreeOrder.indexOf('facilitator:f06');
    expect(f02 < f06).toBe(clearance === 'RED');
  });
});

describe('a page below RED', () => {
  it('names no withheld neighbour or link, anywhere in any order', async () => {
    const { withheld } = splitAt(batch, 'AMBER');
    for (const order of EXPANSION_ORDERS) {
      const body = await page('AMBER', { order, limit: 2000 });
      const text = JSON.stringify(body);
      for (const id of withheld.ids) expect(text.includes(`"${id}"`), `${order} names ${id}`).toBe(false);
      expect(text).not.toContain('Crimson Yard');
    }
  });

  it('is audited with its order and offset', async () => {
    await page('AMBER', { order: 'grade', offset: 7, limit: 8 });
    const event = h.events.filter((e) => e.action === 'graph.neighbours').at(-1);
    expect(event?.targets).toEqual(['centre:hub']);
    expect(event?.details).toMatchObject({ order: 'grade', offset: 7, limit: 8, nodes: 8 });
  });

  it('refuses a bad order or offset, and offset beyond depth 1, with a 400', async () => {
    for (const query of [
      { order: 'size' },
      { order: '' },
      { offset: -1 },
      { offset: 'x' },
      { offset: 1.5 },
      { depth: 2, offset: 1 },
    ]) {
      const res = await request(as('AMBER')).get('/api/nodes/centre:hub/neighbors').query(query).expect(400);
      expect(res.body.error.code).toMatch(/bad_request|validation_error/);
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |node_modules/);
    }
  });

  it('answers an offset past the end with the start node alone, the total still told', async () => {
    const body = await page('AMBER', { offset: 500 });
    expect(body.nodes.map((n) => n.key)).toEqual(['centre:hub']);
    expect(body).toMatchObject({ truncated: false, total: 24, edges: [] });
  });
});
