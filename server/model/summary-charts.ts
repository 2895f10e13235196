/**
 * The summary charts' data, computed once for the client's summary panel and the briefing pack:
 * victims by origin country and by hub region (TRAFFICKED_TO victims), facilitators by
 * nationality and by age band, centres by status, links first seen per month. Pure functions over
 * a plain list of nodes and edges (graphology's serialised shape), so the client charts what is on
 * its canvas and the export charts exactly what the recipient's TLP let through. Zod-free.
 */

export interface ChartNode {
  key: string;
  attributes: { kind: string; label?: string; [property: string]: unknown };
}
export interface ChartEdge {
  key: string;
  source: string;
  target: string;
  attributes: { kind: string; [property: string]: unknown };
}
export interface ChartGraph {
  nodes: readonly ChartNode[];
  edges: readonly ChartEdge[];
}

/** One bar (or one point of a line): what it counts and the nodes a click on it selects. */
export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** the canvas nodes behind the bar, in a stable order */
  ids: string[];
}

export type ChartId =
  | 'victimsByOrigin'
  | 'victimsByHubRegion'
  | 'facilitatorsByNationality'
  | 'facilitatorsByAgeBand'
  | 'centresByStatus'
  | 'linksFirstSeenPerMonth';

export interface SummaryChart {
  id: ChartId;
  title: string;
  /** what a bar's value counts */
  unit: string;
  mark: 'bar' | 'line';
  bars: ChartBar[];
}

export const UNKNOWN = 'unknown';
/** A bar chart keeps this many bars; the rest are summed into one "others" bar. */
export const MAX_BARS = 12;

class Tally {
  private readonly bars = new Map<string, { label: string; value: number; ids: Set<string> }>();
  add(key: string, label: string, value: number, ids: readonly string[]) {
    const bar = this.bars.get(key) ?? { label, value: 0, ids: new Set<string>() };
    bar.value += value;
    for (const id of ids) bar.ids.add(id);
    this.bars.set(key, bar);
  }
  /** largest first (ties by label); past MAX_BARS the rest become one "others" bar */
  ranked(order?: readonly string[]): ChartBar[] {
    const all = [...this.bars].map(([key, b]) => ({ key, label: b.label, value: b.value, ids: [...b.ids].sort() }));
    if (order) {
      const at = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
      return all.sort((a, b) => at(a.key) - at(b.key) || a.label.localeCompare(b.label));
    }
    all.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
    if (all.length <= MAX_BARS) return all;
    const rest = all.slice(MAX_BARS - 1);
    const others = {
      key: '(others)',
      label: `${rest.length} others`,
      value: rest.reduce((n, b) => n + b.value, 0),
      ids: [...new Set(rest.flatMap((b) => b.ids))].sort(),
    };
    return [...all.slice(0, MAX_BARS - 1), others];
  }
}

const AGE_BANDS = ['under 20', '20-29', '30-39', '40-49', '50+', UNKNOWN];
const CENTRE_STATUSES = ['active', 'suspected', 'raided', 'dismantled', UNKNOWN];

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Every month from first to last (YYYY-MM), so a line has no silent gaps. */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The hub region of a centre: its country's hubRegion, or the Region its country is IN_REGION of. */
function hubRegionOf(centre: string, graph: Indexed): string | null {
  for (const country of graph.out(centre, 'LOCATED_IN')) {
    const own = str(graph.node(country)?.attributes.hubRegion);
    if (own) return own;
    for (const region of graph.out(country, 'IN_REGION')) {
      const label = str(graph.node(region)?.attributes.label);
      if (label) return label;
    }
  }
  return null;
}

interface Indexed {
  node(id: string): ChartNode | undefined;
  out(id: string, kind: string): string[];
}

function index(graph: ChartGraph): Indexed {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    const k = `${e.source}\u0000${e.attributes.kind}`;
    const list = out.get(k) ?? [];
    list.push(e.target);
    out.set(k, list);
  }
  return { node: (id) => nodes.get(id), out: (id, kind) => out.get(`${id}\u0000${kind}`) ?? [] };
}

/**
 * The six summary charts of a graph. Victims come from TRAFFICKED_TO links whose both ends are in
 * the graph (a flow whose country or centre was withheld is not counted); a flow without a victim
 * count adds 0 to the sum but its nodes stay clickable.
 */
export function summaryCharts(graph: ChartGraph): SummaryChart[] {
  const g = index(graph);
  const label = (id: string) => str(g.node(id)?.attributes.label) ?? id;

  const byOrigin = new Tally();
  const byHub = new Tally();
  const byMonth = new Map<string, { value: number; ids: Set<string> }>();
  for (const e of graph.edges) {
    const from = g.node(e.source);
    const to = g.node(e.target);
    if (!from || !to) continue;
    const seen = str(e.attributes.firstSeen);
    if (seen && /^\d{4}-\d{2}/.test(seen)) {
      const month = byMonth.get(seen.slice(0, 7)) ?? { value: 0, ids: new Set<string>() };
      month.value++;
      month.ids.add(e.source).add(e.target);
      byMonth.set(seen.slice(0, 7), month);
    }
    if (e.attributes.kind !== 'TRAFFICKED_TO') continue;
    const victims = num(e.attributes.victims) ?? 0;
    byOrigin.add(e.source, label(e.source), victims, [e.source, e.target]);
    const hub = hubRegionOf(e.target, g) ?? UNKNOWN;
    byHub.add(hub, hub, victims, [e.target]);
  }

  const nationality = new Tally();
  const age = new Tally();
  const status = new Tally();
  for (const n of graph.nodes) {
    const a = n.attributes;
    if (a.kind === 'Facilitator') {
      const countries = g.out(n.key, 'NATIONAL_OF');
      if (countries.length === 0) nationality.add(UNKNOWN, UNKNOWN, 1, [n.key]);
      for (const c of countries) nationality.add(c, label(c), 1, [n.key]);
      const band = str(a.ageBand) ?? UNKNOWN;
      age.add(band, band, 1, [n.key]);
    } else if (a.kind === 'Centre') {
      const s = str(a.status) ?? UNKNOWN;
      status.add(s, s, 1, [n.key]);
    }
  }

  const months = [...byMonth.keys()].sort();
  const perMonth: ChartBar[] =
    months.length === 0
      ? []
      : monthRange(months[0] as string, months[months.length - 1] as string).map((m) => {
          const b = byMonth.get(m);
          return { key: m, label: m, value: b?.value ?? 0, ids: b ? [...b.ids].sort() : [] };
        });

  return [
    {
      id: 'victimsByOrigin',
      title: 'Victims by origin country',
      unit: 'victims',
      mark: 'bar',
      bars: byOrigin.ranked(),
    },
    { id: 'victimsByHubRegion', title: 'Victims by hub region', unit: 'victims', mark: 'bar', bars: byHub.ranked() },
    {
      id: 'facilitatorsByNationality',
      title: 'Facilitators by nationality',
      unit: 'facilitators',
      mark: 'bar',
      bars: nationality.ranked(),
    },
    {
      id: 'facilitatorsByAgeBand',
      title: 'Facilitators by age band',
      unit: 'facilitators',
      mark: 'bar',
      bars: age.ranked(AGE_BANDS),
    },
    {
      id: 'centresByStatus',
      title: 'Centres by status',
      unit: 'centres',
      mark: 'bar',
      bars: status.ranked(CENTRE_STATUSES),
    },
    { id: 'linksFirstSeenPerMonth', title: 'Links first seen per month', unit: 'links', mark: 'line', bars: perMonth },
  ];
}
