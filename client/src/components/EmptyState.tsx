/** What an empty canvas says, with one example to start from. */
export const EXAMPLE_NODE = 'centre:na-2024-01';

export function EmptyState({ onExample }: { onExample(): void }) {
  return (
    <div className="empty-state">
      <h2>Start an investigation</h2>
      <p>
        Press <kbd>/</kbd> and search for a centre, a country, a facilitator or an operation — or run a saved query.
      </p>
      <button className="primary" onClick={onExample}>
        Open the Namibia centre dismantled in 2024
      </button>
    </div>
  );
}

/** The details column before anything is selected: how to use the canvas. */
export function DetailsPlaceholder() {
  return (
    <aside className="details placeholder" aria-label="Details">
      <p className="muted">
        Click a node to see its properties and provenance; double-click it to expand its neighbours.
      </p>
      <p className="muted small">
        Keys: <kbd>/</kbd> search · <kbd>F</kbd> fit · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Ctrl</kbd>+
        <kbd>Shift</kbd>+<kbd>Z</kbd> redo · <kbd>Esc</kbd> clear the selection
      </p>
    </aside>
  );
}
