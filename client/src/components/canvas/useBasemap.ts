/** The basemap layer under the edges, drawn on every sigma render in the route view only. */
import { useEffect, useEffectEvent, useRef } from 'react';
import { drawBasemap, worldRings, type Ring } from '../../core/geo/basemap.ts';
import type { ViewMode } from '../../core/url/url-state.ts';
import type { SigmaInstance } from './sigma-instance.ts';

export function useBasemap(sigma: SigmaInstance | null, view: ViewMode): void {
  const rings = useRef<Ring[] | null>(null);
  const isRoutes = useEffectEvent(() => view === 'routes');

  useEffect(() => {
    if (!sigma) return;
    const basemap = sigma.createCanvas('basemap', { beforeLayer: 'edges' });
    const context = basemap.getContext('2d');
    if (!context) return;
    const draw = () => {
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      if (basemap.width !== width * ratio) {
        basemap.width = width * ratio;
        basemap.height = height * ratio;
        basemap.style.width = `${width}px`;
        basemap.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (!isRoutes()) {
        context.clearRect(0, 0, width, height);
        return;
      }
      rings.current ??= worldRings();
      drawBasemap(context, rings.current, (p) => sigma.graphToViewport(p), { width, height });
    };
    sigma.on('beforeRender', draw);
    return () => {
      sigma.off('beforeRender', draw);
      // the canvas may already be gone with sigma itself (a ref detaches before effects clean up)
      if (sigma.getCanvases().basemap) sigma.killLayer('basemap');
    };
  }, [sigma]);
}
