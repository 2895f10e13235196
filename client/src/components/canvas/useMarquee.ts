/**
 * Box and lasso selection on the canvas. A drag that starts on the background draws a box when
 * the tool is "box" or shift is held, a free outline when the tool is "lasso"; on release the
 * shown nodes inside are selected (added to the selection when shift, ctrl or cmd is held). While
 * the shape is drawn the camera is disabled, so the stage does not pan under it; nodes are
 * hit-tested where sigma draws them (graph → viewport), and hidden nodes are never picked.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import type { MouseCoords, SigmaStageEventPayload } from 'sigma/types';
import { isDrag, pointsInShape, type Point, type Shape } from '../../core/selection/gestures.ts';
import type { SelectMode } from '../../core/selection/selection.ts';
import type { SigmaInstance } from './sigma-instance.ts';

export type SelectTool = 'pan' | 'box' | 'lasso';

const STROKE = '#2563eb';
const FILL = 'rgba(37, 99, 235, 0.08)';

function draw(context: CanvasRenderingContext2D, shape: Shape | null, size: { width: number; height: number }) {
  context.clearRect(0, 0, size.width, size.height);
  if (!shape) return;
  context.strokeStyle = STROKE;
  context.fillStyle = FILL;
  context.lineWidth = 1.5;
  context.setLineDash([5, 3]);
  context.beginPath();
  if (shape.kind === 'box') {
    context.rect(shape.from.x, shape.from.y, shape.to.x - shape.from.x, shape.to.y - shape.from.y);
  } else {
    shape.points.forEach((p, i) => (i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y)));
    context.closePath();
  }
  context.fill();
  context.stroke();
}

/** The shown nodes inside the shape, as sigma draws them now. */
export function nodesInShape(sigma: SigmaInstance, shape: Shape): string[] {
  const shown: Array<Point & { id: string }> = [];
  for (const id of sigma.getGraph().nodes()) {
    const display = sigma.getNodeDisplayData(id);
    if (!display || display.hidden) continue;
    shown.push({ id, ...sigma.framedGraphToViewport(display) });
  }
  return pointsInShape(shown, shape);
}

/** Returns whether the stage click that follows a drawn shape should be ignored (it is the shape's release). */
export function useMarquee(
  sigma: SigmaInstance | null,
  tool: SelectTool,
  onPick: (ids: string[], mode: SelectMode) => void,
): () => boolean {
  const currentTool = useEffectEvent(() => tool);
  const pick = useEffectEvent(onPick);
  const justDrew = useRef(false);

  useEffect(() => {
    if (!sigma) return;
    const layer = sigma.createCanvas('marquee', { beforeLayer: 'mouse' });
    const context = layer.getContext('2d');
    if (!context) return;
    let shape: Shape | null = null;
    let mode: SelectMode = 'replace';
    const size = () => sigma.getDimensions();
    const fit = () => {
      const { width, height } = size();
      const ratio = window.devicePixelRatio || 1;
      layer.width = width * ratio;
      layer.height = height * ratio;
      layer.style.width = `${width}px`;
      layer.style.height = `${height}px`;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
    };

    const down = ({ event }: SigmaStageEventPayload) => {
      const original = event.original as MouseEvent;
      const t = currentTool();
      if (original.button !== 0 || (t === 'pan' && !original.shiftKey)) return;
      const at = { x: event.x, y: event.y };
      shape = t === 'lasso' ? { kind: 'lasso', points: [at] } : { kind: 'box', from: at, to: at };
      mode = original.shiftKey || original.ctrlKey || original.metaKey ? 'add' : 'replace';
      sigma.getCamera().disable();
      fit();
    };
    const move = (event: MouseCoords) => {
      if (!shape) return;
      const at = { x: event.x, y: event.y };
      shape = shape.kind === 'box' ? { ...shape, to: at } : { kind: 'lasso', points: [...shape.points, at] };
      draw(context, shape, size());
      event.preventSigmaDefault();
      event.original.preventDefault();
    };
    const up = () => {
      if (!shape) return;
      const drawn = shape;
      shape = null;
      sigma.getCamera().enable();
      draw(context, null, size());
      if (!isDrag(drawn)) return;
      // the click the browser sends after this release is the shape's, not a click on the background
      justDrew.current = true;
      setTimeout(() => (justDrew.current = false), 0);
      pick(nodesInShape(sigma, drawn), mode);
    };
    const captor = sigma.getMouseCaptor();
    sigma.on('downStage', down);
    captor.on('mousemovebody', move);
    captor.on('mouseup', up);
    return () => {
      sigma.off('downStage', down);
      captor.off('mousemovebody', move);
      captor.off('mouseup', up);
      if (sigma.getCanvases().marquee) sigma.killLayer('marquee');
    };
  }, [sigma]);

  return () => justDrew.current;
}
