/**
 * The saved-query runner: the library with a form generated from each query's parameters (an
 * entity picker for id parameters), the result as a table whose rows select their nodes on the
 * canvas, and its graph put on the canvas (replacing it or added to it; a result of nodes only
 * brings the links among them). Analysts also get an ad-hoc Cypher editor, whose text they can
 * save as a query of their own, with versions. The panel's work lives in a store App holds
 * (state/query-work.ts), so switching tabs and back finds it as it was left.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { api, type QueryResult, type QuerySummary, type QueryVersion } from '../api/client.ts';
import { toParams } from '../core/query/param-form.ts';
import { cellText, indexResult, needsLinks, rowNodeIds, withLinks } from '../core/query/result-cells.ts';
import { looksLikeId } from '../core/query/entity-picker.ts';
import { modeOfClick, type SelectMode } from '../core/selection/selection.ts';
import {
  chooseQuery,
  editField,
  editParam,
  editText,
  openInEditor,
  saveBody,
  startDraft,
  type QueryWorkStore,
} from '../state/query-work.ts';
import { CypherEditor } from './CypherEditor.tsx';
import { ParamFields } from './ParamFields.tsx';
import { SaveQueryForm } from './SaveQueryForm.tsx';

interface Props {
  queries: QuerySummary[];
  /** a query opened from elsewhere (the details panel), with preset parameters */
  opened: { name: string; params: Record<string, string>; nonce: number } | null;
  /** why this account may not run its own Cypher (the permission it lacks), or null */
  cypherDenied: string | null;
  /** the panel's work, kept by App across tabs */
  work: QueryWorkStore;
  /** the nodes selected on the canvas: rows about exactly those are marked */
  selectedIds: readonly string[];
  onSelectIds(ids: readonly string[], mode: SelectMode): void;
  onResult(result: QueryResult, mode: 'replace' | 'add'): void;
  onError(error: unknown): void;
}

/** An id parameter left with a name typed but no entity picked: said before anything is sent. */
function unpicked(params: QuerySummary['params'], values: Record<string, string>): string | null {
  const name = params.find(
    (p) => p.type === 'id' && (values[p.name] ?? '').trim() && !looksLikeId(values[p.name] ?? ''),
  );
  return name ? `Pick an entity for ${name.name} from the list (or paste its id).` : null;
}

