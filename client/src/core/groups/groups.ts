/**
 * Groups (i2's and Linkurious's combos): several nodes collapsed into one group node labelled with
 * what it holds ("12 Facilitators"), its links to the rest aggregated into one edge per outside
 * neighbour (with the count and the summed weight), opened back to its members where they were,
 * and closed again.
 *
 * A group lives in the data graph so sigma draws it and undo takes it back: a node flagged
 * `group: true` holding its member ids, its open state and where each member was; members of a
 * closed group carry `inGroup` (the reducers hide them); aggregate edges carry `aggregate: true`.
 * None of these is an entity: `entityGraph`, `entityIds` and `groupsOf` are what leaves the page
 * (workspaces, exports, paths, links), so the server never sees a group node as a node.
 */
import type { DataGraph } from '../graph/data-graph.ts';
import type { EdgeData, NodeData, SerializedGraph } from '../graph/types.ts';
import { groupLabel } from '../../../../server/model/group-label.ts';
import { relWeight } from '../../../../server/model/presentation.ts';

export { groupLabel };

export const GROUP_KIND = 'Group';
/** Group ids: no entity id has this prefix (entity ids are `<kind>:<slug>`) */
export const GROUP_PREFIX = 'group~';
export const AGGREGATE_KIND = 'grouped';

// a type, not an interface: graphology's attribute merges take it as a record
export type Point = { x: number; y: number };

/** A group as it leaves the page: in a workspace, and in an export request (id, label, members). */
export interface GroupInfo {
  id: string;
  label: string;
  members: string[];
  open: boolean;
  x: number;
  y: number;
}

interface GroupData extends NodeData {
  group: true;
  members: string[];
  open: boolean;
  /** where each member was drawn when the group closed: where opening puts it back */
  saved: Record<string, Point>;
}

export const isGroupNode = (attributes: Record<string, unknown>): boolean => attributes.group === true;
export const isAggregateEdge = (attributes: Record<string, unknown>): boolean => attributes.aggregate === true;

export function isGroup(graph: DataGraph, id: string): boolean {
  return graph.hasNode(id) && isGroupNode(graph.getNodeAttributes(id));
}

function groupData(graph: DataGraph, id: string): GroupData | null {
  if (!isGroup(graph, id)) return null;
  return graph.getNodeAttributes(id) as GroupData;
}

export function groupIds(graph: DataGraph): string[] {
  return graph.filterNodes((_, a) => isGroupNode(a));
}

export function membersOf(graph: DataGraph, id: string): string[] {
  return groupData(graph, id)?.members ?? [];
}

/** The group a node belongs to (open or closed), if any. */
export function groupOf(graph: DataGraph, node: string): string | null {
  for (const id of groupIds(graph)) if (membersOf(graph, id).includes(node)) return id;
  return null;
}

function nextGroupId(graph: DataGraph): string {
  let n = 1;
  while (graph.hasNode(`${GROUP_PREFIX}${n}`)) n++;
  return `${GROUP_PREFIX}${n}`;
}

function centroidOf(points: Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

function positionsOf(graph: DataGraph, ids: string[]): Record<string, Point> {
  return Object.fromEntries(
    ids.map((id) => {
      const a = graph.getNodeAttributes(id);
      return [id, { x: a.x, y: a.y }];
    }),
  );
}

/** The entity ids behind these: a group stands for its members, other non-entities are left out. */
export function entityIds(graph: DataGraph, ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    if (!graph.hasNode(id)) continue;
    if (isGroup(graph, id)) for (const m of membersOf(graph, id)) out.add(m);
    else out.add(id);
  }
  return [...out];
}

export interface GroupOptions {
  id?: string;
  at?: Point;
  open?: boolean;
}

/**
 * Collapses these nodes into one group (a group among them gives its members, and is dissolved);
 * a node already in another group leaves it. Fewer than two members make no group: null.
 */
export function createGroup(graph: DataGraph, ids: readonly string[], options: GroupOptions = {}): string | null {
  const members = entityIds(graph, ids);
  if (members.length < 2) return null;
  // members come out of the groups they were in; a group left with fewer than two goes (syncGroups)
  for (const id of ids) if (isGroup(graph, id)) ungroup(graph, id);
  for (const m of members) {
    const old = groupOf(graph, m);
    if (!old) continue;
    const data = groupData(graph, old);
    if (data) {
      if (!data.open && data.saved[m]) graph.mergeNodeAttributes(m, data.saved[m]);
      graph.setNodeAttribute(
        old,
        'members',
        data.members.filter((x) => x !== m),
      );
    }
  }
  const saved = positionsOf(graph, members);
  const open = options.open ?? false;
  const at = options.at ?? centroidOf(Object.values(saved));
  const id = options.id && !graph.hasNode(options.id) ? options.id : nextGroupId(graph);
  graph.addNode(id, {
    kind: GROUP_KIND,
    label: groupLabel(members.map((m) => graph.getNodeAttribute(m, 'kind'))),
    x: at.x,
    y: at.y,
    group: true,
    members,
    open,
    saved,
  } satisfies GroupData);
  syncGroups(graph);
  return id;
}

/** Opens a group: its members come back where they were when it closed. */
export function openGroup(graph: DataGraph, id: string): void {
  const data = groupData(graph, id);
  if (!data || data.open) return;
  for (const m of data.members) if (graph.hasNode(m) && data.saved[m]) graph.mergeNodeAttributes(m, data.saved[m]);
  graph.setNodeAttribute(id, 'open', true);
  syncGroups(graph);
}

