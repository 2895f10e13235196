/**
 * What the investigator's actions do to the session, apart from React: expanding a node page by
 * page in the analyst's order, expanding all of a hub (its leaves folded), opening a search hit,
 * loading the victim flows of the map and finding paths. Each takes the API as an argument, so
 * tests run them against a fake or the real server in node.
 */
import type { api as realApi, PathInfo, SearchHit } from '../api/client.ts';
import { mergeSubgraph } from '../core/graph/data-graph.ts';
import type { SerializedGraph } from '../core/graph/types.ts';
import { foldLeaves } from '../core/groups/leaves.ts';
import { HUB_REGIONS } from '../core/geo/route-layout.ts';
import { isGroupNode } from '../core/groups/groups.ts';
import type { GraphSession } from './graph-session.ts';
import type { NoticeStore } from './notices.ts';
import { EXPANSION_PAGE, expansionOrder, ORDER_LABELS, type ExpansionOrder } from './expansion-order.ts';

export type Api = Pick<typeof realApi, 'neighbours' | 'neighbourCounts' | 'node' | 'subgraph' | 'runQuery' | 'paths'>;

/** Neighbours added per expansion; "show more" adds the next page. */
export const PAGE = EXPANSION_PAGE;

/** How an expansion asks: which links to follow, which kinds to reach, in what order, from where. */
export interface ExpandOptions {
  relKinds?: string[];
  kinds?: string[];
  /** the analyst's remembered choice (expansion-order.ts) when not given */
  order?: ExpansionOrder;
  /** neighbours of this order already asked for: the next page starts after them */
  offset?: number;
}

/** What an expansion tells the investigator, and how to ask for the next page if there is one. */
export type ExpandOutcome =
  | { kind: 'more'; text: string; moreLabel: string; next: ExpandOptions & { order: ExpansionOrder; offset: number } }
  | { kind: 'all-present'; text: string }
  | { kind: 'done' };

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Adds the next page of a node's neighbours, in the chosen order, from `offset` (the server pages:
 * neighbours offset … offset + PAGE - 1), and says how many are left.
 */
export async function expandNode(
  session: GraphSession,
  client: Api,
  id: string,
  options: ExpandOptions = {},
): Promise<ExpandOutcome> {
  const order = options.order ?? expansionOrder.get();
  const offset = options.offset ?? 0;
  const { relKinds, kinds } = options;
  // one more than the page: the server counts the start node in the limit
  const result = await client.neighbours(id, { relKinds, kinds, limit: PAGE + 1, order, offset });
  const added = session.addSubgraph(result, id);
  const total = result.total ?? 0;
  const through = offset + result.nodes.length - 1;
  const label = session.labelOf(id);
  if (result.truncated && total > through) {
    const left = total - through;
    return {
      kind: 'more',
      text: `${label}: ${through.toLocaleString('en')} of ${plural(total, 'neighbour')} shown (${ORDER_LABELS[order]}), and ${left.toLocaleString('en')} more.`,
      moreLabel: `Show ${Math.min(PAGE, left)} more`,
      next: { relKinds, kinds, order, offset: through },
    };
  }
  if (added.length === 0) return { kind: 'all-present', text: `${label}: every neighbour is already on the canvas.` };
  return { kind: 'done' };
}

/** Most neighbours "expand all" puts on the canvas: beyond it, the first this many in the order. */
export const EXPAND_ALL_CAP = 2000;
/** Neighbours per request while expanding all (the endpoint's limit is 2,000 with the start node). */
const ALL_PAGE = 1000;
/** The subgraph endpoint's most ids: the links among the canvas and what came are asked for at once. */
const MAX_SUBGRAPH_IDS = 5000;

/** What "expand all" would do with these counts: how many come, and whether the cap cuts them. */
export function expandAllPlan(total: number, cap = EXPAND_ALL_CAP): { take: number; capped: boolean } {
  return { take: Math.min(total, cap), capped: total > cap };
}

