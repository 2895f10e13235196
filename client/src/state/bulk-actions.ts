/**
 * What the selection bar's bulk actions do to the session, apart from React: hide, pin or unpin,
 * remove from the canvas, expand each (capped), and the groups — collapse a selection or a node's
 * neighbours of a kind, open, close, ungroup. Each is one edit, so one undo takes it back; none
 * moves the other nodes (no new layout).
 */
import { closeGroup, createGroup, entityIds, isGroup, kindsAround, openGroup, ungroup } from '../core/groups/groups.ts';
import type { GraphSession } from './graph-session.ts';

/** How many selected nodes one "Expand" expands; more would flood the canvas at once. */
export const EXPAND_CAP = 10;

const present = (session: GraphSession, ids: readonly string[]) => ids.filter((id) => session.graph.hasNode(id));

export function hideNodes(session: GraphSession, ids: readonly string[]): void {
  session.edit(() => {
    for (const id of present(session, ids)) session.graph.setNodeAttribute(id, 'hiddenByUser', true);
  }, false);
}

/** Pins them all, or unpins them all when every one is pinned already. */
export function togglePins(session: GraphSession, ids: readonly string[]): void {
  const { graph } = session;
  const nodes = present(session, ids);
  const pin = !nodes.every((id) => graph.getNodeAttribute(id, 'fixed'));
  session.edit(() => {
    for (const id of nodes) graph.setNodeAttribute(id, 'fixed', pin);
  }, false);
}

export function allPinned(session: GraphSession, ids: readonly string[]): boolean {
  const nodes = present(session, ids);
  return nodes.length > 0 && nodes.every((id) => session.graph.getNodeAttribute(id, 'fixed'));
}

/** Removes them from the canvas (a group with its members). */
export function removeNodes(session: GraphSession, ids: readonly string[]): void {
  const { graph } = session;
  session.edit(() => {
    for (const id of [...entityIds(graph, ids), ...ids.filter((id) => isGroup(graph, id))])
      if (graph.hasNode(id)) graph.dropNode(id);
  }, false);
}

/**
 * Expands each selected entity in turn, at most EXPAND_CAP of them; says so when it left some out.
 * A group is not expanded (it is the analyst's drawing): its members are, as entities.
 */
export async function expandEach(
  session: GraphSession,
  ids: readonly string[],
  expand: (id: string) => Promise<void>,
  notify: (text: string) => void,
): Promise<void> {
  const nodes = entityIds(session.graph, ids);
  const chosen = nodes.slice(0, EXPAND_CAP);
  if (nodes.length > EXPAND_CAP)
    notify(
      `Expanded the first ${EXPAND_CAP} of the ${nodes.length} selected nodes; expand the rest in smaller selections.`,
    );
  for (const id of chosen) await expand(id);
}

/** Collapses the selection into a group; null (and nothing done) when fewer than two nodes are in it. */
export function groupNodes(session: GraphSession, ids: readonly string[]): string | null {
  if (entityIds(session.graph, ids).length < 2) return null;
  let id: string | null = null;
  session.edit(() => {
    id = createGroup(session.graph, ids);
  }, false);
  return id;
}

/** Groups a node's shown neighbours of one kind ("group its Facilitators"). */
export function groupAround(session: GraphSession, node: string, kind: string): string | null {
  const around = kindsAround(session.graph, node).find((k) => k.kind === kind);
  return around ? groupNodes(session, around.ids) : null;
}

export function openGroupIn(session: GraphSession, id: string): void {
  if (isGroup(session.graph, id)) session.edit(() => openGroup(session.graph, id), false);
}

export function closeGroupIn(session: GraphSession, id: string): void {
  if (isGroup(session.graph, id)) session.edit(() => closeGroup(session.graph, id), false);
}

export function ungroupIn(session: GraphSession, id: string): void {
  if (isGroup(session.graph, id)) session.edit(() => ungroup(session.graph, id), false);
}
