/**
 * The ego network (GET /api/nodes/:id/neighbors, ego exports): nodes within `depth` hops, breadth first, at
 * most `limit` of them, and every relationship among them. Expanding hop by hop (instead of one
 * variable-length pattern) keeps a hub from multiplying paths, and behaves the same on both stores.
 *
 * Depth 1 is a page of the node's neighbours in the order asked for (model/expansion.ts): one
 * statement lists every matching neighbour with what the orders sort on, the page is cut here (so
 * both stores order alike, ties by name then id in code-point order), and one statement fetches the
 * page's nodes with their links to the start node. Deeper hops are in name order.
 *
 * Every statement names its relationship tables from the schema and matches its start nodes
 * through the primary-key index (graph-merge.ts, edges-among.ts): issue 14's profile.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { ExpansionOrderSchema, type ExpansionOrder } from '../model/expansion.ts';
import { NodeKindName, RelKindName, nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, JsonValue, SerializedGraph } from '../store/types.ts';
import { csvList, intParam } from './query-params.ts';
import { groupIdsByKind, mergeGraphs, relTypesAt, startSets } from './graph-merge.ts';
import { edgesAmong } from './edges-among.ts';
import { findNode } from './find-node.ts';
import { NeighbourhoodSchema } from '../model/wire.ts';
import { seen, visibleParam, withoutWithheldCitations } from './visibility.ts';

export const NeighboursQuery = z.object({
  depth: intParam(1, 3, 1).describe('hops from the node (1-3)'),
  relKinds: csvList(RelKindName).describe('follow only these relationship kinds'),
  kinds: csvList(NodeKindName).describe('reach only nodes of these kinds'),
  limit: intParam(1, 2000, 200).describe('most nodes returned, the start node included'),
  order: ExpansionOrderSchema.default('degree').describe(
    'the order of the neighbours at depth 1 (ties by name, then id); deeper hops come in name order',
  ),
  offset: intParam(0, 1_000_000, 0).describe('neighbours skipped in that order before the page (depth 1 only)'),
});
export type NeighboursQuery = z.infer<typeof NeighboursQuery>;
/** What the services pass: the API's query, the order and offset optional (name order, from the first). */
export type NeighboursInput = Omit<NeighboursQuery, 'order' | 'offset'> &
  Partial<Pick<NeighboursQuery, 'order' | 'offset'>>;

export const Subgraph = NeighbourhoodSchema;
export type Subgraph = z.infer<typeof Subgraph>;

type Node = SerializedGraph['nodes'][number];
const kindOf = (id: string) => nodeKindOfId(id)?.kind;

/** Code-point order (what Cypher's ORDER BY on strings gives on both engines), so merged lists agree. */
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** One neighbour as the orders see it. */
interface Candidate {
  id: string;
  name: string;
  /** the best grade among its visible links to the start node ('' when none is graded) */
  grade: string;
  lastSeen: string;
  firstSeen: string;
  degree: number;
}

const text = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');

/** Best first; an empty key (ungraded, undated) sorts last; then name, then id. */
function orderOf(order: ExpansionOrder): (a: Candidate, b: Candidate) => number {
  const lastIfEmpty = (x: string, y: string, within: (x: string, y: string) => number) =>
    x === y ? 0 : x === '' ? 1 : y === '' ? -1 : within(x, y);
  const tie = (a: Candidate, b: Candidate) => compare(a.name, b.name) || compare(a.id, b.id);
  switch (order) {
    case 'degree':
      return (a, b) => b.degree - a.degree || tie(a, b);
    case 'grade':
      // 'A1' < 'B3' < 'F6' as strings: reliability first, then credibility.
      return (a, b) => lastIfEmpty(a.grade, b.grade, compare) || tie(a, b);
    case 'recent':
      return (a, b) =>
        lastIfEmpty(a.lastSeen, b.lastSeen, (x, y) => compare(y, x)) ||
        lastIfEmpty(a.firstSeen, b.firstSeen, (x, y) => compare(y, x)) ||
        tie(a, b);
    case 'name':
      return tie;
  }
}

