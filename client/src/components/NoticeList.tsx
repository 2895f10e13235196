/** The notices over the canvas; an action (e.g. "show more") dismisses its notice when run. */
import type { Notice } from '../state/notices.ts';

export function NoticeList({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          {n.action && (
            <button
              onClick={() => {
                n.action?.run();
                onDismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button className="close" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
