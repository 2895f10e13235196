/** Clicks, double-clicks and hovers on the canvas, reported to the page. */
import { useEffect, useEffectEvent } from 'react';
import type { SigmaNodeEventPayload, SigmaStageEventPayload } from 'sigma/types';
import type { SigmaInstance } from './sigma-instance.ts';

export interface CanvasHandlers {
  onSelect(node: string | null): void;
  onExpand(node: string): void;
  onHover(node: string | null): void;
}

export function useSigmaEvents(sigma: SigmaInstance | null, handlers: CanvasHandlers): void {
  const select = useEffectEvent((node: string | null) => handlers.onSelect(node));
  const expand = useEffectEvent((node: string) => handlers.onExpand(node));
  const hover = useEffectEvent((node: string | null) => handlers.onHover(node));

  useEffect(() => {
    if (!sigma) return;
    const click = ({ node }: SigmaNodeEventPayload) => select(node);
    const doubleClick = (event: SigmaNodeEventPayload) => {
      event.preventSigmaDefault();
      expand(event.node);
    };
    const clickStage = (_: SigmaStageEventPayload) => select(null);
    const enter = ({ node }: SigmaNodeEventPayload) => hover(node);
    const leave = () => hover(null);
    sigma.on('clickNode', click);
    sigma.on('doubleClickNode', doubleClick);
    sigma.on('clickStage', clickStage);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    return () => {
      sigma.off('clickNode', click);
      sigma.off('doubleClickNode', doubleClick);
      sigma.off('clickStage', clickStage);
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
    };
  }, [sigma]);
}
