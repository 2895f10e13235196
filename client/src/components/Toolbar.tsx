/** The top bar's buttons: undo, redo, fit, unhide, layout and clear. */
interface Props {
  canUndo: boolean;
  canRedo: boolean;
  layoutDisabled: boolean;
  layoutRunning: boolean;
  onUndo(): void;
  onRedo(): void;
  onFit(): void;
  onUnhideAll(): void;
  onLayout(): void;
  onClear(): void;
}

export function Toolbar(p: Props) {
  return (
    <div className="toolbar">
      <button onClick={p.onUndo} disabled={!p.canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button onClick={p.onRedo} disabled={!p.canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button onClick={p.onFit} title="Fit to view (F)">
        Fit
      </button>
      <button onClick={p.onUnhideAll} title="Show hidden nodes">
        Unhide all
      </button>
      <button onClick={p.onLayout} disabled={p.layoutDisabled} title="Run the layout again">
        {p.layoutRunning ? 'Laying out…' : 'Layout'}
      </button>
      <button onClick={p.onClear}>Clear</button>
    </div>
  );
}
