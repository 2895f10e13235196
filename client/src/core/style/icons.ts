/**
 * Node icons on the canvas: each kind's glyph drawn white inside its coloured disc, through
 * @sigma/node-image's pictogram program. The glyph is rendered once per kind into an SVG data
 * URL, so no image files or fonts are fetched (the machines are offline, and CSP allows data:).
 */
import { createNodeImageProgram } from '@sigma/node-image';
import { NodeCircleProgram, createNodeCompoundProgram } from 'sigma/rendering';
import { nodeStyle } from './palette.ts';

const cache = new Map<string, string>();

export function iconUrl(kind: string): string {
  let url = cache.get(kind);
  if (!url) {
    const glyph = nodeStyle(kind).icon;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><text x="64" y="68" font-size="88" text-anchor="middle" dominant-baseline="middle" font-family="DejaVu Sans, Segoe UI Symbol, sans-serif" fill="#000">${glyph}</text></svg>`;
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    cache.set(kind, url);
  }
  return url;
}

/** A disc in the node's colour with the kind's pictogram on it, in `pictoColor`. */
export const NodeIconProgram = createNodeCompoundProgram([
  NodeCircleProgram,
  createNodeImageProgram({
    padding: 0.22,
    size: { mode: 'force', value: 128 },
    drawingMode: 'color',
    colorAttribute: 'pictoColor',
    keepWithinCircle: true,
  }),
]);
