/**
 * Colour and icon per node kind, colour per relationship kind. Colours are distinct at a glance
 * on a white canvas and in print (briefings); the icon is a single glyph, drawn in the legend and
 * the details panel and inside each node on the canvas.
 */
export const NODE_STYLE: Record<string, { colour: string; icon: string; label: string }> = {
  Centre: { colour: '#d62728', icon: '⌂', label: 'Scam centre' },
  Facilitator: { colour: '#9467bd', icon: '☻', label: 'Facilitator' },
  Country: { colour: '#1f77b4', icon: '⚑', label: 'Country' },
  Region: { colour: '#17becf', icon: '◎', label: 'Hub region' },
  Route: { colour: '#ff7f0e', icon: '➜', label: 'Route' },
  Crime: { colour: '#8c564b', icon: '☠', label: 'Converging crime' },
  ScamType: { colour: '#e377c2', icon: '✉', label: 'Scam type' },
  Method: { colour: '#bcbd22', icon: '⚙', label: 'Method' },
  Operation: { colour: '#2ca02c', icon: '✪', label: 'Operation' },
  Notice: { colour: '#7f3fbf', icon: '⚠', label: 'INTERPOL notice' },
  Organisation: { colour: '#0b6e4f', icon: '♖', label: 'Organisation' },
  Source: { colour: '#7f7f7f', icon: '▤', label: 'Source document' },
};

const FALLBACK = { colour: '#555555', icon: '•', label: 'Other' };

export function nodeStyle(kind: string): { colour: string; icon: string; label: string } {
  return NODE_STYLE[kind] ?? { ...FALLBACK, label: kind };
}

export const EDGE_COLOUR: Record<string, string> = {
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

export function edgeColour(kind: string): string {
  return EDGE_COLOUR[kind] ?? '#b0b7c3';
}

/** What an edge's width stands for: victims trafficked, or a count or weight it carries. */
export function edgeWeight(attributes: Record<string, unknown>): number {
  for (const key of ['victims', 'shipments', 'count', 'weight']) {
    const value = attributes[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  }
  return 0;
}

/** Width in pixels: 1 for an unweighted link, growing with the log of its weight. */
export function edgeWidth(attributes: Record<string, unknown>): number {
  const w = edgeWeight(attributes);
  return w > 0 ? Math.min(10, 1 + Math.log10(1 + w) * 2) : 1;
}
