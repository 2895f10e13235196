/**
 * The details column for a group node: what it holds, and opening, closing or dissolving it. A
 * group is the analyst's own drawing, not an entity: it has no provenance and nothing to fetch.
 */
import './selection.css';
import type { DataGraph } from '../core/graph/data-graph.ts';
import { nodeStyle } from '../core/style/palette.ts';

interface Props {
  graph: DataGraph;
  id: string;
  onOpen(): void;
  onUngroup(): void;
}

export function GroupDetails({ graph, id, onOpen, onUngroup }: Props) {
  const a = graph.getNodeAttributes(id);
  const members = (Array.isArray(a.members) ? (a.members as string[]) : []).filter((m) => graph.hasNode(m));
  return (
    <aside className="details" aria-label="Group">
      <header>
        <div>
          <div className="kind">Group</div>
          <h2 data-testid="group-title">{a.label}</h2>
        </div>
      </header>
      <div className="actions">
        <button onClick={onOpen}>Open</button>
        <button onClick={onUngroup}>Ungroup</button>
      </div>
      <ul className="group-members" data-testid="group-members">
        {members.map((m) => (
          <li key={m}>
            <span className="muted small">{nodeStyle(graph.getNodeAttribute(m, 'kind')).label}</span>{' '}
            {String(graph.getNodeAttribute(m, 'label'))}
          </li>
        ))}
      </ul>
    </aside>
  );
}
