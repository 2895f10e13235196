/**
 * The audit trail for admins: newest first, filtered by user, action, entity id and time, and
 * the same filters as a CSV download (GET /api/audit.csv) for an inspector.
 */
import { Fragment, useCallback, useEffect, useState } from 'react';
import { api, auditQuery, type AuditEvent, type AuditFilters } from '../../api/client.ts';

interface Props {
  onError(error: unknown): void;
}

/** The actions the server records (README, "Audit trail"), offered as suggestions; `graph.*` is a prefix. */
const ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'auth.token-used',
  'access.denied',
  'graph.search',
  'graph.node',
  'graph.neighbours',
  'graph.paths',
  'graph.subgraph',
  'query.run',
  'cypher.run',
  'export',
  'import',
  'workspace.save',
  'workspace.delete',
  'query.save',
  'user.add',
  'user.change',
  'token.create',
  'token.revoke',
  'backup',
  'audit.read',
  'audit.export',
  'graph.*',
  'auth.*',
];
const LIMIT = 500;

interface Form {
  user: string;
  action: string;
  target: string;
  from: string;
  to: string;
}
const EMPTY: Form = { user: '', action: '', target: '', from: '', to: '' };

/** A datetime-local value (the browser's local time) as ISO 8601 for the server; '' stays unset. */
const iso = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

function filtersOf(form: Form): AuditFilters {
  return {
    user: form.user.trim() || undefined,
    action: form.action.trim() || undefined,
    target: form.target.trim() || undefined,
    from: iso(form.from),
    to: iso(form.to),
  };
}

export function AuditPanel({ onError }: Props) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [applied, setApplied] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEvent[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  // busy from the start: the first load runs as the panel opens
  const [busy, setBusy] = useState(true);

  const load = useCallback(
    (filters: AuditFilters) => {
      api
        .audit({ ...filters, limit: LIMIT })
        .then((r) => {
          setEntries(r.entries);
          setTruncated(r.truncated);
        })
        .catch(onError)
        .finally(() => setBusy(false));
    },
    [onError],
  );
  useEffect(() => load({}), [load]);

  /** a click on a user or a target in the table narrows the filter to it, as in a log viewer */
  const narrow = (key: 'user' | 'target', value: string) => {
    const next = { ...form, [key]: value };
    setForm(next);
    const filters = filtersOf(next);
    setApplied(filters);
    setBusy(true);
    load(filters);
  };

  const field = (key: keyof Form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <div className="audit" aria-label="Audit trail">
      <form
        className="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const filters = filtersOf(form);
          setApplied(filters);
          setBusy(true);
          load(filters);
        }}
      >
        <label>
          User
          <input aria-label="Filter by user" placeholder="any" {...field('user')} />
        </label>
        <label>
          Action
          <input aria-label="Filter by action" list="audit-actions" placeholder="any" {...field('action')} />
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label>
          Entity id
          <input aria-label="Filter by entity" placeholder="e.g. centre:na-2024-01" {...field('target')} />
        </label>
        <label>
          From
          <input aria-label="From" type="datetime-local" {...field('from')} />
        </label>
        <label>
          To
          <input aria-label="To" type="datetime-local" {...field('to')} />
        </label>
        <div className="actions">
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Loading…' : 'Filter'}
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY);
              setApplied({});
              setBusy(true);
              load({});
            }}
          >
            Clear
          </button>
          {/* the filters applied to the table, so the file holds what is on screen (without the page limit) */}
          <a className="button" href={`/api/audit.csv?${auditQuery(applied)}`} download data-testid="audit-csv">
            Download CSV
          </a>
        </div>
      </form>
      {entries && (
        <p className="small muted" data-testid="audit-count">
          {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
          {truncated ? ` (the newest ${entries.length}; narrow the filters or download the CSV for all)` : ''}
        </p>
      )}
      <div className="table-wrap audit-table">
        <table className="rows" data-testid="audit-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>User</th>
              <th>Action</th>
              <th>Targets</th>
              <th>Outcome</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {entries?.map((e, i) => (
              <tr key={`${e.time}-${i}`} data-outcome={e.outcome}>
                <td title={e.time}>{new Date(e.time).toLocaleString()}</td>
                <td>
                  <button className="link" title="Only this user’s entries" onClick={() => narrow('user', e.user)}>
                    {e.user}
                  </button>
                  {e.role && <span className="muted small"> {e.role}</span>}
                  {e.via && e.via !== 'session' && <span className="muted small"> via {e.via}</span>}
                  {e.address && <div className="muted small">{e.address}</div>}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td className="targets">
                  {e.targets.map((t, i) => (
                    <Fragment key={`${t}-${i}`}>
                      {i > 0 && ', '}
                      <button className="link" title="Only entries about this" onClick={() => narrow('target', t)}>
                        {t}
                      </button>
                    </Fragment>
                  ))}
                </td>
                <td>
                  <span className={`outcome outcome-${e.outcome}`}>{e.outcome}</span>
                </td>
                <td className="details" title={JSON.stringify(e.details, null, 2)}>
                  {detailsText(e.details)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries?.length === 0 && <p className="muted small">No entries match.</p>}
      </div>
    </div>
  );
}

/** `key: value` pairs on one line, objects as compact JSON. */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}
