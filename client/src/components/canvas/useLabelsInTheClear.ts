/**
 * Labels only where they can be read. sigma's label grid picks at most a few labels per cell;
 * this label drawer then skips a label that would overlap one already drawn in the same frame
 * (long names spill over the grid's cells), and any label whose box lies under something laid over
 * the canvas — the legend, the time bar, notices, the timeline pane: every element the stage holds
 * beside the canvas. The side panels are columns beside the stage, so sigma's canvas never reaches
 * under them. A label forced on (the selection and its neighbours, a path) is drawn even if it
 * overlaps another, but never under an overlay either.
 *
 * What was drawn in the last frame is on `window.scamnet.labels` for the browser tests.
 */
import { useEffect } from 'react';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { SigmaInstance } from './sigma-instance.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DrawnLabel extends Box {
  key: string;
  label: string;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The rectangles, in the canvas's pixels, of the elements laid over it (its siblings in the stage). */
function overlaysOf(container: HTMLElement): Box[] {
  const base = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const el of Array.from(container.parentElement?.children ?? [])) {
    if (el === container) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    boxes.push({ x: r.left - base.left, y: r.top - base.top, width: r.width, height: r.height });
  }
  return boxes;
}

export function useLabelsInTheClear(sigma: SigmaInstance | null): void {
  useEffect(() => {
    if (!sigma) return;
    const container = sigma.getContainer();
    let overlays: Box[] = [];
    let drawn: DrawnLabel[] = [];
    const frame = () => {
      overlays = overlaysOf(container);
      drawn = [];
      const w = window as unknown as { scamnet?: { labels?: unknown; overlays?: unknown } };
      if (w.scamnet) {
        w.scamnet.labels = drawn;
        w.scamnet.overlays = overlays;
      }
    };
    sigma.on('beforeRender', frame);
    sigma.setSetting('defaultDrawNodeLabel', (context, data, settings) => {
      if (!data.label) return;
      const size = settings.labelSize;
      context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const box: DrawnLabel = {
        key: data.key,
        label: data.label,
        x: data.x + data.size + 3,
        y: data.y + size / 3 - size,
        width: context.measureText(data.label).width,
        height: size * 1.25,
      };
      if (overlays.some((o) => overlaps(box, o))) return;
      if (!data.forceLabel && drawn.some((d) => overlaps(box, d))) return;
      drawn.push(box);
      drawDiscNodeLabel(context, data, settings);
    });
    return () => {
      sigma.off('beforeRender', frame);
    };
  }, [sigma]);
}
