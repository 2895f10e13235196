/**
 * What a write to the graph (issue 13: add, edit, delete, restore an entity or a link) does to the
 * canvas, apart from React: the server's answer is drawn as the server serialises it (fetched
 * again through the subgraph call, so labels and attributes are the same as for any other node),
 * and what was deleted leaves the canvas. Takes the API as an argument, so tests run it in node.
 */
import type { api as realApi, EditResult } from '../api/client.ts';
import type { GraphSession } from './graph-session.ts';

/** What the canvas keeps on a node that is not the server's: where it is drawn, pinned, hidden. */
const CANVAS_ATTRIBUTES = ['x', 'y', 'fixed', 'hiddenByUser', 'netX', 'netY', 'placedOnMap'] as const;
const canvasOnly = (attributes: Record<string, unknown>) =>
  Object.fromEntries(CANVAS_ATTRIBUTES.filter((k) => k in attributes).map((k) => [k, attributes[k]]));

export type EditApi = Pick<typeof realApi, 'subgraph'>;

/** Draws the answer of a write: the entity as it now is, or gone once deleted. */
export async function showEditResult(session: GraphSession, client: EditApi, result: EditResult): Promise<void> {
  const { graph } = session;
  if (result.record === null) {
    // a delete: the node (its links go with it) or the link leaves the canvas
    session.edit(() => {
      if (result.entity === 'node' && graph.hasNode(result.id)) graph.dropNode(result.id);
      if (result.entity === 'relationship' && graph.hasEdge(result.id)) graph.dropEdge(result.id);
      for (const rel of result.removedRelationships) if (graph.hasEdge(rel)) graph.dropEdge(rel);
    }, false);
    return;
  }
  const ids =
    result.entity === 'node'
      ? [result.id]
      : [String(result.record.from ?? ''), String(result.record.to ?? '')].filter(Boolean);
  // a restored node brings back its links to what is on the canvas
  const wanted = result.entity === 'node' && graph.order > 0 ? [...new Set([...ids, ...graph.nodes()])] : ids;
  const sub = await client.subgraph(wanted);
  const fresh = {
    nodes: sub.nodes.filter((n) => ids.includes(n.key) || graph.hasNode(n.key)),
    edges: sub.edges,
  };
  if (ids.some((id) => !graph.hasNode(id))) {
    // a new node (or one restored from a tombstone): placed and laid out like any arrival
    session.addSubgraph(
      fresh,
      ids.find((id) => graph.hasNode(id)),
    );
    return;
  }
  // what is already drawn (an edit, a restore, a new link between two drawn nodes): in place, so
  // a property cleared by the edit (the server leaves nulls out) is gone from the canvas too
  session.edit(() => {
    for (const n of fresh.nodes)
      if (graph.hasNode(n.key))
        graph.updateNodeAttributes(n.key, (old) => ({ ...canvasOnly(old), ...n.attributes }) as typeof old);
    for (const e of fresh.edges) {
      if (graph.hasEdge(e.key)) graph.replaceEdgeAttributes(e.key, e.attributes);
      else if (graph.hasNode(e.source) && graph.hasNode(e.target))
        graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    }
  }, false);
}
