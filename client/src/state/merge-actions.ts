/**
 * A merge and its undo, on the server and then on the canvas: the merged entities leave it and the
 * survivor's links are drawn again from the server's subgraph among what is on the canvas; an
 * undo brings the restored entities back with their links. Each is one step of the canvas's undo.
 */
import type { api as realApi, MergeRequestBody, MergeResult } from '../api/client.ts';
import { idsAfter, redrawAround } from '../core/merge/canvas-merge.ts';
import type { GraphSession } from './graph-session.ts';
import { entityChanges } from './entity-changes.ts';
import { mergeHistory } from './merge-history.ts';

export type MergeApi = Pick<typeof realApi, 'merge' | 'undoMerge' | 'subgraph'>;

/** server/graph/induced-subgraph.ts's cap on one subgraph request */
const MAX_SUBGRAPH_IDS = 5000;

async function redraw(
  session: GraphSession,
  client: MergeApi,
  survivor: string,
  remove: readonly string[],
  add: readonly string[],
): Promise<void> {
  // the survivor and the entities named first, so a canvas past the cap keeps them
  const ids = [...new Set([...add, ...idsAfter(session.graph, remove, add)])].slice(0, MAX_SUBGRAPH_IDS);
  const among = await client.subgraph(ids);
  session.edit(() => redrawAround(session.graph, survivor, remove, among), add.length > 1);
  // after the redraw, so a panel showing a merged entity has left it before anything reads again
  entityChanges.changed();
}

export async function mergeOnCanvas(session: GraphSession, client: MergeApi, request: MergeRequestBody) {
  const result = await client.merge(request);
  mergeHistory.add(result, session.labelOf(result.survivor));
  await redraw(session, client, result.survivor, result.merged, [result.survivor]);
  return result;
}

export async function undoMergeOnCanvas(session: GraphSession, client: MergeApi, merge: MergeResult) {
  const restored = await client.undoMerge(merge.mergeId);
  mergeHistory.markUndone(merge.mergeId);
  await redraw(session, client, merge.survivor, [], [merge.survivor, ...merge.merged]);
  return restored;
}

/**
 * Puts these entities on the canvas with their links to what is there (a duplicate suggestion
 * opened to be merged); answers the ids that are on it now (one withheld or gone is not).
 */
export async function openTogether(
  session: GraphSession,
  client: Pick<MergeApi, 'subgraph'>,
  ids: readonly string[],
): Promise<string[]> {
  const among = await client.subgraph(
    [...new Set([...ids, ...idsAfter(session.graph, [], ids)])].slice(0, MAX_SUBGRAPH_IDS),
  );
  session.addSubgraph(among);
  return ids.filter((id) => session.graph.hasNode(id));
}
