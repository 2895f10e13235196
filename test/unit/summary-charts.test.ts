/**
 * The summary charts' data (server/model/summary-charts.ts), shared by the client's panel and
 * the briefing pack: what each bar counts and which nodes a click on it selects.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BARS, summaryCharts, type ChartGraph, type ChartId } from '../../server/model/summary-charts.ts';

const node = (key: string, kind: string, extra: Record<string, unknown> = {}) => ({
  key,
  attributes: { kind, label: key.split(':')[1] ?? key, ...extra },
});
const edge = (key: string, source: string, target: string, kind: string, extra: Record<string, unknown> = {}) => ({
  key,
  source,
  target,
  attributes: { kind, ...extra },
});

const chart = (graph: ChartGraph, id: ChartId) => summaryCharts(graph).find((c) => c.id === id)!;
const values = (graph: ChartGraph, id: ChartId) => chart(graph, id).bars.map((b) => [b.label, b.value]);

const GRAPH: ChartGraph = {
  nodes: [
    node('country:PH', 'Country'),
    node('country:ID', 'Country'),
    node('country:KH', 'Country', { hubRegion: 'South-East Asia' }),
    node('country:MM', 'Country'),
    node('region:sea', 'Region', { label: 'South-East Asia' }),
    node('region:me', 'Region', { label: 'Middle East' }),
    node('country:AE', 'Country'),
    node('centre:a', 'Centre', { status: 'active' }),
    node('centre:b', 'Centre', { status: 'raided' }),
    node('centre:c', 'Centre', {}),
    node('facilitator:x', 'Facilitator', { ageBand: '30-39' }),
    node('facilitator:y', 'Facilitator', { ageBand: 'under 20' }),
    node('facilitator:z', 'Facilitator', {}),
  ],
  edges: [
    edge('t1', 'country:PH', 'centre:a', 'TRAFFICKED_TO', { victims: 30, firstSeen: '2024-01-05' }),
    edge('t2', 'country:ID', 'centre:a', 'TRAFFICKED_TO', { victims: 70, firstSeen: '2024-03-20' }),
    edge('t3', 'country:PH', 'centre:b', 'TRAFFICKED_TO', { victims: 5 }),
    edge('t4', 'country:ID', 'centre:c', 'TRAFFICKED_TO', { victims: null }),
    // a flow whose centre is not in the graph is not counted
    edge('t5', 'country:PH', 'centre:gone', 'TRAFFICKED_TO', { victims: 1000 }),
    edge('l1', 'centre:a', 'country:KH', 'LOCATED_IN'),
    // centre b's country has no hubRegion of its own: its Region says where it is
    edge('l2', 'centre:b', 'country:AE', 'LOCATED_IN'),
    edge('r1', 'country:AE', 'region:me', 'IN_REGION'),
    edge('n1', 'facilitator:x', 'country:PH', 'NATIONAL_OF'),
    edge('n2', 'facilitator:y', 'country:PH', 'NATIONAL_OF'),
  ],
};

describe('summaryCharts', () => {
  it('sums TRAFFICKED_TO victims by origin country, largest first, a click selecting the country and its centres', () => {
    expect(values(GRAPH, 'victimsByOrigin')).toEqual([
      ['ID', 70],
      ['PH', 35],
    ]);
    expect(chart(GRAPH, 'victimsByOrigin').bars[1]!.ids).toEqual(['centre:a', 'centre:b', 'country:PH']);
  });

  it('sums victims by the hub region of the centre: its country’s hubRegion, else its Region, else unknown', () => {
    expect(values(GRAPH, 'victimsByHubRegion')).toEqual([
      ['South-East Asia', 100],
      ['Middle East', 5],
      ['unknown', 0],
    ]);
    expect(chart(GRAPH, 'victimsByHubRegion').bars[0]!.ids).toEqual(['centre:a']);
  });

  it('counts facilitators by nationality (unknown without a NATIONAL_OF) and by age band in the band order', () => {
    expect(values(GRAPH, 'facilitatorsByNationality')).toEqual([
      ['PH', 2],
      ['unknown', 1],
    ]);
    expect(values(GRAPH, 'facilitatorsByAgeBand')).toEqual([
      ['under 20', 1],
      ['30-39', 1],
      ['unknown', 1],
    ]);
    expect(chart(GRAPH, 'facilitatorsByNationality').bars[0]!.ids).toEqual(['facilitator:x', 'facilitator:y']);
  });

  it('counts centres by status in the status order', () => {
    expect(values(GRAPH, 'centresByStatus')).toEqual([
      ['active', 1],
      ['raided', 1],
      ['unknown', 1],
    ]);
  });

  it('counts links first seen per month with the empty months in between, as a line', () => {
    const c = chart(GRAPH, 'linksFirstSeenPerMonth');
    expect(c.mark).toBe('line');
    expect(c.bars.map((b) => [b.key, b.value])).toEqual([
      ['2024-01', 1],
      ['2024-02', 0],
      ['2024-03', 1],
    ]);
    expect(c.bars[2]!.ids).toEqual(['centre:a', 'country:ID']);
  });

  it('keeps the largest bars and sums the rest into one, so a chart stays readable', () => {
    const n = MAX_BARS + 5;
    const graph: ChartGraph = {
      nodes: [
        node('centre:a', 'Centre'),
        ...Array.from({ length: n }, (_, i) => node(`country:c${String(i).padStart(2, '0')}`, 'Country')),
      ],
      edges: Array.from({ length: n }, (_, i) =>
        edge(`t${i}`, `country:c${String(i).padStart(2, '0')}`, 'centre:a', 'TRAFFICKED_TO', { victims: i + 1 }),
      ),
    };
    const bars = chart(graph, 'victimsByOrigin').bars;
    expect(bars).toHaveLength(MAX_BARS);
    expect(bars[0]).toMatchObject({ label: `c${String(n - 1).padStart(2, '0')}`, value: n });
    const others = bars.at(-1)!;
    expect(others.label).toBe('6 others');
    expect(others.value).toBe(1 + 2 + 3 + 4 + 5 + 6);
    expect(others.ids).toHaveLength(7); // six countries and the centre
  });

  it('is empty for an empty graph', () => {
    for (const c of summaryCharts({ nodes: [], edges: [] })) expect(c.bars).toEqual([]);
  });
});