/**
 * Read at `clearance`: withheld nodes and links are not followed, not counted in `total` nor in a
 * neighbour's degree, and not among the links returned.
 */
export async function neighbours(
  store: GraphStore,
  id: string,
  input: NeighboursInput,
  clearance: Tlp,
): Promise<Subgraph> {
  const offset = input.offset ?? 0;
  if (offset > 0 && input.depth > 1)
    throw new AppError('bad_request', 'offset pages the neighbours of depth 1 only', { depth: input.depth, offset });
  const start = await findNode(store, id, clearance);
  const found =
    input.depth === 1
      ? await firstHopPage(store, start, input, input.order ?? 'name', offset, clearance)
      : await breadthFirst(store, start, input, clearance);
  // At depth 1 the links to the start node came with the page.
  const edges = await edgesAmong(
    store,
    found.nodes.filter((n) => input.depth > 1 || n.key !== start.key).map((n) => n.key),
    clearance,
    input.relKinds ? { relKinds: input.relKinds } : {},
  );
  const graph = await withoutWithheldCitations(store, mergeGraphs(found, edges), clearance);
  return { ...graph, truncated: found.truncated, total: found.total };
}

/** The start node and one page of its neighbours in `order`, with `total` (all matching neighbours). */
async function firstHopPage(
  store: GraphStore,
  start: Node,
  input: NeighboursInput,
  order: ExpansionOrder,
  offset: number,
  clearance: Tlp,
): Promise<SerializedGraph & { truncated: boolean; total: number }> {
  const kind = kindOf(start.key);
  const types = kind ? relTypesAt(kind, input.relKinds) : null;
  if (!kind || !types) return { nodes: [start], edges: [], truncated: false, total: 0 };
  const visible = visibleParam(clearance);
  const kindFilter = input.kinds ? ` AND ${store.dialect.hasLabelIn('m', 'kinds')}` : '';
  const params = { id: start.key, ...(input.kinds ? { kinds: input.kinds } : {}), ...visible };
  const hop = `MATCH (n:${kind} {id: $id})-[r${types}]-(m) WHERE m.id <> $id${kindFilter} AND ${seen('r', clearance)} AND ${seen('m', clearance)}`;
  // One row per link: a neighbour linked twice comes twice, and keeps its best grade.
  const listed = await store.read(
    `${hop} RETURN m.id AS id, m.name AS name, r.grade AS grade, m.lastSeen AS lastSeen, m.firstSeen AS firstSeen`,
    params,
    { maxRows: 10_000_000, maxBytes: 1e9 },
  );
  const candidates = new Map<string, Candidate>();
  for (const row of listed.rows) {
    const key = String(row.id);
    const grade = text(row.grade);
    const seenBefore = candidates.get(key);
    if (seenBefore) {
      if (grade && (!seenBefore.grade || grade < seenBefore.grade)) seenBefore.grade = grade;
      continue;
    }
    candidates.set(key, {
      id: key,
      name: text(row.name),
      grade,
      lastSeen: text(row.lastSeen),
      firstSeen: text(row.firstSeen),
      degree: 0,
    });
  }
  if (order === 'degree' && candidates.size > 0) {
    // Each neighbour's visible degree: links and ends the reader may not see are not counted.
    const degrees = await store.read(
      `${hop} WITH DISTINCT m MATCH (m)-[r2]-(o) WHERE ${seen('r2', clearance)} AND ${seen('o', clearance)}
       RETURN m.id AS id, count(*) AS degree`,
      params,
      { maxRows: 10_000_000, maxBytes: 1e9 },
    );
    for (const row of degrees.rows) {
      const candidate = candidates.get(String(row.id));
      if (candidate) candidate.degree = Number(row.degree);
    }
  }
  const sorted = [...candidates.values()].sort(orderOf(order));
  const page = sorted.slice(offset, offset + input.limit - 1).map((c) => c.id);
  const nodes: Node[] = [start];
  let edges: SerializedGraph['edges'] = [];
  if (page.length > 0) {
    // The page's nodes with their links to the start node, from the start node's index.
    const fetched = await store.read(
      `${hop} AND m.id IN $page RETURN n, r, m`,
      { ...params, page },
      {
        maxRows: 10_000_000,
        maxBytes: 1e9,
      },
    );
    const byId = new Map(fetched.graph.nodes.map((n) => [n.key, n]));
    for (const key of page) {
      const node = byId.get(key);
      if (node) nodes.push(node);
    }
    edges = fetched.graph.edges;
  }
  return { nodes, edges, truncated: offset + page.length < sorted.length, total: sorted.length };
}

