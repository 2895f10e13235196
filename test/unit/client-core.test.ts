/**
 * The web client's pure modules (client/src/core), run in node: markings, filters, the time bar's
 * months, URL state, the data graph and its history, the query form, framing and the route view.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import {
  edgePasses,
  inWindow,
  isFiltering,
  NO_FILTERS,
  nodePasses,
  type Filters,
} from '../../client/src/core/filters/filters.ts';
import { gradeMeets, parseGrade, tlpRank, weakestGrade } from '../../client/src/core/filters/markings.ts';
import { endOfMonth, firstSeenHistogram, monthsBetween } from '../../client/src/core/filters/time-histogram.ts';
import { geoPlacements, project } from '../../client/src/core/geo/route-layout.ts';
import { showAsNetwork, showOnMap } from '../../client/src/core/geo/route-positions.ts';
import {
  collapse,
  createDataGraph,
  mergeSubgraph,
  replaceWith,
  toSerialized,
  type DataGraph,
} from '../../client/src/core/graph/data-graph.ts';
import { History } from '../../client/src/core/graph/history.ts';
import type { SerializedGraph } from '../../client/src/core/graph/types.ts';
import { cellText, initialValues, toParams } from '../../client/src/core/query/param-form.ts';
import { cameraToContain, paddedExtent } from '../../client/src/core/render/frame.ts';
import { readUrlState, writeUrlState, type UrlState } from '../../client/src/core/url/url-state.ts';
import type { ParamSpec } from '../../client/src/api/client.ts';

const filters = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** A serialised graph from short node and edge lists: nodes as [key, kind, extra], edges as [key, from, to, kind]. */
function _serialized(
  nodes: Array<[string, string, Record<string, unknown>?]>,
  edges: Array<[string, string, string, string]> = [],
): SerializedGraph {
  return {
    nodes: nodes.map(([key, kind, extra]) => ({ key, attributes: { kind, label: key, ...extra } })),
    edges: edges.map(([key, source, target, kind]) => ({ key, source, target, attributes: { kind } })),
  };
}

function _graphOf(
  nodes: Array<[string, string, Record<string, unknown>?]>,
  edges: Array<[string, string, string, string]> = [],
): DataGraph {
  const graph = createDataGraph();
  mergeSubgraph(graph, _serialized(nodes, edges));
  return graph;
}

describe('markings', () => {
  it('ranks TLP levels from CLEAR to RED, an unknown or missing marking as the most restricted', () => {
    expect(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'].map(tlpRank)).toEqual([0, 1, 2, 3, 4]);
    expect(tlpRank(undefined)).toBe(4);
    expect(tlpRank('amber')).toBe(4);
    expect(tlpRank('WHITE')).toBe(4);
  });

  it('parses a grade into its two scales and refuses anything else', () => {
    expect(parseGrade('A1')).toEqual({ reliability: 0, credibility: 0 });
    expect(parseGrade('C4')).toEqual({ reliability: 2, credibility: 3 });
    expect(parseGrade('F6')).toEqual({ reliability: 5, credibility: 5 });
    for (const bad of ['G1', 'A7', 'A0', 'a1', 'A1 ', 'AA1', '', null, undefined, 11])
      expect(parseGrade(bad)).toBeNull();
  });

  it('meets a minimum in the one grade order, reliability letter first, then credibility digit', () => {
    expect(gradeMeets('B2', 'C3')).toBe(true);
    expect(gradeMeets('C3', 'C3')).toBe(true);
    expect(gradeMeets('A4', 'C3')).toBe(true); // the better source ranks first, as weak-links ranks it
    expect(gradeMeets('B4', 'C3')).toBe(true);
    expect(gradeMeets('C4', 'C3')).toBe(false); // same source, weaker information
    expect(gradeMeets('D1', 'C3')).toBe(false); // weak source, confirmed information
    expect(gradeMeets(undefined, 'C3')).toBe(false); // ungraded fails
    expect(gradeMeets('Z9', 'F6')).toBe(false);
    expect(gradeMeets('F6', 'not a grade')).toBe(true); // no usable minimum: nothing is held back
  });

  it('takes the weakest grade in the same order as the server', () => {
    expect(weakestGrade(['A1', 'C2', 'B4'])).toBe('C2');
    expect(weakestGrade(['B2'])).toBe('B2');
    expect(weakestGrade([])).toBeNull();
    expect(weakestGrade(['A1', undefined])).toBe('A1'); // as the server's path search: non-grades are skipped
  });
});

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

  it('lets undated items through and reads a missing lastSeen as firstSeen', () => {
    expect(inWindow({}, '2024-01-01', '2024-01-31')).toBe(true);
    expect(inWindow({ firstSeen: 42 }, '2024-01-01', '2024-01-31')).toBe(true);
    expect(inWindow({ firstSeen: '2024-03-01' }, '2024-03-02', null)).toBe(false);
    expect(inWindow({ firstSeen: '2024-03-01' }, '2024-03-01', null)).toBe(true);
    expect(nodePasses(item, filters({ from: '2025-01-01' }))).toBe(false);
  });
});

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
    const graph = _graphOf(
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
    expect(firstSeenHistogram(_graphOf([['a', 'Centre']]))).toEqual([]);
  });
});

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

