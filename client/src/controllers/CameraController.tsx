/**
 * Renders nothing: moves sigma's camera. Each request runs on sigma's next `afterRender`, when the
 * graph, the frame and the reducers of the same React commit have reached the screen, so no timer
 * has to guess when that is. The first nodes of a canvas are framed when drawn and again when the
 * layout has given them their shape.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import type { DataGraph } from '../core/graph/data-graph.ts';
import { cameraToContain } from '../core/render/frame.ts';
import type { ViewMode } from '../core/url/url-state.ts';
import type { SigmaInstance } from '../components/GraphCanvas.tsx';
import type { CameraRequest } from '../hooks/useCamera.ts';

interface Props {
  sigma: SigmaInstance | null;
  graph: DataGraph;
  view: ViewMode;
  request: CameraRequest | null;
  /** bumped by the session when a canvas gets its first nodes */
  frameRequest: number;
}

/** Runs `run` once sigma has drawn its next frame; returns the cancel. */
function onNextRender(sigma: SigmaInstance, run: () => void): () => void {
  sigma.once('afterRender', run);
  sigma.scheduleRender();
  return () => void sigma.off('afterRender', run);
}

/** Animates (never rescales) so every visible node is in view; the map shows the whole world. */
function fit(sigma: SigmaInstance, graph: DataGraph, view: ViewMode): void {
  if (view === 'routes') {
    void sigma.getCamera().animatedReset({ duration: 300 });
    return;
  }
  const points = graph.nodes().flatMap((n) => {
    const d = sigma.getNodeDisplayData(n);
    return d && !d.hidden ? [d] : [];
  });
  const target = cameraToContain(points);
  if (target) void sigma.getCamera().animate(target, { duration: 400 });
}

function centreOn(sigma: SigmaInstance, node: string): void {
  const data = sigma.getNodeDisplayData(node);
  if (data)
    void sigma
      .getCamera()
      .animate({ x: data.x, y: data.y, ratio: Math.min(sigma.getCamera().ratio, 0.8) }, { duration: 400 });
}

function anyOutside(sigma: SigmaInstance, graph: DataGraph): boolean {
  const { width, height } = sigma.getDimensions();
  return graph.someNode((n) => {
    const d = sigma.getNodeDisplayData(n);
    if (!d || d.hidden) return false;
    const p = sigma.framedGraphToViewport(d);
    return p.x < 0 || p.y < 0 || p.x > width || p.y > height;
  });
}

export function CameraController({ sigma, graph, view, request, frameRequest }: Props) {
  const fitOnSettle = useRef(false);

  const carryOut = useEffectEvent((target: SigmaInstance, r: CameraRequest | 'first') => {
    if (r === 'first') {
      fitOnSettle.current = true;
      fit(target, graph, view);
      return;
    }
    switch (r.kind) {
      case 'fit':
        fit(target, graph, view);
        break;
      case 'centre':
        centreOn(target, r.node);
        break;
      case 'restore':
        target.getCamera().setState(r.state);
        break;
      case 'view':
        if (view === 'network') fit(target, graph, view);
        else void target.getCamera().animatedReset({ duration: 200 });
        if (r.selected) centreOn(target, r.selected);
        break;
      case 'settled':
        if (view === 'routes') return;
        if (fitOnSettle.current) {
          fitOnSettle.current = false;
          fit(target, graph, view);
        } else if (anyOutside(target, graph)) fit(target, graph, view);
        break;
    }
  });

  useEffect(() => {
    if (!sigma || frameRequest === 0) return;
    return onNextRender(sigma, () => carryOut(sigma, 'first'));
  }, [sigma, frameRequest]);

  useEffect(() => {
    if (!sigma || !request) return;
    return onNextRender(sigma, () => carryOut(sigma, request));
  }, [sigma, request]);

  return null;
}
