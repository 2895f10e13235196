/** The route view's controls: the hub region and the button that loads victim flows. */
import { HUB_REGIONS } from '../core/geo/route-layout.ts';

interface Props {
  hub: string | null;
  /** the selected centre, when the selection is one: its flows are loaded instead */
  centreLabel: string | null;
  onHub(hub: string | null): void;
  onLoadFlows(): void;
}

export function RoutePanel({ hub, centreLabel, onHub, onLoadFlows }: Props) {
  return (
    <div className="panel route-controls" aria-label="Route view">
      <label>
        Hub region
        <select aria-label="Hub region" value={hub ?? ''} onChange={(e) => onHub(e.target.value || null)}>
          <option value="">all hub regions</option>
          {HUB_REGIONS.map((h) => (
            <option key={h}>{h}</option>
          ))}
        </select>
      </label>
      <button className="primary" onClick={onLoadFlows}>
        {centreLabel
          ? `Load victim flows to ${centreLabel}`
          : `Load victim flows ${hub ? `to ${hub}` : 'to every hub'}`}
      </button>
      <p className="small muted">
        Countries sit at their centroids, centres in their countries; arrows are victim flows, wider for more victims.
      </p>
    </div>
  );
}