/** Closes an open group into its node, at the middle of its members. */
export function closeGroup(graph: DataGraph, id: string): void {
  const data = groupData(graph, id);
  if (!data || !data.open) return;
  const members = data.members.filter((m) => graph.hasNode(m));
  const saved = positionsOf(graph, members);
  graph.mergeNodeAttributes(id, { open: false, saved, ...centroidOf(Object.values(saved)) });
  syncGroups(graph);
}

/** Dissolves a group: its members stay on the canvas as ordinary nodes. */
export function ungroup(graph: DataGraph, id: string): void {
  if (!isGroup(graph, id)) return;
  openGroup(graph, id);
  graph.dropNode(id);
  syncGroups(graph);
}

const aggregateKey = (a: string, b: string) => (a < b ? `agg~${a}~${b}` : `agg~${b}~${a}`);

/**
 * Brings the group bookkeeping in line with the graph after any edit: members removed from the
 * canvas leave their groups (a group with fewer than two goes), labels recount, members of closed
 * groups are flagged hidden, and the aggregate edges are recomputed from the real links.
 */
export function syncGroups(graph: DataGraph): void {
  const claimed = new Map<string, string>();
  for (const id of groupIds(graph)) {
    const data = graph.getNodeAttributes(id) as GroupData;
    const members = data.members.filter((m) => graph.hasNode(m) && !isGroup(graph, m) && !claimed.has(m));
    if (members.length < 2) {
      // a group of one is no group: its last member is shown where it was
      for (const m of members) if (!data.open && data.saved[m]) graph.mergeNodeAttributes(m, data.saved[m]);
      graph.dropNode(id);
      continue;
    }
    const label = groupLabel(members.map((m) => graph.getNodeAttribute(m, 'kind')));
    if (members.length !== data.members.length || label !== data.label)
      graph.mergeNodeAttributes(id, { members, label });
    if (!data.open) for (const m of members) claimed.set(m, id);
  }
  graph.forEachNode((node, a) => {
    const want = claimed.get(node);
    if (want && a.inGroup !== want) graph.setNodeAttribute(node, 'inGroup', want);
    else if (!want && a.inGroup !== undefined) graph.removeNodeAttribute(node, 'inGroup');
  });
  // the aggregate edges: one per pair of shown ends that has real links through a closed group
  const wanted = new Map<string, { source: string; target: string; count: number; weight: number }>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (isAggregateEdge(attributes)) return;
    const from = claimed.get(source) ?? source;
    const to = claimed.get(target) ?? target;
    if ((from === source && to === target) || from === to) return;
    const key = aggregateKey(from, to);
    const entry = wanted.get(key) ?? { source: from, target: to, count: 0, weight: 0 };
    entry.count++;
    entry.weight += relWeight(attributes);
    wanted.set(key, entry);
  });
  for (const edge of graph.filterEdges((_, a) => isAggregateEdge(a))) {
    const want = wanted.get(edge);
    if (!want || graph.source(edge) !== want.source || graph.target(edge) !== want.target) graph.dropEdge(edge);
  }
  for (const [key, want] of wanted) {
    const attributes: EdgeData = {
      kind: AGGREGATE_KIND,
      aggregate: true,
      count: want.count,
      weight: want.weight,
      label: `${want.count} link${want.count === 1 ? '' : 's'}`,
    };
    if (graph.hasEdge(key)) {
      const now = graph.getEdgeAttributes(key);
      if (now.count !== want.count || now.weight !== want.weight) graph.replaceEdgeAttributes(key, attributes);
    } else graph.addDirectedEdgeWithKey(key, want.source, want.target, attributes);
  }
}

/** The groups on the canvas, as a workspace saves them and an export request carries them. */
export function groupsOf(graph: DataGraph): GroupInfo[] {
  return groupIds(graph).map((id) => {
    const data = graph.getNodeAttributes(id) as GroupData;
    return { id, label: data.label, members: [...data.members], open: data.open, x: data.x, y: data.y };
  });
}

/**
 * The canvas without its groups: only entities and their real links, every member where the
 * analyst last saw it (a closed group's members where they were when it closed).
 */
export function entityGraph(serialized: SerializedGraph): SerializedGraph {
  const saved = new Map<string, Point>();
  for (const n of serialized.nodes) {
    const a = n.attributes as Partial<GroupData>;
    if (isGroupNode(a) && !a.open) for (const [m, p] of Object.entries(a.saved ?? {})) saved.set(m, p);
  }
  return {
    nodes: serialized.nodes
      .filter((n) => !isGroupNode(n.attributes))
      .map((n) => {
        const { inGroup: _inGroup, ...attributes } = n.attributes as Record<string, unknown>;
        const p = saved.get(n.key);
        return { key: n.key, attributes: (p ? { ...attributes, ...p } : attributes) as typeof n.attributes };
      }),
    edges: serialized.edges.filter((e) => !isAggregateEdge(e.attributes)),
  };
}

/** Puts saved groups back on a graph of entities (reopening a workspace). */
export function applyGroups(graph: DataGraph, groups: readonly Omit<GroupInfo, 'label'>[]): void {
  for (const g of groups) createGroup(graph, g.members, { id: g.id, at: { x: g.x, y: g.y }, open: g.open });
}

/** The kinds of a node's shown neighbours with two or more of them: what "group its …" can offer. */
export function kindsAround(graph: DataGraph, node: string): Array<{ kind: string; ids: string[] }> {
  if (!graph.hasNode(node)) return [];
  const byKind = new Map<string, string[]>();
  graph.forEachNeighbor(node, (n, a) => {
    if (isGroupNode(a) || a.inGroup || a.hiddenByUser) return;
    byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), n]);
  });
  return [...byKind]
    .filter(([, ids]) => ids.length >= 2)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, ids]) => ({ kind, ids }));
}