describe('data graph', () => {
  it('places new nodes near the parent and keeps the positions of nodes already there', () => {
    const graph = createDataGraph();
    mergeSubgraph(
      graph,
      _serialized([
        ['near', 'Country', { x: 0, y: 0 }],
        ['far', 'Country', { x: 1000, y: 1000 }],
      ]),
    );
    const added = mergeSubgraph(
      graph,
      _serialized(
        [
          ['far', 'Country', { name: 'refreshed' }],
          ['c1', 'Centre'],
          ['c2', 'Centre'],
          ['c3', 'Centre'],
        ],
        [['e1', 'c1', 'far', 'LOCATED_IN']],
      ),
      { parent: 'far' },
    );
    expect(added).toEqual(['c1', 'c2', 'c3']);
    // the existing node keeps its place and takes the new properties
    expect(graph.getNodeAttributes('far')).toMatchObject({ x: 1000, y: 1000, name: 'refreshed' });
    expect(graph.getNodeAttributes('near')).toMatchObject({ x: 0, y: 0 });
    const far = graph.getNodeAttributes('far');
    const near = graph.getNodeAttributes('near');
    const placed = added.map((k) => graph.getNodeAttributes(k));
    for (const p of placed) {
      expect(distance(p, far)).toBeLessThan(distance(p, near));
      expect(distance(p, far)).toBeGreaterThan(0);
    }
    // and apart from each other
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(3);
    expect(graph.hasEdge('e1')).toBe(true);
  });

  it('places the first nodes of an empty canvas around the origin, and keeps positions the subgraph gives', () => {
    const graph = createDataGraph();
    mergeSubgraph(
      graph,
      _serialized([
        ['a', 'Centre'],
        ['b', 'Centre', { x: 500, y: -20 }],
      ]),
    );
    expect(distance(graph.getNodeAttributes('a'), { x: 0, y: 0 })).toBeLessThan(50);
    expect(graph.getNodeAttributes('b')).toMatchObject({ x: 500, y: -20 });
  });

  it('skips edges whose ends are missing and edges already present', () => {
    const graph = _graphOf(
      [
        ['a', 'Centre'],
        ['b', 'Country'],
      ],
      [['e1', 'a', 'b', 'LOCATED_IN']],
    );
    mergeSubgraph(
      graph,
      _serialized(
        [],
        [
          ['e1', 'a', 'b', 'LOCATED_IN'],
          ['e2', 'a', 'ghost', 'LOCATED_IN'],
          ['e3', 'ghost', 'b', 'TRAFFICKED_TO'],
          ['e4', 'b', 'a', 'TRAFFICKED_TO'],
        ],
      ),
    );
    expect(graph.edges().sort()).toEqual(['e1', 'e4']);
    expect(graph.order).toBe(2);
    expect(graph.source('e4')).toBe('b');
  });

  // graphology's edges(a, b) counts both directions: a leaf held by one edge is collapsed, and a
  // node also linked elsewhere stays (this once counted every edge twice).
  it('collapses the leaves that the node alone holds, and only those', () => {
    const graph = _graphOf(
      [
        ['hub', 'Centre'],
        ['leaf', 'Facilitator'],
        ['twice', 'Facilitator'],
        ['shared', 'Country'],
        ['other', 'Centre'],
      ],
      [
        ['e1', 'leaf', 'hub', 'RECRUITS_FOR'],
        ['e2', 'twice', 'hub', 'RECRUITS_FOR'],
        ['e3', 'hub', 'twice', 'EMPLOYS'],
        ['e4', 'hub', 'shared', 'LOCATED_IN'],
        ['e5', 'other', 'shared', 'LOCATED_IN'],
      ],
    );
    expect(collapse(graph, 'hub').sort()).toEqual(['leaf', 'twice']);
    expect(graph.nodes().sort()).toEqual(['hub', 'other', 'shared']);
  });

  it('never collapses a pinned node, the node itself or a node another node holds', () => {
    const graph = _graphOf(
      [
        ['hub', 'Centre'],
        ['pinned', 'Facilitator', { fixed: true }],
        ['pinned2', 'Facilitator', { fixed: true }],
        ['held', 'Country'],
        ['holder', 'Centre'],
        ['holder2', 'Centre'],
      ],
      [
        ['e1', 'pinned', 'hub', 'RECRUITS_FOR'],
        ['e2', 'pinned2', 'hub', 'RECRUITS_FOR'],
        ['e3', 'hub', 'pinned2', 'EMPLOYS'],
        ['e4', 'hub', 'held', 'LOCATED_IN'],
        ['e5', 'holder', 'held', 'LOCATED_IN'],
        ['e6', 'holder2', 'held', 'LOCATED_IN'],
      ],
    );
    expect(collapse(graph, 'hub')).toEqual([]);
    expect(graph.order).toBe(6);
    expect(collapse(graph, 'nobody')).toEqual([]);
  });

  it('round-trips through toSerialized and replaceWith, positions and edits included', () => {
    const graph = _graphOf(
      [
        ['a', 'Centre', { x: 1.5, y: -2.25, fixed: true, grade: 'B2' }],
        ['b', 'Country', { x: 40, y: 30, hiddenByUser: true }],
        ['c', 'Facilitator', { x: -7, y: 0 }],
      ],
      [
        ['e1', 'a', 'b', 'LOCATED_IN'],
        ['e2', 'c', 'a', 'RECRUITS_FOR'],
        ['e3', 'c', 'a', 'RECRUITS_FOR'],
      ],
    );
    const saved = toSerialized(graph);
    const copy = createDataGraph();
    mergeSubgraph(copy, _serialized([['stale', 'Centre']]));
    replaceWith(copy, saved);
    expect(copy.hasNode('stale')).toBe(false);
    expect(toSerialized(copy)).toEqual(saved);
    expect(copy.getNodeAttributes('a')).toEqual({
      kind: 'Centre',
      label: 'a',
      x: 1.5,
      y: -2.25,
      fixed: true,
      grade: 'B2',
    });
    expect(copy.edges('c', 'a')).toHaveLength(2);
    // and the copy is its own graph, not the same attributes
    copy.setNodeAttribute('a', 'x', 99);
    expect(graph.getNodeAttribute('a', 'x')).toBe(1.5);
  });
});

