/**
 * The web client core, run in node: the time bar's months, from client/src/core/filters/time-histogram.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { endOfMonth, firstSeenHistogram, monthsBetween } from '../../../src/core/filters/time-histogram.ts';
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
    expect(firstSeenHistogram(graph)).toEqual([
      { month: '2024-01', count: 2 },
      { month: '2024-02', count: 0 },
      { month: '2024-03', count: 1 },
      { month: '2024-04', count: 1 },
    ]);
  });

  it('is empty when nothing is dated', () => {
    expect(firstSeenHistogram(createDataGraph())).toEqual([]);
    expect(firstSeenHistogram(graphOf([['a', 'Centre']]))).toEqual([]);
  });
});
