/**
 * Colour and icon per node kind, colour per relationship kind, and edge widths. The tables are the
 * domain model's (server/model/presentation.ts, zod-free), so the canvas, the legend and every
 * export writer draw a kind the same way.
 */
export {
  EDGE_COLOUR,
  NODE_STYLE,
  edgeColour,
  nodeStyle,
  relWeight as edgeWeight,
  type NodeStyle,
} from '../../../../server/model/presentation.ts';
import { relWeight } from '../../../../server/model/presentation.ts';

/** Width in pixels: 1 for an unweighted link, growing with the log of its weight. */
export function edgeWidth(attributes: Record<string, unknown>): number {
  const w = relWeight(attributes);
  return w > 0 ? Math.min(10, 1 + Math.log10(1 + w) * 2) : 1;
}
