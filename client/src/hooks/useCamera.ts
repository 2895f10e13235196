/**
 * Camera requests from the page (fit, centre on a node, restore a saved camera, frame a new view):
 * each is a new object, which CameraController carries out on sigma's next render.
 */
import { useCallback, useState } from 'react';
import type { CameraState } from 'sigma/types';

export type CameraRequest =
  | { kind: 'fit' }
  | { kind: 'centre'; node: string }
  | { kind: 'restore'; state: CameraState }
  /** the view mode changed: frame it, and keep the selection in the middle */
  | { kind: 'view'; selected: string | null }
  /** the layout stopped: bring drifted nodes back in */
  | { kind: 'settled' };

export function useCamera() {
  const [request, setRequest] = useState<CameraRequest | null>(null);
  const fit = useCallback(() => setRequest({ kind: 'fit' }), []);
  const centreOn = useCallback((node: string) => setRequest({ kind: 'centre', node }), []);
  const restore = useCallback((state: CameraState) => setRequest({ kind: 'restore', state }), []);
  const frameView = useCallback((selected: string | null) => setRequest({ kind: 'view', selected }), []);
  const settled = useCallback(() => setRequest({ kind: 'settled' }), []);
  return { request, fit, centreOn, restore, frameView, settled };
}
