/**
 * Every shortest path (GET /api/paths, path exports, the connecting network) between two nodes, each
 * with its confidence: the weakest Admiralty grade among its nodes and relationships, so a chain
 * resting on one F6 rumour, or passing through an entity only a B2 source vouches for, shows as weak.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { weakestGrade } from '../model/provenance.ts';
import { REL_KIND_NAMES, RelKindName, type RelKind } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, PathCell, SerializedGraph } from '../store/types.ts';
import { visibleTlps } from '../model/access.ts';
import { visibleParam, withoutWithheldCitations } from './visibility.ts';
import { csvList, intParam } from './query-params.ts';
import { findNode, kindOfIdOr404 } from './find-node.ts';
import { PathsResponseSchema, MAX_PATHS, type PathInfo } from '../model/wire.ts';

/** Shortest paths in a dense graph can be very many; a page of them is what a person can read. */

export const PathsQuery = z
  .object({
    from: z.string().min(1).max(300).describe('start node id'),
    to: z.string().min(1).max(300).describe('end node id'),
    maxHops: intParam(1, 8, 4).describe('longest path considered (1-8)'),
    relKinds: csvList(RelKindName).describe(
      'follow only these relationship kinds; by default all but REPORTED_IN, unless an end is a Source',
    ),
  })
  .refine((q) => q.from !== q.to, { message: 'from and to must differ', path: ['to'] });
export type PathsQuery = z.infer<typeof PathsQuery>;

export const PathsResponse = PathsResponseSchema;
export type PathsResponse = z.infer<typeof PathsResponse>;

/**
 * Two facts cited by the same document are not linked in the world, so paths do not pass through
 * Source nodes unless asked to, or unless the path is to or from a Source.
 */
export function followedKinds(
  relKinds: readonly RelKind[] | undefined,
  fromKind: string,
  toKind: string,
): readonly RelKind[] {
  if (relKinds) return relKinds;
  if (fromKind === 'Source' || toKind === 'Source') return [];
  return REL_KIND_NAMES.filter((k) => k !== 'REPORTED_IN');
}

export interface PathSearch {
  from: string;
  to: string;
  maxHops: number;
  relKinds?: readonly RelKind[] | undefined;
  /** list at most this many paths; `truncated` says there were more */
  take: number;
  /** stop the search after this long (the store's QUERY_TIMEOUT_MS when not given) */
  timeoutMs?: number;
}

/**
 * The shortest paths between two nodes the caller has found visible, with the subgraph they use
 * (not yet cleaned of withheld citations: a caller merging several searches cleans once).
 * Read at `clearance`: no path passes through a withheld node or link (the filter is part of the
 * search: see Dialect.allShortestPaths).
 */
export async function pathsBetween(
  store: GraphStore,
  search: PathSearch,
  clearance: Tlp,
): Promise<{ paths: PathInfo[]; truncated: boolean; graph: SerializedGraph }> {
  const fromKind = kindOfIdOr404(search.from);
  const toKind = kindOfIdOr404(search.to);
  const visible = clearance === 'RED' ? 'all' : visibleTlps(clearance);
  const match = store.dialect.allShortestPaths(
    'p',
    'a',
    'b',
    followedKinds(search.relKinds, fromKind, toKind),
    search.maxHops,
    visible,
  );
  const result = await store.read(
    `MATCH (a:${fromKind} {id: $from}) MATCH (b:${toKind} {id: $to}) ${match} RETURN p LIMIT $take`,
    {
      from: search.from,
      to: search.to,
      take: search.take + 1,
      ...(store.dialect.name === 'neo4j' ? visibleParam(clearance) : {}),
    },
    search.timeoutMs ? { timeoutMs: search.timeoutMs } : {},
  );
  // an entity on the path is as much a claim as a link: its grade counts too
  const gradeOf = new Map(
    [...result.graph.nodes, ...result.graph.edges].map((item) => [item.key, item.attributes.grade]),
  );
  const synthetic = new Set(
    [...result.graph.nodes, ...result.graph.edges]
      .filter((item) => item.attributes.synthetic === true)
      .map((item) => item.key),
  );
  const cells = result.rows.map((row) => row.p as PathCell).filter((p) => p && p.$type === 'path');
  if (cells.length === 0 && result.rows.length > 0) throw new AppError('internal', 'path query returned no paths');
  const paths = cells.slice(0, search.take).map((p) => ({
    nodes: p.nodes,
    edges: p.edges,
    hops: p.edges.length,
    weakestGrade: weakestGrade([...p.nodes, ...p.edges].map((key) => gradeOf.get(key))),
    synthetic: [...p.nodes, ...p.edges].some((key) => synthetic.has(key)),
  }));
  const used = { nodes: new Set(paths.flatMap((p) => p.nodes)), edges: new Set(paths.flatMap((p) => p.edges)) };
  return {
    paths,
    truncated: cells.length > search.take,
    graph: {
      nodes: result.graph.nodes.filter((n) => used.nodes.has(n.key)),
      edges: result.graph.edges.filter((e) => used.edges.has(e.key)),
    },
  };
}

/** Read at `clearance`: a withheld end is the 404 of a missing one, and no path passes through a withheld node or link. */
export async function shortestPaths(store: GraphStore, input: PathsQuery, clearance: Tlp): Promise<PathsResponse> {
  await Promise.all([findNode(store, input.from, clearance), findNode(store, input.to, clearance)]);
  const found = await pathsBetween(store, { ...input, take: MAX_PATHS }, clearance);
  const graph = await withoutWithheldCitations(store, found.graph, clearance);
  return { nodes: graph.nodes, edges: graph.edges, paths: found.paths, truncated: found.truncated };
}
