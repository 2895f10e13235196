/** The selection bar and the legend's "select", rendered to HTML from the props the page gives them. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SelectionBar } from '../src/components/SelectionBar.tsx';
import { Legend } from '../src/components/Legend.tsx';
import { NO_FILTERS } from '../src/core/filters/filters.ts';
import { createGroup } from '../src/core/groups/groups.ts';
import { graphOf } from './core/fixtures.ts';

const noop = () => undefined;
const actions = {
  onClear: noop,
  onNeighbours: noop,
  onInvert: noop,
  onHide: noop,
  onPin: noop,
  onRemove: noop,
  onExpand: noop,
  onGroup: noop,
  onExport: noop,
  onConnect: noop,
  onGroupAround: noop,
};
const bar = (props: Partial<Parameters<typeof SelectionBar>[0]>) =>
  renderToStaticMarkup(
    createElement(SelectionBar, {
      count: 2,
      kinds: ['Centre', 'Centre'],
      allPinned: false,
      around: [],
      ...actions,
      ...props,
    }),
  );

describe('selection bar', () => {
  it('is not drawn with nothing selected', () => {
    expect(bar({ count: 0, kinds: [] })).toBe('');
  });

  it('offers the bulk actions for two or more, merge only when all are one kind and merging is wired', () => {
    const two = bar({});
    for (const action of ['2 selected', 'Hide', 'Pin', 'Remove', 'Expand', 'Group', 'Export', 'Find paths'])
      expect(two).toContain(action);
    expect(two).not.toContain('Merge');
    expect(bar({ onMerge: noop })).toContain('Merge');
    expect(bar({ onMerge: noop, kinds: ['Centre', 'Country'] })).not.toContain('Merge');
    expect(bar({ onMerge: noop, kinds: ['Group', 'Group'] })).not.toContain('Merge');
    expect(bar({ allPinned: true })).toContain('Unpin');
  });

  it('with one node selected offers to group its neighbours of a kind, not the bulk actions', () => {
    const one = bar({ count: 1, kinds: ['Centre'], around: [{ kind: 'Facilitator', count: 12 }] });
    expect(one).toContain('Group its 12 Facilitators');
    expect(one).not.toContain('Remove');
  });
});

describe('legend', () => {
  it('has a select button per node kind (off for a kind switched off), and leaves group nodes out', () => {
    const graph = graphOf([
      ['c1', 'Centre'],
      ['f1', 'Facilitator'],
      ['f2', 'Facilitator'],
    ]);
    createGroup(graph, ['f1', 'f2']);
    const html = renderToStaticMarkup(
      createElement(Legend, {
        graph,
        version: 1,
        filters: { ...NO_FILTERS, hiddenKinds: ['Centre'] },
        onToggleKind: noop,
        onToggleRelKind: noop,
        onSelectKind: noop,
      }),
    );
    expect(html).toContain('aria-label="Select every Facilitator"');
    expect(html).toMatch(
      /<button[^>]*disabled=""[^>]*aria-label="Select every Scam centre"|aria-label="Select every Scam centre"[^>]*disabled=""/,
    );
    expect(html).not.toContain('Group');
    // grouped members still count as on the canvas
    expect(html).toMatch(/Facilitator <span class="count">2<\/span>/);
  });
});
