/**
 * Merging a selection of two or more entities of one kind: the preview dialog, opened by the
 * selection bar's "Merge…" (the page passes the ids to merge as `open`); after the merge the
 * survivor is selected and a notice offers the undo.
 */
import { useCallback } from 'react';
import { api, type MergeRequestBody, type MergeResult } from '../../api/client.ts';
import { mergeable } from '../../core/merge/merge-choices.ts';
import type { SelectMode } from '../../core/selection/selection.ts';
import type { GraphSession } from '../../state/graph-session.ts';
import type { NoticeStore } from '../../state/notices.ts';
import { mergeOnCanvas, undoMergeOnCanvas } from '../../state/merge-actions.ts';
import { MergeDialog } from './MergeDialog.tsx';
import './merge.css';

interface Props {
  session: GraphSession;
  /** the entities to merge, while the dialog is open */
  open: readonly string[] | null;
  onClose(): void;
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  notices: NoticeStore;
  onError(error: unknown): void;
}

const links = (n: number) => (n === 1 ? '1 link' : `${n} links`);

/**
 * Why these entities cannot be merged from the page, or null: they are not all of one mergeable
 * kind, or the account may not write.
 */
export function mergeRefusal(
  graph: GraphSession['graph'],
  ids: readonly string[],
  denied: (permission: 'graph:write') => string | null,
): string | null {
  const check = mergeable(ids.map((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'kind') : undefined)));
  return check.ok ? denied('graph:write') : check.why;
}

export function MergeControl({ session, open, onClose, onSelectIds, notices, onError }: Props) {
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
      onClose();
      onSelectIds([result.survivor], 'replace');
      notify(
        `Merged ${result.merged.length} into ${session.labelOf(result.survivor)}: ${links(result.moved)} moved, ${result.dropped} dropped.`,
        'info',
        { label: 'Undo', run: () => void undo(result) },
      );
    },
    [session, onSelectIds, notify, undo, onClose],
  );

  if (!open) return null;
  return <MergeDialog ids={open} labelOf={session.labelOf} onMerge={merge} onClose={onClose} onError={onError} />;
}
