/** Over the canvas while a link is being drawn: where it starts, what to do next, how to leave. */
import type { LinkEnd } from '../../core/edit/targets.ts';
import './edit.css';

export function LinkModeHint({ from, onCancel }: { from: LinkEnd; onCancel(): void }) {
  return (
    <div className="link-hint" role="status" data-testid="link-hint">
      Drawing a link from <b>{from.label}</b>: click the node it goes to. <kbd>Esc</kbd> cancels.
      <button onClick={onCancel}>Cancel</button>
    </div>
  );
}
