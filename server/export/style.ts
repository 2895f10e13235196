/**
 * How exported graphs look: a colour per node kind and a size from the degree, derived from the
 * data and never written into it. Also the Admiralty grade split into its two halves.
 */
import type { SerializedGraph } from '../store/types.ts';
import { EDGE_COLOUR, NODE_STYLE } from '../../client/src/core/style/palette.ts';

/**
 * The client's colours, taken from the client's palette (plain data, no browser code), so a
 * briefing looks like the screen it was made from and the two cannot drift apart.
 */
export const KIND_COLOURS: Record<string, string> = Object.fromEntries(
  Object.entries(NODE_STYLE).map(([kind, style]) => [kind, style.colour]),
);
export const EDGE_COLOURS: Record<string, string> = EDGE_COLOUR;
export const edgeColour = (kind: string): string => EDGE_COLOURS[kind] ?? '#b0b7c3';
export const DEFAULT_COLOUR = '#555555';

export function kindColour(kind: string): string {
  return KIND_COLOURS[kind] ?? DEFAULT_COLOUR;
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
  if (typeof grade !== 'string' || !/^[A-F][1-6]$/.test(grade)) return null;
  return { reliability: grade[0]!, credibility: Number(grade[1]) };
}
