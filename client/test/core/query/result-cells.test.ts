/** The web client core, run in node: reading a query's result (core/query/result-cells.ts). */
import { describe, expect, it } from 'vitest';
import {
  MAX_LINK_LOOKUP,
  cellText,
  indexResult,
  needsLinks,
  rowNodeIds,
  withLinks,
} from '../../../src/core/query/result-cells.ts';

const graph = {
  nodes: [
    { key: 'country:PH', attributes: { kind: 'Country', label: 'Philippines' } },
    { key: 'centre:a', attributes: { kind: 'Centre', label: 'Alpha' } },
    { key: 'facilitator:f', attributes: { kind: 'Facilitator', label: 'Ana' } },
  ],
  edges: [
    { key: 'e1', source: 'country:PH', target: 'centre:a', attributes: { kind: 'TRAFFICKED_TO' } },
    { key: 'e2', source: 'facilitator:f', target: 'centre:a', attributes: { kind: 'RECRUITS_FOR' } },
  ],
};
const path = { $type: 'path', nodes: ['country:PH', 'centre:a', 'facilitator:f'], edges: ['e1', 'e2'] };

describe('a query result read for the table', () => {
  it('spells a path out: labels joined by arrows the way each link runs, with its kind', () => {
    const index = indexResult(graph);
    expect(cellText(path, index)).toBe('Philippines –TRAFFICKED_TO→ Alpha ←RECRUITS_FOR– Ana');
    expect(cellText([path, path], index)).toContain('Ana, Philippines');
    // a one-node path, and one whose pieces the graph lacks, still read
    expect(cellText({ $type: 'path', nodes: ['centre:a'], edges: [] }, index)).toBe('Alpha');
    expect(cellText({ $type: 'path', nodes: ['x:1', 'x:2'], edges: ['e9'] }, index)).toBe('x:1 –link→ x:2');
    expect(cellText(path)).not.toBe('path');
  });

  it('shows nodes and links by label or kind, other values as they are', () => {
    expect(cellText({ $type: 'node', key: 'centre:a', kind: 'Centre', label: 'Alpha' })).toBe('Alpha');
    expect(cellText({ $type: 'edge', key: 'e1', kind: 'TRAFFICKED_TO', source: 'a', target: 'b' })).toBe(
      'TRAFFICKED_TO',
    );
    expect(cellText(null)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });

  it('names the nodes a row is about: its nodes, its links’ ends, its paths, in lists and maps too', () => {
    expect(
      rowNodeIds({
        c: { $type: 'node', key: 'centre:a', kind: 'Centre', label: 'Alpha' },
        l: { $type: 'edge', key: 'e2', kind: 'RECRUITS_FOR', source: 'facilitator:f', target: 'centre:a' },
        n: 3,
        list: [{ $type: 'node', key: 'country:TH', kind: 'Country', label: 'Thailand' }],
        map: { p: path },
      }),
    ).toEqual(['centre:a', 'facilitator:f', 'country:TH', 'country:PH']);
    expect(rowNodeIds({ name: 'Alpha', victims: 10 })).toEqual([]);
  });

  it('asks for the links of a result of nodes only, and adds only links among its nodes', () => {
    const nodesOnly = { nodes: graph.nodes, edges: [] };
    expect(needsLinks(nodesOnly)).toBe(true);
    expect(needsLinks(graph)).toBe(false);
    expect(needsLinks({ nodes: graph.nodes.slice(0, 1), edges: [] })).toBe(false);
    const many = Array.from({ length: MAX_LINK_LOOKUP + 1 }, (_, i) => ({
      key: `n:${i}`,
      attributes: { kind: 'Centre', label: 'n' },
    }));
    expect(needsLinks({ nodes: many, edges: [] })).toBe(false);
    const stray = { key: 'e3', source: 'centre:a', target: 'country:XX', attributes: { kind: 'LOCATED_IN' } };
    expect(withLinks(nodesOnly, [...graph.edges, stray]).edges.map((e) => e.key)).toEqual(['e1', 'e2']);
    expect(withLinks(graph, graph.edges).edges).toHaveLength(2);
  });
});
