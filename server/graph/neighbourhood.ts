/**
 * The ego network (GET /api/nodes/:id/neighbors, ego exports): nodes within `depth` hops, breadth first, at
 * most `limit` of them, and every relationship among them. Expanding hop by hop (instead of one
 * variable-length pattern) keeps a hub from multiplying paths, and behaves the same on both stores.
 * Each statement starts from its nodes as `startFrom` (graph-merge.ts) says, for LadybugDB's sake.
 */
import { z } from 'zod';
import { NodeKindName, RelKindName, nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, SerializedGraph } from '../store/types.ts';
import { csvList, intParam } from './query-params.ts';
import { groupIdsByKind, mergeGraphs, startFrom } from './graph-merge.ts';
import { findNode, kindOfIdOr404 } from './find-node.ts';
import { NeighbourhoodSchema } from '../model/wire.ts';
import { seen, visibleParam, withoutWithheldCitations } from './visibility.ts';

export const NeighboursQuery = z.object({
  depth: intParam(1, 3, 1).describe('hops from the node (1-3)'),
  relKinds: csvList(RelKindName).describe('follow only these relationship kinds'),
  kinds: csvList(NodeKindName).describe('reach only nodes of these kinds'),
  limit: intParam(1, 2000, 200).describe('most nodes returned, the start node included'),
});
export type NeighboursQuery = z.infer<typeof NeighboursQuery>;

export const Subgraph = NeighbourhoodSchema;
export type Subgraph = z.infer<typeof Subgraph>;

const kindOf = (id: string) => nodeKindOfId(id)?.kind;

/** The order Cypher's ORDER BY m.name, m.id gives (code-point order), so merged lists agree. */
function byNameThenKey(a: SerializedGraph['nodes'][number], b: SerializedGraph['nodes'][number]): number {
  const [x, y] = [String(a.attributes.name ?? ''), String(b.attributes.name ?? '')];
  return x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Read at `clearance`: withheld nodes and links are not followed, not counted in `total`, and not
 * among the links returned.
 */
export async function neighbours(
  store: GraphStore,
  id: string,
  input: NeighboursQuery,
  clearance: Tlp,
): Promise<Subgraph> {
  const start = await findNode(store, id, clearance);
  const visible = visibleParam(clearance);
  const rels = input.relKinds ? `:${input.relKinds.join('|')}` : '';
  const kindFilter = input.kinds ? ` AND ${store.dialect.hasLabelIn('m', 'kinds')}` : '';
  const kindParam = input.kinds ? { kinds: input.kinds } : {};
  const found = new Map<string, SerializedGraph['nodes'][number]>([[start.key, start]]);
  let frontier = [start.key];
  let truncated = false;

  for (let hop = 1; hop <= input.depth && frontier.length > 0 && !truncated; hop++) {
    const room = input.limit - found.size;
    // Each kind is looked up through its own index; the best `room + 1` of each kind, merged in
    // name order, hold the best `room` of the hop, and one more tells whether any are left out.
    const candidates: SerializedGraph['nodes'] = [];
    for (const [kind, ids] of groupIdsByKind(frontier, kindOf)) {
      const from = startFrom('n', kind, ids, 'ids');
      const result = await store.read(
        `MATCH ${from.node}-[r${rels}]-(m) WHERE ${from.where} AND NOT (m.id IN $seen)${kindFilter}
           AND ${seen('r', clearance)} AND ${seen('m', clearance)}
         RETURN DISTINCT m ORDER BY m.name, m.id LIMIT $take`,
        { ...from.params, seen: [...found.keys()], take: room + 1, ...kindParam, ...visible },
        { maxRows: room + 1 },
      );
      candidates.push(...result.graph.nodes);
    }
    const unique = [...new Map(candidates.map((n) => [n.key, n])).values()].sort(byNameThenKey);
    if (unique.length > room) truncated = true;
    frontier = unique.slice(0, room).map((node) => {
      found.set(node.key, node);
      return node.key;
    });
  }

  let total: number | null = null;
  if (input.depth === 1) {
    // findNode found the start node through its kind's index, so its id has a kind prefix.
    const kind = kindOfIdOr404(start.key);
    const counted = await store.read(
      `MATCH (n:${kind} {id: $id})-[r${rels}]-(m) WHERE m.id <> $id${kindFilter} AND ${seen('r', clearance)} AND ${seen('m', clearance)}
       RETURN count(DISTINCT m) AS total`,
      { id: start.key, ...kindParam, ...visible },
    );
    total = Number(counted.rows[0]?.total ?? 0);
  }

  // Every relationship among the nodes found, each fetched once from its start node.
  const all = [...found.keys()];
  const edgeGraphs: SerializedGraph[] = [];
  for (const [kind, ids] of groupIdsByKind(all, kindOf)) {
    const from = startFrom('a', kind, ids, 'ids');
    const result = await store.read(
      `MATCH ${from.node}-[r${rels}]->(b) WHERE ${from.where} AND b.id IN $members AND ${seen('r', clearance)} AND ${seen('b', clearance)}
       RETURN a, r, b`,
      { ...from.params, members: all, ...visible },
      { maxRows: 200_000 },
    );
    edgeGraphs.push(result.graph);
  }
  const graph = await withoutWithheldCitations(
    store,
    mergeGraphs({ nodes: [...found.values()], edges: [] }, ...edgeGraphs),
    clearance,
  );
  return { ...graph, truncated, total };
}
