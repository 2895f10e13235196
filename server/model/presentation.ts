/**
 * How the domain looks, per kind: a colour, a glyph and an i2 Analyst's Notebook icon for each node
 * kind, a colour for each relationship kind. One table for the client canvas, its legend and every
 * export writer, so a briefing looks like the screen it was made from. Plain data with no zod (the
 * client bundles it); typed by kind so a new kind without a style does not compile.
 *
 * Colours are distinct at a glance on a white canvas and in print; the glyph is drawn in the legend,
 * the details panel and inside each node on the canvas.
 */
import type { NodeKind, RelKind } from './kinds.ts';
import { REL_WEIGHT } from './kinds.ts';

export interface NodeStyle {
  colour: string;
  icon: string;
  label: string;
  /** the name of an icon in i2's standard library, for Analyst's Notebook exports */
  i2Icon: string;
}

export const NODE_STYLE: Record<NodeKind, NodeStyle> = {
  Centre: { colour: '#d62728', icon: '⌂', label: 'Scam centre', i2Icon: 'Fraud' },
  Facilitator: { colour: '#9467bd', icon: '☻', label: 'Facilitator', i2Icon: 'Person' },
  Country: { colour: '#1f77b4', icon: '⚑', label: 'Country', i2Icon: 'Flag' },
  Region: { colour: '#17becf', icon: '◎', label: 'Hub region', i2Icon: 'General group' },
  Route: { colour: '#ff7f0e', icon: '➜', label: 'Route', i2Icon: 'Airplane' },
  Crime: { colour: '#8c564b', icon: '☠', label: 'Converging crime', i2Icon: 'Crime' },
  ScamType: { colour: '#e377c2', icon: '✉', label: 'Scam type', i2Icon: 'Fraud' },
  Method: { colour: '#bcbd22', icon: '⚙', label: 'Method', i2Icon: 'Phone' },
  Operation: { colour: '#2ca02c', icon: '✪', label: 'Operation', i2Icon: 'Case' },
  Notice: { colour: '#7f3fbf', icon: '⚠', label: 'INTERPOL notice', i2Icon: 'Sentence' },
  Organisation: { colour: '#0b6e4f', icon: '♖', label: 'Organisation', i2Icon: 'Group of People' },
  Source: { colour: '#7f7f7f', icon: '▤', label: 'Source document', i2Icon: 'Spreadsheetdoc' },
};

/** For a kind the model does not know (a hostile or older import file): grey, a dot, its own name. */
export const FALLBACK_NODE_STYLE: NodeStyle = { colour: '#555555', icon: '•', label: 'Other', i2Icon: 'General' };

export function nodeStyle(kind: string): NodeStyle {
  return Object.hasOwn(NODE_STYLE, kind) ? NODE_STYLE[kind as NodeKind] : { ...FALLBACK_NODE_STYLE, label: kind };
}

export const EDGE_COLOUR: Record<RelKind, string> = {
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

export const FALLBACK_EDGE_COLOUR = '#b0b7c3';

export function edgeColour(kind: string): string {
  return Object.hasOwn(EDGE_COLOUR, kind) ? EDGE_COLOUR[kind as RelKind] : FALLBACK_EDGE_COLOUR;
}

/**
 * What a relationship's width stands for: the property the model names as its weight (victims,
 * recruits, shipments), when positive; 0 for a kind without one.
 */
export function relWeight(attributes: Record<string, unknown>): number {
  const kind = String(attributes.kind);
  const key = Object.hasOwn(REL_WEIGHT, kind) ? REL_WEIGHT[kind as RelKind] : null;
  const value = key === null ? undefined : attributes[key];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
