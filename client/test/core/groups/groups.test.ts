import { describe, expect, it } from 'vitest';
import {
  applyGroups,
  closeGroup,
  createGroup,
  entityGraph,
  entityIds,
  groupLabel,
  groupOf,
  groupsOf,
  kindsAround,
  openGroup,
  syncGroups,
  ungroup,
} from '../../../src/core/groups/groups.ts';
import { createDataGraph, replaceWith, toSerialized } from '../../../src/core/graph/data-graph.ts';
import { graphOf } from '../fixtures.ts';

/** A centre with three facilitators and a country; two facilitators also know one another. */
function network() {
  const graph = graphOf(
    [
      ['c1', 'Centre', { x: 0, y: 0 }],
      ['f1', 'Facilitator', { x: 10, y: 0 }],
      ['f2', 'Facilitator', { x: 20, y: 0 }],
      ['f3', 'Facilitator', { x: 30, y: 0 }],
      ['k1', 'Country', { x: -10, y: 5 }],
      ['k2', 'Country', { x: -20, y: 5 }],
    ],
    [
      ['e1', 'f1', 'c1', 'WORKS_AT'],
      ['e2', 'f2', 'c1', 'WORKS_AT'],
      ['e3', 'c1', 'f3', 'WORKS_AT'],
      ['e4', 'f1', 'f2', 'ASSOCIATE_OF'],
      ['e5', 'f1', 'k1', 'NATIONAL_OF'],
      ['e6', 'c1', 'k1', 'LOCATED_IN'],
    ],
  );
  return graph;
}
const edgesOf = (graph: ReturnType<typeof network>) =>
  graph
    .filterEdges((_, a) => a.aggregate === true)
    .map((e) => [graph.source(e), graph.target(e), graph.getEdgeAttribute(e, 'count')])
    .sort();

describe('group labels', () => {
  it('counts each kind, the most numerous first, in the legend’s words', () => {
    expect(groupLabel(['Facilitator', 'Facilitator', 'Country'])).toBe('2 Facilitators, 1 Country');
    expect(groupLabel(['Country', 'Country', 'Centre'])).toBe('2 Countries, 1 Scam centre');
  });
});

