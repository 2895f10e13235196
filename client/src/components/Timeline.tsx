/**
 * The timeline view: the canvas's dated nodes and links on a time axis by their event dates
 * (server/model/event-dates.ts), points for instants and bars for periods, in lanes by kind or by
 * entity. Drawn on a <canvas> (only the lanes and items in view are painted, so a few thousand
 * items stay fast). Wheel or the buttons zoom from centuries to days; dragging the axis pans;
 * a click selects an item's nodes on the canvas and a drag across the lanes brushes a box that
 * selects all it touches (shift adds). The canvas's selection is highlighted here.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EVENT_DATES_LABEL } from '../../../server/model/event-dates.ts';
import { edgeColour, nodeStyle } from '../../../server/model/presentation.ts';
import type { DataGraph } from '../core/graph/data-graph.ts';
import { edgePasses, nodePasses, type Filters } from '../core/filters/filters.ts';
import type { SelectMode } from '../core/selection/selection.ts';
import { layoutLanes, timelineItems, type LaneMode, type TimelineItem } from '../core/timeline/timeline-lanes.ts';
import {
  idsOf,
  itemAt,
  itemsInBox,
  laneTops,
  placedItems,
  POINT_R,
  ROW_H,
  type Placed,
} from '../core/timeline/timeline-geometry.ts';
import { axisTicks, fitScale, panBy, xOf, zoomAt, type TimeScale } from '../core/timeline/timeline-scale.ts';

interface Props {
  graph: DataGraph;
  version: number;
  filters: Filters;
  selection: ReadonlySet<string>;
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
}

/** the lane labels' column and the axis band, in CSS pixels */
const LABEL_W = 150;
const AXIS_H = 24;

type Drag =
  | { type: 'pan'; x: number; moved: boolean }
  | { type: 'brush'; x0: number; y0: number; x1: number; y1: number; add: boolean };

const colourOf = (item: TimelineItem) => (item.isLink ? edgeColour(item.kind) : nodeStyle(item.kind).colour);

