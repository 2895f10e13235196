/**
 * The subgraph induced by a list of node ids: those nodes and every relationship among them. The
 * client reopens a shared link with it (the URL holds only ids), and each kind's ids go through
 * that kind's index, as in the neighbourhood lookup.
 */
import { z } from 'zod';
import { nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, QueryOptions, SerializedGraph } from '../store/types.ts';
import { seen, visibleParam, withoutWithheldCitations } from './visibility.ts';
import { groupIdsByKind, mergeGraphs } from './graph-merge.ts';
import { edgesAmong } from './edges-among.ts';
import { InducedSubgraphSchema } from '../model/wire.ts';

export const MAX_SUBGRAPH_IDS = 5000;

export const SubgraphBody = z
  .object({ ids: z.array(z.string().min(1).max(300)).min(1).max(MAX_SUBGRAPH_IDS).describe('node ids') })
  .meta({ id: 'SubgraphRequest' });
export type SubgraphBody = z.infer<typeof SubgraphBody>;

export const InducedSubgraph = InducedSubgraphSchema;
export type InducedSubgraph = z.infer<typeof InducedSubgraph>;

const kindOf = (id: string) => nodeKindOfId(id)?.kind;

/**
 * @example subgraphAmong(store, ['centre:na-2024-01', 'country:NA']) // the two nodes and LOCATED_IN
 * `truncated` says a store cap cut a read (callers that must be complete, like exports, refuse then).
 * Read at `clearance`: a withheld node is `missing` like one that does not exist, and withheld links
 * are not returned.
 */
export async function subgraphAmong(
  store: GraphStore,
  ids: string[],
  clearance: Tlp,
  options: Pick<QueryOptions, 'maxBytes'> = {},
): Promise<SerializedGraph & { missing: string[]; truncated: boolean }> {
  const wanted = [...new Set(ids)];
  const visible = visibleParam(clearance);
  const parts: SerializedGraph[] = [];
  let truncated = false;
  for (const [kind, group] of groupIdsByKind(wanted, kindOf)) {
    const nodes = await store.read(
      `UNWIND $ids AS i MATCH (n:${kind} {id: i}) WHERE ${seen('n', clearance)} RETURN n`,
      { ids: group, ...visible },
      { ...options, maxRows: group.length },
    );
    truncated ||= nodes.truncated;
    parts.push(nodes.graph);
  }
  const found = mergeGraphs(...parts);
  const members = found.nodes.map((n) => n.key);
  const edges = await edgesAmong(store, members, clearance, options);
  truncated ||= edges.truncated;
  const graph = await withoutWithheldCitations(store, mergeGraphs(found, edges), clearance);
  const present = new Set(members);
  return { ...graph, missing: wanted.filter((id) => !present.has(id)), truncated };
}
