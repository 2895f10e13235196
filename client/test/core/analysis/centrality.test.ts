/**
 * Betweenness over what is shown, direction dropped: the broker between two groups scores highest,
 * though every link of it points outwards (over the directed canvas it scored 0), and hidden or
 * filtered nodes lend nobody a path.
 */
import { describe, expect, it } from 'vitest';
import betweenness from 'graphology-metrics/centrality/betweenness';
import { betweennessOf } from '../../../src/core/analysis/centrality.ts';
import { visibleUndirected } from '../../../src/core/analysis/visible-graph.ts';
import { nodeSizes } from '../../../src/core/style/sizing.ts';
import { NO_FILTERS } from '../../../src/core/filters/filters.ts';
import { filters, graphOf } from '../fixtures.ts';

/**
 * Two triangles of centres, a1 a2 a3 and b1 b2 b3, and a broker who RECRUITS_FOR a1 and b1: the
 * only way from one triangle to the other. A shortcut a2 -> b2 through `c:shortcut` exists too,
 * hidden by the investigator or filtered, depending on the test.
 */
function brokerGraph(shortcut: Record<string, unknown> = { hiddenByUser: true }) {
  const centre = (id: string): [string, string] => [id, 'Centre'];
  return graphOf(
    [
      ['facilitator:broker', 'Facilitator'],
      ...['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((n) => centre(`centre:${n}`)),
      ['country:shortcut', 'Country', shortcut],
    ],
    [
      ['r1', 'facilitator:broker', 'centre:a1', 'RECRUITS_FOR'],
      ['r2', 'facilitator:broker', 'centre:b1', 'RECRUITS_FOR'],
      ['a12', 'centre:a1', 'centre:a2', 'LINKED'],
      ['a23', 'centre:a2', 'centre:a3', 'LINKED'],
      ['a31', 'centre:a3', 'centre:a1', 'LINKED'],
      ['b12', 'centre:b1', 'centre:b2', 'LINKED'],
      ['b23', 'centre:b2', 'centre:b3', 'LINKED'],
      ['b31', 'centre:b3', 'centre:b1', 'LINKED'],
      ['s1', 'centre:a2', 'country:shortcut', 'LOCATED_IN'],
      ['s2', 'centre:b2', 'country:shortcut', 'LOCATED_IN'],
    ],
  );
}

const top = (scores: Map<string, number>) => [...scores].sort((a, b) => b[1] - a[1])[0]![0];

describe('betweenness over what is shown', () => {
  it('scores the broker highest, though its links all point out of it', () => {
    const graph = brokerGraph();
    // the bug this replaces: over the directed canvas the broker lies on no path at all
    expect(betweenness(graph, { normalized: true })['facilitator:broker']).toBe(0);
    const scores = betweennessOf(visibleUndirected(graph, NO_FILTERS));
    expect(top(scores)).toBe('facilitator:broker');
    expect(scores.get('facilitator:broker')).toBeGreaterThan(scores.get('centre:a1')!);
    expect(scores.has('country:shortcut')).toBe(false);
  });

  it('gives the broker the largest node when sizing by betweenness', () => {
    const sizes = nodeSizes(brokerGraph(), 'betweenness');
    const largest = Math.max(...sizes.values());
    expect(sizes.get('facilitator:broker')).toBe(largest);
    expect([...sizes].filter(([, s]) => s === largest).map(([n]) => n)).toEqual(['facilitator:broker']);
    // the hidden shortcut is drawn at the smallest size, not left without one
    expect(sizes.get('country:shortcut')).toBe(Math.min(...sizes.values()));
  });

  it('counts a shortcut once it is shown: the broker is then no longer the only way across', () => {
    const shown = betweennessOf(visibleUndirected(brokerGraph({}), NO_FILTERS));
    expect(shown.get('country:shortcut')).toBeGreaterThan(0);
    expect(shown.get('facilitator:broker')).toBeLessThan(
      betweennessOf(visibleUndirected(brokerGraph(), NO_FILTERS)).get('facilitator:broker')!,
    );
  });

  it('leaves out nodes a filter leaves out, faded or hidden, and links a filter leaves out', () => {
    const graph = brokerGraph({});
    for (const fade of [false, true]) {
      const byKind = betweennessOf(visibleUndirected(graph, filters({ hiddenKinds: ['Country'], fade })));
      expect(top(byKind)).toBe('facilitator:broker');
      expect(byKind.has('country:shortcut')).toBe(false);
    }
    const byLink = betweennessOf(visibleUndirected(graph, filters({ hiddenRelKinds: ['LOCATED_IN'] })));
    expect(top(byLink)).toBe('facilitator:broker');
    // the country is still shown, alone
    expect(byLink.get('country:shortcut')).toBe(0);
  });

  it('merges parallel links and drops direction and self-loops in the measured graph', () => {
    const graph = graphOf(
      [
        ['a', 'Centre'],
        ['b', 'Centre'],
      ],
      [
        ['e1', 'a', 'b', 'X'],
        ['e2', 'b', 'a', 'Y'],
        ['e3', 'a', 'a', 'Z'],
      ],
    );
    const visible = visibleUndirected(graph, NO_FILTERS);
    expect(visible.size).toBe(1);
    expect(visible.getEdgeAttribute('a', 'b', 'weight')).toBe(2);
    expect(betweennessOf(visibleUndirected(graphOf([]), NO_FILTERS)).size).toBe(0);
  });
});
