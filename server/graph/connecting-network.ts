/**
 * The connecting network of several nodes (i2's "find connecting network"): the union of the
 * shortest paths between every pair of them within a hop limit, each path with its weakest grade,
 * and the pairs that do not connect within the limit.
 *
 * The work is bounded: at most MAX_CONNECT_IDS ids (so at most 190 pairs, one path search each),
 * at most MAX_CONNECT_PATHS paths in all — the per-pair limit shrinks to fit — and a time budget
 * for all the searches together; the answer says what was cut (`limited`; `truncated` where a
 * pair had more shortest paths than it lists; `unsearched`, the pairs the budget left out).
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Tlp } from '../model/markings.ts';
import { RelKindName } from '../model/schema.ts';
import {
  ConnectingResponseSchema,
  MAX_CONNECT_IDS,
  MAX_CONNECT_PATHS,
  MAX_PATHS,
  type ConnectingPair,
} from '../model/wire.ts';
import type { GraphStore, SerializedGraph } from '../store/types.ts';
import { mergeGraphs } from './graph-merge.ts';
import { subgraphAmong } from './induced-subgraph.ts';
import { pathsBetween } from './shortest-paths.ts';
import { withoutWithheldCitations } from './visibility.ts';

/** Six hops join most of a dense graph to itself; beyond that a "connection" says nothing. */
export const MAX_CONNECT_HOPS = 6;
/** How long all the pair searches of one request may take together. */
export const CONNECT_BUDGET_MS = 20_000;
/** Each search gets what is left of the budget, but never less than this. */
const MIN_SEARCH_MS = 1_000;

export interface ConnectingOptions {
  budgetMs?: number;
  now?: () => number;
}

export const ConnectingBody = z
  .object({
    ids: z
      .array(z.string().min(1).max(300))
      .min(2)
      .max(MAX_CONNECT_IDS)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'ids must not repeat' })
      .describe(`the nodes to connect, 2 to ${MAX_CONNECT_IDS}`),
    maxHops: z
      .number()
      .int()
      .min(1)
      .max(MAX_CONNECT_HOPS)
      .default(4)
      .describe(`longest path considered (1-${MAX_CONNECT_HOPS})`),
    maxPathsPerPair: z
      .number()
      .int()
      .min(1)
      .max(MAX_PATHS)
      .default(5)
      .describe(`shortest paths listed per pair at most (fewer when the pairs are many: ${MAX_CONNECT_PATHS} in all)`),
    relKinds: z
      .array(RelKindName)
      .min(1)
      .optional()
      .describe('follow only these relationship kinds; by default all but REPORTED_IN, unless an end is a Source'),
  })
  .strict()
  .meta({ id: 'ConnectingRequest' });
export type ConnectingBody = z.infer<typeof ConnectingBody>;

export const ConnectingResponse = ConnectingResponseSchema;
export type ConnectingResponse = z.infer<typeof ConnectingResponse>;

/** The per-pair limit that keeps pairs × paths within MAX_CONNECT_PATHS (one path per pair at the least). */
export function pathsPerPair(pairs: number, asked: number): number {
  return Math.max(1, Math.min(asked, Math.floor(MAX_CONNECT_PATHS / Math.max(1, pairs))));
}

/**
 * Read at `clearance`: an id the reader may not see is the 404 of one that does not exist, and no
 * path passes through a withheld node or link (the filter is in the search, as for /api/paths).
 */
export async function connectingNetwork(
  store: GraphStore,
  input: ConnectingBody,
  clearance: Tlp,
  { budgetMs = CONNECT_BUDGET_MS, now = Date.now }: ConnectingOptions = {},
): Promise<ConnectingResponse> {
  const started = now();
  const ends = await subgraphAmong(store, input.ids, clearance);
  if (ends.missing.length > 0)
    throw new AppError('not_found', `no node ${ends.missing.join(', ')}`, { ids: ends.missing });
  const pairs: [string, string][] = [];
  input.ids.forEach((from, i) => input.ids.slice(i + 1).forEach((to) => pairs.push([from, to])));
  const take = pathsPerPair(pairs.length, input.maxPathsPerPair);
  const connected: ConnectingPair[] = [];
  const unconnected: { from: string; to: string }[] = [];
  const unsearched: { from: string; to: string }[] = [];
  const graphs: SerializedGraph[] = [{ nodes: ends.nodes, edges: [] }];
  // one search at a time: the store serialises them anyway, and a burst would crowd other readers
  for (const [i, [from, to]] of pairs.entries()) {
    const left = budgetMs - (now() - started);
    // the first pair is always searched, so an answer always holds something
    if (unsearched.length > 0 || (i > 0 && left <= 0)) {
      unsearched.push({ from, to });
      continue;
    }
    let found: Awaited<ReturnType<typeof pathsBetween>>;
    try {
      found = await pathsBetween(
        store,
        { from, to, maxHops: input.maxHops, relKinds: input.relKinds, take, timeoutMs: Math.max(MIN_SEARCH_MS, left) },
        clearance,
      );
    } catch (error) {
      // a search that outran the budget: this pair and the rest are reported unsearched
      if (!(error instanceof AppError && error.code === 'timeout')) throw error;
      unsearched.push({ from, to });
      continue;
    }
    if (found.paths.length === 0) unconnected.push({ from, to });
    else connected.push({ from, to, paths: found.paths, truncated: found.truncated });
    graphs.push(found.graph);
  }
  const graph = await withoutWithheldCitations(store, mergeGraphs(...graphs), clearance);
  return {
    nodes: graph.nodes,
    edges: graph.edges,
    pairs: connected,
    unconnected,
    unsearched,
    maxHops: input.maxHops,
    pathsPerPair: take,
    limited: take < input.maxPathsPerPair,
    truncated: unsearched.length > 0 || connected.some((p) => p.truncated),
  };
}
