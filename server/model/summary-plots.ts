/**
 * How a summary chart (summary-charts.ts) is drawn, with Observable Plot: once for the client's
 * summary panel (the browser's document, a click handler per bar) and once for the briefing pack
 * (a server-side DOM, static SVG, no script). One drawing, so the pack shows what the panel shows.
 */
import * as Plot from '@observablehq/plot';
import { nodeStyle } from './presentation.ts';
import type { ChartBar, ChartId, SummaryChart } from './summary-charts.ts';

export interface PlotOptions {
  /** the document to build the SVG in: the browser's, or a server-side DOM's */
  document?: Document;
  width: number;
  /** a bar (or a month's dot) was clicked; the client selects its ids */
  onBar?(bar: ChartBar, event: MouseEvent): void;
}

const COLOUR: Record<ChartId, string> = {
  victimsByOrigin: nodeStyle('Country').colour,
  victimsByHubRegion: nodeStyle('Region').colour,
  facilitatorsByNationality: nodeStyle('Facilitator').colour,
  facilitatorsByAgeBand: nodeStyle('Facilitator').colour,
  centresByStatus: nodeStyle('Centre').colour,
  linksFirstSeenPerMonth: '#4a5568',
};

/**
 * Plot's render hook: tags each drawn element with its bar's key (the browser test and the
 * briefing's readers find bars by it) and, in the client, makes it clickable.
 */
function tagged(bars: readonly ChartBar[], chart: ChartId, onBar: PlotOptions['onBar']): Plot.RenderFunction {
  return function (index, scales, values, dimensions, context, next) {
    const g = next?.(index, scales, values, dimensions, context) ?? null;
    if (!g) return null;
    const shapes = g.querySelectorAll('rect, circle');
    shapes.forEach((shape, j) => {
      const bar = bars[index[j] ?? -1];
      if (!bar) return;
      shape.setAttribute('data-chart', chart);
      shape.setAttribute('data-key', bar.key);
      if (onBar) {
        shape.setAttribute('style', 'cursor:pointer');
        shape.addEventListener('click', (event) => onBar(bar, event as MouseEvent));
      }
    });
    return g;
  };
}

const monthDate = (key: string) => new Date(`${key}-01T00:00:00Z`);

/** The chart as an SVG element (or null when it has nothing to show). */
export function plotSummaryChart(chart: SummaryChart, options: PlotOptions): SVGSVGElement | HTMLElement | null {
  const { bars, id } = chart;
  if (bars.length === 0) return null;
  const fill = COLOUR[id];
  const render = tagged(bars, id, options.onBar);
  const title = (b: ChartBar) => `${b.label}: ${b.value} ${chart.unit}`;
  const common = { document: options.document, width: options.width, style: { background: 'transparent' } };
  if (chart.mark === 'line') {
    return Plot.plot({
      ...common,
      height: 160,
      marginLeft: 40,
      x: { type: 'utc', label: null },
      y: { grid: true, label: chart.unit, zero: true },
      marks: [
        Plot.lineY(bars, { x: (b: ChartBar) => monthDate(b.key), y: 'value', stroke: fill }),
        Plot.dot(bars, { x: (b: ChartBar) => monthDate(b.key), y: 'value', fill, r: 3, title, render }),
      ],
    });
  }
  const labels = bars.map((b) => b.label);
  const longest = Math.max(...labels.map((l) => l.length));
  return Plot.plot({
    ...common,
    // 20 px a bar plus the margins, set here: Plot's defaults (20 top, 30 under the axis) left a
    // one-bar chart no room at all and squeezed two bars into 14 px
    height: 40 + bars.length * 20,
    marginTop: 10,
    marginBottom: 30,
    marginLeft: Math.min(140, 12 + longest * 6),
    marginRight: 36,
    x: { label: chart.unit, grid: true },
    y: { domain: labels, label: null },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fill, title, render }),
      Plot.text(bars, { y: 'label', x: 'value', text: (b: ChartBar) => String(b.value), dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
}
