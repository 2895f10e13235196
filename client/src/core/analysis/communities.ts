/**
 * Communities of what is shown (Louvain, graphology-communities-louvain) over the visible graph
 * (visible-graph.ts: hidden and filtered nodes left out, direction dropped, parallel links one
 * link weighted by their number). Citations (REPORTED_IN) are not links here, as in the server's
 * path search: two facts reported in one document are not linked in the world, and a document
 * citing fifty items would otherwise be the centre of every community. The largest community is
 * numbered 1. Each community names its
 * most central member: the highest betweenness within the community (the broker inside it),
 * ties going to the higher degree within the community, then to the label.
 *
 * The random choices Louvain makes come from a seeded generator, so one canvas gives one answer
 * (and the colours do not shuffle each time the filters are touched).
 */
import louvain from 'graphology-communities-louvain';
import type { DataGraph } from '../graph/data-graph.ts';
import type { Filters } from '../filters/filters.ts';
import { betweennessOf } from './centrality.ts';
import { induced, visibleUndirected } from './visible-graph.ts';

export interface Community {
  /** 1 for the largest */
  number: number;
  members: string[];
  /** the member with the highest betweenness within the community */
  central: string;
  /** its betweenness within the community, normalised (0..1) */
  centrality: number;
}

export interface Communities {
  /** largest first; single nodes with no visible link are communities of one, listed last */
  list: Community[];
  /** node → its community's number */
  of: Map<string, number>;
  modularity: number;
}

/** mulberry32: a small seeded generator, enough for Louvain's tie-breaking. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** relationship kinds that do not make two nodes one community */
export const NOT_COMMUNITY_LINKS = ['REPORTED_IN'];

export function detectCommunities(graph: DataGraph, filters: Filters, seed = 13): Communities {
  const visible = visibleUndirected(graph, filters, NOT_COMMUNITY_LINKS);
  if (visible.order === 0) return { list: [], of: new Map(), modularity: 0 };
  const groups = new Map<number, string[]>();
  let modularity = 0;
  if (visible.size === 0) {
    // no links: Louvain has nothing to optimise, every node is alone
    visible.forEachNode((node) => groups.set(groups.size, [node]));
  } else {
    const result = louvain.detailed(visible, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
    modularity = result.modularity;
    for (const [node, c] of Object.entries(result.communities)) {
      const members = groups.get(c) ?? [];
      members.push(node);
      groups.set(c, members);
    }
  }
  const label = (n: string) => visible.getNodeAttribute(n, 'label');
  const list = [...groups.values()].map((members) => {
    members.sort((a, b) => label(a).localeCompare(label(b)) || a.localeCompare(b));
    const within = induced(visible, members);
    const scores = betweennessOf(within);
    const rank = (n: string): [number, number] => [scores.get(n) ?? 0, within.degree(n)];
    let central = members[0] as string;
    for (const n of members) {
      const [s, d] = rank(n);
      const [bs, bd] = rank(central);
      if (s > bs || (s === bs && d > bd)) central = n;
    }
    return { members, central, centrality: scores.get(central) ?? 0 };
  });
  list.sort((a, b) => b.members.length - a.members.length || label(a.central).localeCompare(label(b.central)));
  const numbered = list.map((c, i) => ({ number: i + 1, ...c }));
  const of = new Map<string, number>();
  for (const c of numbered) for (const n of c.members) of.set(n, c.number);
  return { list: numbered, of, modularity };
}
