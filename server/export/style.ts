/**
 * How exported graphs look: a colour per node kind and a size from the degree, derived from the
 * data and never written into it. Also the Admiralty grade split into its two halves.
 */
import type { SerializedGraph } from '../store/types.ts';

/**
 * The client's colours (client/src/core/style/palette.ts, NODE_STYLE and EDGE_COLOUR), so a
 * briefing looks like the screen it was made from. Kept here because the server does not build
 * the client; a unit test compares the two while both exist.
 */
export const KIND_COLOURS: Record<string, string> = {
  Centre: '#d62728',
  Facilitator: '#9467bd',
  Country: '#1f77b4',
  Region: '#17becf',
  Route: '#ff7f0e',
  Crime: '#8c564b',
  ScamType: '#e377c2',
  Method: '#bcbd22',
  Operation: '#2ca02c',
  Notice: '#7f3fbf',
  Organisation: '#0b6e4f',
  Source: '#7f7f7f',
};
export const EDGE_COLOURS: Record<string, string> = {
  TRAFFICKED_TO: '#d62728',
  LOCATED_IN: '#9aa5b1',
  IN_REGION: '#9aa5b1',
  ORIGINATES_IN: '#ff7f0e',
  TRANSITS: '#ffbb78',
  DESTINED_FOR: '#ff7f0e',
  OPERATES: '#9467bd',
  RECRUITS_FOR: '#9467bd',
  NATIONAL_OF: '#c5b0d5',
  RUNS_SCAM: '#e377c2',
  USES_METHOD: '#dbdb8d',
  CARRIES: '#8c564b',
  CONVERGES_IN: '#c49c94',
  RAIDED: '#2ca02c',
  ARRESTED: '#2ca02c',
  CONDUCTED_IN: '#98df8a',
  COORDINATED: '#0b6e4f',
  ISSUED: '#7f3fbf',
  WARNS_ABOUT: '#7f3fbf',
  REPORTED_IN: '#d0d5dc',
};
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
