/**
 * Expanding a hub (issue 14) against the real server in node: the client's own API module
 * (client/src/api/client.ts) over HTTP to the real app on a real embedded store, so the pages the
 * actions ask for are the ones the server cuts. A hub of 95 facilitators, ten of them also linked
 * to a second centre (so "best connected first" differs from name order), graded and dated apart.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '../../client/src/api/client.ts';
import { expandAll, expandNode, type ExpandOptions } from '../../client/src/state/actions.ts';
import {
  EXPANSION_ORDERS,
  EXPANSION_PAGE,
  ExpansionOrderStore,
  expansionOrder,
} from '../../client/src/state/expansion-order.ts';
import { GraphSession } from '../../client/src/state/graph-session.ts';
import { isGroup, membersOf } from '../../client/src/core/groups/groups.ts';
import { leavesOf } from '../../client/src/core/groups/leaves.ts';
import * as contract from '../../server/model/expansion.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';

const HUB = 'centre:hub';
const OTHER = 'centre:other';
const COUNT = 95;
const fid = (i: number) => `facilitator:f${String(i).padStart(2, '0')}`;
/** every tenth facilitator also recruits for the other centre: degree 2 */
const broker = (i: number) => i % 10 === 3;

function hubGraph(): GraphBatch {
  const prov = (i: number) => ({
    grade: ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'][i % 6],
    tlp: 'CLEAR',
    firstSeen: '2023-01-01',
    lastSeen: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
    sourceIds: [],
    synthetic: true,
  });
  const nodes = [
    { kind: 'Centre', id: HUB, name: 'Hub Compound', status: 'active', ...prov(0) },
    { kind: 'Centre', id: OTHER, name: 'Other Compound', status: 'active', ...prov(0) },
    ...Array.from({ length: COUNT }, (_, i) => ({
      kind: 'Facilitator',
      id: fid(i),
      name: `Facilitator ${String(i).padStart(2, '0')}`,
      role: 'recruiter',
      ...prov(i),
    })),
  ];
  const relationships = Array.from({ length: COUNT }, (_, i) => [
    { kind: 'RECRUITS_FOR', id: `r${i}`, from: fid(i), to: HUB, ...prov(i) },
    ...(broker(i) ? [{ kind: 'RECRUITS_FOR', id: `o${i}`, from: fid(i), to: OTHER, ...prov(i) }] : []),
  ]).flat();
  const parsed = parseBatch({ nodes, relationships } as never);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.batch;
}

let h: Harness;
let server: Server;
beforeAll(async () => {
  h = await startHarness(hubGraph());
  server = h.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  // the page's relative URLs, resolved against the test server
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, base), init));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});
afterEach(() => expansionOrder.set('degree'));

function sessionWithHub(): GraphSession {
  const s = new GraphSession();
  s.addSubgraph({ nodes: [{ key: HUB, attributes: { kind: 'Centre', label: 'Hub Compound' } as never }], edges: [] });
  return s;
}
const facilitatorsOn = (s: GraphSession) => s.graph.filterNodes((n) => n.startsWith('facilitator:'));
const byName = Array.from({ length: COUNT }, (_, i) => fid(i));
const brokers = byName.filter((_, i) => broker(i));

/** Expands page after page, following each outcome's `next`, and returns the ids each page added. */
async function pageThrough(s: GraphSession, options: ExpandOptions): Promise<{ pages: string[][]; texts: string[] }> {
  const pages: string[][] = [];
  const texts: string[] = [];
  let next: ExpandOptions | null = options;
  while (next) {
    const before = new Set(s.graph.nodes());
    const outcome = await expandNode(s, api, HUB, next);
    pages.push(s.graph.nodes().filter((n) => !before.has(n)));
    next = outcome.kind === 'more' ? outcome.next : null;
    if (outcome.kind === 'more') texts.push(outcome.text);
  }
  return { pages, texts };
}

describe('the client keeps to the contract', () => {
  it('has the contract’s orders and page size', () => {
    expect(EXPANSION_ORDERS).toEqual(contract.EXPANSION_ORDERS);
    expect(EXPANSION_PAGE).toBe(contract.EXPANSION_PAGE);
  });
});

