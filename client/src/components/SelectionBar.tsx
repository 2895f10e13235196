/**
 * The selection bar over the canvas: how many are selected, gestures that grow or flip the
 * selection, and — for two or more — the bulk actions (hide, pin, remove, expand each, group,
 * export, find paths among them, merge when they are all one kind). With one node selected it
 * offers to group that node's neighbours of a kind ("Group its 12 Facilitators").
 */
import './selection.css';
import { plural } from '../../../server/model/group-label.ts';
import { nodeStyle } from '../core/style/palette.ts';

export interface SelectionActions {
  onClear(): void;
  onNeighbours(): void;
  onInvert(): void;
  onHide(): void;
  onPin(): void;
  onRemove(): void;
  onExpand(): void;
  onGroup(): void;
  onExport(): void;
  onConnect(): void;
  /** given only when merging is available (helper D's merge dialog) */
  onMerge?(): void;
  onGroupAround(kind: string): void;
}

interface Props extends SelectionActions {
  count: number;
  /** the selected nodes' kinds (group nodes as "Group") */
  kinds: readonly string[];
  allPinned: boolean;
  /** with one node selected: its neighbours' kinds that have two or more of them */
  around: ReadonlyArray<{ kind: string; count: number }>;
}

export function SelectionBar(p: Props) {
  if (p.count === 0) return null;
  const many = p.count > 1;
  const oneKind = new Set(p.kinds).size === 1 && !p.kinds.includes('Group');
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection" data-testid="selection-bar">
      <strong data-testid="selection-bar-count">{p.count} selected</strong>
      <button onClick={p.onNeighbours} title="Add the shown neighbours of the selection">
        + Neighbours
      </button>
      <button onClick={p.onInvert} title="Select every shown node that is not selected, and only those">
        Invert
      </button>
      <button onClick={p.onClear} title="Clear the selection (Esc)">
        Clear
      </button>
      {many && (
        <>
          <span className="sep" />
          <button onClick={p.onHide}>Hide</button>
          <button onClick={p.onPin}>{p.allPinned ? 'Unpin' : 'Pin'}</button>
          <button onClick={p.onRemove} title="Remove from the canvas (not from the data)">
            Remove
          </button>
          <button onClick={p.onExpand} title="Expand each selected node">
            Expand
          </button>
          <button onClick={p.onGroup} title="Collapse the selection into one group node">
            Group
          </button>
          <button onClick={p.onExport} title="Open the export tab with the selection as the nodes to export">
            Export
          </button>
          <button onClick={p.onConnect} title="Find how the selected nodes are connected">
            Find paths
          </button>
          {p.onMerge && oneKind && (
            <button
              onClick={p.onMerge}
              title="Preview merging these duplicates into one entity"
              data-testid="merge-open"
            >
              Merge…
            </button>
          )}
        </>
      )}
      {!many && p.around.length > 0 && <span className="sep" />}
      {!many &&
        p.around.map(({ kind, count }) => (
          <button
            key={kind}
            onClick={() => p.onGroupAround(kind)}
            title={`Collapse its ${count} neighbours of this kind`}
          >
            Group its {count} {plural(nodeStyle(kind).label)}
          </button>
        ))}
    </div>
  );
}
