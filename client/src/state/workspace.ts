/** A workspace saved from the session and reopened into it: graph, view, filters, selection, camera. */
import type { api as realApi, Workspace } from '../api/client.ts';
import { createDataGraph, replaceWith, toSerialized } from '../core/graph/data-graph.ts';
import { applyGroups, entityGraph, groupsOf } from '../core/groups/groups.ts';
import { NO_FILTERS, type Filters } from '../core/filters/filters.ts';
import type { ViewMode } from '../core/url/url-state.ts';
import type { GraphSession } from './graph-session.ts';

export type WorkspaceApi = Pick<typeof realApi, 'workspace' | 'saveWorkspace'>;

export interface ViewState {
  view: ViewMode;
  filters: Filters;
  selected: string | null;
}

/** What the page restores besides the graph. */
export interface Reopened extends ViewState {
  title: string;
  camera: Workspace['camera'] | null;
}

export async function saveWorkspace(
  session: GraphSession,
  client: WorkspaceApi,
  name: string,
  title: string,
  state: ViewState & { camera: Workspace['camera'] | null; shared?: boolean },
): Promise<void> {
  const { networkBox } = session.getSnapshot();
  // the graph saved is entities only; groups travel beside it (a group node is no entity)
  const groups = groupsOf(session.graph);
  await client.saveWorkspace(name, {
    title,
    graph: entityGraph(toSerialized(session.graph)),
    ...(groups.length > 0 ? { groups } : {}),
    view: state.view,
    filters: state.filters,
    selected: state.selected,
    ...(state.camera ? { camera: state.camera } : {}),
    ...(networkBox ? { bbox: networkBox } : {}),
    ...(state.shared !== undefined ? { shared: state.shared } : {}),
  });
}

export async function openWorkspace(session: GraphSession, client: WorkspaceApi, name: string): Promise<Reopened> {
  const ws = await client.workspace(name);
  // groups are put back on the entities before the canvas shows them: one step, not two to undo
  const canvas = createDataGraph();
  replaceWith(canvas, ws.graph);
  applyGroups(canvas, ws.groups ?? []);
  session.restore(toSerialized(canvas), ws.bbox ?? null);
  return {
    title: ws.title,
    view: ws.view,
    filters: { ...NO_FILTERS, ...(ws.filters as Partial<Filters>) },
    selected: ws.selected,
    camera: ws.camera ?? null,
  };
}
