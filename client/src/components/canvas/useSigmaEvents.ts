/** Clicks, double-clicks and hovers on the canvas, reported to the page. */
import { useEffect, useEffectEvent } from 'react';
import type { SigmaNodeEventPayload, SigmaStageEventPayload } from 'sigma/types';
import { modeOfClick, type SelectMode } from '../../core/selection/selection.ts';
import type { SigmaInstance } from './sigma-instance.ts';

export interface CanvasHandlers {
  /** a click on a node (null: on the background); shift, ctrl or cmd held asks for 'toggle' */
  onSelect(node: string | null, mode: SelectMode): void;
  onExpand(node: string): void;
  onHover(node: string | null): void;
}

export function useSigmaEvents(
  sigma: SigmaInstance | null,
  handlers: CanvasHandlers,
  /** true when a stage click is the end of another gesture (a box or lasso drawn), not a click */
  ignoreStageClick: () => boolean = () => false,
): void {
  const ignored = useEffectEvent(() => ignoreStageClick());
  const select = useEffectEvent((node: string | null, mode: SelectMode) => handlers.onSelect(node, mode));
  const expand = useEffectEvent((node: string) => handlers.onExpand(node));
  const hover = useEffectEvent((node: string | null) => handlers.onHover(node));

  useEffect(() => {
    if (!sigma) return;
    const click = ({ node, event }: SigmaNodeEventPayload) => select(node, modeOfClick(event.original));
    const doubleClick = (event: SigmaNodeEventPayload) => {
      event.preventSigmaDefault();
      expand(event.node);
    };
    // a modified click on the background keeps the selection (the start of a gesture, not a reset)
    const clickStage = ({ event }: SigmaStageEventPayload) => {
      if (modeOfClick(event.original) === 'replace' && !ignored()) select(null, 'replace');
    };
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
