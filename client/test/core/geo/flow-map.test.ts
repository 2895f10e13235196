/**
 * The web client core, run in node: the route view's aggregated map of client/src/core/geo/flow-map.ts
 * (and the rows of an arrow's details, flow-details.ts). Graphs here are built by hand in each
 * test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import {
  buildFlowMap,
  CLUSTER_PREFIX,
  flowWidth,
  HUB_PREFIX,
  opensAtZoom,
  ORIGIN_REGION_PREFIX,
  spacingFor,
  zoomToOpen,
  type FlowMapOptions,
} from '../../../src/core/geo/flow-map.ts';
import { createMapGraph, drawFlowMap } from '../../../src/core/geo/flow-map-graph.ts';
import { flowMembers } from '../../../src/core/geo/flow-details.ts';
import { geoPlacements } from '../../../src/core/geo/route-layout.ts';
import { createDataGraph, type DataGraph } from '../../../src/core/graph/data-graph.ts';
import { filters } from '../fixtures.ts';

const SEA = 'South-East Asia';

/** Two hub countries (KH with three centres, TH with one), three origins in two subregions, one Ghanaian centre. */
function flowGraph(): DataGraph {
  const g = createDataGraph();
  const country = (id: string, lat: number, lng: number, extra: Record<string, unknown>) =>
    g.addNode(id, { kind: 'Country', label: id.slice(8), x: 0, y: 0, lat, lng, tlp: 'CLEAR', ...extra });
  country('country:KH', 13, 105, { hubRegion: SEA, subregion: 'South-Eastern Asia' });
  country('country:TH', 15, 101, { hubRegion: SEA, subregion: 'South-Eastern Asia' });
  country('country:GH', 8, -1, { hubRegion: 'West Africa', subregion: 'Western Africa' });
  country('country:KE', 0, 38, { subregion: 'Eastern Africa' });
  country('country:UG', 1, 32, { subregion: 'Eastern Africa' });
  country('country:IN', 21, 78, { subregion: 'Southern Asia', tlp: 'GREEN' });
  const centre = (id: string, country: string, tlp = 'GREEN') => {
    g.addNode(id, { kind: 'Centre', label: id, x: 0, y: 0, tlp });
    g.addEdgeWithKey(`loc:${id}`, id, country, { kind: 'LOCATED_IN' });
  };
  centre('centre:kh1', 'country:KH');
  centre('centre:kh2', 'country:KH', 'AMBER');
  centre('centre:kh3', 'country:KH');
  centre('centre:th1', 'country:TH');
  centre('centre:gh1', 'country:GH');
  const flow = (from: string, to: string, victims: number | null, period: [string, string], tlp = 'GREEN') =>
    g.addEdgeWithKey(`tt:${from}>${to}`, from, to, {
      kind: 'TRAFFICKED_TO',
      victims,
      periodStart: period[0],
      periodEnd: period[1],
      tlp,
      grade: 'B2',
    });
  flow('country:KE', 'centre:kh1', 300, ['2023-01-01', '2023-06-30']);
  flow('country:KE', 'centre:kh2', 50, ['2024-01-01', '2024-03-31'], 'AMBER');
  flow('country:UG', 'centre:kh3', 20, ['2022-01-01', '2022-12-31']);
  flow('country:IN', 'centre:kh1', 1000, ['2021-01-01', '2021-12-31']);
  flow('country:IN', 'centre:th1', 5, ['2024-05-01', '2024-06-30']);
  flow('country:KE', 'centre:gh1', null, ['2024-01-01', '2024-12-31']);
  return g;
}

const options = (over: Partial<FlowMapOptions> = {}): FlowMapOptions => ({
  filters: filters({}),
  hub: null,
  level: 'country',
  opened: new Set(),
  pxPerUnit: 0.7,
  ...over,
});

const edgeOf = (map: ReturnType<typeof buildFlowMap>, source: string, target: string) =>
  map.edges.find((e) => e.source === source && e.target === target);

