/**
 * The summary charts as static SVG for the briefing pack: the same data (model/summary-charts.ts)
 * and the same drawing (model/summary-plots.ts) as the client's summary panel, built in linkedom's
 * server-side DOM, with no script and no event handler. Computed from the graph it is given: the
 * export passes the selection already filtered for the recipient's TLP.
 */
import { parseHTML } from 'linkedom';
import { summaryCharts, type ChartGraph, type SummaryChart } from '../model/summary-charts.ts';
import { plotSummaryChart } from '../model/summary-plots.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartSvg {
  chart: SummaryChart;
  /** a standalone SVG document fragment (with its namespace), or null when the chart is empty */
  svg: string | null;
}

export function summarySvgs(graph: ChartGraph, width = 640): ChartSvg[] {
  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  return summaryCharts(graph).map((chart) => {
    const el = plotSummaryChart(chart, { document: document as unknown as Document, width });
    if (!el) return { chart, svg: null };
    el.setAttribute('xmlns', SVG_NS);
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', chart.title);
    // no script can be in Plot's output; the guard keeps that true if a future version adds one
    el.querySelectorAll('script').forEach((s) => s.remove());
    return { chart, svg: el.outerHTML };
  });
}
