/** The groups on the canvas, in a corner: each can be opened (back to its members), closed or dissolved. */
import './selection.css';
import type { GroupInfo } from '../core/groups/groups.ts';

interface Props {
  groups: readonly GroupInfo[];
  onOpen(id: string): void;
  onClose(id: string): void;
  onUngroup(id: string): void;
  onSelect(id: string): void;
}

export function GroupsList({ groups, onOpen, onClose, onUngroup, onSelect }: Props) {
  if (groups.length === 0) return null;
  return (
    <div className="groups-list" aria-label="Groups" data-testid="groups-list">
      <strong>Groups</strong>
      <ul>
        {groups.map((g) => (
          <li key={g.id}>
            <button className="link" onClick={() => onSelect(g.id)} disabled={g.open}>
              {g.label}
            </button>
            {g.open ? (
              <button onClick={() => onClose(g.id)}>Close</button>
            ) : (
              <button onClick={() => onOpen(g.id)}>Open</button>
            )}
            <button onClick={() => onUngroup(g.id)} title="Dissolve the group, keeping its members on the canvas">
              Ungroup
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
