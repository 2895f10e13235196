/**
 * A marker on the canvas for every node that has notes. The nodes on the canvas are asked about
 * once the graph has been still for a moment (one POST /api/notes/find for all of them), and the
 * markers are drawn on a 2D layer of their own after each sigma render: a small amber badge at a
 * node's upper left (its label sits to the right). The cost is one arc per noted node per frame, whatever the canvas holds.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { countByNode } from '../../core/notes/notes.ts';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import type { SigmaInstance } from '../canvas/sigma-instance.ts';

/** the find route's cap on node ids per request */
const MAX_IDS = 20_000;
const DEBOUNCE_MS = 400;
export const NOTE_MARKER_COLOUR = '#f59e0b';

/** The ids of the canvas's nodes that have notes, refreshed when the graph or `refresh` changes. */
export function useNotedNodes(
  graph: DataGraph,
  version: number,
  refresh: number,
  onError: (error: unknown) => void,
): Map<string, number> {
  const [counts, setCounts] = useState<Map<string, number>>(() => new Map());
  const asked = useRef('');
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const nodes = graph.nodes().slice(0, MAX_IDS);
      // the same nodes asked about again only when a note changed
      const key = `${refresh}|${nodes.join('\u0000')}`;
      if (key === asked.current) return;
      asked.current = key;
      if (nodes.length === 0) {
        setCounts(new Map());
        return;
      }
      api
        .findNotes({ nodes })
        .then((r) => current && setCounts(countByNode(r.notes)))
        .catch((e) => {
          asked.current = '';
          if (current) onError(e);
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [graph, version, refresh, onError]);
  return counts;
}

/** Draws the badges of `noted` over sigma's nodes. */
export function useNoteMarkers(sigma: SigmaInstance | null, noted: ReadonlyMap<string, number>): void {
  const latest = useRef(noted);
  useEffect(() => {
    latest.current = noted;
    sigma?.scheduleRefresh();
  }, [sigma, noted]);

  useEffect(() => {
    if (!sigma) return;
    // above the highlighted nodes (sigma redraws a selected node on its hover layer), below the mouse layer
    const layer = sigma.createCanvas('notes', { afterLayer: 'hoverNodes' });
    layer.dataset.testid = 'note-markers';
    const context = layer.getContext('2d');
    if (!context) return;
    const draw = () => {
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      if (layer.width !== width * ratio || layer.height !== height * ratio) {
        layer.width = width * ratio;
        layer.height = height * ratio;
        layer.style.width = `${width}px`;
        layer.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      let drawn = 0;
      for (const node of latest.current.keys()) {
        const shown = sigma.getNodeDisplayData(node);
        if (!shown || shown.hidden) continue;
        const centre = sigma.framedGraphToViewport(shown);
        const r = sigma.scaleSize(shown.size);
        const badge = Math.max(4, Math.min(8, r * 0.5));
        const x = centre.x - r * 0.72;
        const y = centre.y - r * 0.72;
        if (x < -badge || y < -badge || x > width + badge || y > height + badge) continue;
        context.beginPath();
        context.arc(x, y, badge, 0, Math.PI * 2);
        context.fillStyle = NOTE_MARKER_COLOUR;
        context.fill();
        context.lineWidth = 1.5;
        context.strokeStyle = '#ffffff';
        context.stroke();
        drawn++;
      }
      // for the browser tests and the curious: how many badges the last frame drew
      layer.dataset.drawn = String(drawn);
    };
    sigma.on('afterRender', draw);
    sigma.scheduleRefresh();
    return () => {
      sigma.off('afterRender', draw);
      if (sigma.getCanvases().notes) sigma.killLayer('notes');
    };
  }, [sigma]);
}
