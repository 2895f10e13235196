/** The editing parts of the details column, wired from useEditing, so the page places one element each. */
import type { Editing } from '../../hooks/useEditing.ts';
import { EditActions } from './EditActions.tsx';
import { LinkDetailsPanel } from './LinkDetailsPanel.tsx';

interface Common {
  editing: Editing;
  writeDenied: string | null;
  onError(error: unknown): void;
}

/** Edit, Link from here, Delete and History for the selected entity. */
export function NodeEditActions({ editing, writeDenied, onError, id, label }: Common & { id: string; label: string }) {
  return (
    <EditActions
      entity="node"
      id={id}
      label={label}
      writeDenied={writeDenied}
      version={editing.version}
      onEdit={() => editing.openForm({ entity: 'node', mode: 'edit', id })}
      onLinkFrom={() => editing.startLink(id)}
      onDeleted={editing.onDeleted}
      onRestored={editing.onRestored}
      onError={onError}
    />
  );
}

/** The details of the clicked link, in place of an entity's. */
export function SelectedLinkPanel({
  editing,
  writeDenied,
  onError,
  edgeId,
  labelOf,
  onSelectNode,
}: Common & { edgeId: string; labelOf(id: string): string; onSelectNode(id: string): void }) {
  return (
    <LinkDetailsPanel
      edgeId={edgeId}
      version={editing.version}
      labelOf={labelOf}
      writeDenied={writeDenied}
      onSelectNode={(id) => {
        editing.selectEdge(null);
        onSelectNode(id);
      }}
      onEdit={() => editing.openForm({ entity: 'relationship', mode: 'edit', id: edgeId })}
      onDeleted={editing.onDeleted}
      onRestored={editing.onRestored}
      onRead={editing.read}
      onClose={() => editing.selectEdge(null)}
      onError={onError}
    />
  );
}
