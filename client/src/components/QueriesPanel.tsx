/**
 * The saved-query runner: the library with a form generated from each query's parameters, the
 * result as a table, and its graph put on the canvas (replacing it or added to it). Analysts
 * also get an ad-hoc Cypher editor; the server's refusals are shown as it words them.
 */
import { useState } from 'react';
import { api, type QueryResult, type QuerySummary } from '../api/client.ts';
import { cellText, initialValues, toParams } from '../core/query/param-form.ts';
import { CypherEditor } from './CypherEditor.tsx';

interface Props {
  queries: QuerySummary[];
  /** a query opened from elsewhere (the details panel), with preset parameters */
  opened: { name: string; params: Record<string, string>; nonce: number } | null;
  /** why this account may not run its own Cypher (the permission it lacks), or null */
  cypherDenied: string | null;
  onResult(result: QueryResult, mode: 'replace' | 'add'): void;
  onError(error: unknown): void;
}

const EXAMPLE =
  'MATCH (c:Country)-[t:TRAFFICKED_TO]->(centre:Centre)\nWHERE t.victims > 50\nRETURN c, t, centre LIMIT 50';

export function QueriesPanel({ queries, opened, cypherDenied, onResult, onError }: Props) {
  const [name, setName] = useState<string>('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<'replace' | 'add'>('add');
  const [result, setResult] = useState<QueryResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [adHoc, setAdHoc] = useState(false);
  const [text, setText] = useState(EXAMPLE);
  const [refusal, setRefusal] = useState<string | null>(null);
  const query = queries.find((q) => q.name === name);

  // a query opened from elsewhere is taken in once per opening (its nonce), while rendering
  // (React's pattern for state that follows a prop), and again when the library arrives
  const [takenIn, setTakenIn] = useState<{ opened: Props['opened']; queries: QuerySummary[] }>({
    opened: null,
    queries: [],
  });
  if (opened && (takenIn.opened !== opened || takenIn.queries !== queries)) {
    setTakenIn({ opened, queries });
    setAdHoc(false);
    setName(opened.name);
    const q = queries.find((x) => x.name === opened.name);
    if (q) setValues(initialValues(q.params, opened.params));
  }

  const choose = (next: string) => {
    setName(next);
    setResult(null);
    const q = queries.find((x) => x.name === next);
    setValues(q ? initialValues(q.params) : {});
  };

  const run = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const r = adHoc ? await api.cypher(text) : await api.runQuery(name, toParams(query?.params ?? [], values));
      setResult(r);
      onResult(r, mode);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel queries" aria-label="Queries">
      <div className="tabs small">
        <button className={!adHoc ? 'on' : ''} onClick={() => setAdHoc(false)}>
          Library
        </button>
        <button
          className={adHoc ? 'on' : ''}
          disabled={Boolean(cypherDenied)}
          title={cypherDenied ?? undefined}
          onClick={() => setAdHoc(true)}
        >
          Cypher
        </button>
      </div>
      {!adHoc && (
        <>
          <select aria-label="Saved query" value={name} onChange={(e) => choose(e.target.value)}>
            <option value="">Choose a query…</option>
            {queries.map((q) => (
              <option key={q.name} value={q.name}>
                {q.title}
              </option>
            ))}
          </select>
          {query && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run();
              }}
            >
              <p className="small">{query.description}</p>
              {query.params.map((p) => (
                <label key={p.name}>
                  {p.name}{' '}
                  <span className="muted small">
                    ({p.type}
                    {p.required ? ', required' : ''})
                  </span>
                  <input
                    aria-label={p.name}
                    value={values[p.name] ?? ''}
                    required={p.required}
                    placeholder={p.description}
                    onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
                  />
                </label>
              ))}
            </form>
          )}
        </>
      )}
      {adHoc && <CypherEditor value={text} onChange={setText} onRun={() => void run()} />}
      <div className="actions">
        <select aria-label="Put the result" value={mode} onChange={(e) => setMode(e.target.value as 'replace' | 'add')}>
          <option value="add">add to the canvas</option>
          <option value="replace">replace the canvas</option>
        </select>
        <button className="primary" disabled={busy || (!adHoc && !query)} onClick={() => void run()}>
          {busy ? 'Running…' : 'Run'}
        </button>
      </div>
      {refusal && (
        <p className="refusal" role="alert">
          {refusal}
        </p>
      )}
      {result && (
        <div className="result">
          <div className="small muted" data-testid="query-summary">
            {result.rows.length} rows{result.truncated ? ' (truncated)' : ''} · {result.graph.nodes.length} nodes,{' '}
            {result.graph.edges.length} links · {result.elapsedMs} ms
          </div>
          <div className="table-wrap">
            <table className="rows">
              <thead>
                <tr>
                  {result.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.slice(0, 200).map((row, i) => (
                  <tr key={i}>
                    {result.columns.map((c) => (
                      <td key={c}>{cellText(row[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
