/**
 * The account in the top bar: name and clearance, and a menu with the role, raw Cypher, change
 * password, the admin panels the account may open, and sign out (none under AUTH=off).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../hooks/useAuth.ts';
import { TlpChip } from './TlpChip.tsx';

export type AdminView = 'audit' | 'users';

interface Props {
  onAdmin(view: AdminView): void;
  onError(error: unknown): void;
  onDone(message: string): void;
}

export function UserMenu({ onAdmin, onError, onDone }: Props) {
  const { actor, authOff, signOut, denied } = useAuth();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // a click elsewhere closes the menu, as menus do
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const mayAudit = !denied('audit:read');
  const mayUsers = !denied('users:manage');

  return (
    <div className="user-menu" ref={root}>
      <button
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="user-button"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-name">{actor.name}</span> <TlpChip tlp={actor.clearance} />
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Account" data-testid="user-menu">
          <dl className="who">
            <dt>Signed in as</dt>
            <dd data-testid="user-name">{actor.name}</dd>
            <dt>Role</dt>
            <dd data-testid="user-role">{actor.role}</dd>
            <dt>Clearance</dt>
            <dd data-testid="user-clearance">
              <TlpChip tlp={actor.clearance} />
            </dd>
            <dt>Raw Cypher</dt>
            <dd>{actor.rawCypher ? 'granted' : 'not granted'}</dd>
          </dl>
          {authOff && <p className="small warn">Sign-in is off (AUTH=off): there is no account to sign out of.</p>}
          {(mayAudit || mayUsers) && <hr />}
          {mayAudit && (
            <button role="menuitem" onClick={() => (setOpen(false), onAdmin('audit'))}>
              Audit trail
            </button>
          )}
          {mayUsers && (
            <button role="menuitem" onClick={() => (setOpen(false), onAdmin('users'))}>
              Users
            </button>
          )}
          {!authOff && actor.via === 'session' && (
            <>
              <hr />
              {!changing && (
                <button role="menuitem" onClick={() => setChanging(true)}>
                  Change password
                </button>
              )}
              {changing && (
                <PasswordForm
                  onCancel={() => setChanging(false)}
                  onChanged={() => {
                    setChanging(false);
                    setOpen(false);
                    onDone('Password changed.');
                  }}
                />
              )}
            </>
          )}
          {!authOff && (
            <button role="menuitem" onClick={() => void signOut().catch(onError)}>
              Sign out
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function PasswordForm(p: { onCancel(): void; onChanged(): void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="password-form"
      aria-label="Change password"
      onSubmit={async (e) => {
        e.preventDefault();
        if (next !== again) return setProblem('The new passwords differ.');
        try {
          await api.changePassword(current, next);
          p.onChanged();
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
        }
      }}
    >
      <label>
        Current password
        <input
          type="password"
          autoComplete="current-password"
          placeholder="none yet after a one-time link"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label>
        New password
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>
        New password again
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      {problem && (
        <p className="refusal small" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={p.onCancel}>
          Cancel
        </button>
        <button className="primary" type="submit" disabled={!next}>
          Change
        </button>
      </div>
    </form>
  );
}
