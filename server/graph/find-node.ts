/** Finding one node by id: its kind comes from the id's prefix, so the kind's index is used. */
import { AppError } from '../errors.ts';
import { nodeKindOfId, type NodeKind } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore, SerializedNode } from '../store/types.ts';
import { seen, visibleParam, withoutWithheldCitations } from './visibility.ts';

export function kindOfIdOr404(id: string): NodeKind {
  const kind = nodeKindOfId(id)?.kind;
  if (!kind)
    throw new AppError('not_found', `no node ${id}: ids start with a kind prefix such as centre: or country:`, { id });
  return kind;
}

/** The node as the reader may see it; a node marked above `clearance` is the same 404 as a missing one. */
export async function findNode(store: GraphStore, id: string, clearance: Tlp): Promise<SerializedNode> {
  const kind = kindOfIdOr404(id);
  const result = await store.read(`MATCH (n:${kind} {id: $id}) WHERE ${seen('n', clearance)} RETURN n`, {
    id,
    ...visibleParam(clearance),
  });
  const node = result.graph.nodes[0];
  if (!node) throw new AppError('not_found', `no node ${id}`, { id });
  return (await withoutWithheldCitations(store, { nodes: [node], edges: [] }, clearance)).nodes[0] ?? node;
}
