/** The merges made from this page, each with its Undo while it is not undone. */
import { useSyncExternalStore } from 'react';
import { api, type MergeResult } from '../../api/client.ts';
import type { SelectMode } from '../../core/selection/selection.ts';
import type { GraphSession } from '../../state/graph-session.ts';
import { undoMergeOnCanvas } from '../../state/merge-actions.ts';
import { mergeHistory } from '../../state/merge-history.ts';
import { useAuth } from '../../hooks/useAuth.ts';

interface Props {
  session: GraphSession;
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  onError(error: unknown): void;
}

export function RecentMerges({ session, onSelectIds, onError }: Props) {
  const recent = useSyncExternalStore(mergeHistory.subscribe, mergeHistory.getSnapshot);
  const { denied } = useAuth();
  const writeDenied = denied('graph:write');
  if (recent.length === 0) return null;
  const undo = async (merge: MergeResult) => {
    try {
      await undoMergeOnCanvas(session, api, merge);
      onSelectIds([merge.survivor, ...merge.merged], 'replace');
    } catch (error) {
      onError(error);
    }
  };
  return (
    <div className="recent-merges" aria-label="Merges made here">
      <h4 className="small muted">Merged here</h4>
      <ul className="duplicate-list" data-testid="recent-merges">
        {recent.map(({ result, label, undone }) => (
          <li key={result.mergeId} className="small">
            {result.merged.length + 1} into <b>{label}</b>
            {undone ? (
              <span className="muted"> · undone</span>
            ) : (
              <>
                {' '}
                ·{' '}
                <button
                  className="link"
                  disabled={Boolean(writeDenied)}
                  title={writeDenied ?? 'Undo this merge'}
                  onClick={() => void undo(result)}
                >
                  Undo
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
