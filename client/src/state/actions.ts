/**
 * What the investigator's actions do to the session, apart from React: expanding a node page by
 * page, opening a search hit, loading the victim flows of the map and finding paths. Each takes
 * the API as an argument, so tests run them against a fake or the real server in node.
 */
import type { api as realApi, PathInfo, SearchHit } from '../api/client.ts';
import { mergeSubgraph } from '../core/graph/data-graph.ts';
import { HUB_REGIONS } from '../core/geo/route-layout.ts';
import { isGroupNode } from '../core/groups/groups.ts';
import type { GraphSession } from './graph-session.ts';
import type { NoticeStore } from './notices.ts';

export type Api = Pick<typeof realApi, 'neighbours' | 'node' | 'subgraph' | 'runQuery' | 'paths'>;

/** Neighbours added per expansion; "show more" adds the next page. */
export const PAGE = 40;

/** What an expansion tells the investigator, and how to ask for the next page if there is one. */
export type ExpandOutcome =
  | { kind: 'more'; text: string; moreLabel: string; nextLimit: number }
  | { kind: 'all-present'; text: string }
  | { kind: 'done' };

export async function expandNode(
  session: GraphSession,
  client: Api,
  id: string,
  relKinds?: string[],
  limit = PAGE,
): Promise<ExpandOutcome> {
  // one more than the page, so the server can tell whether there are more
  const result = await client.neighbours(id, { relKinds, limit: limit + 1 });
  const added = session.addSubgraph(result, id);
  const total = result.total ?? 0;
  const shown = result.nodes.length - 1;
  const label = session.labelOf(id);
  if (result.truncated && total > shown)
    return {
      kind: 'more',
      text: `${label}: ${shown} of ${total} neighbours shown, and ${total - shown} more.`,
      moreLabel: `Show ${Math.min(PAGE, total - shown)} more`,
      nextLimit: limit + PAGE,
    };
  if (added.length === 0) return { kind: 'all-present', text: `${label}: every neighbour is already on the canvas.` };
  return { kind: 'done' };
}

/** Puts a search hit on the canvas (with its relationships to what is there) unless it is there. */
export async function openHit(session: GraphSession, client: Api, hit: Pick<SearchHit, 'id'>): Promise<void> {
  const { graph } = session;
  if (graph.hasNode(hit.id)) return;
  const details = await client.node(hit.id);
  session.addSubgraph({ nodes: [details.node], edges: [] });
  if (graph.order > 1) {
    // entities only: a group node is the analyst's drawing, unknown to the server
    const among = await client.subgraph(graph.filterNodes((_, a) => !isGroupNode(a)));
    session.edit(() => mergeSubgraph(graph, among), false);
  }
}

/**
 * Victim flows for the map: into the selected centre, or into every centre of the hub region(s).
 * Returns the notice to show, if any.
 */
export async function loadFlows(
  session: GraphSession,
  client: Api,
  selected: string | null,
  hub: string | null,
): Promise<string | null> {
  const { graph } = session;
  const centre =
    selected && graph.hasNode(selected) && graph.getNodeAttribute(selected, 'kind') === 'Centre' ? selected : null;
  if (centre) {
    const result = await client.neighbours(centre, { relKinds: ['TRAFFICKED_TO', 'LOCATED_IN'], limit: 500 });
    session.addSubgraph(result, centre);
    const flows = result.edges.filter((e) => e.attributes.kind === 'TRAFFICKED_TO').length;
    const label = session.labelOf(centre);
    return flows > 0
      ? `${label}: victims trafficked from ${flows} countries.`
      : `${label}: no victim flows are recorded; its sources do not say where its victims came from.`;
  }
  for (const region of hub ? [hub] : HUB_REGIONS) {
    const result = await client.runQuery('centres-in-hub', { hub: region });
    session.addSubgraph(result.graph);
  }
  return null;
}

/** Shortest paths between two nodes, added to the canvas; returns the paths to list. */
export async function findPaths(
  session: GraphSession,
  client: Api,
  from: string,
  to: string,
  maxHops: number,
): Promise<PathInfo[]> {
  const result = await client.paths(from, to, maxHops);
  session.addSubgraph(result);
  return result.paths;
}

/**
 * Expands a node and tells the investigator how it went; when the server holds more neighbours
 * than the page, the notice offers the next page, which does the same again.
 */
export async function expandWithNotices(
  session: GraphSession,
  client: Api,
  notices: Pick<NoticeStore, 'notify'>,
  onError: (error: unknown) => void,
  id: string,
  relKinds?: string[],
  limit = PAGE,
): Promise<void> {
  try {
    const outcome = await expandNode(session, client, id, relKinds, limit);
    if (outcome.kind === 'more')
      notices.notify(outcome.text, 'info', {
        label: outcome.moreLabel,
        run: () => void expandWithNotices(session, client, notices, onError, id, relKinds, outcome.nextLimit),
      });
    else if (outcome.kind === 'all-present') notices.notify(outcome.text);
  } catch (error) {
    onError(error);
  }
}
