/**
 * The web client core, run in node: the time bar's months, from client/src/core/filters/time-histogram.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { endOfMonth, eventHistogram, monthsBetween } from '../../../src/core/filters/time-histogram.ts';
import { createDataGraph } from '../../../src/core/graph/data-graph.ts';
import { graphOf } from '../fixtures.ts';

describe('time histogram', () => {
  it('lists every month between two months, across years, inclusive', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
    expect(monthsBetween('2024-05', '2024-04')).toEqual([]);
    expect(monthsBetween('2020-01', '2022-12')).toHaveLength(36);
  });

  it('gives the last day of the month, leap years included', () => {
    expect(endOfMonth('2024-02')).toBe('2024-02-29');
    expect(endOfMonth('2023-02')).toBe('2023-02-28');
    expect(endOfMonth('2000-02')).toBe('2000-02-29'); // divisible by 400
    expect(endOfMonth('1900-02')).toBe('1900-02-28'); // divisible by 100 only
    expect(endOfMonth('2024-04')).toBe('2024-04-30');
    expect(endOfMonth('2024-12')).toBe('2024-12-31');
    expect(endOfMonth('2024-01')).toBe('2024-01-31');
  });

  it('counts nodes and links by the month first seen, with empty months in between', () => {
    const graph = graphOf(
      [
        ['a', 'Centre', { firstSeen: '2024-01-15' }],
        ['b', 'Centre', { firstSeen: '2024-01-31' }],
        ['c', 'Country', { firstSeen: '2024-04-01' }],
        ['d', 'Country', { firstSeen: null }],
        ['e', 'Country', { firstSeen: 'sometime' }],
        ['f', 'Country'],
      ],
      [['e1', 'a', 'c', 'LOCATED_IN']],
    );
    graph.mergeEdgeAttributes('e1', { firstSeen: '2024-03-10' });
    expect(eventHistogram(graph)).toEqual([
      { month: '2024-01', count: 2 },
      { month: '2024-02', count: 0 },
      { month: '2024-03', count: 1 },
      { month: '2024-04', count: 1 },
    ]);
  });

  it('counts by the event date where the kind has one, not the report date', () => {
    const graph = graphOf(
      [
        ['op', 'Operation', { date: '2022-06-10', firstSeen: '2024-01-01' }],
        ['n', 'Notice', { issued: null, firstSeen: '2023-02-02' }], // no issue date: first seen stands in
        ['c', 'Country', { firstSeen: '2022-08-01' }],
        ['z', 'Centre', { firstSeen: '2022-07-01' }],
      ],
      [['t', 'c', 'z', 'TRAFFICKED_TO']],
    );
    graph.mergeEdgeAttributes('t', { periodStart: '2022-07-15', periodEnd: '2022-12-31', firstSeen: '2023-02-01' });
    const bins = eventHistogram(graph);
    expect(bins[0]).toEqual({ month: '2022-06', count: 1 });
    expect(bins.find((b) => b.month === '2022-07')?.count).toBe(2); // the centre and the flow's start
    expect(bins.find((b) => b.month === '2023-02')?.count).toBe(1); // the notice only
    expect(bins.find((b) => b.month === '2024-01')).toBeUndefined(); // the raid's report date is not used
  });

  it('is empty when nothing is dated', () => {
    expect(eventHistogram(createDataGraph())).toEqual([]);
    expect(eventHistogram(graphOf([['a', 'Centre']]))).toEqual([]);
  });
});
