/** Investigations saved on the server by name, reopened exactly as they were left. */
import { useCallback, useEffect, useState } from 'react';
import { api, type DamagedFile, type WorkspaceSummary } from '../api/client.ts';
import { NotesSection } from './notes/NotesSection.tsx';

interface Props {
  /** why this account may not save (the permission it lacks), or null */
  saveDenied: string | null;
  /** `shared`: every account that may read workspaces may open it, not only its owner */
  onSave(name: string, title: string, shared: boolean): Promise<void>;
  onOpen(name: string): Promise<void>;
  onError(error: unknown): void;
  /** the saved workspace on the canvas, whose notes are shown (the chart's notes) */
  current?: { name: string; title: string } | null;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'workspace';

export function WorkspacesPanel({ saveDenied, onSave, onOpen, onError, current = null }: Props) {
  const [title, setTitle] = useState('');
  const [shared, setShared] = useState(false);
  const [list, setList] = useState<WorkspaceSummary[]>([]);
  const [damaged, setDamaged] = useState<DamagedFile[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api
      .workspaces()
      .then((r) => {
        setList(r.workspaces);
        setDamaged(r.damaged);
      })
      .catch(onError);
  }, [onError]);
  useEffect(refresh, [refresh]);

  return (
    <div className="panel" aria-label="Workspaces">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await onSave(slug(title), title.trim(), shared);
            setSaved(slug(title));
            refresh();
          } catch (error) {
            onError(error);
          }
        }}
      >
        <label>
          Investigation name
          <input
            aria-label="Workspace title"
            value={title}
            required
            onChange={(e) => setTitle(e.target.value)}
            placeholder="e.g. Namibia centre follow-up"
          />
        </label>
        <label className="inline small">
          <input
            type="checkbox"
            aria-label="Shared"
            checked={shared}
            disabled={Boolean(saveDenied)}
            onChange={(e) => setShared(e.target.checked)}
          />
          shared with everyone who may open workspaces
        </label>
        <button
          className="primary"
          type="submit"
          disabled={Boolean(saveDenied) || !title.trim()}
          title={saveDenied ?? undefined}
          data-testid="save-workspace"
        >
          Save workspace
        </button>
        {saveDenied && (
          <p className="denied small" data-testid="save-denied">
            {saveDenied}
          </p>
        )}
        {saved && <span className="small muted"> saved as “{saved}”</span>}
      </form>
      {current ? (
        <NotesSection
          key={current.name}
          target={{ type: 'workspace', id: current.name }}
          title={`Notes on “${current.title}”`}
          onError={onError}
        />
      ) : (
        <p className="muted small">Save or open a workspace to write notes on the chart itself.</p>
      )}
      <h3>Saved</h3>
      {list.length === 0 && <p className="muted small">None yet.</p>}
      <ul className="workspaces">
        {list.map((w) => (
          <li key={w.name}>
            <button className="link" onClick={() => void onOpen(w.name).catch(onError)}>
              {w.title}
            </button>
            <div className="small muted">
              {w.nodes} nodes, {w.edges} links · {new Date(w.savedAt).toLocaleString()} · {w.owner}
              {w.shared ? ' · shared' : ' · private'}
            </div>
          </li>
        ))}
      </ul>
      {damaged.length > 0 && (
        <div className="damaged-files small" role="status" aria-label="Unreadable workspaces">
          {damaged.length === 1 ? 'One saved workspace' : `${damaged.length} saved workspaces`} could not be read (the
          files are kept as they are):
          <ul>
            {damaged.map((d) => (
              <li key={d.name}>
                {d.name}: {d.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
