/** Clicks, double-clicks and hovers on the canvas, reported to the page. */
import { useEffect, useEffectEvent } from 'react';
import type { SigmaEdgeEventPayload, SigmaNodeEventPayload, SigmaStageEventPayload } from 'sigma/types';
import { modeOfClick, type SelectMode } from '../../core/selection/selection.ts';
import type { SigmaInstance } from './sigma-instance.ts';

export interface CanvasHandlers {
  /** a click on a node (null: on the background); shift, ctrl or cmd held asks for 'toggle' */
  onSelect(node: string | null, mode: SelectMode): void;
  onExpand(node: string): void;
  onHover(node: string | null): void;
  /** a click on a link */
  onSelectEdge?(edge: string): void;
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
  const selectEdge = useEffectEvent((edge: string) => handlers.onSelectEdge?.(edge));

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
    const clickEdge = ({ edge }: SigmaEdgeEventPayload) => selectEdge(edge);
    // hovering a link only changes the cursor: no React state, no re-render of the reducers
    const container = sigma.getContainer();
    const enterEdge = () => container.classList.add('over-edge');
    const leaveEdge = () => container.classList.remove('over-edge');
    sigma.on('clickNode', click);
    sigma.on('doubleClickNode', doubleClick);
    sigma.on('clickStage', clickStage);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    sigma.on('clickEdge', clickEdge);
    sigma.on('enterEdge', enterEdge);
    sigma.on('leaveEdge', leaveEdge);
    return () => {
      sigma.off('clickEdge', clickEdge);
      sigma.off('enterEdge', enterEdge);
      sigma.off('leaveEdge', leaveEdge);
      sigma.off('clickNode', click);
      sigma.off('doubleClickNode', doubleClick);
      sigma.off('clickStage', clickStage);
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
    };
  }, [sigma]);
}
