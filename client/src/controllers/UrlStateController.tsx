/** Renders nothing: the URL follows the view, so a link reopens the same picture. */
import { useEffect } from 'react';
import type { Filters } from '../core/filters/filters.ts';
import { writeUrlState, type ViewMode } from '../core/url/url-state.ts';
import type { SessionSnapshot } from '../state/graph-session.ts';
import { isGroupNode } from '../core/groups/groups.ts';

/** Most node ids kept in the URL; a larger canvas is shared as a workspace. */
export const URL_MAX_NODES = 400;

interface Props {
  snapshot: SessionSnapshot;
  view: ViewMode;
  selected: string | null;
  filters: Filters;
  hub: string | null;
}

export function UrlStateController({ snapshot, view, selected, filters, hub }: Props) {
  useEffect(() => {
    // a link names entities only: group nodes are not sent (their members are)
    const nodes = snapshot.graph.filterNodes((_, a) => !a.hiddenByUser && !isGroupNode(a));
    const search = writeUrlState({ nodes: nodes.slice(0, URL_MAX_NODES), view, selected, filters, hub });
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [snapshot, view, selected, filters, hub]);
  return null;
}
