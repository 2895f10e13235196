/**
 * The web client core, run in node: the filter predicates of client/src/core/filters/filters.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { edgePasses, inWindow, isFiltering, NO_FILTERS, nodePasses } from '../../../src/core/filters/filters.ts';
import { filters } from '../fixtures.ts';

describe('filters', () => {
  const item = { kind: 'Centre', grade: 'B2', tlp: 'AMBER', firstSeen: '2024-03-01', lastSeen: '2024-09-30' };

  it('passes everything when nothing is set', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(nodePasses(item, NO_FILTERS)).toBe(true);
    expect(edgePasses({ kind: 'TRAFFICKED_TO' }, NO_FILTERS)).toBe(true);
  });

  it('counts every setting but fade as filtering', () => {
    expect(isFiltering(filters({ fade: true }))).toBe(false);
    for (const over of [
      { hiddenKinds: ['Centre'] },
      { hiddenRelKinds: ['LOCATED_IN'] },
      { minGrade: 'C3' },
      { tlpCeiling: 'GREEN' as const },
      { from: '2024-01-01' },
      { to: '2024-01-01' },
    ]) {
      expect(isFiltering(filters(over)), JSON.stringify(over)).toBe(true);
    }
  });

  it('hides node kinds and relationship kinds separately', () => {
    expect(nodePasses(item, filters({ hiddenKinds: ['Centre'] }))).toBe(false);
    expect(nodePasses(item, filters({ hiddenKinds: ['Country'] }))).toBe(true);
    // a node kind switched off does not hide a relationship of the same name, and the other way round
    expect(edgePasses({ kind: 'Centre' }, filters({ hiddenKinds: ['Centre'] }))).toBe(true);
    expect(nodePasses(item, filters({ hiddenRelKinds: ['Centre'] }))).toBe(true);
    expect(edgePasses({ kind: 'LOCATED_IN' }, filters({ hiddenRelKinds: ['LOCATED_IN'] }))).toBe(false);
  });

  it('applies the minimum grade and the TLP ceiling to nodes and edges alike', () => {
    expect(nodePasses(item, filters({ minGrade: 'B2' }))).toBe(true);
    expect(nodePasses(item, filters({ minGrade: 'A1' }))).toBe(false);
    expect(edgePasses({ ...item, kind: 'E', grade: 'D4' }, filters({ minGrade: 'C3' }))).toBe(false);
    expect(nodePasses(item, filters({ tlpCeiling: 'AMBER' }))).toBe(true);
    expect(nodePasses(item, filters({ tlpCeiling: 'GREEN' }))).toBe(false);
    expect(edgePasses({ kind: 'E', tlp: 'RED' }, filters({ tlpCeiling: 'AMBER+STRICT' }))).toBe(false);
    // unmarked counts as RED, so any ceiling below RED holds it back
    expect(nodePasses({ kind: 'Centre' }, filters({ tlpCeiling: 'AMBER+STRICT' }))).toBe(false);
    expect(nodePasses({ kind: 'Centre' }, filters({ tlpCeiling: 'RED' }))).toBe(true);
  });

  it('keeps items whose seen period overlaps the window, including touching its ends', () => {
    expect(inWindow(item, '2024-01-01', '2024-12-31')).toBe(true);
    expect(inWindow(item, '2024-09-30', null)).toBe(true); // last day seen is the window's first
    expect(inWindow(item, null, '2024-03-01')).toBe(true); // first day seen is the window's last
    expect(inWindow(item, '2024-10-01', null)).toBe(false);
    expect(inWindow(item, null, '2024-02-29')).toBe(false);
    expect(inWindow(item, '2024-05-01', '2024-06-01')).toBe(true); // window inside the period
  });

  it('windows an operation by its date and a flow by its period, not by when they were reported', () => {
    const raid = { kind: 'Operation', date: '2022-06-10', firstSeen: '2024-01-01', lastSeen: '2024-02-01' };
    expect(inWindow(raid, '2022-06-01', '2022-06-30')).toBe(true);
    expect(inWindow(raid, '2024-01-01', '2024-12-31')).toBe(false);
    const flow = { kind: 'TRAFFICKED_TO', periodStart: '2021-01-01', periodEnd: '2021-12-31', firstSeen: '2023-05-05' };
    expect(inWindow(flow, '2021-06-01', '2021-06-30')).toBe(true);
    expect(inWindow(flow, '2023-01-01', null)).toBe(false);
    // no event date on this one: its seen dates stand in
    expect(inWindow({ kind: 'Operation', date: null, firstSeen: '2024-01-01' }, '2024-01-01', null)).toBe(true);
  });

  it('lets undated items through and reads a missing lastSeen as firstSeen', () => {
    expect(inWindow({}, '2024-01-01', '2024-01-31')).toBe(true);
    expect(inWindow({ firstSeen: 42 }, '2024-01-01', '2024-01-31')).toBe(true);
    expect(inWindow({ firstSeen: '2024-03-01' }, '2024-03-02', null)).toBe(false);
    expect(inWindow({ firstSeen: '2024-03-01' }, '2024-03-01', null)).toBe(true);
    expect(nodePasses(item, filters({ from: '2025-01-01' }))).toBe(false);
  });
});
