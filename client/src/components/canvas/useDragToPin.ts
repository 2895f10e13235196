/** Dragging a node moves and pins it (never on the map, where positions are geographic). */
import { useEffect, useEffectEvent } from 'react';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import type { ViewMode } from '../../core/url/url-state.ts';
import type { SigmaInstance } from './sigma-instance.ts';
import type { MouseCoords, SigmaNodeEventPayload } from 'sigma/types';

export function useDragToPin(sigma: SigmaInstance | null, graph: DataGraph, view: ViewMode): void {
  const onMap = useEffectEvent(() => view === 'routes');

  useEffect(() => {
    if (!sigma) return;
    let dragged: string | null = null;
    const down = ({ node }: SigmaNodeEventPayload) => {
      dragged = node;
      sigma.getCamera().disable();
    };
    const move = (event: MouseCoords) => {
      if (!dragged || onMap()) return;
      const p = sigma.viewportToGraph(event);
      graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y, fixed: true });
      event.preventSigmaDefault();
      event.original.preventDefault();
    };
    const drop = () => {
      dragged = null;
      sigma.getCamera().enable();
    };
    const captor = sigma.getMouseCaptor();
    sigma.on('downNode', down);
    captor.on('mousemovebody', move);
    captor.on('mouseup', drop);
    return () => {
      sigma.off('downNode', down);
      captor.off('mousemovebody', move);
      captor.off('mouseup', drop);
    };
  }, [sigma, graph]);
}
