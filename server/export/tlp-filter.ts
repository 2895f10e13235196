/**
 * Handling markings: what a recipient may see. Items marked above the recipient's TLP level are
 * withheld, and so is a relationship whose end is withheld; the counts go into the export.
 */
import { highestMarking } from '../model/markings.ts';
import { TLP_LEVELS, tlpRank, type Tlp } from '../model/provenance.ts';
import type { SerializedGraph } from '../store/types.ts';

export interface Withheld {
  nodes: number;
  links: number;
}

/** An item without a readable marking is treated as RED: the safe reading for a briefing. */
export function markingOf(attributes: Record<string, unknown>): Tlp {
  const tlp = attributes.tlp;
  return typeof tlp === 'string' && (TLP_LEVELS as readonly string[]).includes(tlp) ? (tlp as Tlp) : 'RED';
}

export function filterByTlp(
  graph: SerializedGraph,
  recipientTlp: Tlp | undefined,
): { graph: SerializedGraph; withheld: Withheld } {
  if (!recipientTlp) return { graph, withheld: { nodes: 0, links: 0 } };
  const limit = tlpRank(recipientTlp);
  const nodes = graph.nodes.filter((n) => tlpRank(markingOf(n.attributes)) <= limit);
  const kept = new Set(nodes.map((n) => n.key));
  const edges = graph.edges.filter(
    (e) => kept.has(e.source) && kept.has(e.target) && tlpRank(markingOf(e.attributes)) <= limit,
  );
  return {
    graph: { nodes, edges },
    withheld: { nodes: graph.nodes.length - nodes.length, links: graph.edges.length - edges.length },
  };
}

/** The highest marking among what is exported; CLEAR for an empty export. */
export function highestTlp(graph: SerializedGraph): Tlp {
  return highestMarking([...graph.nodes, ...graph.edges].map((item) => markingOf(item.attributes)));
}