export interface ExpandAllOutcome {
  /** neighbours fetched (some may have been on the canvas already) */
  fetched: number;
  added: number;
  total: number;
  capped: boolean;
  /** the groups the hub's leaves were folded into */
  folded: Array<{ id: string; kind: string; count: number }>;
  text: string;
}

/**
 * Expands every neighbour (up to `cap`, the first in `order`), with the links among them and the
 * canvas, and folds the hub's leaves into a group per kind: one undoable step. `total` is what the
 * preview counted (the caller has it); the pages stop when the server says nothing follows.
 */
export async function expandAll(
  session: GraphSession,
  client: Api,
  id: string,
  options: ExpandOptions & { total: number; cap?: number; fold?: boolean; pageSize?: number },
): Promise<ExpandAllOutcome> {
  const order = options.order ?? expansionOrder.get();
  const { relKinds, kinds } = options;
  const { take, capped } = expandAllPlan(options.total, options.cap);
  const nodes = new Map<string, SerializedGraph['nodes'][number]>();
  const edges = new Map<string, SerializedGraph['edges'][number]>();
  let fetched = 0;
  while (fetched < take) {
    const page = await client.neighbours(id, {
      relKinds,
      kinds,
      order,
      offset: fetched,
      limit: Math.min(options.pageSize ?? ALL_PAGE, take - fetched) + 1,
    });
    for (const n of page.nodes) nodes.set(n.key, n);
    for (const e of page.edges) edges.set(e.key, e);
    fetched += page.nodes.length - 1;
    if (!page.truncated || page.nodes.length <= 1) break;
  }
  // the links between pages, and between what came and what was there (a leaf is one with none)
  const { graph } = session;
  const canvas = graph.filterNodes((_, a) => !isGroupNode(a));
  const wanted = [...new Set([...canvas, ...nodes.keys()])];
  const among = await client.subgraph(wanted.length <= MAX_SUBGRAPH_IDS ? wanted : [...nodes.keys()]);
  for (const e of among.edges) edges.set(e.key, e);
  let added: string[] = [];
  let folded: ExpandAllOutcome['folded'] = [];
  session.edit(() => {
    added = mergeSubgraph(graph, { nodes: [...nodes.values()], edges: [...edges.values()] }, { parent: id });
    if (options.fold !== false) folded = foldLeaves(graph, id);
  });
  const label = session.labelOf(id);
  const cut = capped
    ? ` (the first ${fetched.toLocaleString('en')} of ${options.total.toLocaleString('en')}, ${ORDER_LABELS[order]})`
    : '';
  // in the groups' own words, as their badges on the canvas say it: "812 Scam centres"
  const badge = folded.length
    ? `; its leaves folded into groups (${folded.map((f) => String(graph.getNodeAttribute(f.id, 'label'))).join(', ')}): double-click a group to open it`
    : '';
  return {
    fetched,
    added: added.length,
    total: options.total,
    capped,
    folded,
    text: `${label}: ${plural(added.length, 'neighbour')} added${cut}${badge}.`,
  };
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
 * than the page, the notice offers the next page (in the same order), which does the same again.
 */
export async function expandWithNotices(
  session: GraphSession,
  client: Api,
  notices: Pick<NoticeStore, 'notify'>,
  onError: (error: unknown) => void,
  id: string,
  options: ExpandOptions = {},
): Promise<void> {
  try {
    const outcome = await expandNode(session, client, id, options);
    if (outcome.kind === 'more')
      notices.notify(outcome.text, 'info', {
        label: outcome.moreLabel,
        run: () => void expandWithNotices(session, client, notices, onError, id, outcome.next),
      });
    else if (outcome.kind === 'all-present') notices.notify(outcome.text);
  } catch (error) {
    onError(error);
  }
}

/** "Expand all", its outcome in a notice. */
export async function expandAllWithNotices(
  session: GraphSession,
  client: Api,
  notices: Pick<NoticeStore, 'notify'>,
  onError: (error: unknown) => void,
  id: string,
  options: Parameters<typeof expandAll>[3],
): Promise<void> {
  try {
    notices.notify((await expandAll(session, client, id, options)).text);
  } catch (error) {
    onError(error);
  }
}