describe('history', () => {
  const snap = (name: string): SerializedGraph => _serialized([[name, 'Centre']]);

  it('undoes and redoes in order', () => {
    const h = new History();
    expect(h.canUndo).toBe(false);
    expect(h.undo(snap('now'))).toBeUndefined();
    expect(h.canRedo).toBe(false); // a failed undo leaves nothing to redo
    h.record(snap('s0'));
    h.record(snap('s1'));
    // current canvas is s2
    expect(h.undo(snap('s2'))).toEqual(snap('s1'));
    expect(h.undo(snap('s1'))).toEqual(snap('s0'));
    expect(h.canUndo).toBe(false);
    expect(h.redo(snap('s0'))).toEqual(snap('s1'));
    expect(h.redo(snap('s1'))).toEqual(snap('s2'));
    expect(h.canRedo).toBe(false);
    expect(h.redo(snap('s2'))).toBeUndefined();
    expect(h.undo(snap('s2'))).toEqual(snap('s1'));
  });

  it('clears redo on a new edit', () => {
    const h = new History();
    h.record(snap('s0'));
    expect(h.undo(snap('s1'))).toEqual(snap('s0'));
    expect(h.canRedo).toBe(true);
    h.record(snap('s0'));
    expect(h.canRedo).toBe(false);
    expect(h.redo(snap('s0b'))).toBeUndefined();
  });

  it('keeps only the most recent edits up to its limit', () => {
    const h = new History(2);
    for (const s of ['s0', 's1', 's2', 's3']) h.record(snap(s));
    expect(h.undo(snap('s4'))).toEqual(snap('s3'));
    expect(h.undo(snap('s3'))).toEqual(snap('s2'));
    expect(h.canUndo).toBe(false);
    expect(h.undo(snap('s2'))).toBeUndefined();
  });
});

