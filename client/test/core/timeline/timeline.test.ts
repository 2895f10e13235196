/**
 * The timeline's core (client/src/core/timeline/): the time scale and its adaptive ticks, the
 * items taken from the data graph by event dates, lanes by kind and by entity, and hit testing.
 */
import { describe, expect, it } from 'vitest';
import { graphOf } from '../fixtures.ts';
import {
  axisTicks,
  DAY,
  fitScale,
  MAX_SPAN,
  MIN_SPAN,
  panBy,
  tickUnit,
  tOf,
  utc,
  xOf,
  zoomAt,
  type TimeScale,
} from '../../../src/core/timeline/timeline-scale.ts';
import { layoutLanes, packRows, timelineItems, type TimelineItem } from '../../../src/core/timeline/timeline-lanes.ts';
import {
  idsOf,
  itemAt,
  itemsInBox,
  laneTops,
  placedItems,
  ROW_H,
} from '../../../src/core/timeline/timeline-geometry.ts';

const scaleOf = (from: string, to: string, width = 1000): TimeScale => ({ t0: utc(from), t1: utc(to), width });

describe('time scale', () => {
  it('maps time to pixels and back', () => {
    const s = scaleOf('2024-01-01', '2025-01-01');
    expect(xOf(s, utc('2024-01-01'))).toBe(0);
    expect(xOf(s, utc('2025-01-01'))).toBe(1000);
    expect(tOf(s, xOf(s, utc('2024-07-01')))).toBeCloseTo(utc('2024-07-01'));
  });

  it('zooms around the pointer, keeping the time under it in place, within days and centuries', () => {
    const s = scaleOf('2020-01-01', '2030-01-01');
    const at = tOf(s, 250);
    const z = zoomAt(s, 4, 250);
    expect(z.t1 - z.t0).toBeCloseTo((s.t1 - s.t0) / 4);
    expect(tOf(z, 250)).toBeCloseTo(at);
    let deep = s;
    for (let i = 0; i < 40; i++) deep = zoomAt(deep, 2, 500);
    expect(deep.t1 - deep.t0).toBe(MIN_SPAN);
    let wide = s;
    for (let i = 0; i < 40; i++) wide = zoomAt(wide, 0.5, 500);
    expect(wide.t1 - wide.t0).toBe(MAX_SPAN);
  });

  it('pans by pixels', () => {
    const s = scaleOf('2024-01-01', '2024-01-11');
    const p = panBy(s, 100); // a tenth of the width: one day earlier
    expect(p.t0).toBe(s.t0 - DAY);
    expect(p.t1 - p.t0).toBe(s.t1 - s.t0);
  });

  it('fits an extent with a margin, never narrower than the minimum span', () => {
    const f = fitScale(utc('2024-01-01'), utc('2024-12-31'), 800);
    expect(f.t0).toBeLessThan(utc('2024-01-01'));
    expect(f.t1).toBeGreaterThan(utc('2024-12-31'));
    const one = fitScale(utc('2024-05-05'), utc('2024-05-05'), 800);
    expect(one.t1 - one.t0).toBeGreaterThanOrEqual(MIN_SPAN);
  });

  it('chooses ticks from decades down to days as it zooms in', () => {
    expect(tickUnit(scaleOf('1900-01-01', '2100-01-01'))).toBe('decade');
    expect(tickUnit(scaleOf('2010-01-01', '2025-01-01'))).toBe('year');
    expect(tickUnit(scaleOf('2022-01-01', '2025-01-01'))).toBe('quarter');
    expect(tickUnit(scaleOf('2024-01-01', '2025-01-01'))).toBe('month');
    expect(tickUnit(scaleOf('2024-01-01', '2024-03-01'))).toBe('week');
    expect(tickUnit(scaleOf('2024-03-01', '2024-03-15'))).toBe('day');
  });

  it('labels ticks at the unit’s boundaries, inside the scale', () => {
    const months = axisTicks(scaleOf('2023-11-15', '2024-03-15'));
    expect(months.unit).toBe('month');
    expect(months.ticks.map((t) => t.label)).toEqual(['Dec', 'Jan 2024', 'Feb', 'Mar']);
    expect(months.ticks[0]!.t).toBe(utc('2023-12-01'));
    const years = axisTicks(scaleOf('2015-06-01', '2024-06-01'));
    expect(years.ticks.map((t) => t.label)).toEqual([
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    const days = axisTicks(scaleOf('2024-03-01', '2024-03-08'));
    expect(days.unit).toBe('day');
    expect(days.ticks[0]!.label).toBe('1 Mar');
    // weeks start on Mondays: 2024-01-01 was one
    const weeks = axisTicks(scaleOf('2023-12-28', '2024-02-20'));
    expect(weeks.unit).toBe('week');
    expect(weeks.ticks[0]!.t).toBe(utc('2024-01-01'));
  });
});

function sample() {
  const graph = graphOf(
    [
      ['op:1', 'Operation', { date: '2023-08-20', firstSeen: '2024-01-01' }],
      ['op:2', 'Operation', { date: '2023-08-20' }],
      ['notice:1', 'Notice', { issued: '2023-06-07' }],
      ['country:PH', 'Country', { firstSeen: '2022-01-01', lastSeen: '2024-12-31' }],
      ['centre:a', 'Centre', {}],
      ['centre:b', 'Centre', { firstSeen: '2021-05-01', lastSeen: '2021-09-30' }],
    ],
    [
      ['t1', 'country:PH', 'centre:a', 'TRAFFICKED_TO'],
      ['t2', 'country:PH', 'centre:b', 'TRAFFICKED_TO'],
      ['r1', 'op:1', 'centre:a', 'RAIDED'],
    ],
  );
  graph.mergeEdgeAttributes('t1', { periodStart: '2022-03-01', periodEnd: '2022-10-31' });
  graph.mergeEdgeAttributes('t2', { periodStart: '2022-06-01', periodEnd: '2023-01-31' });
  graph.mergeEdgeAttributes('r1', { date: '2023-08-21' });
  return graph;
}

describe('timeline items and lanes', () => {
  it('takes each dated node and link by its event date; undated ones are left out', () => {
    const items = timelineItems(sample());
    expect(items.map((i) => i.key)).toEqual(['centre:b', 'country:PH', 't1', 't2', 'notice:1', 'op:1', 'op:2', 'r1']);
    const op = items.find((i) => i.key === 'op:1')!;
    expect(op).toMatchObject({ instant: true, basis: 'event', start: utc('2023-08-20'), ids: ['op:1'] });
    expect(op.end - op.start).toBe(DAY);
    const flow = items.find((i) => i.key === 't1')!;
    expect(flow).toMatchObject({ instant: false, isLink: true, ids: ['country:PH', 'centre:a'], owner: 'country:PH' });
    expect(flow.end).toBe(utc('2022-10-31') + DAY);
    expect(items.find((i) => i.key === 'country:PH')!.basis).toBe('seen');
  });

  it('leaves out what the visibility test refuses (filters, hidden nodes)', () => {
    const items = timelineItems(sample(), { node: (k) => k !== 'op:2', edge: (k) => k !== 'r1' });
    expect(items.map((i) => i.key)).not.toContain('op:2');
    expect(items.map((i) => i.key)).not.toContain('r1');
  });

  it('packs overlapping periods into rows and stacks instants on one day', () => {
    const items = timelineItems(sample()).filter((i) => i.kind === 'TRAFFICKED_TO' || i.kind === 'Operation');
    const flows = packRows(items.filter((i) => i.kind === 'TRAFFICKED_TO'));
    expect(flows.map((r) => r.map((i) => i.key))).toEqual([['t1'], ['t2']]); // they overlap
    const ops = packRows(items.filter((i) => i.kind === 'Operation'));
    expect(ops).toHaveLength(2);
  });

  it('lays lanes out by kind (event-dated kinds first, node kinds before link kinds) or by entity (a link in its source’s lane)', () => {
    const graph = sample();
    const items = timelineItems(graph);
    const label = (id: string) => graph.getNodeAttribute(id, 'label');
    const kind = (id: string) => graph.getNodeAttribute(id, 'kind');
    const byKind = layoutLanes(items, 'kind', label, kind);
    expect(byKind.map((l) => l.key)).toEqual(['Notice', 'Operation', 'RAIDED', 'TRAFFICKED_TO', 'Centre', 'Country']);
    const byEntity = layoutLanes(items, 'entity', label, kind);
    expect(byEntity.map((l) => l.key)).toEqual(['centre:b', 'country:PH', 'notice:1', 'op:1', 'op:2']);
    const ph = byEntity.find((l) => l.key === 'country:PH')!;
    expect(
      ph.rows
        .flat()
        .map((i) => i.key)
        .sort(),
    ).toEqual(['country:PH', 't1', 't2']);
    expect(ph.kind).toBe('Country');
  });
});

describe('hit testing', () => {
  const graph = sample();
  const items = timelineItems(graph);
  const lanes = layoutLanes(
    items,
    'kind',
    (id) => id,
    (id) => graph.getNodeAttribute(id, 'kind'),
  );
  const { tops, height } = laneTops(lanes);
  const s = scaleOf('2021-01-01', '2025-01-01');
  const placed = placedItems(lanes, tops, s);
  const find = (key: string) => placed.find((p) => p.item.key === key)!;

  it('stacks lanes one under another, each as tall as its rows', () => {
    expect(tops[0]).toBe(0);
    expect(height).toBeGreaterThan(lanes.reduce((n, l) => n + l.rows.length * ROW_H, 0));
  });

  it('finds the item under a point, and nothing in empty space', () => {
    const op = find('op:1');
    expect(itemAt(placed, (op.x0 + op.x1) / 2, op.y + ROW_H / 2)?.key).toMatch(/^op:/);
    const flow = find('t1');
    expect(itemAt(placed, (flow.x0 + flow.x1) / 2, flow.y + 5)?.key).toBe('t1');
    expect(itemAt(placed, 999, -50)).toBeNull();
  });

  it('brushes a box: the items it touches and their nodes, each once', () => {
    const t1 = find('t1');
    const t2 = find('t2');
    const hit: TimelineItem[] = itemsInBox(placed, { x0: t1.x0, x1: t2.x1, y0: t1.y, y1: t2.y + 2 });
    expect(hit.map((i) => i.key).sort()).toEqual(['t1', 't2']);
    expect(idsOf(hit).sort()).toEqual(['centre:a', 'centre:b', 'country:PH']);
    // a box drawn right to left and bottom to top is the same box
    expect(itemsInBox(placed, { x0: t2.x1, x1: t1.x0, y0: t2.y + 2, y1: t1.y })).toHaveLength(2);
  });

  it('places only what is in view: items outside the time window or the scrolled rows are left out', () => {
    const narrow = placedItems(lanes, tops, scaleOf('2023-08-01', '2023-09-01'));
    expect(narrow.map((p) => p.item.key).sort()).toEqual(['country:PH', 'op:1', 'op:2', 'r1']);
    const top = placedItems(lanes, tops, s, 0, ROW_H - 1);
    expect(new Set(top.map((p) => p.item.kind))).toEqual(new Set(['Notice']));
  });
});

describe('a few thousand items', () => {
  it('packs 5,000 periods into rows without overlap, and places only those in view', () => {
    const nodes: Array<[string, string, Record<string, unknown>]> = [];
    for (let i = 0; i < 5000; i++) {
      const start = new Date(Date.UTC(2015, 0, 1) + ((i * 7919) % 3650) * DAY);
      const end = new Date(start.getTime() + ((i * 31) % 400) * DAY);
      nodes.push([
        `centre:c${i}`,
        i % 2 ? 'Centre' : 'Country',
        {
          firstSeen: start.toISOString().slice(0, 10),
          lastSeen: end.toISOString().slice(0, 10),
        },
      ]);
    }
    const graph = graphOf(nodes);
    const began = performance.now();
    const items = timelineItems(graph);
    const lanes = layoutLanes(
      items,
      'kind',
      (id) => id,
      () => 'Centre',
    );
    const { tops } = laneTops(lanes);
    const inView = placedItems(lanes, tops, scaleOf('2020-01-01', '2020-03-01'), 0, 600);
    const took = performance.now() - began;
    expect(items).toHaveLength(5000);
    for (const lane of lanes)
      for (const row of lane.rows)
        for (let i = 1; i < row.length; i++) expect(row[i]!.start).toBeGreaterThanOrEqual(row[i - 1]!.end);
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(items.length / 5);
    // generous: the point is that a few thousand items are laid out in a frame or two, not seconds
    expect(took).toBeLessThan(1500);
  });
});
