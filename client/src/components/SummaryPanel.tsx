/**
 * The summary panel: charts of what is on the canvas (after the filters and the investigator's
 * hiding; a query's result when that is what the canvas shows) — victims by origin country and by
 * hub region, facilitators by nationality and age band, centres by status, links first seen per
 * month. The data is server/model/summary-charts.ts and the drawing summary-plots.ts (Observable
 * Plot), the same as the briefing pack's; Plot is loaded on first use, in a chunk of its own.
 * Clicking a bar selects its nodes on the canvas (shift adds).
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  summaryCharts,
  type ChartBar,
  type ChartGraph,
  type SummaryChart,
} from '../../../server/model/summary-charts.ts';
import type { DataGraph } from '../core/graph/data-graph.ts';
import { edgePasses, nodePasses, type Filters } from '../core/filters/filters.ts';
import type { SelectMode } from '../core/selection/selection.ts';

import type * as SummaryPlots from '../../../server/model/summary-plots.ts';

type PlotModule = typeof SummaryPlots;

interface Props {
  graph: DataGraph;
  version: number;
  filters: Filters;
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  /** hide what is not among `ids` (one undoable step; Unhide all brings it back) */
  onFilterTo(ids: readonly string[]): void;
}

/** The nodes and links the canvas shows, as the plain list the chart data is computed from. */
export function shownOnCanvas(graph: DataGraph, filters: Filters): ChartGraph {
  const nodes = graph
    .filterNodes((_, a) => !a.hiddenByUser && nodePasses(a, filters))
    .map((key) => ({ key, attributes: graph.getNodeAttributes(key) }));
  const keep = new Set(nodes.map((n) => n.key));
  const edges = graph
    .filterEdges((_, a, s, t) => keep.has(s) && keep.has(t) && edgePasses(a, filters))
    .map((key) => ({
      key,
      source: graph.source(key),
      target: graph.target(key),
      attributes: graph.getEdgeAttributes(key),
    }));
  return { nodes, edges };
}

function Chart({
  chart,
  plot,
  onBar,
}: {
  chart: SummaryChart;
  plot: PlotModule | null;
  onBar(bar: ChartBar, event: MouseEvent): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !plot) return;
    const svg = plot.plotSummaryChart(chart, { width: Math.max(200, el.clientWidth || 270), onBar });
    el.replaceChildren(...(svg ? [svg] : []));
  }, [chart, plot, onBar]);
  return (
    <figure className="summary-chart" data-chart={chart.id}>
      <figcaption>{chart.title}</figcaption>
      {chart.bars.length === 0 ? <p className="muted">Nothing to chart on the canvas.</p> : <div ref={ref} />}
    </figure>
  );
}

export const SummaryPanel = memo(function SummaryPanel({ graph, version, filters, onSelectIds, onFilterTo }: Props) {
  const [plot, setPlot] = useState<PlotModule | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [filterOnClick, setFilterOnClick] = useState(false);
  useEffect(() => {
    let live = true;
    void import('../../../server/model/summary-plots.ts').then((m) => live && setPlot(m));
    return () => {
      live = false;
    };
  }, []);
  const charts = useMemo(() => {
    void version;
    return summaryCharts(shownOnCanvas(graph, filters));
  }, [graph, version, filters]);
  const onBar = useMemo(
    () => (bar: ChartBar, event: MouseEvent) => {
      setPicked(
        `${bar.label}: ${bar.value} — ${bar.ids.length} nodes ${filterOnClick ? 'kept, the rest hidden' : 'selected'}`,
      );
      onSelectIds(bar.ids, event.shiftKey || event.ctrlKey || event.metaKey ? 'add' : 'replace');
      if (filterOnClick) onFilterTo(bar.ids);
    },
    [onSelectIds, onFilterTo, filterOnClick],
  );
  return (
    <div className="panel summary-panel" data-testid="summary-panel">
      <p className="muted">What the canvas shows; click a bar to select its nodes (shift adds).</p>
      <label className="inline">
        <input
          type="checkbox"
          checked={filterOnClick}
          onChange={(e) => setFilterOnClick(e.target.checked)}
          data-testid="summary-filter"
        />
        a click also hides the rest of the canvas (Undo or Unhide all brings it back)
      </label>
      {picked && (
        <p className="summary-picked" data-testid="summary-picked">
          {picked}
        </p>
      )}
      {!plot && <p className="muted">Loading charts…</p>}
      {charts.map((c) => (
        <Chart key={c.id} chart={c} plot={plot} onBar={onBar} />
      ))}
    </div>
  );
});