export const Timeline = memo(function Timeline({ graph, version, filters, selection, onSelectIds }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 800, height: 300 });
  const [mode, setMode] = useState<LaneMode>('kind');
  const [scale, setScale] = useState<TimeScale | null>(null);
  const [scrollY, setScrollY] = useState(0);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hover, setHover] = useState<TimelineItem | null>(null);
  // the nodes the last click or brush picked (on the element, for the browser test and assistive text)
  const [picked, setPicked] = useState<string[]>([]);
  const pick = (ids: string[], mode: SelectMode) => {
    setPicked(ids);
    onSelectIds(ids, mode);
  };

  // the items: recomputed when the graph (version) or the filters change
  const items = useMemo(() => {
    void version;
    return timelineItems(graph, {
      node: (k) => !graph.getNodeAttribute(k, 'hiddenByUser') && nodePasses(graph.getNodeAttributes(k), filters),
      edge: (k) =>
        edgePasses(graph.getEdgeAttributes(k), filters) &&
        !graph.getNodeAttribute(graph.source(k), 'hiddenByUser') &&
        !graph.getNodeAttribute(graph.target(k), 'hiddenByUser'),
    });
  }, [graph, version, filters]);
  const lanes = useMemo(
    () =>
      layoutLanes(
        items,
        mode,
        (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id),
        (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'kind') : ''),
      ),
    [items, mode, graph],
  );
  const { tops, height: lanesHeight } = useMemo(() => laneTops(lanes), [lanes]);
  const extent = useMemo(() => {
    if (items.length === 0) return null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of items) {
      lo = Math.min(lo, i.start);
      hi = Math.max(hi, i.end);
    }
    return { lo, hi };
  }, [items]);

  const plotW = Math.max(50, size.width - LABEL_W);
  const plotH = Math.max(20, size.height - AXIS_H);
  const fit = useCallback(() => {
    if (extent) setScale(fitScale(extent.lo, extent.hi, plotW));
    setScrollY(0);
  }, [extent, plotW]);
  // a first picture, and a new one when the items' extent changes (an expand, a query result)
  useEffect(() => fit(), [extent?.lo, extent?.hi]); // eslint-disable-line react-hooks/exhaustive-deps
  const s: TimeScale | null = scale ? { ...scale, width: plotW } : null;

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const maxScroll = Math.max(0, lanesHeight - plotH);
  const scroll = Math.min(scrollY, maxScroll);
  // only what is in view is placed, hit-tested and painted
  const placed: Placed[] = useMemo(
    () => (s ? placedItems(lanes, tops, s, scroll, scroll + plotH) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lanes, tops, s?.t0, s?.t1, plotW, scroll, plotH],
  );

  // --- painting ------------------------------------------------------------------------------
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !s) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const { ticks } = axisTicks(s);
    // grid and axis
    ctx.fillStyle = '#f6f7f9';
    ctx.fillRect(LABEL_W, 0, plotW, AXIS_H);
    ctx.strokeStyle = '#e3e7ee';
    ctx.fillStyle = '#4a5568';
    for (const t of ticks) {
      const x = LABEL_W + xOf(s, t.t);
      ctx.beginPath();
      ctx.moveTo(x + 0.5, 0);
      ctx.lineTo(x + 0.5, size.height);
      ctx.stroke();
      ctx.fillText(t.label, x + 3, AXIS_H / 2);
    }
    // lanes
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS_H, size.width, plotH);
    ctx.clip();
    lanes.forEach((lane, l) => {
      const top = (tops[l] ?? 0) - scroll + AXIS_H;
      const h = lane.rows.length * ROW_H;
      if (top > size.height || top + h < AXIS_H) return;
      if (l % 2 === 1) {
        ctx.fillStyle = '#fafbfc';
        ctx.fillRect(0, top - 4, size.width, h + 8);
      }
      ctx.fillStyle = lane.kind ? nodeStyle(lane.kind).colour : '#4a5568';
      ctx.fillRect(4, top + 2, 3, Math.max(ROW_H - 4, h - 4));
      ctx.fillStyle = '#1a202c';
      const text = lane.label.length > 22 ? `${lane.label.slice(0, 21)}…` : lane.label;
      ctx.fillText(text, 12, top + ROW_H / 2);
    });
    ctx.beginPath();
    ctx.rect(LABEL_W, AXIS_H, plotW, plotH);
    ctx.clip();
    const anySelected = selection.size > 0;
    for (const p of placed) {
      const on = p.item.ids.some((id) => selection.has(id));
      const y = p.y - scroll + AXIS_H;
      ctx.globalAlpha = anySelected && !on ? 0.3 : 1;
      ctx.fillStyle = colourOf(p.item);
      if (p.item.instant) {
        ctx.beginPath();
        ctx.arc(LABEL_W + (p.x0 + p.x1) / 2, y + ROW_H / 2, POINT_R, 0, Math.PI * 2);
        ctx.fill();
        if (on) {
          ctx.lineWidth = 2;
          ctx.strokeStyle = '#111';
          ctx.stroke();
        }
      } else {
        const x0 = LABEL_W + Math.max(-2, p.x0);
        const x1 = LABEL_W + Math.min(plotW + 2, p.x1);
        // seen dates (no event date of its own) are drawn lighter than event dates
        if (p.item.basis === 'seen') ctx.globalAlpha *= 0.55;
        ctx.fillRect(x0, y + 3, x1 - x0, ROW_H - 6);
        if (on) {
          ctx.globalAlpha = 1;
          ctx.lineWidth = 2;
          ctx.strokeStyle = '#111';
          ctx.strokeRect(x0, y + 3, x1 - x0, ROW_H - 6);
        }
      }
    }
    ctx.globalAlpha = 1;
    if (drag?.type === 'brush') {
      ctx.fillStyle = 'rgba(31, 78, 140, 0.12)';
      ctx.strokeStyle = '#1f4e8c';
      ctx.lineWidth = 1;
      const x = LABEL_W + Math.min(drag.x0, drag.x1);
      const y = AXIS_H + Math.min(drag.y0, drag.y1) - scroll;
      const w = Math.abs(drag.x1 - drag.x0);
      const h = Math.abs(drag.y1 - drag.y0);
      ctx.fillRect(x, y, w, h);
      ctx.strokeRect(x + 0.5, y + 0.5, w, h);
    }
    ctx.restore();
  });

  // --- pointer -------------------------------------------------------------------------------
  /** the pointer in plot coordinates (x on the time scale, y from the first lane's top) */
  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvasRef.current?.getBoundingClientRect();
    return { x: e.clientX - (r?.left ?? 0) - LABEL_W, y: e.clientY - (r?.top ?? 0) - AXIS_H + scroll };
  };
  const onPointerDown = (e: React.PointerEvent) => {
    const p = local(e);
    (e.target as Element).setPointerCapture?.(e.pointerId);
    if (p.y - scroll < 0 || p.x < 0) setDrag({ type: 'pan', x: e.clientX, moved: false });
    else setDrag({ type: 'brush', x0: p.x, y0: p.y, x1: p.x, y1: p.y, add: e.shiftKey || e.ctrlKey || e.metaKey });
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const p = local(e);
    if (!drag) {
      setHover(p.x >= 0 && p.y - scroll >= 0 ? itemAt(placed, p.x, p.y) : null);
      return;
    }
    if (drag.type === 'pan') {
      if (s) setScale(panBy(s, e.clientX - drag.x));
      setDrag({ type: 'pan', x: e.clientX, moved: true });
    } else setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag;
    setDrag(null);
    if (!d || d.type !== 'brush') return;
    const mode: SelectMode = d.add ? 'add' : 'replace';
    if (Math.abs(d.x1 - d.x0) < 4 && Math.abs(d.y1 - d.y0) < 4) {
      const hit = itemAt(placed, d.x0, d.y0);
      if (hit) pick(hit.ids, e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
      return;
    }
    const ids = idsOf(itemsInBox(placed, { x0: d.x0, x1: d.x1, y0: d.y0, y1: d.y1 }));
    if (ids.length > 0) pick(ids, mode);
  };
  // wheel: zoom at the pointer; shift+wheel scrolls the lanes (a listener of our own: React's is passive)
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = canvas.getBoundingClientRect();
      if (e.shiftKey) {
        setScrollY((y) => Math.max(0, Math.min(maxScroll, y + (e.deltaY || e.deltaX))));
        return;
      }
      const x = Math.max(0, e.clientX - r.left - LABEL_W);
      setScale((cur) => (cur ? zoomAt({ ...cur, width: plotW }, Math.exp(-e.deltaY / 300), x) : cur));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [plotW, maxScroll]);

  const zoom = (factor: number) => s && setScale(zoomAt(s, factor, plotW / 2));
  const unit = s ? axisTicks(s).unit : null;
  const shownIds = useMemo(() => new Set(placed.map((p) => p.item.key)), [placed]);
  const selectedItems = items.filter((i) => i.ids.some((id) => selection.has(id))).length;

  return (
    <div className="timeline" data-testid="timeline" aria-label="Timeline">
      <div className="timeline-bar">
        <span className="muted">Lanes</span>
        <div className="view-switch" role="group" aria-label="Lanes">
          <button className={mode === 'kind' ? 'on' : ''} onClick={() => setMode('kind')}>
            By kind
          </button>
          <button className={mode === 'entity' ? 'on' : ''} onClick={() => setMode('entity')}>
            By entity
          </button>
        </div>
        <button onClick={() => zoom(2)} title="Zoom in" aria-label="Zoom in">
          +
        </button>
        <button onClick={() => zoom(0.5)} title="Zoom out" aria-label="Zoom out">
          −
        </button>
        <button onClick={fit} title="Fit all items">
          Fit
        </button>
        <span className="muted" data-testid="timeline-status">
          {items.length} dated items in {lanes.length} lanes · {shownIds.size} in view
          {unit ? ` · ticks by ${unit}` : ''}
          {selectedItems > 0 ? ` · ${selectedItems} selected` : ''}
        </span>
        <span className="muted timeline-basis">by {EVENT_DATES_LABEL}</span>
      </div>
      <div className="timeline-plot" ref={wrapRef}>
        {items.length === 0 && <p className="muted timeline-empty">Nothing on the canvas has a date.</p>}
        <canvas
          ref={canvasRef}
          data-testid="timeline-canvas"
          data-items={items.length}
          data-in-view={shownIds.size}
          data-lanes={lanes.length}
          data-picked={picked.join(',')}
          style={{ width: size.width, height: size.height, cursor: hover ? 'pointer' : 'crosshair' }}
          title={hover ? `${hover.label} (${hover.kind})` : ''}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(null)}
        />
      </div>
    </div>
  );
});
