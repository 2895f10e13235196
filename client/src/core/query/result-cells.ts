/**
 * Reading a query's result for the table and the canvas: what a cell says (a path as its labels
 * joined by arrows and link kinds), which nodes a row is about (a click on it selects them), and
 * whether the result is nodes only, whose links among them the panel then fetches.
 */
import type { QueryResult } from '../../../../server/model/wire.ts';

type Graph = QueryResult['graph'];

/** Lookups into a result's graph: the label of each node, the kind and ends of each link. */
export interface ResultIndex {
  labels: ReadonlyMap<string, string>;
  edges: ReadonlyMap<string, { kind: string; source: string; target: string }>;
}

export function indexResult(graph: Graph): ResultIndex {
  return {
    labels: new Map(graph.nodes.map((n) => [n.key, String(n.attributes.label ?? n.key)])),
    edges: new Map(
      graph.edges.map((e) => [e.key, { kind: String(e.attributes.kind ?? ''), source: e.source, target: e.target }]),
    ),
  };
}

const EMPTY_INDEX: ResultIndex = { labels: new Map(), edges: new Map() };

/**
 * A path as it reads: `Philippines –TRAFFICKED_TO→ Alpha ←RECRUITS_FOR– Ana`, each arrow
 * pointing the way its link runs.
 */
export function pathText(path: { nodes: readonly string[]; edges: readonly string[] }, index: ResultIndex): string {
  const label = (key: string | undefined) => (key === undefined ? '?' : (index.labels.get(key) ?? key));
  let out = label(path.nodes[0]);
  path.edges.forEach((key, i) => {
    const edge = index.edges.get(key);
    const from = path.nodes[i];
    const kind = edge?.kind || 'link';
    out += edge && edge.target === from && edge.source !== from ? ` ←${kind}– ` : ` –${kind}→ `;
    out += label(path.nodes[i + 1]);
  });
  return out;
}

/** A cell of the result table: nodes and links by their label or kind, paths spelt out. */
export function cellText(value: unknown, index: ResultIndex = EMPTY_INDEX): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v, index)).join(', ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (v.$type === 'path' && Array.isArray(v.nodes) && Array.isArray(v.edges))
      return pathText({ nodes: v.nodes.map(String), edges: v.edges.map(String) }, index);
    if (typeof v.$type === 'string') return String(v.label ?? v.kind ?? v.key ?? v.$type);
    return JSON.stringify(value);
  }
  return String(value);
}

/** The nodes a row is about, in the order it names them: its nodes, the ends of its links, its paths' nodes. */
export function rowNodeIds(row: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    if (v.$type === 'node' && typeof v.key === 'string') ids.add(v.key);
    else if (v.$type === 'edge') [v.source, v.target].forEach((end) => typeof end === 'string' && ids.add(end));
    else if (v.$type === 'path' && Array.isArray(v.nodes)) v.nodes.forEach((n) => typeof n === 'string' && ids.add(n));
    else if (v.$type === undefined) Object.values(v).forEach(visit);
  };
  Object.values(row).forEach(visit);
  return [...ids];
}

/** Most ids /api/subgraph takes in one request. */
export const MAX_LINK_LOOKUP = 5000;

/** Whether a result is nodes only (two or more, no link): the panel then fetches the links among them. */
export function needsLinks(graph: Graph): boolean {
  return graph.nodes.length >= 2 && graph.edges.length === 0 && graph.nodes.length <= MAX_LINK_LOOKUP;
}

/** The result's graph with the links among its nodes added (links to nodes it does not hold are left out). */
export function withLinks(graph: Graph, links: Graph['edges']): Graph {
  const keys = new Set(graph.nodes.map((n) => n.key));
  const known = new Set(graph.edges.map((e) => e.key));
  const added = links.filter((e) => keys.has(e.source) && keys.has(e.target) && !known.has(e.key));
  return { nodes: graph.nodes, edges: [...graph.edges, ...added] };
}
