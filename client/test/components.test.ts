/**
 * Component tests: the panels rendered to HTML with react-dom/server (no browser needed), from
 * the same props the app gives them. The browser suite (test/e2e) covers them wired together.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GradeBadge, TlpBadge } from '../src/components/DetailsPanel.tsx';
import { Legend } from '../src/components/Legend.tsx';
import { PathPanel } from '../src/components/PathPanel.tsx';
import { FiltersPanel } from '../src/components/FiltersPanel.tsx';
import { TimeBar } from '../src/components/TimeBar.tsx';
import { createDataGraph, mergeSubgraph } from '../src/core/graph/data-graph.ts';
import { NO_FILTERS } from '../src/core/filters/filters.ts';

const noop = () => undefined;

function sampleGraph() {
  const graph = createDataGraph();
  mergeSubgraph(graph, {
    nodes: [
      {
        key: 'centre:a',
        attributes: {
          kind: 'Centre',
          label: 'A',
          tlp: 'CLEAR',
          grade: 'A1',
          firstSeen: '2024-01-01',
          lastSeen: '2024-03-31',
        },
      },
      {
        key: 'centre:b',
        attributes: {
          kind: 'Centre',
          label: 'B',
          tlp: 'RED',
          grade: 'F6',
          firstSeen: '2024-03-01',
          lastSeen: '2024-04-30',
        },
      },
      { key: 'country:NA', attributes: { kind: 'Country', label: 'Namibia', tlp: 'CLEAR', grade: 'A1' } },
    ],
    edges: [
      {
        key: 'e1',
        source: 'centre:a',
        target: 'country:NA',
        attributes: { kind: 'LOCATED_IN', tlp: 'CLEAR', grade: 'A1' },
      },
      {
        key: 'e2',
        source: 'centre:b',
        target: 'country:NA',
        attributes: { kind: 'LOCATED_IN', tlp: 'RED', grade: 'F6' },
      },
    ],
  });
  return graph;
}

describe('badges', () => {
  it('colour a grade by its strength and name the TLP level', () => {
    expect(renderToStaticMarkup(createElement(GradeBadge, { grade: 'A1' }))).toContain('#15803d');
    expect(renderToStaticMarkup(createElement(GradeBadge, { grade: 'F6' }))).toContain('#b91c1c');
    const tlp = renderToStaticMarkup(createElement(TlpBadge, { tlp: 'AMBER+STRICT' }));
    expect(tlp).toContain('TLP:AMBER+STRICT');
    expect(tlp).toContain('tlp-amber-strict');
  });

  // the server sends null for a node stored without them (test/integration/wire-nullability.test.ts);
  // before, TlpBadge threw on null.replace and the details panel failed to draw
  it('say so when a node has no grade or no marking', () => {
    expect(renderToStaticMarkup(createElement(GradeBadge, { grade: null }))).toContain('ungraded');
    expect(renderToStaticMarkup(createElement(TlpBadge, { tlp: null }))).toContain('TLP: none');
  });
});

describe('legend', () => {
  it('lists each kind with how many are shown of how many loaded', () => {
    const graph = sampleGraph();
    const html = renderToStaticMarkup(
      createElement(Legend, {
        graph,
        version: 0,
        filters: { ...NO_FILTERS, tlpCeiling: 'AMBER' },
        onToggleKind: noop,
        onToggleRelKind: noop,
      }),
    );
    expect(html).toMatch(/Scam centre <span class="count">1\/2<\/span>/);
    expect(html).toMatch(/Country <span class="count">1<\/span>/);
    expect(html).toMatch(/LOCATED_IN <span class="count">1\/2<\/span>/);
  });

  it('strikes out a kind switched off, and shows nothing for an empty canvas', () => {
    const html = renderToStaticMarkup(
      createElement(Legend, {
        graph: sampleGraph(),
        version: 0,
        filters: { ...NO_FILTERS, hiddenKinds: ['Country'] },
        onToggleKind: noop,
        onToggleRelKind: noop,
      }),
    );
    expect(html).toMatch(/class="legend-item off"[^>]*>.*?Country/);
    expect(
      renderToStaticMarkup(
        createElement(Legend, {
          graph: createDataGraph(),
          version: 0,
          filters: NO_FILTERS,
          onToggleKind: noop,
          onToggleRelKind: noop,
        }),
      ),
    ).toBe('');
  });
});

describe('paths panel', () => {
  it('lists each path with its hops and weakest grade, synthetic ones marked', () => {
    const html = renderToStaticMarkup(
      createElement(PathPanel, {
        from: { id: 'centre:a', label: 'A' },
        to: { id: 'country:NA', label: 'Namibia' },
        maxHops: 4,
        paths: [
          { nodes: ['centre:a', 'country:NA'], edges: ['e1'], hops: 1, weakestGrade: 'A1', synthetic: false },
          {
            nodes: ['centre:a', 'centre:b', 'country:NA'],
            edges: ['x', 'e2'],
            hops: 2,
            weakestGrade: 'F6',
            synthetic: true,
          },
        ],
        active: 0,
        busy: false,
        labelOf: (id: string) => id.toUpperCase(),
        onMaxHops: noop,
        onFind: noop,
        onShow: noop,
        onClear: noop,
      }),
    );
    expect(html).toContain('1 hops · weakest ');
    expect(html).toContain('CENTRE:A → CENTRE:B → COUNTRY:NA');
    expect(html.match(/class="synthetic"/g)).toHaveLength(1);
    expect(html).toContain('>F6<');
  });

  it('cannot search until both ends are chosen', () => {
    const html = renderToStaticMarkup(
      createElement(PathPanel, {
        from: { id: 'centre:a', label: 'A' },
        to: null,
        maxHops: 4,
        paths: null,
        active: 0,
        busy: false,
        labelOf: String,
        onMaxHops: noop,
        onFind: noop,
        onShow: noop,
        onClear: noop,
      }),
    );
    expect(html).toMatch(/<button class="primary" disabled="">Find shortest paths/);
  });
});

describe('filters panel', () => {
  it('offers every Admiralty grade and TLP level, with the current choice selected', () => {
    const html = renderToStaticMarkup(
      createElement(FiltersPanel, {
        filters: { ...NO_FILTERS, minGrade: 'C3', tlpCeiling: 'GREEN' },
        sizeMeasure: 'degree',
        onChange: noop,
        onSizeMeasure: noop,
      }),
    );
    expect(html.match(/or better<\/option>/g)).toHaveLength(36);
    expect(html).toContain('<option value="C3" selected="">C3 or better</option>');
    expect(html).toContain('<option value="GREEN" selected="">up to TLP:GREEN</option>');
  });
});

describe('time bar', () => {
  it('draws one bar per month between the first and last event dates, and says which dates', () => {
    const html = renderToStaticMarkup(
      createElement(TimeBar, { graph: sampleGraph(), version: 0, from: null, to: null, onWindow: noop }),
    );
    // nodes and links first seen in 2024-01 and 2024-03: three months, the middle one empty
    expect(html.match(/class="bar"/g)).toHaveLength(3);
    expect(html).toContain('title="2024-02: 0 by event date"');
    expect(html).toContain('event dates: operations, notices, flows; otherwise first/last seen');
  });
});
