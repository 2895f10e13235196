/** Renders nothing: the map puts countries and centres where they are; the network view puts them back. */
import { useEffect, useRef } from 'react';
import type { DataGraph } from '../core/graph/data-graph.ts';
import type { GeoPlacement } from '../core/geo/route-layout.ts';
import { showAsNetwork, showOnMap } from '../core/geo/route-positions.ts';
import type { ViewMode } from '../core/url/url-state.ts';

interface Props {
  graph: DataGraph;
  geo: Map<string, GeoPlacement>;
  view: ViewMode;
}

export function RouteViewController({ graph, geo, view }: Props) {
  const shownOnMap = useRef(false);
  useEffect(() => {
    if (view === 'routes') {
      showOnMap(graph, geo);
      shownOnMap.current = true;
    } else if (shownOnMap.current) {
      showAsNetwork(graph);
      shownOnMap.current = false;
    }
  }, [graph, geo, view]);
  return null;
}