/** Full nodes for ids of known kinds, each kind through its primary-key index, in the order given. */
async function nodesById(store: GraphStore, ids: readonly string[]): Promise<Node[]> {
  const byId = new Map<string, Node>();
  for (const [kind, group] of groupIdsByKind(ids, kindOf)) {
    const fetched = await store.read(
      `UNWIND $ids AS i MATCH (m:${kind} {id: i}) RETURN m`,
      { ids: group },
      {
        maxRows: group.length,
        maxBytes: 1e9,
      },
    );
    for (const node of fetched.graph.nodes) byId.set(node.key, node);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Breadth first, each hop the best `room` in name order (the order before issue 14). A hop's
 * statements return ids and names only, and the chosen nodes are then fetched by id: returning
 * whole nodes through DISTINCT and ORDER BY cost 60-110 ms against 7-15 ms from a country of
 * 333 links in the profile.
 */
async function breadthFirst(
  store: GraphStore,
  start: Node,
  input: NeighboursInput,
  clearance: Tlp,
): Promise<SerializedGraph & { truncated: boolean; total: null }> {
  const visible = visibleParam(clearance);
  const kindFilter = input.kinds ? ` AND ${store.dialect.hasLabelIn('m', 'kinds')}` : '';
  const kindParam = input.kinds ? { kinds: input.kinds } : {};
  const found = new Map<string, Node>([[start.key, start]]);
  let frontier = [start.key];
  let truncated = false;
  for (let hop = 1; hop <= input.depth && frontier.length > 0 && !truncated; hop++) {
    const room = input.limit - found.size;
    // Each kind through its own index; the best `room + 1` of each kind, merged in name order,
    // hold the best `room` of the hop, and one more tells whether any are left out.
    const candidates = new Map<string, string>();
    for (const [kind, ids] of groupIdsByKind(frontier, kindOf)) {
      const types = relTypesAt(kind, input.relKinds);
      if (!types) continue;
      for (const from of startSets('n', kind, ids)) {
        const result = await store.read(
          `MATCH ${from.node}-[r${types}]-(m) WHERE ${from.where} AND NOT (m.id IN $seen)${kindFilter}
             AND ${seen('r', clearance)} AND ${seen('m', clearance)}
           RETURN DISTINCT m.id AS id, m.name AS name ORDER BY name, id LIMIT $take`,
          { ...from.params, seen: [...found.keys()], take: room + 1, ...kindParam, ...visible },
          { maxRows: room + 1 },
        );
        for (const row of result.rows) candidates.set(String(row.id), text(row.name));
      }
    }
    const chosen = [...candidates].sort(([a, x], [b, y]) => compare(x, y) || compare(a, b)).map(([id]) => id);
    if (chosen.length > room) truncated = true;
    frontier = chosen.slice(0, room);
    for (const node of await nodesById(store, frontier)) found.set(node.key, node);
  }
  return { nodes: [...found.values()], edges: [], truncated, total: null };
}
