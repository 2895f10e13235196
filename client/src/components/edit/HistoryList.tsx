/**
 * The history of an entity or a link, newest first: who, when, what it did, what changed property
 * by property (before → after) and the author's comment, with "Restore this version" on the
 * versions that can be restored. The server leaves out versions above the reader's clearance.
 */
import { useEffect, useState } from 'react';
import { api, type EditedEntity, type EditResult, type History } from '../../api/client.ts';
import { actionWords, canRestore, shownChanges, valueText, whenText } from '../../core/edit/history-view.ts';

interface Props {
  entity: EditedEntity;
  id: string;
  /** bumped after a write elsewhere (an edit in the form): the list loads again */
  version: number;
  writeDenied: string | null;
  onRestored(result: EditResult): void;
  onError(error: unknown): void;
}

export function HistoryList({ entity, id, version, writeDenied, onRestored, onError }: Props) {
  const [history, setHistory] = useState<History | null>(null);
  const [reloads, setReloads] = useState(0);
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    api
      .history(entity, id)
      .then((h) => current && setHistory(h))
      .catch((e) => current && onError(e));
    return () => {
      current = false;
    };
  }, [entity, id, version, reloads, onError]);

  const restore = async (v: number) => {
    setBusy(v);
    try {
      const result = await api.restore(entity, id, v, `restored version ${v}`);
      setReloads((n) => n + 1);
      onRestored(result);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  if (!history) return <p aria-busy="true">Loading the history…</p>;
  if (history.revisions.length === 0) return <p className="muted">No recorded change: it is as it was loaded.</p>;
  const newest = history.revisions[0];
  return (
    <ol className="history" aria-label="History">
      {history.revisions.map((r) => (
        <li key={r.version} data-version={r.version}>
          <div className="history-head">
            <b>v{r.version}</b> {actionWords(r)} by <b>{r.author}</b>{' '}
            <time dateTime={r.at} title={r.at}>
              {whenText(r.at)}
            </time>
          </div>
          {r.comment && <div className="history-comment">“{r.comment}”</div>}
          {r.changes.length > 0 && r.action !== 'baseline' && (
            <table className="changes">
              <tbody>
                {shownChanges(r).map((c) =>
                  r.action === 'create' ? (
                    // a new record has nothing before: its values only
                    <tr key={c.property}>
                      <th>{c.property}</th>
                      <td className="after" colSpan={3}>
                        {valueText(c.after)}
                      </td>
                    </tr>
                  ) : (
                    <tr key={c.property}>
                      <th>{c.property}</th>
                      <td className="before">{valueText(c.before)}</td>
                      <td className="arrow">→</td>
                      <td className="after">{valueText(c.after)}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
          {canRestore(r, newest, history.state) && (
            <button
              className="restore"
              disabled={Boolean(writeDenied) || busy !== null}
              title={writeDenied ?? `Set it back to version ${r.version}`}
              onClick={() => void restore(r.version)}
            >
              {busy === r.version ? 'Restoring…' : 'Restore this version'}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
