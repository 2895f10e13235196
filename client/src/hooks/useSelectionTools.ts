/**
 * The selection tools wired to the page: the drag tool (pan, box, lasso), select all / a kind /
 * neighbours / invert among the shown nodes, the bulk actions of the selection bar and the
 * groups. "Shown" is what sigma draws after the filters (its display data), so a gesture never
 * picks a node the analyst cannot see.
 */
import { useCallback, useMemo, useState } from 'react';
import type { SigmaInstance } from '../components/GraphCanvas.tsx';
import type { SelectTool } from '../components/canvas/useMarquee.ts';
import { allVisible, inverse, neighboursOf, ofKind } from '../core/selection/gestures.ts';
import type { SelectMode } from '../core/selection/selection.ts';
import { entityIds, groupsOf, isGroup, kindsAround, membersOf } from '../core/groups/groups.ts';
import type { GraphSession, SessionSnapshot } from '../state/graph-session.ts';
import * as bulk from '../state/bulk-actions.ts';

interface Options {
  sigma: SigmaInstance | null;
  /** the selection as it is on the canvas */
  ids: readonly string[];
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  onClear(): void;
  expand(id: string): Promise<void>;
  notify(text: string): void;
  /** open the export tab with these entities as the nodes to export */
  onExport(ids: string[]): void;
  /** find how these entities are connected */
  onConnect(ids: string[]): void;
  /** merge these entities (one kind); absent until merging is available */
  onMerge?(ids: string[]): void;
}

export function useSelectionTools(session: GraphSession, snapshot: SessionSnapshot, o: Options) {
  const { graph } = session;
  const { sigma, ids, onSelectIds, onClear, expand, notify, onExport, onConnect, onMerge } = o;
  const [tool, setTool] = useState<SelectTool>('pan');

  const visible = useCallback(
    (id: string) => {
      const shown = sigma?.getNodeDisplayData(id);
      return shown ? !shown.hidden : false;
    },
    [sigma],
  );
  const selectAll = useCallback(
    () => onSelectIds(allVisible(graph, visible), 'replace'),
    [graph, visible, onSelectIds],
  );
  const selectKind = useCallback(
    (kind: string, add: boolean) => onSelectIds(ofKind(graph, kind, visible), add ? 'add' : 'replace'),
    [graph, visible, onSelectIds],
  );

  // recomputed with each new snapshot of the graph
  const groups = useMemo(() => groupsOf(snapshot.graph), [snapshot]);
  const kinds = useMemo(() => {
    const g = snapshot.graph;
    return ids.filter((id) => g.hasNode(id)).map((id) => (isGroup(g, id) ? 'Group' : g.getNodeAttribute(id, 'kind')));
  }, [ids, snapshot]);
  const around = useMemo(
    () =>
      ids.length === 1 && ids[0]
        ? kindsAround(snapshot.graph, ids[0]).map((k) => ({ kind: k.kind, count: k.ids.length }))
        : [],
    [ids, snapshot],
  );

  const groupSelected = (list: readonly string[]) => {
    const id = bulk.groupNodes(session, list);
    if (id) onSelectIds([id], 'replace');
    else notify('A group needs two or more nodes.');
  };

  const bar = {
    count: ids.length,
    kinds,
    around,
    allPinned: bulk.allPinned(session, ids),
    onClear,
    onNeighbours: () => onSelectIds(neighboursOf(graph, ids, visible), 'add'),
    onInvert: () => onSelectIds(inverse(graph, ids, visible), 'replace'),
    onHide: () => {
      bulk.hideNodes(session, ids);
      onClear();
    },
    onPin: () => bulk.togglePins(session, ids),
    onRemove: () => {
      bulk.removeNodes(session, ids);
      onClear();
    },
    onExpand: () => void bulk.expandEach(session, ids, expand, notify),
    onGroup: () => groupSelected(ids),
    onExport: () => onExport(entityIds(graph, ids)),
    onConnect: () => onConnect(entityIds(graph, ids)),
    ...(onMerge ? { onMerge: () => onMerge(entityIds(graph, ids)) } : {}),
    onGroupAround: (kind: string) => {
      const node = ids[0];
      const id = node ? bulk.groupAround(session, node, kind) : null;
      if (id) onSelectIds([id], 'replace');
    },
  };

  const groupActions = {
    onOpen: (id: string) => {
      bulk.openGroupIn(session, id);
      onSelectIds(membersOf(graph, id), 'replace');
    },
    onClose: (id: string) => {
      bulk.closeGroupIn(session, id);
      onSelectIds([id], 'replace');
    },
    onUngroup: (id: string) => {
      const members = membersOf(graph, id);
      bulk.ungroupIn(session, id);
      onSelectIds(members, 'replace');
    },
    onSelect: (id: string) => onSelectIds([id], 'replace'),
  };

  return {
    tool,
    setTool,
    visible,
    selectAll,
    selectKind,
    bar,
    groups,
    groupActions,
    isGroup: (id: string) => isGroup(graph, id),
  };
}
