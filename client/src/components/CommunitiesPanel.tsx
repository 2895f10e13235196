/**
 * Communities (Louvain) of what is on the canvas and shown: "Colour by community", and the list —
 * each community's colour, size and most central member (the highest betweenness within the
 * community). A click on one selects its members.
 */
import type { Communities } from '../core/analysis/communities.ts';
import { communityColour } from '../core/analysis/community-colours.ts';

interface Props {
  communities: Communities | null;
  colourBy: boolean;
  labelOf(id: string): string;
  onColourBy(on: boolean): void;
  onSelect(ids: readonly string[]): void;
}

export function CommunitiesPanel({ communities, colourBy, labelOf, onColourBy, onSelect }: Props) {
  const groups = communities?.list.filter((c) => c.members.length > 1) ?? [];
  const alone = (communities?.list.length ?? 0) - groups.length;
  return (
    <div className="panel" aria-label="Communities" data-testid="communities-panel">
      <h3>Communities</h3>
      <p className="muted small">
        Louvain on what the canvas shows: hidden and filtered nodes left out, links taken both ways, and citations
        (REPORTED_IN) not counted — two facts in one document are not linked in the world. The central member has the
        highest betweenness within its community.
      </p>
      <label className="inline">
        <input
          type="checkbox"
          checked={colourBy}
          data-testid="colour-by-community"
          onChange={(e) => onColourBy(e.target.checked)}
        />{' '}
        Colour by community
      </label>
      {communities && communities.list.length === 0 && <p>Nothing shown on the canvas.</p>}
      {groups.length > 0 && (
        <ol className="communities" data-testid="communities">
          {groups.map((c) => (
            <li key={c.number}>
              <button className="link" title="Select its members" onClick={() => onSelect(c.members)}>
                <span className="swatch" style={{ background: communityColour(c) }} /> Community {c.number}
              </button>{' '}
              <span className="count" data-testid="community-size">
                {c.members.length} nodes
              </span>
              <div className="small muted">
                central: <b>{labelOf(c.central)}</b> (betweenness {c.centrality.toFixed(2)})
              </div>
            </li>
          ))}
        </ol>
      )}
      {communities && communities.list.length > 0 && (
        <p className="small muted">
          {alone > 0 && `${alone} node${alone === 1 ? '' : 's'} with no link shown, each alone. `}
          Modularity {communities.modularity.toFixed(2)}.
        </p>
      )}
    </div>
  );
}
