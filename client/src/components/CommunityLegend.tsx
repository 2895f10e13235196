/**
 * While the canvas is coloured by community, the legend of those colours (the kinds' legend
 * still shows which kind each icon is): each community's number, size and central member; a
 * click selects its members.
 */
import type { Communities } from '../core/analysis/communities.ts';
import { communityColour, COMMUNITY_PALETTE, OTHER_COMMUNITY } from '../core/analysis/community-colours.ts';

/** long names (documents) would fill the canvas: the legend shows their start */
const short = (label: string) => (label.length > 26 ? `${label.slice(0, 25)}…` : label);

interface Props {
  communities: Communities;
  labelOf(id: string): string;
  onSelect(ids: readonly string[]): void;
}

export function CommunityLegend({ communities, labelOf, onSelect }: Props) {
  const coloured = communities.list.filter((c) => c.members.length > 1).slice(0, COMMUNITY_PALETTE.length);
  const shown = new Set(coloured);
  const rest = communities.list.filter((c) => !shown.has(c)).reduce((n, c) => n + c.members.length, 0);
  if (communities.list.length === 0) return null;
  return (
    <div className="legend community-legend" aria-label="Communities legend" data-testid="community-legend">
      {coloured.map((c) => (
        <button
          key={c.number}
          className="legend-item rel"
          title={`Select community ${c.number} (central: ${labelOf(c.central)})`}
          onClick={() => onSelect(c.members)}
        >
          <span className="swatch" style={{ background: communityColour(c) }} />
          {c.number}: {short(labelOf(c.central))} <span className="count">{c.members.length}</span>
        </button>
      ))}
      {rest > 0 && (
        <span className="legend-item rel">
          <span className="swatch" style={{ background: OTHER_COMMUNITY }} />
          other <span className="count">{rest}</span>
        </span>
      )}
    </div>
  );
}
