/** The admin panels over the stage: the audit trail and the accounts, each for those allowed. */
import { useEffect } from 'react';
import { useAuth } from '../../hooks/useAuth.ts';
import type { AdminView } from '../auth/UserMenu.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

interface Props {
  view: AdminView;
  onView(view: AdminView): void;
  onClose(): void;
  onError(error: unknown): void;
}

export function AdminPanel({ view, onView, onClose, onError }: Props) {
  const { denied } = useAuth();
  const views: Array<{ view: AdminView; label: string; reason: string | null }> = [
    { view: 'audit', label: 'Audit trail', reason: denied('audit:read') },
    { view: 'users', label: 'Users', reason: denied('users:manage') },
  ];
  useEffect(() => {
    const close = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);
  const current = views.find((v) => v.view === view);

  return (
    <div className="admin-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section className="admin" role="dialog" aria-modal="true" aria-label="Administration">
        <header>
          <div className="tabs">
            {views
              .filter((v) => !v.reason)
              .map((v) => (
                <button key={v.view} className={v.view === view ? 'on' : ''} onClick={() => onView(v.view)}>
                  {v.label}
                </button>
              ))}
          </div>
          <button className="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {current?.reason && <p className="denied">{current.reason}</p>}
        {!current?.reason && view === 'audit' && <AuditPanel onError={onError} />}
        {!current?.reason && view === 'users' && <UsersPanel onError={onError} />}
      </section>
    </div>
  );
}
