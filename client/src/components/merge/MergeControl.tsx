/**
 * "Merge…" for a selection of two or more entities of one kind: a small bar over the canvas that
 * opens the preview; after the merge the survivor is selected and a notice offers the undo.
 */
import { useCallback, useMemo, useState } from 'react';
import { api, type MergeRequestBody, type MergeResult } from '../../api/client.ts';
import { mergeable } from '../../core/merge/merge-choices.ts';
import { nodeStyle } from '../../core/style/palette.ts';
import type { SelectMode } from '../../core/selection/selection.ts';
import type { GraphSession } from '../../state/graph-session.ts';
import type { NoticeStore } from '../../state/notices.ts';
import { mergeOnCanvas, undoMergeOnCanvas } from '../../state/merge-actions.ts';
import { useAuth } from '../../hooks/useAuth.ts';
import { MergeDialog } from './MergeDialog.tsx';
import './merge.css';

interface Props {
  session: GraphSession;
  /** the selection's ids on the canvas */
  selectedIds: readonly string[];
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  notices: NoticeStore;
  onError(error: unknown): void;
}

const links = (n: number) => (n === 1 ? '1 link' : `${n} links`);

export function MergeControl({ session, selectedIds, onSelectIds, notices, onError }: Props) {
  const { denied } = useAuth();
  const [open, setOpen] = useState<readonly string[] | null>(null);
  const { graph } = session;
  const check = useMemo(
    () => mergeable(selectedIds.map((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'kind') : undefined))),
    [graph, selectedIds],
  );
  const close = useCallback(() => setOpen(null), []);
  const { notify } = notices;

  const undo = useCallback(
    async (merge: MergeResult) => {
      try {
        await undoMergeOnCanvas(session, api, merge);
        onSelectIds([merge.survivor, ...merge.merged], 'replace');
        notify(`Merge undone: ${merge.merged.length + 1} entities are apart again.`);
      } catch (error) {
        onError(error);
      }
    },
    [session, onSelectIds, notify, onError],
  );

  const merge = useCallback(
    async (request: MergeRequestBody) => {
      const result = await mergeOnCanvas(session, api, request);
      setOpen(null);
      onSelectIds([result.survivor], 'replace');
      notify(
        `Merged ${result.merged.length} into ${session.labelOf(result.survivor)}: ${links(result.moved)} moved, ${result.dropped} dropped.`,
        'info',
        { label: 'Undo', run: () => void undo(result) },
      );
    },
    [session, onSelectIds, notify, undo],
  );

  if (selectedIds.length < 2) return null;
  const reason = check.ok ? denied('graph:write') : check.why;
  return (
    <>
      <div className="merge-bar" role="toolbar" aria-label="Selection">
        <span className="small">
          {selectedIds.length} selected{check.ok ? ` · ${nodeStyle(check.kind).label}` : ''}
        </span>
        <button
          disabled={Boolean(reason)}
          title={reason ?? 'Preview merging these into one entity'}
          onClick={() => setOpen([...selectedIds])}
          data-testid="merge-open"
        >
          Merge…
        </button>
      </div>
      {open && <MergeDialog ids={open} labelOf={session.labelOf} onMerge={merge} onClose={close} onError={onError} />}
    </>
  );
}
