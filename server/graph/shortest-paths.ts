/**
 * Every shortest path (GET /api/paths, path exports) between two nodes, each with its confidence: the weakest
 * Admiralty grade among its relationships, so a chain resting on one F6 rumour shows as weak.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { weakestGrade } from '../model/provenance.ts';
import { REL_KIND_NAMES, RelKindName, type RelKind } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, PathCell } from '../store/types.ts';
import { visibleTlps } from '../model/access.ts';
import { visibleParam, withoutWithheldCitations } from './visibility.ts';
import { csvList, intParam } from './query-params.ts';
import { findNode, kindOfIdOr404 } from './find-node.ts';
import { PathsResponseSchema, MAX_PATHS } from '../model/wire.ts';

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
function followedKinds(input: PathsQuery, fromKind: string, toKind: string): readonly RelKind[] {
  if (input.relKinds) return input.relKinds;
  if (fromKind === 'Source' || toKind === 'Source') return [];
  return REL_KIND_NAMES.filter((k) => k !== 'REPORTED_IN');
}

/**
 * Read at `clearance`: a withheld end is the 404 of a missing one, and no path passes through a
 * withheld node or link (the filter is part of the search: see Dialect.allShortestPaths).
 */
export async function shortestPaths(store: GraphStore, input: PathsQuery, clearance: Tlp): Promise<PathsResponse> {
  await Promise.all([findNode(store, input.from, clearance), findNode(store, input.to, clearance)]);
  const fromKind = kindOfIdOr404(input.from);
  const toKind = kindOfIdOr404(input.to);
  const visible = clearance === 'RED' ? 'all' : visibleTlps(clearance);
  const match = store.dialect.allShortestPaths(
    'p',
    'a',
    'b',
    followedKinds(input, fromKind, toKind),
    input.maxHops,
    visible,
  );
  const result = await store.read(
    `MATCH (a:${fromKind} {id: $from}) MATCH (b:${toKind} {id: $to}) ${match} RETURN p LIMIT $take`,
    {
      from: input.from,
      to: input.to,
      take: MAX_PATHS + 1,
      ...(store.dialect.name === 'neo4j' ? visibleParam(clearance) : {}),
    },
  );
  const gradeOf = new Map(result.graph.edges.map((e) => [e.key, e.attributes.grade as string | undefined]));
  const synthetic = new Set(
    [...result.graph.nodes, ...result.graph.edges]
      .filter((item) => item.attributes.synthetic === true)
      .map((item) => item.key),
  );
  const cells = result.rows.map((row) => row.p as PathCell).filter((p) => p && p.$type === 'path');
  if (cells.length === 0 && result.rows.length > 0) throw new AppError('internal', 'path query returned no paths');
  const paths = cells.slice(0, MAX_PATHS).map((p) => ({
    nodes: p.nodes,
    edges: p.edges,
    hops: p.edges.length,
    weakestGrade: weakestGrade(p.edges.map((e) => gradeOf.get(e))),
    synthetic: [...p.nodes, ...p.edges].some((key) => synthetic.has(key)),
  }));
  const used = { nodes: new Set(paths.flatMap((p) => p.nodes)), edges: new Set(paths.flatMap((p) => p.edges)) };
  const graph = await withoutWithheldCitations(
    store,
    {
      nodes: result.graph.nodes.filter((n) => used.nodes.has(n.key)),
      edges: result.graph.edges.filter((e) => used.edges.has(e.key)),
    },
    clearance,
  );
  return {
    nodes: graph.nodes,
    edges: graph.edges,
    paths,
    truncated: cells.length > MAX_PATHS,
  };
}