export function QueriesPanel(props: Props) {
  const { opened, cypherDenied, work: store, selectedIds, onSelectIds, onResult, onError } = props;
  const work = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const queries = work.queries ?? props.queries;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [versions, setVersions] = useState<{ name: string; list: QueryVersion[] } | null>(null);
  const query = queries.find((q) => q.name === work.name);
  const { result, adHoc } = work;
  const index = useMemo(() => (result ? indexResult(result.graph) : null), [result]);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const ownNames = useMemo(() => queries.filter((q) => !q.builtin).map((q) => q.name), [queries]);

  // a query opened from elsewhere is taken in once per opening (its nonce), when the library has it
  useEffect(() => {
    if (!opened || store.getSnapshot().takenNonce === opened.nonce) return;
    const q = queries.find((x) => x.name === opened.name);
    if (!q) return;
    store.update((w) => ({ ...chooseQuery(w, q, opened.name, opened.params), takenNonce: opened.nonce }));
  }, [opened, queries, store]);

  const run = async () => {
    const params = adHoc ? work.params : (query?.params ?? []);
    const form = adHoc ? work.cypher : work.library;
    const problem = unpicked(params, form.values);
    if (problem) {
      store.update({ refusal: problem });
      return;
    }
    setBusy(true);
    store.update({ refusal: null });
    try {
      const values = toParams(params, form.values);
      const answer = adHoc ? await api.cypher(work.text, values) : await api.runQuery(work.name, values);
      let shown = answer;
      // nodes only: the links among them come from /api/subgraph, at the reader's clearance
      if (needsLinks(answer.graph)) {
        const sub = await api.subgraph(answer.graph.nodes.map((n) => n.key));
        shown = { ...answer, graph: withLinks(answer.graph, sub.edges) };
      }
      store.update({ result: shown, linksAdded: shown.graph.edges.length - answer.graph.edges.length });
      onResult(shown, work.mode);
    } catch (error) {
      store.update({ refusal: error instanceof Error ? error.message : String(error) });
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const { draft } = work;
    if (!draft) return;
    setBusy(true);
    store.update({ refusal: null });
    try {
      const saved = await api.saveQuery(saveBody(work), draft.update);
      const library = await api.queries();
      store.update((w) => ({
        ...w,
        queries: library.queries,
        draft: null,
        openedFrom: { name: saved.name, version: saved.version ?? null },
      }));
      setStatus(`Saved ${saved.name}, version ${saved.version ?? 1}.`);
      setVersions(null);
    } catch (error) {
      store.update({ refusal: error instanceof Error ? error.message : String(error) });
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const showVersions = async (name: string) => {
    try {
      setVersions({ name, list: (await api.queryVersions(name)).versions });
    } catch (error) {
      onError(error);
    }
  };
  const openVersion = async (name: string, version?: number) => {
    try {
      const detail = await api.query(name, version);
      store.update((w) => openInEditor(w, { ...detail, version: version ?? detail.version }));
      setStatus(`Opened ${name}${version ? `, version ${version}` : ''} in the editor.`);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <div className="panel queries" aria-label="Queries">
      <div className="tabs small">
        <button className={!adHoc ? 'on' : ''} onClick={() => store.update({ adHoc: false })}>
          Library
        </button>
        <button
          className={adHoc ? 'on' : ''}
          disabled={Boolean(cypherDenied)}
          title={cypherDenied ?? undefined}
          onClick={() => store.update({ adHoc: true })}
        >
          Cypher
        </button>
      </div>
      {!adHoc && (
        <>
          <select
            aria-label="Saved query"
            value={work.name}
            onChange={(e) => {
              const next = e.target.value;
              setVersions(null);
              store.update((w) =>
                chooseQuery(
                  w,
                  queries.find((x) => x.name === next),
                  next,
                ),
              );
            }}
          >
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
              <ParamFields
                params={query.params}
                form={work.library}
                onChange={(name, value, picked) => store.update((w) => editField(w, 'library', name, value, picked))}
                onError={onError}
              />
            </form>
          )}
          {query && !query.builtin && !cypherDenied && (
            <div className="actions small">
              <span className="muted">Yours{query.version ? `, version ${query.version}` : ''}</span>
              <button type="button" onClick={() => void openVersion(query.name)}>
                Edit in the Cypher editor
              </button>
              <button type="button" onClick={() => void showVersions(query.name)}>
                Versions
              </button>
            </div>
          )}
          {versions && versions.name === query?.name && (
            <ul className="versions small" aria-label="Versions">
              {[...versions.list].reverse().map((v) => (
                <li key={v.version}>
                  <button type="button" onClick={() => void openVersion(versions.name, v.version)}>
                    Open version {v.version}
                  </button>{' '}
                  {v.title} <span className="muted">· {new Date(v.savedAt).toLocaleString()}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {adHoc && (
        <>
          <CypherEditor
            value={work.text}
            onChange={(text) => store.update((w) => editText(w, text))}
            onRun={() => void run()}
          />
          {work.openedFrom && (
            <p className="small muted">
              From {work.openedFrom.name}
              {work.openedFrom.version ? `, version ${work.openedFrom.version}` : ''}
            </p>
          )}
          <ParamFields
            params={work.params}
            form={work.cypher}
            onChange={(name, value, picked) => store.update((w) => editField(w, 'cypher', name, value, picked))}
            onError={onError}
          />
          {work.draft ? (
            <SaveQueryForm
              draft={work.draft}
              params={work.params}
              ownNames={ownNames}
              busy={busy}
              onDraft={(draft) => store.update({ draft })}
              onParam={(name, change) => store.update((w) => editParam(w, name, change))}
              onSave={() => void save()}
              onCancel={() => store.update({ draft: null })}
            />
          ) : (
            <button type="button" onClick={() => store.update((w) => startDraft(w, queries))}>
              Save as a query…
            </button>
          )}
        </>
      )}
      <div className="actions">
        <select
          aria-label="Put the result"
          value={work.mode}
          onChange={(e) => store.update({ mode: e.target.value as 'replace' | 'add' })}
        >
          <option value="add">add to the canvas</option>
          <option value="replace">replace the canvas</option>
        </select>
        <button className="primary" disabled={busy || (!adHoc && !query)} onClick={() => void run()}>
          {busy ? 'Running…' : 'Run'}
        </button>
      </div>
      {status && (
        <p className="small" role="status">
          {status}
        </p>
      )}
      {work.refusal && (
        <p className="refusal" role="alert">
          {work.refusal}
        </p>
      )}
      {result && index && (
        <div className="result">
          <div className="small muted" data-testid="query-summary">
            {result.rows.length} rows{result.truncated ? ' (truncated)' : ''} · {result.graph.nodes.length} nodes,{' '}
            {result.graph.edges.length} links
            {work.linksAdded > 0 ? ` (${work.linksAdded} among its nodes, fetched)` : ''} · {result.elapsedMs} ms
          </div>
          <div className="table-wrap">
            <table className="rows results">
              <thead>
                <tr>
                  {result.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.slice(0, 200).map((row, i) => {
                  const ids = rowNodeIds(row);
                  const choose = (mode: SelectMode) => ids.length > 0 && onSelectIds(ids, mode);
                  return (
                    <tr
                      key={i}
                      className={ids.length ? 'selectable' : undefined}
                      aria-selected={ids.length > 0 && ids.every((id) => selected.has(id))}
                      tabIndex={ids.length ? 0 : undefined}
                      title={ids.length ? 'Select its nodes on the canvas (shift: add)' : undefined}
                      onClick={(e) => choose(modeOfClick(e))}
                      onKeyDown={(e) => {
                        if (e.key !== 'Enter' && e.key !== ' ') return;
                        e.preventDefault();
                        choose(modeOfClick(e));
                      }}
                    >
                      {result.columns.map((c) => {
                        const text = cellText(row[c], index);
                        return (
                          <td key={c} title={text}>
                            {text}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