describe('groups (combos)', () => {
  it('collapses nodes into one group node with counts, members hidden and links aggregated per neighbour', () => {
    const graph = network();
    const id = createGroup(graph, ['f1', 'f2', 'f3'])!;
    expect(id).toBe('group~1');
    expect(graph.getNodeAttribute(id, 'label')).toBe('3 Facilitators');
    // drawn at the middle of its members
    expect(graph.getNodeAttribute(id, 'x')).toBe(20);
    for (const m of ['f1', 'f2', 'f3']) expect(graph.getNodeAttribute(m, 'inGroup')).toBe(id);
    // one edge to the centre for its three links, one to the country; the link among members is inside
    expect(edgesOf(graph)).toEqual([
      [id, 'c1', 3],
      [id, 'k1', 1],
    ]);
    expect(groupOf(graph, 'f2')).toBe(id);
  });

  it('opens back to the members where they were, and closes again', () => {
    const graph = network();
    const id = createGroup(graph, ['f1', 'f2', 'f3'])!;
    // the layout moves hidden members while the group is closed
    graph.mergeNodeAttributes('f1', { x: 500, y: 500 });
    openGroup(graph, id);
    expect(graph.getNodeAttributes('f1')).toMatchObject({ x: 10, y: 0 });
    expect(graph.getNodeAttribute('f1', 'inGroup')).toBeUndefined();
    expect(edgesOf(graph)).toEqual([]);
    graph.mergeNodeAttributes('f3', { x: 60, y: 30 });
    closeGroup(graph, id);
    expect(graph.getNodeAttributes(id)).toMatchObject({ open: false, x: 30, y: 10 });
    expect(edgesOf(graph)).toHaveLength(2);
    openGroup(graph, id);
    expect(graph.getNodeAttributes('f3')).toMatchObject({ x: 60, y: 30 });
  });

  it('follows edits: new links to a member aggregate, a removed member leaves, one member left is no group', () => {
    const graph = network();
    const id = createGroup(graph, ['f1', 'f2'])!;
    graph.addDirectedEdgeWithKey('e9', 'k2', 'f2', { kind: 'NATIONAL_OF' });
    syncGroups(graph);
    expect(edgesOf(graph)).toContainEqual(['k2', id, 1]);
    graph.dropNode('f1');
    syncGroups(graph);
    expect(graph.hasNode(id)).toBe(false);
    expect(graph.getNodeAttribute('f2', 'inGroup')).toBeUndefined();
  });

  it('aggregates between two closed groups, and a new group takes its members out of the old one', () => {
    const graph = network();
    const facilitators = createGroup(graph, ['f1', 'f2', 'f3'])!;
    const places = createGroup(graph, ['c1', 'k1'])!;
    expect(edgesOf(graph)).toEqual([[facilitators, places, 4]]);
    const regrouped = createGroup(graph, ['f1', 'k2'])!;
    expect(groupOf(graph, 'f1')).toBe(regrouped);
    expect(graph.getNodeAttribute(facilitators, 'label')).toBe('2 Facilitators');
    ungroup(graph, regrouped);
    expect(graph.hasNode(regrouped)).toBe(false);
    expect(graph.getNodeAttribute('f1', 'inGroup')).toBeUndefined();
  });

  it('makes no group of fewer than two, and a group in a selection stands for its members', () => {
    const graph = network();
    expect(createGroup(graph, ['f1'])).toBeNull();
    expect(createGroup(graph, ['f1', 'missing'])).toBeNull();
    const id = createGroup(graph, ['f1', 'f2'])!;
    expect(entityIds(graph, [id, 'c1', 'f1', 'nope']).sort()).toEqual(['c1', 'f1', 'f2']);
    const bigger = createGroup(graph, [id, 'f3'])!;
    expect(graph.hasNode(id) && id !== bigger).toBe(false);
    expect(graph.getNodeAttribute(bigger, 'label')).toBe('3 Facilitators');
  });

  it('leaves the page as entities only, with the groups beside them, and comes back the same', () => {
    const graph = network();
    const id = createGroup(graph, ['f1', 'f2', 'f3'])!;
    graph.mergeNodeAttributes('f1', { x: 999 });
    const entities = entityGraph(toSerialized(graph));
    expect(entities.nodes.map((n) => n.key).sort()).toEqual(['c1', 'f1', 'f2', 'f3', 'k1', 'k2']);
    expect(entities.edges.map((e) => e.key).sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(entities.nodes.some((n) => 'inGroup' in n.attributes)).toBe(false);
    // a closed group's members are saved where opening would put them
    expect(entities.nodes.find((n) => n.key === 'f1')!.attributes.x).toBe(10);
    const groups = groupsOf(graph);
    expect(groups).toEqual([{ id, label: '3 Facilitators', members: ['f1', 'f2', 'f3'], open: false, x: 20, y: 0 }]);

    const reopened = createDataGraph();
    replaceWith(reopened, entities);
    applyGroups(reopened, groups);
    expect(groupsOf(reopened)).toEqual(groups);
    expect(edgesOf(reopened)).toEqual(edgesOf(graph));
  });

  it('offers the kinds with two or more shown neighbours around a node', () => {
    const graph = network();
    expect(kindsAround(graph, 'c1')).toEqual([{ kind: 'Facilitator', ids: ['f1', 'f2', 'f3'] }]);
    graph.setNodeAttribute('f3', 'hiddenByUser', true);
    graph.setNodeAttribute('f2', 'hiddenByUser', true);
    expect(kindsAround(graph, 'c1')).toEqual([]);
    expect(kindsAround(graph, 'gone')).toEqual([]);
  });
});
