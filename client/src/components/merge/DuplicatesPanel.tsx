/**
 * "Possible duplicates": the server's suggestions (same kind, names equal after folding, or a
 * shared alias), each row opening its entities on the canvas selected, ready for "Merge…".
 */
import { useState } from 'react';
import { api, type MergeSuggestions } from '../../api/client.ts';
import { NODE_KIND_NAMES } from '../../../../server/model/kinds.ts';
import { nodeStyle } from '../../core/style/palette.ts';
import type { SelectMode } from '../../core/selection/selection.ts';
import type { GraphSession } from '../../state/graph-session.ts';
import { openTogether } from '../../state/merge-actions.ts';
import { RecentMerges } from './RecentMerges.tsx';
import './merge.css';

type Suggestion = MergeSuggestions['suggestions'][number];

interface Props {
  session: GraphSession;
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  onError(error: unknown): void;
}

export function DuplicatesPanel({ session, onSelectIds, onError }: Props) {
  const [kind, setKind] = useState('');
  const [found, setFound] = useState<Suggestion[] | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setBusy(true);
    try {
      setFound((await api.mergeSuggestions(kind || undefined)).suggestions);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const open = async (s: Suggestion) => {
    try {
      const shown = await openTogether(session, api, s.ids);
      onSelectIds(shown, 'replace');
    } catch (error) {
      onError(error);
    }
  };

  return (
    <section className="panel duplicates" aria-label="Possible duplicates">
      <h3>Possible duplicates</h3>
      <div className="inline">
        <select aria-label="Duplicate kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">every kind</option>
          {NODE_KIND_NAMES.map((k) => (
            <option key={k} value={k}>
              {nodeStyle(k).label}
            </option>
          ))}
        </select>
        <button onClick={() => void find()} disabled={busy} data-testid="find-duplicates">
          {busy ? 'Looking…' : 'Find'}
        </button>
      </div>
      {found?.length === 0 && <p className="muted small">No likely duplicates{kind ? ` among ${kind}` : ''}.</p>}
      {found && found.length > 0 && (
        <ul className="duplicate-list" data-testid="duplicates">
          {found.map((s) => (
            <li key={`${s.kind}|${s.ids.join('|')}`}>
              <button
                className="link"
                title={`Open ${s.ids.length} on the canvas, selected`}
                onClick={() => void open(s)}
              >
                <span className="icon" style={{ background: nodeStyle(s.kind).colour }}>
                  {nodeStyle(s.kind).icon}
                </span>{' '}
                {s.labels.join(' · ')}
              </button>
              <div className="small muted">
                {s.ids.length} {nodeStyle(s.kind).label.toLowerCase()} · {s.reason} “{s.key}”
              </div>
            </li>
          ))}
        </ul>
      )}
      <RecentMerges session={session} onSelectIds={onSelectIds} onError={onError} />
    </section>
  );
}