describe('query parameter form', () => {
  const params: ParamSpec[] = [
    { name: 'country', type: 'id', required: true },
    { name: 'depth', type: 'integer', required: false, default: 2 },
    { name: 'share', type: 'number', required: false, default: 0.5 },
    { name: 'synthetic', type: 'boolean', required: false, default: false },
    { name: 'kinds', type: 'list<string>', required: false, default: ['Centre', 'Country'] },
    { name: 'years', type: 'list<integer>', required: false },
    { name: 'since', type: 'date', required: false, default: null },
  ];

  it('fills the form from defaults, presets first', () => {
    expect(initialValues(params)).toEqual({
      country: '',
      depth: '2',
      share: '0.5',
      synthetic: 'false',
      kinds: 'Centre, Country',
      years: '',
      since: '',
    });
    expect(initialValues(params, { country: 'country:KE', depth: '4', stray: 'x' })).toMatchObject({
      country: 'country:KE',
      depth: '4',
    });
    expect(initialValues(params, { country: 'country:KE' })).not.toHaveProperty('stray');
  });

  it('converts the text to the declared types', () => {
    expect(
      toParams(params, {
        country: 'country:KE',
        depth: '3',
        share: '0.25',
        synthetic: 'true',
        kinds: 'Centre, Route,, ',
        years: '2023, 2024',
        since: '2024-01-01',
      }),
    ).toEqual({
      country: 'country:KE',
      depth: 3,
      share: 0.25,
      synthetic: true,
      kinds: ['Centre', 'Route'],
      years: [2023, 2024],
      since: '2024-01-01',
    });
    expect(toParams(params, { country: 'x', synthetic: 'false' }).synthetic).toBe(false);
  });

  it('leaves empty optional fields out, and keeps an empty required one for the server to refuse', () => {
    expect(toParams(params, initialValues(params))).toEqual({
      country: '',
      depth: 2,
      share: 0.5,
      synthetic: false,
      kinds: ['Centre', 'Country'],
    });
    expect(toParams(params, { country: 'country:KE', depth: '  ', years: '' })).toEqual({ country: 'country:KE' });
  });

  it('passes text that is not of the type unchanged, so the server names the mistake', () => {
    expect(toParams(params, { country: 'c', depth: 'two', synthetic: 'yes', years: '2023, soon' })).toEqual({
      country: 'c',
      depth: 'two',
      synthetic: 'yes',
      years: [2023, 'soon'],
    });
  });

  it('shows node and link references by their label, else their kind', () => {
    expect(cellText({ $type: 'node', key: 'centre:alpha', kind: 'Centre', label: 'Alpha Compound' })).toBe(
      'Alpha Compound',
    );
    expect(cellText({ $type: 'edge', key: 'e1', kind: 'TRAFFICKED_TO' })).toBe('TRAFFICKED_TO');
    expect(cellText({ $type: 'node', key: 'centre:alpha' })).toBe('centre:alpha');
    expect(
      cellText([
        { $type: 'node', key: 'country:KE', kind: 'Country', label: 'Kenya' },
        { $type: 'node', key: 'centre:alpha', kind: 'Centre', label: 'Alpha Compound' },
      ]),
    ).toBe('Kenya, Alpha Compound');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(30)).toBe('30');
    expect(cellText(false)).toBe('false');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});

describe('framing', () => {
  it('gives a single node a box of the minimum span, centred on it', () => {
    const graph = _graphOf([['a', 'Centre', { x: 5, y: 7 }]]);
    expect(paddedExtent(graph)).toEqual({ x: [-95, 105], y: [-93, 107] });
    expect(paddedExtent(createDataGraph())).toBeNull();
  });

  it('makes a square box over the wider side of the nodes', () => {
    const graph = _graphOf([
      ['a', 'Centre', { x: 0, y: 0 }],
      ['b', 'Centre', { x: 1000, y: 100 }],
    ]);
    expect(paddedExtent(graph)).toEqual({ x: [0, 1000], y: [-450, 550] });
  });

  it('centres the camera on the points and zooms to hold them, within bounds', () => {
    expect(cameraToContain([])).toBeNull();
    expect(
      cameraToContain([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]),
    ).toEqual({ x: 0.5, y: 0.5, ratio: 1.2 });
    // a close group is not zoomed in further than 0.3, a scattered one not out further than 8
    expect(cameraToContain([{ x: 0.4, y: 0.4 }])).toEqual({ x: 0.4, y: 0.4, ratio: 0.3 });
    expect(
      cameraToContain([
        { x: -10, y: 0 },
        { x: 10, y: 0 },
      ])!.ratio,
    ).toBe(8);
    const c = cameraToContain([
      { x: 0.1, y: 0.2 },
      { x: 2.1, y: 0.4 },
    ])!;
    expect(c.x).toBeCloseTo(1.1);
    expect(c.y).toBeCloseTo(0.3);
    expect(c.ratio).toBeCloseTo(2.4);
  });
});

describe('route view layout', () => {
  it('puts east to the right of west and north above south (graph y grows upwards)', () => {
    const bangkok = project(100.5, 13.75)!;
    const nairobi = project(36.8, -1.3)!;
    const lima = project(-77, -12)!;
    expect(bangkok.x).toBeGreaterThan(nairobi.x);
    expect(nairobi.x).toBeGreaterThan(lima.x);
    expect(project(0, 60)!.y).toBeGreaterThan(project(0, 0)!.y);
    expect(project(0, 0)!.y).toBeGreaterThan(project(0, -40)!.y);
    expect(project(0, 0)).toEqual({ x: expect.closeTo(0, 9), y: expect.closeTo(0, 9) });
  });

  it('places countries at their centroids and centres beside the country they are located in', () => {
    const graph = _graphOf(
      [
        ['country:TH', 'Country', { lat: 15, lng: 100, hubRegion: 'South-East Asia' }],
        ['country:KE', 'Country', { lat: 1, lng: 38, hubRegion: null }],
        ['country:XX', 'Country', { lat: null, lng: null }],
        ['centre:alpha', 'Centre'],
        ['centre:beta', 'Centre'],
        ['centre:lost', 'Centre'],
        ['centre:nowhere', 'Centre'],
        ['facilitator:f1', 'Facilitator', { lat: 15, lng: 100 }],
      ],
      [
        ['e1', 'centre:alpha', 'country:TH', 'LOCATED_IN'],
        ['e2', 'centre:beta', 'country:TH', 'LOCATED_IN'],
        ['e3', 'country:KE', 'centre:alpha', 'TRAFFICKED_TO'],
        ['e4', 'centre:lost', 'country:XX', 'LOCATED_IN'],
        ['e5', 'facilitator:f1', 'centre:nowhere', 'RECRUITS_FOR'],
      ],
    );
    const placed = geoPlacements(graph);
    expect([...placed.keys()].sort()).toEqual(['centre:alpha', 'centre:beta', 'country:KE', 'country:TH']);
    const th = placed.get('country:TH')!;
    expect(th).toEqual({ ...project(100, 15)!, hub: 'South-East Asia' });
    expect(placed.get('country:KE')!.hub).toBeNull();
    for (const key of ['centre:alpha', 'centre:beta']) {
      const centre = placed.get(key)!;
      expect(centre.hub).toBe('South-East Asia');
      expect(distance(centre, th)).toBeGreaterThan(0);
      expect(distance(centre, th)).toBeLessThan(15);
      expect(distance(centre, th)).toBeLessThan(distance(centre, placed.get('country:KE')!));
    }
    // two centres in one country do not sit on each other
    expect(distance(placed.get('centre:alpha')!, placed.get('centre:beta')!)).toBeGreaterThan(1);
  });
});

describe('route view positions', () => {
  function _routeGraph(): DataGraph {
    return _graphOf(
      [
        ['country:TH', 'Country', { x: 10, y: 20, lat: 15, lng: 100 }],
        ['centre:alpha', 'Centre', { x: -30.5, y: 4.25 }],
        ['facilitator:f1', 'Facilitator', { x: 3, y: 3 }],
      ],
      [['e1', 'centre:alpha', 'country:TH', 'LOCATED_IN']],
    );
  }
  const positions = (graph: DataGraph) => Object.fromEntries(graph.mapNodes((k, a) => [k, { x: a.x, y: a.y }]));

  it('moves nodes onto the map and back to exactly where they were', () => {
    const graph = _routeGraph();
    const before = positions(graph);
    const geo = geoPlacements(graph);
    showOnMap(graph, geo);
    expect(graph.getNodeAttributes('country:TH')).toMatchObject({
      x: geo.get('country:TH')!.x,
      y: geo.get('country:TH')!.y,
    });
    expect(graph.getNodeAttributes('centre:alpha')).toMatchObject({ x: geo.get('centre:alpha')!.x });
    expect(graph.getNodeAttributes('facilitator:f1')).toMatchObject({ x: 3, y: 3 }); // not on the map: left alone
    showAsNetwork(graph);
    expect(positions(graph)).toEqual(before);
    for (const key of graph.nodes()) {
      const a = graph.getNodeAttributes(key);
      expect(a).not.toHaveProperty('netX');
      expect(a).not.toHaveProperty('netY');
      expect(a).not.toHaveProperty('placedOnMap');
    }
  });

  it('keeps the network positions when the map is shown twice before going back', () => {
    const graph = _routeGraph();
    const before = positions(graph);
    showOnMap(graph, geoPlacements(graph));
    showOnMap(graph, geoPlacements(graph));
    showAsNetwork(graph);
    expect(positions(graph)).toEqual(before);
  });

  it('survives a round trip through toSerialized while the map is shown (undo, workspaces)', () => {
    const graph = _routeGraph();
    const before = positions(graph);
    showOnMap(graph, geoPlacements(graph));
    const copy = createDataGraph();
    replaceWith(copy, toSerialized(graph));
    showAsNetwork(copy);
    expect(positions(copy)).toEqual(before);
  });

  // a node that came onto the map without a network position is moved beside the restored ones
  // (this once read the removed netX/netY and sent such nodes to NaN).
  it('moves nodes that arrived while the map was shown beside the restored ones', () => {
    const graph = _routeGraph();
    showOnMap(graph, geoPlacements(graph));
    graph.addNode('centre:new', { kind: 'Centre', label: 'new', x: 500, y: 500, placedOnMap: true });
    showAsNetwork(graph);
    const stray = graph.getNodeAttributes('centre:new');
    expect(Number.isFinite(stray.x) && Number.isFinite(stray.y)).toBe(true);
    // the centroid of the restored nodes (10,20), (-30.5,4.25) is (-10.25, 12.125); strays sit 15 from it
    expect(distance(stray, { x: -10.25, y: 12.125 })).toBeCloseTo(15);
  });
});
