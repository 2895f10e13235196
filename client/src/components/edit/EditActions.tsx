/**
 * The editing part of a details panel (an entity's or a link's): Edit, Link from here, Delete
 * (asked to confirm; the server keeps a tombstone with the history) and the History list.
 * Every button is off, with the reason as its tooltip, for an account without graph:write.
 */
import { useState } from 'react';
import { api, type EditedEntity, type EditResult } from '../../api/client.ts';
import { HistoryList } from './HistoryList.tsx';

interface Props {
  entity: EditedEntity;
  id: string;
  label: string;
  writeDenied: string | null;
  /** bumped after each write, so the history reloads */
  version: number;
  onEdit(): void;
  /** nodes only: start drawing a link from this one */
  onLinkFrom?(): void;
  onDeleted(result: EditResult): void;
  onRestored(result: EditResult): void;
  onError(error: unknown): void;
}

export function EditActions(p: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const what = p.entity === 'node' ? 'entity' : 'link';

  const remove = async () => {
    setBusy(true);
    try {
      p.onDeleted(await api.deleteEntity(p.entity, p.id));
    } catch (error) {
      p.onError(error);
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section className="edit-actions" aria-label="Editing">
      <h3>Editing</h3>
      <div className="actions">
        <button onClick={p.onEdit} disabled={Boolean(p.writeDenied)} title={p.writeDenied ?? `Edit this ${what}`}>
          Edit
        </button>
        {p.onLinkFrom && (
          <button
            onClick={p.onLinkFrom}
            disabled={Boolean(p.writeDenied)}
            title={p.writeDenied ?? 'Then click the node the link goes to'}
          >
            Link from here
          </button>
        )}
        <button
          onClick={() => setConfirming(true)}
          disabled={Boolean(p.writeDenied) || confirming}
          title={p.writeDenied ?? `Delete this ${what} from the graph`}
        >
          Delete
        </button>
        <button aria-pressed={showHistory} onClick={() => setShowHistory((s) => !s)}>
          History
        </button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={`Delete ${p.label}?`}>
          <p>
            Delete <b>{p.label}</b> from the graph
            {p.entity === 'node' ? ', with its links' : ''}? Its history is kept and it can be restored.
          </p>
          <div className="actions">
            <button className="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? 'Deleting…' : `Delete ${what}`}
            </button>
            <button disabled={busy} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {showHistory && (
        <HistoryList
          entity={p.entity}
          id={p.id}
          version={p.version}
          writeDenied={p.writeDenied}
          onRestored={p.onRestored}
          onError={p.onError}
        />
      )}
    </section>
  );
}
