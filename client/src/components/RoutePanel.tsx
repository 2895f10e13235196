/** The route view's controls: the hub region and the button that loads victim flows. */
import { HUB_REGIONS } from '../core/geo/route-layout.ts';
import { WIDTH_LEGEND } from '../core/geo/flow-map.ts';

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
        A red disc is a country&rsquo;s centres, with their count: click it, or zoom in, to open it. An arrow is every
        victim flow from one origin (a region when zoomed out, a country when zoomed in) to those centres; click it for
        the flows it stands for.
      </p>
      <svg className="flow-legend" width="220" height="58" aria-label="Arrow width by victims" role="img">
        {WIDTH_LEGEND.map(({ victims, width }, i) => (
          <g key={victims} transform={`translate(0, ${8 + i * 14})`}>
            <line x1="2" x2="60" y1="0" y2="0" stroke="rgba(214, 39, 40, 0.8)" strokeWidth={width} />
            <text x="70" y="4" fontSize="11">
              {victims.toLocaleString('en')} victims
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