describe('route view at scale: aggregated flows and clustered centres', () => {
  it('zoomed in: one arrow per origin country and country disc, victims summed, members listed', () => {
    const g = flowGraph();
    const map = buildFlowMap(g, geoPlacements(g), options());
    const ke = edgeOf(map, 'country:KE', CLUSTER_PREFIX + 'country:KH');
    expect(ke).toMatchObject({ victims: 350, members: ['tt:country:KE>centre:kh1', 'tt:country:KE>centre:kh2'] });
    expect(edgeOf(map, 'country:IN', CLUSTER_PREFIX + 'country:KH')).toMatchObject({ victims: 1000 });
    expect(edgeOf(map, 'country:UG', CLUSTER_PREFIX + 'country:KH')).toMatchObject({ victims: 20 });
    // a flow with no number adds nothing but is counted as unknown
    expect(edgeOf(map, 'country:KE', 'centre:gh1')).toMatchObject({ victims: 0, unknown: 1 });
    expect(map.edges).toHaveLength(5);
    // every data flow is in exactly one arrow
    expect(map.edges.flatMap((e) => e.members).sort()).toEqual(
      g.filterEdges((_, a) => a.kind === 'TRAFFICKED_TO').sort(),
    );
    const kh = map.nodes.find((n) => n.key === CLUSTER_PREFIX + 'country:KH');
    expect(kh).toMatchObject({ role: 'cluster', members: ['centre:kh1', 'centre:kh2', 'centre:kh3'], tlp: 'AMBER' });
    expect(kh?.label).toBe('KH · 3 centres');
    // the disc stands at the country's place; no centre is drawn on its own
    expect(kh).toMatchObject({ x: geoPlacements(g).get('country:KH')?.x, y: geoPlacements(g).get('country:KH')?.y });
    // a country's only centre is drawn itself, beside its country: nothing to cluster
    expect(map.nodes.filter((n) => n.role === 'centre').map((n) => n.key)).toEqual(['centre:th1', 'centre:gh1']);
    expect(map.nodes.some((n) => n.key.startsWith(CLUSTER_PREFIX + 'country:TH'))).toBe(false);
    // the aggregate carries the highest marking among its flows
    expect(ke?.tlp).toBe('AMBER');
  });

  it('zoomed out: origins by subregion, centres by hub region, one arrow each', () => {
    const g = flowGraph();
    const map = buildFlowMap(g, geoPlacements(g), options({ level: 'region' }));
    const eastAfrica = ORIGIN_REGION_PREFIX + 'Eastern Africa';
    expect(map.nodes.find((n) => n.key === eastAfrica)).toMatchObject({
      role: 'origin-region',
      members: ['country:KE', 'country:UG'],
    });
    const sea = map.nodes.find((n) => n.key === HUB_PREFIX + SEA);
    expect(sea).toMatchObject({ role: 'hub', label: `${SEA} · 4 centres` });
    expect(sea?.members.sort()).toEqual(['centre:kh1', 'centre:kh2', 'centre:kh3', 'centre:th1']);
    expect(edgeOf(map, eastAfrica, HUB_PREFIX + SEA)).toMatchObject({ victims: 370 });
    expect(edgeOf(map, ORIGIN_REGION_PREFIX + 'Southern Asia', HUB_PREFIX + SEA)).toMatchObject({ victims: 1005 });
    expect(edgeOf(map, eastAfrica, HUB_PREFIX + 'West Africa')).toMatchObject({ unknown: 1 });
    expect(map.edges).toHaveLength(3);
    expect(map.nodes.some((n) => n.role === 'country' || n.role === 'cluster')).toBe(false);
  });

  it('arrow widths grow strictly with the victims, on a log scale', () => {
    const widths = [0, 5, 20, 350, 1000, 100000].map(flowWidth);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1]!);
    expect(flowWidth(0)).toBe(1);
    // 10× the victims adds a constant, not 10× the width
    expect(flowWidth(100000) - flowWidth(10000)).toBeCloseTo(flowWidth(10000) - flowWidth(1000), 1);
    const g = flowGraph();
    const map = buildFlowMap(g, geoPlacements(g), options());
    const byVictims = [...map.edges].sort((a, b) => a.victims - b.victims);
    for (let i = 1; i < byVictims.length; i++)
      if (byVictims[i]!.victims > byVictims[i - 1]!.victims)
        expect(byVictims[i]!.width).toBeGreaterThan(byVictims[i - 1]!.width);
  });

  it('opens a clicked country: its centres around it, each with its own arrows', () => {
    const g = flowGraph();
    const geo = geoPlacements(g);
    const map = buildFlowMap(g, geo, options({ opened: new Set(['country:KH']) }));
    expect(map.opened).toEqual(new Set(['country:KH', 'country:TH', 'country:GH']));
    expect(map.nodes.some((n) => n.key === CLUSTER_PREFIX + 'country:KH')).toBe(false);
    const centres = map.nodes.filter((n) => n.role === 'centre');
    expect(
      centres
        .filter((n) => n.country === 'country:KH')
        .map((n) => n.key)
        .sort(),
    ).toEqual(['centre:kh1', 'centre:kh2', 'centre:kh3']);
    const kh = geo.get('country:KH')!;
    const th = geo.get('country:TH')!;
    const toTh = Math.hypot(kh.x - th.x, kh.y - th.y);
    for (const c of centres.filter((n) => n.country === 'country:KH')) {
      const d = Math.hypot(c.x - kh.x, c.y - kh.y);
      // around the country, never halfway to its neighbour
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThan(toTh / 2);
    }
    expect(map.nodes.find((n) => n.key === 'country:KH')).toMatchObject({ role: 'country' });
    expect(edgeOf(map, 'country:KE', 'centre:kh1')).toMatchObject({ victims: 300 });
    expect(edgeOf(map, 'country:KE', 'centre:kh2')).toMatchObject({ victims: 50 });
    expect(edgeOf(map, 'country:IN', 'centre:th1')).toMatchObject({ victims: 5 });
  });

  it('opens a country by itself once the zoom gives its centres room on screen', () => {
    const g = flowGraph();
    const geo = geoPlacements(g);
    const closed = buildFlowMap(g, geo, options());
    const kh = closed.nodes.find((n) => n.key === CLUSTER_PREFIX + 'country:KH')!;
    const spacing = kh.spacing!;
    expect(spacing).toBe(
      spacingFor(
        3,
        Math.hypot(
          geo.get('country:KH')!.x - geo.get('country:TH')!.x,
          geo.get('country:KH')!.y - geo.get('country:TH')!.y,
        ),
      ),
    );
    expect(opensAtZoom(spacing, zoomToOpen(spacing) * 0.9)).toBe(false);
    expect(buildFlowMap(g, geo, options({ pxPerUnit: zoomToOpen(spacing) * 0.9 })).opened.has('country:KH')).toBe(
      false,
    );
    expect(buildFlowMap(g, geo, options({ pxPerUnit: zoomToOpen(spacing) * 1.01 })).opened.has('country:KH')).toBe(
      true,
    );
  });

  it('the time bar and the filters apply before aggregating: sums of what is shown only', () => {
    const g = flowGraph();
    const geo = geoPlacements(g);
    // 2023 only: Kenya's 2023 flow to kh1 (300); Kenya's 2024 and India's 2021 flows fall out
    const window = buildFlowMap(g, geo, options({ filters: filters({ from: '2023-01-01', to: '2023-12-31' }) }));
    expect(window.edges.map((e) => [e.source, e.target, e.victims])).toEqual([
      ['country:KE', CLUSTER_PREFIX + 'country:KH', 300],
    ]);
    // a TLP ceiling drops the AMBER centre from the disc and its flow from the sum
    const green = buildFlowMap(g, geo, options({ filters: filters({ tlpCeiling: 'GREEN' }) }));
    expect(green.nodes.find((n) => n.key === CLUSTER_PREFIX + 'country:KH')?.members).toEqual([
      'centre:kh1',
      'centre:kh3',
    ]);
    expect(edgeOf(green, 'country:KE', CLUSTER_PREFIX + 'country:KH')).toMatchObject({ victims: 300 });
    // a hidden origin country takes its flows with it
    g.setNodeAttribute('country:IN', 'hiddenByUser', true);
    const hidden = buildFlowMap(g, geo, options());
    expect(hidden.edges.some((e) => e.source === 'country:IN')).toBe(false);
    // the hub filter keeps one hub region's centres
    const hub = buildFlowMap(g, geo, options({ hub: 'West Africa' }));
    expect(hub.nodes.filter((n) => n.role === 'centre' || n.role === 'cluster').map((n) => n.key)).toEqual([
      'centre:gh1',
    ]);
    expect(hub.edges.map((e) => e.source)).toEqual(['country:KE']);
  });

  it('draws into a graph of its own (the data graph is untouched) and lists an arrow’s flows, most victims first', () => {
    const g = flowGraph();
    const before = JSON.stringify(g.export());
    const map = buildFlowMap(g, geoPlacements(g), options());
    const drawn = createMapGraph();
    drawFlowMap(drawn, map);
    drawFlowMap(drawn, map);
    expect(drawn.order).toBe(map.nodes.length);
    expect(drawn.size).toBe(map.edges.length);
    expect(JSON.stringify(g.export())).toBe(before);
    const key = edgeOf(map, 'country:KE', CLUSTER_PREFIX + 'country:KH')!.key;
    expect(drawn.getEdgeAttribute(key, 'size')).toBe(flowWidth(350));
    const rows = flowMembers(g, drawn.getEdgeAttribute(key, 'members') as string[]);
    expect(rows.map((r) => [r.centreId, r.victims, r.period])).toEqual([
      ['centre:kh1', 300, '2023-01-01–2023-06-30'],
      ['centre:kh2', 50, '2024-01-01–2024-03-31'],
    ]);
  });
});
