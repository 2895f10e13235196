/**
 * The details column for one of the map's aggregated arrows: the victims it carries, and each
 * victim flow it stands for (origin country → centre, victims, period, grade), most victims first.
 * A click on a flow's centre selects it.
 */
import type { DataGraph } from '../core/graph/data-graph.ts';
import type { MapGraph } from '../core/geo/flow-map-graph.ts';
import { flowMembers } from '../core/geo/flow-details.ts';

interface Props {
  data: DataGraph;
  map: MapGraph;
  edge: string;
  onSelectNode(id: string): void;
}

const SHOWN = 200;

export function FlowDetails({ data, map, edge, onSelectNode }: Props) {
  const a = map.getEdgeAttributes(edge);
  const [source, target] = map.extremities(edge);
  const rows = flowMembers(data, Array.isArray(a.members) ? (a.members as string[]) : []);
  const unknown = Number(a.unknown ?? 0);
  return (
    <aside className="details" aria-label="Victim flows">
      <header>
        <div>
          <div className="kind">Victim flows</div>
          <h2 data-testid="flow-title">
            {String(map.getNodeAttribute(source, 'label'))} → {String(map.getNodeAttribute(target, 'label'))}
          </h2>
        </div>
      </header>
      <p data-testid="flow-total">
        {Number(a.victims).toLocaleString('en')} victims in {rows.length} {rows.length === 1 ? 'flow' : 'flows'}
        {unknown > 0 && ` (${unknown} with no number recorded)`}
      </p>
      <table className="small" data-testid="flow-members">
        <thead>
          <tr>
            <th>From</th>
            <th>To</th>
            <th>Victims</th>
            <th>Period</th>
            <th>Grade</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={r.id}>
              <td>{r.origin}</td>
              <td>
                <button className="link" onClick={() => onSelectNode(r.centreId)}>
                  {r.centre}
                </button>
              </td>
              <td>{r.victims === null ? '—' : r.victims.toLocaleString('en')}</td>
              <td>{r.period}</td>
              <td>{r.grade}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="muted small">and {rows.length - SHOWN} more</p>}
    </aside>
  );
}
