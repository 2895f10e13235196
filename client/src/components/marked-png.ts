/**
 * The PNG of the current view as a briefing picture: sigma's own drawing (@sigma/export-image)
 * between a TLP banner at the top and at the bottom — the highest marking among what is shown,
 * in TLP 2.0 colours on black — with a legend of the kinds shown. A picture travels without its
 * file name or the page around it, so the marking and the key must be in the pixels.
 */
import { drawOnCanvas } from '@sigma/export-image';
import { TLP_COLOURS, TLP_LEVELS, tlpRank, type Tlp } from '../core/filters/markings.ts';
import { edgeColour, nodeStyle } from '../core/style/palette.ts';
import type { SigmaInstance } from './GraphCanvas.tsx';

const BANNER = 30;
const ROW = 22;
const PAD = 10;
const FONT = '13px sans-serif';

interface LegendItem {
  colour: string;
  label: string;
  count: number;
  round: boolean;
}

/** What is shown (not hidden by a filter), its highest marking and its kinds. */
export function shownSummary(sigma: SigmaInstance): { tlp: Tlp; nodes: number; links: number; legend: LegendItem[] } {
  const graph = sigma.getGraph();
  const nodes = graph.filterNodes((n) => !sigma.getNodeDisplayData(n)?.hidden);
  const links = graph.filterEdges((e) => !sigma.getEdgeDisplayData(e)?.hidden);
  let rank = 0;
  const nodeKinds = new Map<string, number>();
  const relKinds = new Map<string, number>();
  for (const n of nodes) {
    const a = graph.getNodeAttributes(n);
    rank = Math.max(rank, tlpRank(a.tlp));
    nodeKinds.set(String(a.kind), (nodeKinds.get(String(a.kind)) ?? 0) + 1);
  }
  for (const e of links) {
    const a = graph.getEdgeAttributes(e);
    rank = Math.max(rank, tlpRank(a.tlp));
    relKinds.set(String(a.kind), (relKinds.get(String(a.kind)) ?? 0) + 1);
  }
  const legend = [
    ...[...nodeKinds]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, count]) => ({ colour: nodeStyle(kind).colour, label: nodeStyle(kind).label, count, round: true })),
    ...[...relKinds]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, count]) => ({ colour: edgeColour(kind), label: kind, count, round: false })),
  ];
  // tlpRank answers an index into TLP_LEVELS, so the level is always there
  const tlp = TLP_LEVELS[rank];
  if (!tlp) throw new Error(`tlpRank gave ${rank}, which is not a TLP level`);
  return { tlp, nodes: nodes.length, links: links.length, legend };
}

function banner(ctx: CanvasRenderingContext2D, y: number, width: number, tlp: Tlp, note: string): void {
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, y, width, BANNER);
  ctx.textBaseline = 'middle';
  ctx.font = `bold 15px sans-serif`;
  ctx.fillStyle = TLP_COLOURS[tlp];
  ctx.fillText(`TLP:${tlp}`, PAD, y + BANNER / 2);
  ctx.font = FONT;
  ctx.fillStyle = '#ffffff';
  const w = ctx.measureText(note).width;
  ctx.fillText(note, Math.max(PAD + 140, width - PAD - w), y + BANNER / 2);
}

/** Items laid out left to right in rows that fit `width`: each item's x and row. */
/** A canvas's 2D context; browsers answer null only when out of canvas memory or for a canvas in another mode. */
function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D drawing context for the picture');
  return ctx;
}

function legendRows(
  ctx: CanvasRenderingContext2D,
  items: LegendItem[],
  width: number,
): Array<{ item: LegendItem; x: number; row: number }> {
  ctx.font = FONT;
  const placed: Array<{ item: LegendItem; x: number; row: number }> = [];
  let x = PAD;
  let row = 0;
  for (const item of items) {
    const w = 18 + ctx.measureText(`${item.label} ${item.count}`).width + 16;
    if (x + w > width - PAD && x > PAD) {
      row++;
      x = PAD;
    }
    placed.push({ item, x, row });
    x += w;
  }
  return placed;
}

export async function markedPngBlob(sigma: SigmaInstance, date: string): Promise<Blob> {
  const summary = shownSummary(sigma);
  const picture = await drawOnCanvas(sigma as unknown as Parameters<typeof drawOnCanvas>[0], {
    backgroundColor: '#ffffff',
  });
  // sigma draws at the device pixel ratio; the frame is drawn in CSS pixels and scaled to match
  const scale = picture.width / sigma.getContainer().offsetWidth || 1;
  const width = picture.width / scale;
  const measure = context2d(document.createElement('canvas'));
  const rows = legendRows(measure, summary.legend, width);
  const lastRow = rows.at(-1);
  const legendHeight = (lastRow ? lastRow.row + 1 : 0) * ROW + PAD;
  const pictureHeight = picture.height / scale;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((BANNER + pictureHeight + legendHeight + BANNER) * scale);
  const ctx = context2d(canvas);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, canvas.height / scale);
  const note = `scamnet · ${date} · ${summary.nodes} nodes, ${summary.links} links`;
  banner(ctx, 0, width, summary.tlp, note);
  ctx.drawImage(picture, 0, BANNER, width, pictureHeight);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  for (const { item, x, row } of rows) {
    const y = BANNER + pictureHeight + PAD / 2 + row * ROW + ROW / 2;
    ctx.fillStyle = item.colour;
    if (item.round) {
      ctx.beginPath();
      ctx.arc(x + 6, y, 6, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.fillRect(x, y - 2, 14, 4);
    }
    ctx.fillStyle = '#1f2933';
    ctx.fillText(`${item.label} ${item.count}`, x + 18, y);
  }
  banner(ctx, BANNER + pictureHeight + legendHeight, width, summary.tlp, note);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not make the PNG'))),
      'image/png',
    ),
  );
}
