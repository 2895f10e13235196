/**
 * Accounts for admins: the list (role, clearance, raw Cypher, disabled), adding one, changing its
 * role, clearance and raw Cypher, disabling and enabling it (at once: its sessions end), and its
 * API tokens — a new one shown once, with a copy button, and revoking one.
 */
import { useCallback, useEffect, useState } from 'react';
import { ROLES } from '../../../../server/model/access.ts';
import { TLP_LEVELS } from '../../../../server/model/markings.ts';
import { api, type NewUser, type Role, type Tlp, type UserChange, type UserSummary } from '../../api/client.ts';
import { useAuth } from '../../hooks/useAuth.ts';
import { TlpChip } from '../auth/TlpChip.tsx';

interface Props {
  onError(error: unknown): void;
}

interface Draft extends NewUser {
  password: string;
}
const BLANK: Draft = { name: '', role: 'viewer', clearance: 'GREEN', rawCypher: false, password: '' };

/** A secret the server answers once: a new token, or the password it made for a new account. */
interface Shown {
  what: string;
  secret: string;
  use: string;
}

export function UsersPanel({ onError }: Props) {
  const { actor } = useAuth();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [shown, setShown] = useState<Shown | null>(null);
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api
      .users()
      .then((r) => setUsers(r.users))
      .catch(onError);
  }, [onError]);
  useEffect(refresh, [refresh]);

  /** runs a change, shows the server's refusal beside the table, and reloads the list */
  const act = async (run: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await run();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    refresh();
  };
  const change = (name: string, delta: UserChange) => act(() => api.changeUser(name, delta));
  const show = (next: Shown) => {
    setCopied(false);
    setShown(next);
  };

  return (
    <div className="users" aria-label="Users">
      <div className="table-wrap">
        <table className="rows" data-testid="users-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Clearance</th>
              <th>Raw Cypher</th>
              <th>Status</th>
              <th>API tokens</th>
            </tr>
          </thead>
          <tbody>
            {users?.map((u) => {
              const self = u.name === actor.name;
              return (
                <tr key={u.name} data-user={u.name} className={u.disabled ? 'disabled' : ''}>
                  <td>
                    {u.name}
                    {self && <span className="muted small"> (you)</span>}
                  </td>
                  <td>
                    <select
                      aria-label={`Role of ${u.name}`}
                      value={u.role}
                      disabled={self}
                      title={self ? 'You cannot change your own role' : undefined}
                      onChange={(e) => void change(u.name, { role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td className="clearance">
                    <select
                      aria-label={`Clearance of ${u.name}`}
                      value={u.clearance}
                      onChange={(e) => void change(u.name, { clearance: e.target.value as Tlp })}
                    >
                      {TLP_LEVELS.map((t) => (
                        <option key={t}>{t}</option>
                      ))}
                    </select>{' '}
                    <TlpChip tlp={u.clearance} />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Raw Cypher for ${u.name}`}
                      checked={u.rawCypher}
                      onChange={(e) => void change(u.name, { rawCypher: e.target.checked })}
                    />
                  </td>
                  <td>
                    {u.disabled ? <span className="warn">disabled</span> : 'active'}{' '}
                    <button
                      className="small"
                      disabled={self}
                      title={self ? 'You cannot disable your own account' : undefined}
                      onClick={() => void change(u.name, { disabled: !u.disabled })}
                    >
                      {u.disabled ? 'Enable' : 'Disable'}
                    </button>
                  </td>
                  <td>
                    <ul className="tokens">
                      {u.tokens.map((t) => (
                        <li key={t.id}>
                          <code>{t.label || t.id}</code>
                          <span
                            className="muted small"
                            title={t.lastUsedAt ? `last used ${t.lastUsedAt}` : 'never used'}
                          >
                            {' '}
                            {new Date(t.createdAt).toLocaleDateString()}
                          </span>{' '}
                          <button
                            className="small"
                            aria-label={`Revoke token ${t.label || t.id} of ${u.name}`}
                            onClick={() => void act(() => api.revokeToken(u.name, t.id))}
                          >
                            Revoke
                          </button>
                        </li>
                      ))}
                    </ul>
                    <button
                      className="small"
                      onClick={() =>
                        void act(async () => {
                          const { id, token } = await api.createToken(u.name);
                          show({
                            what: `New API token for ${u.name} (id ${id})`,
                            secret: token,
                            use: 'copy it into the script’s secret store (Authorization: Bearer …)',
                          });
                        })
                      }
                    >
                      New token
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="refusal" role="alert">
          {problem}
        </p>
      )}
      {shown && (
        <div className="minted" role="status" data-testid="shown-secret">
          <p>
            {shown.what}. It is shown only now: {shown.use}.
          </p>
          <div className="actions">
            <input readOnly aria-label="Secret shown once" value={shown.secret} onFocus={(e) => e.target.select()} />
            <button
              onClick={() =>
                void navigator.clipboard
                  .writeText(shown.secret)
                  .then(() => setCopied(true))
                  .catch(onError)
              }
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button onClick={() => setShown(null)}>Done</button>
          </div>
        </div>
      )}
      <form
        className="add-user"
        aria-label="Add a user"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const { password, ...rest } = draft;
            const added = await api.addUser({ ...rest, name: rest.name.trim(), ...(password ? { password } : {}) });
            setDraft(BLANK);
            if (added.password)
              show({
                what: `The password made for ${added.user.name}`,
                secret: added.password,
                use: 'give it to them by a safe channel; they can change it from their menu',
              });
          });
        }}
      >
        <h3>Add a user</h3>
        <label>
          Name
          <input
            aria-label="New user name"
            required
            autoComplete="off"
            value={draft.name}
            onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
          />
        </label>
        <label>
          Role
          <select
            aria-label="New user role"
            value={draft.role}
            onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value as Role }))}
          >
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          Clearance
          <select
            aria-label="New user clearance"
            value={draft.clearance}
            onChange={(e) => setDraft((d) => ({ ...d, clearance: e.target.value as Tlp }))}
          >
            {TLP_LEVELS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.rawCypher}
            onChange={(e) => setDraft((d) => ({ ...d, rawCypher: e.target.checked }))}
          />
          Raw Cypher
        </label>
        <label>
          <span>
            Password <span className="muted small">(12 or more characters; left empty, one is made)</span>
          </span>
          <input
            aria-label="New user password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => setDraft((d) => ({ ...d, password: e.target.value }))}
          />
        </label>
        <button className="primary" type="submit" disabled={!draft.name.trim()}>
          Add
        </button>
      </form>
    </div>
  );
}