describe('paging a hub in the chosen order', () => {
  it('best connected first (the default): the brokers, then the rest by name, 40 a page, no page overlapping', async () => {
    const s = sessionWithHub();
    const { pages, texts } = await pageThrough(s, {});
    expect(pages.map((p) => p.length)).toEqual([40, 40, 15]);
    expect(pages[0]!.slice(0, brokers.length)).toEqual(brokers);
    expect(pages.flat()).toEqual([...brokers, ...byName.filter((id) => !brokers.includes(id))]);
    expect(texts).toEqual([
      'Hub Compound: 40 of 95 neighbours shown (best connected first), and 55 more.',
      'Hub Compound: 80 of 95 neighbours shown (best connected first), and 15 more.',
    ]);
    expect(facilitatorsOn(s)).toHaveLength(COUNT);
    expect(s.graph.size).toBe(COUNT);
  });

  it('by name: the first 40 names, then the next', async () => {
    const s = sessionWithHub();
    const { pages } = await pageThrough(s, { order: 'name' });
    expect(pages.flat()).toEqual(byName);
  });

  it('best graded first and most recent first: each page in that order, all 95 in three pages', async () => {
    const grade = (id: string) => ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'][Number(id.slice(-2)) % 6]!;
    const month = (id: string) => (Number(id.slice(-2)) % 12) + 1;
    const graded = await pageThrough(sessionWithHub(), { order: 'grade' });
    const g = graded.pages.flat();
    expect(g).toHaveLength(COUNT);
    expect(g.map(grade)).toEqual([...g.map(grade)].sort());
    const recent = await pageThrough(sessionWithHub(), { order: 'recent' });
    const r = recent.pages.flat();
    expect(new Set(r).size).toBe(COUNT);
    expect(r.map(month)).toEqual([...r.map(month)].sort((a, b) => b - a));
  });

  it('uses the remembered order when none is given', async () => {
    expansionOrder.set('name');
    const s = sessionWithHub();
    const outcome = await expandNode(s, api, HUB);
    expect(outcome).toMatchObject({ kind: 'more', next: { order: 'name', offset: 40 } });
    expect(facilitatorsOn(s).sort()).toEqual(byName.slice(0, 40));
  });
});

describe('remembering the order', () => {
  it('keeps the choice in storage for the next page load, and ignores a value it does not know', () => {
    const saved = new Map<string, string>();
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    const first = new ExpansionOrderStore(storage);
    expect(first.get()).toBe('degree');
    first.set('recent');
    expect(new ExpansionOrderStore(storage).get()).toBe('recent');
    saved.set('scamnet.expansionOrder', 'DROP TABLE');
    expect(new ExpansionOrderStore(storage).get()).toBe('degree');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const locked = new ExpansionOrderStore(refusing);
    locked.set('grade');
    expect(locked.get()).toBe('grade');
  });
});

describe('expand all', () => {
  it('previews the counts, adds every neighbour with the links to the canvas, folds the leaves, undone in one step', async () => {
    const s = sessionWithHub();
    s.addSubgraph({
      nodes: [{ key: OTHER, attributes: { kind: 'Centre', label: 'Other Compound' } as never }],
      edges: [],
    });
    const counts = await api.neighbourCounts(HUB);
    expect(counts).toEqual({
      id: HUB,
      total: COUNT,
      byKind: [{ kind: 'Facilitator', count: COUNT }],
      byRelKind: [{ kind: 'RECRUITS_FOR', count: COUNT }],
    });
    const versions = s.getSnapshot().canUndo;
    const outcome = await expandAll(s, api, HUB, { total: counts.total });
    expect(outcome).toMatchObject({ fetched: COUNT, added: COUNT, capped: false });
    expect(facilitatorsOn(s)).toHaveLength(COUNT);
    // the brokers' links to the other centre came too: they are no leaves
    for (const b of brokers) expect(s.graph.hasEdge(b, OTHER) || s.graph.hasEdge(OTHER, b), b).toBe(true);
    expect(outcome.folded).toHaveLength(1);
    const group = outcome.folded[0]!;
    expect(group).toMatchObject({ kind: 'Facilitator', count: COUNT - brokers.length });
    expect(isGroup(s.graph, group.id)).toBe(true);
    expect(s.graph.getNodeAttribute(group.id, 'label')).toBe(`${COUNT - brokers.length} Facilitators`);
    expect(membersOf(s.graph, group.id).sort()).toEqual(byName.filter((id) => !brokers.includes(id)));
    expect(leavesOf(s.graph, HUB)).toEqual([]);
    expect(outcome.text).toBe(
      'Hub Compound: 95 neighbours added; its leaves folded into groups (85 Facilitators): double-click a group to open it.',
    );
    expect(versions).toBe(true);
    s.undo();
    expect(s.graph.nodes().sort()).toEqual([HUB, OTHER]);
  });

  it('beyond the cap: the first ones in the chosen order, and says so', async () => {
    const s = sessionWithHub();
    const outcome = await expandAll(s, api, HUB, { total: COUNT, cap: 25, order: 'degree', fold: false });
    expect(outcome).toMatchObject({ fetched: 25, added: 25, capped: true });
    expect(facilitatorsOn(s).slice(0, brokers.length)).toEqual(brokers);
    expect(outcome.text).toBe('Hub Compound: 25 neighbours added (the first 25 of 95, best connected first).');
  });

  it('in several requests when the hub has more than a request holds: each neighbour once, in order', async () => {
    const s = sessionWithHub();
    const outcome = await expandAll(s, api, HUB, { total: COUNT, pageSize: 30, order: 'name', fold: false });
    expect(outcome).toMatchObject({ fetched: COUNT, added: COUNT, capped: false });
    expect(facilitatorsOn(s)).toEqual(byName);
    expect(s.graph.size).toBe(COUNT);
  });

  it('a kind filter brings only those kinds', async () => {
    const s = sessionWithHub();
    const outcome = await expandAll(s, api, HUB, { total: 0, kinds: ['Centre'] });
    expect(outcome).toMatchObject({ fetched: 0, added: 0 });
    expect(s.graph.nodes()).toEqual([HUB]);
  });
});
