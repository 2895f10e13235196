/**
 * Louvain communities of what is shown, worked out only while someone looks at them (the
 * Analysis tab open, or "Colour by community" on), again for each new snapshot of the canvas and
 * each change of the filters. `colours` is what the renderer paints with, null while off.
 */
import { useMemo, useState } from 'react';
import type { DataGraph } from '../core/graph/data-graph.ts';
import type { Filters } from '../core/filters/filters.ts';
import { detectCommunities, type Communities } from '../core/analysis/communities.ts';
import { communityColours } from '../core/analysis/community-colours.ts';

export function useCommunities(snapshot: { graph: DataGraph; version: number }, filters: Filters, looking: boolean) {
  const [colourBy, setColourBy] = useState(false);
  const wanted = looking || colourBy;
  const communities: Communities | null = useMemo(
    () => (wanted ? detectCommunities(snapshot.graph, filters) : null),
    // each change of the canvas is a new snapshot (the graph itself is changed in place)
    [wanted, snapshot, filters],
  );
  const colours = useMemo(
    () => (colourBy && communities ? communityColours(communities) : null),
    [colourBy, communities],
  );
  return { communities, colours, colourBy, setColourBy };
}
