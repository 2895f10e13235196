/**
 * How exported graphs look: a colour per node kind and a size from the degree, derived from the
 * data and never written into it. Also the Admiralty grade split into its two halves.
 */
import type { SerializedGraph } from '../store/types.ts';
import { NODE_KIND_NAMES } from '../model/kinds.ts';
import { parseGrade } from '../model/markings.ts';
import { FALLBACK_NODE_STYLE, NODE_STYLE, nodeStyle } from '../model/presentation.ts';

// the domain model's presentation tables, the same the client draws with, so a briefing looks
// like the screen it was made from
export { EDGE_COLOUR as EDGE_COLOURS, edgeColour } from '../model/presentation.ts';

export const KIND_COLOURS: Record<string, string> = Object.fromEntries(
  NODE_KIND_NAMES.map((kind) => [kind, NODE_STYLE[kind].colour]),
);
export const DEFAULT_COLOUR = FALLBACK_NODE_STYLE.colour;

export function kindColour(kind: string): string {
  return nodeStyle(kind).colour;
}

export function degrees(graph: SerializedGraph): Map<string, number> {
  const degree = new Map(graph.nodes.map((n) => [n.key, 0]));
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return degree;
}

export function nodeSize(degree: number): number {
  return Math.round((4 + 2 * Math.sqrt(degree)) * 10) / 10;
}

/** `B2` → reliability `B` (A–F) and credibility `2` (1–6); null when the grade is not one. */
export function splitGrade(grade: unknown): { reliability: string; credibility: number } | null {
  const g = parseGrade(grade);
  return g ? { reliability: String.fromCharCode(65 + g.reliability), credibility: g.credibility + 1 } : null;
}
