/**
 * The web client core, run in node: URL state, from client/src/core/url/url-state.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/core/filters/filters.ts';
import { readUrlState, writeUrlState, type UrlState } from '../../../src/core/url/url-state.ts';

describe('URL state', () => {
  const full: UrlState = {
    nodes: ['country:KE', 'centre:alpha', 'facilitator:f1'],
    view: 'routes',
    selected: 'centre:alpha',
    hub: 'South-East Asia',
    filters: {
      hiddenKinds: ['Source', 'Region'],
      hiddenRelKinds: ['REPORTED_IN'],
      minGrade: 'C3',
      tlpCeiling: 'AMBER+STRICT',
      from: '2024-01-01',
      to: '2024-12-31',
      fade: true,
    },
  };

  it('reads back what it wrote', () => {
    const search = writeUrlState(full);
    expect(search.startsWith('?')).toBe(true);
    expect(readUrlState(search)).toEqual(full);
  });

  it('keeps the timeline view', () => {
    const timeline = { ...full, view: 'timeline' as const };
    expect(writeUrlState(timeline)).toContain('view=timeline');
    expect(readUrlState(writeUrlState(timeline)).view).toBe('timeline');
  });

  it('keeps commas and colons readable in the link', () => {
    const search = writeUrlState(full);
    expect(search).toContain('nodes=country:KE,centre:alpha,facilitator:f1');
    expect(search).not.toMatch(/%2C|%3A/i);
  });

  it('writes nothing for the defaults and reads the defaults from an empty query', () => {
    const empty: UrlState = { nodes: [], view: 'network', selected: null, hub: null, filters: NO_FILTERS };
    expect(writeUrlState(empty)).toBe('');
    expect(readUrlState('')).toEqual(empty);
    expect(readUrlState('?')).toEqual(empty);
    expect(readUrlState(writeUrlState(empty))).toEqual(empty);
  });

  it('ignores bad values and keeps the rest', () => {
    const state = readUrlState(
      '?nodes=a:1,,b:2,&view=globe&grade=G9&tlp=PURPLE&from=2024-1-1&to=yesterday&fade=yes&selected=&unknown=1',
    );
    expect(state).toEqual({
      nodes: ['a:1', 'b:2'],
      view: 'network',
      selected: null,
      hub: null,
      filters: NO_FILTERS,
    });
    expect(readUrlState('?grade=c3&tlp=amber').filters).toEqual(NO_FILTERS); // case matters
  });

  it('round-trips a state with only some fields set', () => {
    const some: UrlState = {
      nodes: ['centre:gamma'],
      view: 'network',
      selected: null,
      hub: null,
      filters: { ...NO_FILTERS, tlpCeiling: 'GREEN' },
    };
    expect(readUrlState(writeUrlState(some))).toEqual(some);
  });
});
