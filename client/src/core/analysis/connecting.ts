/**
 * The connecting network as the client shows it: which of the selected nodes can be connected,
 * what to highlight (every pair's paths, or one pair's), and each pair in a line — its hop count
 * and grade. A pair's grade is the best of its paths' weakest grades: the strongest chain of
 * evidence that joins the two (each path's own weakest grade, nodes and links, is listed too).
 */
import { gradeRank } from '../filters/markings.ts';
import type { ConnectingPair, ConnectingResponse } from '../../../../server/model/wire.ts';

/** as the server takes them (server/model/wire.ts MAX_CONNECT_IDS) */
export const MAX_CONNECT = 20;
export const MAX_CONNECT_HOPS = 6;

/** The selected ids still on the canvas; why Connect cannot run, or null when it can. */
export function connectable(
  ids: readonly string[],
  onCanvas: (id: string) => boolean,
): { ids: string[]; reason: string | null } {
  const present = ids.filter(onCanvas);
  if (present.length < 2) return { ids: present, reason: 'Select two or more nodes (shift-click) to connect them' };
  if (present.length > MAX_CONNECT)
    return { ids: present, reason: `At most ${MAX_CONNECT} nodes can be connected at once` };
  return { ids: present, reason: null };
}

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Every path of the chosen pair (by index into `pairs`), or of all pairs when none is chosen. */
export function connectingHighlight(result: ConnectingResponse, pair: number | null): Highlight {
  const pairs = pair === null ? result.pairs : result.pairs.slice(pair, pair + 1);
  const highlight: Highlight = { nodes: new Set(), edges: new Set() };
  for (const p of pairs)
    for (const path of p.paths) {
      for (const n of path.nodes) highlight.nodes.add(n);
      for (const e of path.edges) highlight.edges.add(e);
    }
  // the selected ends stay marked even when nothing connects them
  if (pair === null) for (const u of result.unconnected) highlight.nodes.add(u.from).add(u.to);
  return highlight;
}

/** The strongest of the pair's paths' weakest grades, or null when none is graded. */
export function pairGrade(pair: ConnectingPair): string | null {
  let best: string | null = null;
  for (const p of pair.paths)
    if (p.weakestGrade !== null && (best === null || gradeRank(p.weakestGrade) < gradeRank(best)))
      best = p.weakestGrade;
  return best;
}

/** The pairs, the shortest first, then the strongest grade first. */
export function pairsInOrder(result: ConnectingResponse): { pair: ConnectingPair; index: number }[] {
  const hops = (p: ConnectingPair) => p.paths[0]?.hops ?? Infinity;
  return result.pairs
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => hops(a.pair) - hops(b.pair) || gradeRank(pairGrade(a.pair)) - gradeRank(pairGrade(b.pair)));
}
