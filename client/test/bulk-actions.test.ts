import { describe, expect, it } from 'vitest';
import { GraphSession } from '../src/state/graph-session.ts';
import {
  allPinned,
  expandEach,
  EXPAND_CAP,
  groupAround,
  groupNodes,
  hideNodes,
  openGroupIn,
  removeNodes,
  togglePins,
  ungroupIn,
} from '../src/state/bulk-actions.ts';
import { serializedOf } from './core/fixtures.ts';

function session() {
  const s = new GraphSession();
  s.addSubgraph(
    serializedOf(
      [
        ['c1', 'Centre'],
        ['f1', 'Facilitator'],
        ['f2', 'Facilitator'],
        ['f3', 'Facilitator'],
      ],
      [
        ['e1', 'f1', 'c1', 'WORKS_AT'],
        ['e2', 'f2', 'c1', 'WORKS_AT'],
        ['e3', 'f3', 'c1', 'WORKS_AT'],
      ],
    ),
  );
  return s;
}

describe('bulk actions on a selection', () => {
  it('hides, pins then unpins, and removes, each one undoable step', () => {
    const s = session();
    hideNodes(s, ['f1', 'f2', 'gone']);
    expect(s.graph.filterNodes((_, a) => a.hiddenByUser === true)).toEqual(['f1', 'f2']);
    s.undo();
    expect(s.graph.filterNodes((_, a) => a.hiddenByUser === true)).toEqual([]);
    togglePins(s, ['f1', 'f2']);
    expect(allPinned(s, ['f1', 'f2'])).toBe(true);
    togglePins(s, ['f1', 'f2']);
    expect(allPinned(s, ['f1', 'f2'])).toBe(false);
    removeNodes(s, ['f1', 'f2']);
    expect(s.graph.nodes()).toEqual(['c1', 'f3']);
  });

  it('expands at most the cap and says how many it left', async () => {
    const s = session();
    const ids = Array.from({ length: EXPAND_CAP + 3 }, (_, i) => `n${i}`);
    s.addSubgraph(serializedOf(ids.map((id) => [id, 'Country'] as [string, string])));
    const expanded: string[] = [];
    const notices: string[] = [];
    await expandEach(
      s,
      ids,
      async (id) => void expanded.push(id),
      (t) => notices.push(t),
    );
    expect(expanded).toEqual(ids.slice(0, EXPAND_CAP));
    expect(notices).toEqual([
      `Expanded the first ${EXPAND_CAP} of the ${EXPAND_CAP + 3} selected nodes; expand the rest in smaller selections.`,
    ]);
  });

  it('groups a node’s facilitators, opens, ungroups, and undo takes the group back', () => {
    const s = session();
    const id = groupAround(s, 'c1', 'Facilitator')!;
    expect(s.graph.getNodeAttribute(id, 'label')).toBe('3 Facilitators');
    expect(s.graph.getEdgeAttribute(`agg~c1~${id}`, 'count')).toBe(3);
    openGroupIn(s, id);
    expect(s.graph.getNodeAttribute('f1', 'inGroup')).toBeUndefined();
    ungroupIn(s, id);
    expect(s.graph.hasNode(id)).toBe(false);
    s.undo();
    s.undo();
    expect(s.graph.getNodeAttribute('f1', 'inGroup')).toBe(id);
    s.undo();
    expect(s.graph.hasNode(id)).toBe(false);
    expect(groupNodes(s, ['f1'])).toBeNull();
    expect(groupAround(s, 'c1', 'Country')).toBeNull();
  });

  it('removing a group removes its members too; removing its members removes the group', () => {
    const s = session();
    const id = groupNodes(s, ['f1', 'f2'])!;
    removeNodes(s, [id]);
    expect(s.graph.nodes().sort()).toEqual(['c1', 'f3']);
    const again = groupNodes(s, ['c1', 'f3'])!;
    removeNodes(s, ['c1']);
    expect(s.graph.hasNode(again)).toBe(false);
  });
});
