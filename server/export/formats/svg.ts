/**
 * The graph picture for the briefing pack: an SVG drawn from the node positions with the client's
 * colours — links as lines under the nodes, nodes as discs sized by degree, labels beside them.
 * Every text is escaped; nothing is fetched.
 */
import type { SerializedGraph } from '../../store/types.ts';
import type { Positions } from '../layout.ts';
import { degrees, edgeColour, kindColour, nodeSize } from '../style.ts';

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const WIDTH = 1000;
const HEIGHT = 700;
const MARGIN = 40;
/** Past this many nodes, labels would cover the picture; the entity table names them instead. */
const MAX_LABELS = 120;

/** Font size of the labels, and the width of a character in it as laid out (Helvetica averages ~0.55 em). */
export const LABEL_FONT = 10;
export const CHAR_WIDTH = 0.55 * LABEL_FONT;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The box a label covers, from its anchor point, anchor side and text (the estimate placeLabels uses). */
export function labelBox(x: number, y: number, anchor: 'start' | 'end', text: string): Box {
  const w = [...text].length * CHAR_WIDTH;
  return { x: anchor === 'end' ? x - w : x, y: y - LABEL_FONT + 2, w, h: LABEL_FONT };
}

/**
 * Labels that cover neither one another nor another node's disc: the best-connected nodes are
 * labelled first, each to the right of its disc, else to the left; a label that fits on neither
 * side (or would leave the picture) is left out — the disc keeps its name as a tooltip, and the entity table names it.
 */
function placeLabels(
  graph: SerializedGraph,
  at: Map<string, { x: number; y: number }>,
  degree: Map<string, number>,
): string[] {
  const f = (v: number) => v.toFixed(1);
  const order = [...graph.nodes].sort(
    (a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0) || (a.key < b.key ? -1 : 1),
  );
  const placed: Box[] = [];
  // every disc is in the way too: a label drawn over another node hides it (issue 15, defect 9)
  const discs = new Map<string, Box>();
  for (const n of graph.nodes) {
    const p = at.get(n.key);
    const r = nodeSize(degree.get(n.key) ?? 0);
    if (p) discs.set(n.key, { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
  }
  const onDisc = (key: string, box: Box) => [...discs].some(([k, d]) => k !== key && overlaps(d, box));
  const out: string[] = [];
  for (const n of order) {
    const p = at.get(n.key);
    if (!p) continue;
    const r = nodeSize(degree.get(n.key) ?? 0);
    const text = n.attributes.label.length > 40 ? `${n.attributes.label.slice(0, 39)}…` : n.attributes.label;
    const sides: ['start' | 'end', number][] = [
      ['start', p.x + r + 2],
      ['end', p.x - r - 2],
    ];
    // nodes on the right try leftwards first, so their labels stay inside the picture
    if (p.x > WIDTH * 0.7) sides.reverse();
    for (const [anchor, x] of sides) {
      const box = labelBox(x, p.y + 3, anchor, text);
      if (box.x < 0 || box.x + box.w > WIDTH || placed.some((b) => overlaps(b, box)) || onDisc(n.key, box)) continue;
      placed.push(box);
      out.push(
        `<text x="${f(x)}" y="${f(p.y + 3)}"${anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeXml(text)}</text>`,
      );
      break;
    }
  }
  return out;
}

export function graphSvg(graph: SerializedGraph, positions: Positions): string {
  const points = graph.nodes.map((n) => positions.get(n.key) ?? { x: 0, y: 0 });
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 0), Math.min(...ys, 0), Math.max(...ys, 0)];
  const scale = Math.min((WIDTH - 2 * MARGIN) / (maxX - minX || 1), (HEIGHT - 2 * MARGIN) / (maxY - minY || 1));
  const place = (p: { x: number; y: number }) => ({
    // y grows upwards in graph layouts (Gephi, sigma) and downwards in SVG
    x: MARGIN + (p.x - minX) * scale + (WIDTH - 2 * MARGIN - (maxX - minX) * scale) / 2,
    y: HEIGHT - MARGIN - (p.y - minY) * scale - (HEIGHT - 2 * MARGIN - (maxY - minY) * scale) / 2,
  });
  const at = new Map(graph.nodes.map((n, i) => [n.key, place(points[i] ?? { x: 0, y: 0 })]));
  const degree = degrees(graph);
  const f = (v: number) => v.toFixed(1);
  const lines = graph.edges.flatMap((e) => {
    const [a, b] = [at.get(e.source), at.get(e.target)];
    if (!a || !b) return [];
    return `<line x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}" stroke="${edgeColour(e.attributes.kind)}" stroke-width="1.2"/>`;
  });
  const discs = graph.nodes.flatMap((n) => {
    const p = at.get(n.key);
    if (!p) return [];
    const r = nodeSize(degree.get(n.key) ?? 0);
    return `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(r)}" fill="${kindColour(n.attributes.kind)}" stroke="#fff" stroke-width="1"><title>${escapeXml(n.attributes.label)}</title></circle>`;
  });
  const labels = graph.nodes.length > MAX_LABELS ? [] : placeLabels(graph, at, degree);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="network picture" class="graph">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<g>${lines.join('')}</g>`,
    `<g>${discs.join('')}</g>`,
    `<g font-family="Helvetica, Arial, sans-serif" font-size="${LABEL_FONT}" fill="#222">${labels.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
