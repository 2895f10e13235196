/**
 * Turns a selection into the subgraph to export, reusing the graph services the API answers with (ego network,
 * shortest paths, the query runner) so an export holds what the investigator saw. Every read is
 * checked against EXPORT_MAX_NODES and the store's caps: an export is never silently partial.
 */
import { assertMayRunQuery } from '../cypher/analyst-switch.ts';
import { AppError } from '../errors.ts';
import { subgraphAmong } from '../graph/induced-subgraph.ts';
import { neighbours } from '../graph/neighbourhood.ts';
import { shortestPaths } from '../graph/shortest-paths.ts';
import type { Actor } from '../model/access.ts';
import type { QueryCatalogue } from '../queries/catalogue.ts';
import { runSavedQuery } from '../queries/runner.ts';
import type { GraphStore, Params, QueryResult, SerializedGraph } from '../store/types.ts';
import type { Selection } from './request.ts';

export interface SelectionContext {
  store: GraphStore;
  queries: QueryCatalogue;
  analystCypher: boolean;
  maxNodes: number;
}

/** How the selection is recorded in the manifest, so the export can be traced and rebuilt. */
export type SelectionRecord =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'ego'; id: string; depth: number; relKinds: string[] | null }
  | { kind: 'path'; from: string; to: string; maxHops: number; relKinds: string[] | null }
  | { kind: 'query'; name: string; version: number | null; builtin: boolean; text: string; params: Params };

export interface Selected {
  graph: SerializedGraph;
  record: SelectionRecord;
}

/** Large exports read past the API's usual row and byte budgets; the node cap bounds them instead. */
const BIG_READ = { maxRows: 2_000_000, maxBytes: 1_000_000_000 };

export function tooLarge(nodes: number, maxNodes: number): AppError {
  return new AppError(
    'too_large',
    `the selection holds more than ${maxNodes} nodes (EXPORT_MAX_NODES); narrow it (fewer hops, fewer relationship kinds) or raise the cap`,
    { nodes, maxNodes },
  );
}

function checkComplete(result: QueryResult, what: string): void {
  if (result.truncated)
    throw new AppError('too_large', `${what} was cut by the store's row or byte cap; the export would be incomplete`);
}

async function byIds(ctx: SelectionContext, ids: string[], actor: Actor): Promise<SerializedGraph> {
  const unique = [...new Set(ids)];
  if (unique.length > ctx.maxNodes) throw tooLarge(unique.length, ctx.maxNodes);
  // a node above the exporter's clearance is missing, in the same words as one that does not exist
  const found = await subgraphAmong(ctx.store, unique, actor.clearance, { maxBytes: BIG_READ.maxBytes });
  if (found.truncated)
    throw new AppError(
      'too_large',
      "reading the nodes and their relationships was cut by the store's byte cap; the export would be incomplete",
    );
  if (found.missing.length > 0) {
    throw new AppError(
      'not_found',
      `${found.missing.length} of the selected nodes do not exist: ${found.missing.slice(0, 5).join(', ')}`,
      {
        missing: found.missing.slice(0, 100),
      },
    );
  }
  return { nodes: found.nodes, edges: found.edges };
}

/**
 * The query's Cypher as the manifest records it: without its whole-line `//` comments, which are
 * notes for developers (engine workarounds such as `SKIP 0`), not part of what was asked. A `//`
 * inside a line is kept, since it may be inside a string literal.
 */
export function queryTextForManifest(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

async function byQuery(ctx: SelectionContext, name: string, params: Params, actor: Actor): Promise<Selected> {
  const entry = await ctx.queries.get(name);
  assertMayRunQuery(entry, ctx.analystCypher);
  const result = await runSavedQuery(ctx.store, entry, params, actor);
  checkComplete(result, `the result of ${name}`);
  return {
    graph: result.graph,
    record: {
      kind: 'query',
      name,
      version: entry.version ?? null,
      builtin: entry.builtin,
      text: queryTextForManifest(entry.texts[ctx.store.dialect.name]),
      params,
    },
  };
}

/** The selection as `actor` may see it: every read is made at the exporter's clearance. */
export async function resolveSelection(ctx: SelectionContext, selection: Selection, actor: Actor): Promise<Selected> {
  let selected: Selected;
  switch (selection.kind) {
    case 'ids':
      selected = {
        graph: await byIds(ctx, selection.ids, actor),
        record: { kind: 'ids', ids: [...new Set(selection.ids)] },
      };
      break;
    case 'ego': {
      const found = await neighbours(
        ctx.store,
        selection.id,
        { depth: selection.depth, relKinds: selection.relKinds, kinds: undefined, limit: ctx.maxNodes + 1 },
        actor.clearance,
      );
      if (found.truncated || found.nodes.length > ctx.maxNodes) throw tooLarge(found.nodes.length, ctx.maxNodes);
      selected = {
        graph: { nodes: found.nodes, edges: found.edges } as SerializedGraph,
        record: { kind: 'ego', id: selection.id, depth: selection.depth, relKinds: selection.relKinds ?? null },
      };
      break;
    }
    case 'path': {
      const found = await shortestPaths(ctx.store, selection, actor.clearance);
      selected = {
        graph: { nodes: found.nodes, edges: found.edges } as SerializedGraph,
        record: {
          kind: 'path',
          from: selection.from,
          to: selection.to,
          maxHops: selection.maxHops,
          relKinds: selection.relKinds ?? null,
        },
      };
      break;
    }
    case 'query':
      selected = await byQuery(ctx, selection.name, selection.params as Params, actor);
      break;
  }
  if (selected.graph.nodes.length > ctx.maxNodes) throw tooLarge(selected.graph.nodes.length, ctx.maxNodes);
  return selected;
}
