/**
 * The merge preview: the entities side by side, one column each, their differing values marked
 * with a choice of whose to keep; the provenance the merge combines by rule (sources, seen dates,
 * marking) with the grade to keep; how many links move to the survivor and how many are dropped.
 * Every choice asks the server for a new preview, so what is shown is what "Merge" will write.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { api, type MergePreview, type MergeProperty, type MergeRequestBody } from '../../api/client.ts';
import {
  BY_RULE,
  NO_CHOICES,
  chooseGrade,
  chooseSurvivor,
  choose,
  chosenFor,
  gradeOptions,
  shownProperties,
  showValue,
  toRequest,
  type MergeChoices,
} from '../../core/merge/merge-choices.ts';
import { nodeStyle } from '../../core/style/palette.ts';
import './merge.css';

interface Props {
  ids: readonly string[];
  labelOf(id: string): string;
  onMerge(request: MergeRequestBody): Promise<void>;
  onClose(): void;
  onError(error: unknown): void;
}

export function MergeDialog({ ids, labelOf, onMerge, onClose, onError }: Props) {
  const [state, setState] = useState<MergeChoices>(NO_CHOICES);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [busy, setBusy] = useState(false);
  // a refused preview (the entities changed, or the actor may not) closes the dialog with its reason
  const refused = useEffectEvent((error: unknown) => {
    onError(error);
    onClose();
  });

  useEffect(() => {
    let current = true;
    api
      .mergePreview(toRequest(ids, state))
      .then((p) => current && setPreview(p))
      .catch((e) => current && refused(e));
    return () => {
      current = false;
    };
  }, [ids, state]);

  const style = nodeStyle(preview?.kind ?? '');
  // the columns stay in the order picked: the server lists the survivor first, which would shuffle them
  const columns = ids;
  const { own, provenance } = preview ? shownProperties(preview) : { own: [], provenance: [] };
  const grades = preview ? gradeOptions(preview) : { grades: [], weakest: null };
  const conflicts = own.filter((p) => p.conflict).length;

  const row = (p: MergeProperty, byRule: boolean) => {
    const chosen = chosenFor(state, p);
    return (
      <tr key={p.name} className={p.conflict ? 'conflict' : undefined} data-property={p.name}>
        <th scope="row">
          {p.name}
          {p.conflict && !byRule && <span className="conflict-mark" title="the entities differ here" />}
        </th>
        {columns.map((id) => {
          const value = p.values.find((v) => v.id === id)?.value;
          const kept = !byRule && p.conflict && chosen === id;
          return (
            <td key={id} className={kept ? 'kept' : undefined}>
              {!byRule && p.conflict ? (
                <label className="choice">
                  <input
                    type="radio"
                    name={`keep-${p.name}`}
                    aria-label={`keep ${p.name} of ${id}`}
                    checked={chosen === id}
                    onChange={() => setState((s) => choose(s, p.name, id))}
                  />
                  {showValue(value)}
                </label>
              ) : (
                showValue(value)
              )}
            </td>
          );
        })}
        <td className="merged" data-testid={`merged-${p.name}`}>
          {p.name === 'grade' ? (
            <select
              aria-label="Merged grade"
              value={state.grade ?? ''}
              onChange={(e) => setState((s) => chooseGrade(s, e.target.value || null))}
            >
              <option value="">weakest ({grades.weakest ?? 'none'})</option>
              {grades.grades.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          ) : (
            showValue(p.merged)
          )}
          {byRule && p.name !== 'grade' && <div className="rule small muted">{BY_RULE[p.name]}</div>}
        </td>
      </tr>
    );
  };

  return (
    <div className="merge-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section className="merge-dialog" role="dialog" aria-modal="true" aria-label="Merge entities">
        <header>
          <h2>
            <span className="icon" style={{ background: style.colour }}>
              {style.icon}
            </span>{' '}
            Merge {columns.length} {style.label.toLowerCase()} entities
          </h2>
          <button className="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {!preview && <p className="muted">Preparing the preview…</p>}
        {preview && (
          <>
            <p className="small">
              The survivor keeps its id; the others become aliases of it that still resolve.{' '}
              {conflicts > 0
                ? `${conflicts} ${conflicts === 1 ? 'property differs' : 'properties differ'}: choose whose value to keep.`
                : 'No property differs.'}
            </p>
            <div className="merge-table-wrap">
              <table className="merge-table">
                <thead>
                  <tr>
                    <th />
                    {columns.map((id) => (
                      <th key={id} scope="col" className={id === preview.survivor ? 'survivor' : undefined}>
                        <div className="entity-label">{labelOf(id)}</div>
                        <code className="small">{id}</code>
                        <label className="small survivor-choice">
                          <input
                            type="radio"
                            name="survivor"
                            aria-label={`survivor ${id}`}
                            checked={id === (state.survivor ?? preview.survivor)}
                            onChange={() => setState((s) => chooseSurvivor(s, id))}
                          />{' '}
                          survivor
                        </label>
                      </th>
                    ))}
                    <th scope="col" className="merged">
                      Merged
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((p) => row(p, false))}
                  <tr className="section">
                    <th colSpan={columns.length + 2}>Provenance, merged by rule</th>
                  </tr>
                  {provenance.map((p) => row(p, true))}
                </tbody>
              </table>
            </div>
            <p className="merge-counts" data-testid="merge-counts">
              <b>{preview.moved}</b> {preview.moved === 1 ? 'link moves' : 'links move'} to{' '}
              <b>{labelOf(preview.survivor)}</b>; <b>{preview.dropped}</b> dropped (links between the merged entities,
              or duplicates of the survivor’s).
            </p>
            <footer className="actions">
              <span className="grow" />
              <button onClick={onClose}>Cancel</button>
              <button
                className="primary"
                disabled={busy}
                data-testid="merge-apply"
                onClick={async () => {
                  setBusy(true);
                  try {
                    await onMerge(toRequest(preview.ids, { ...state, survivor: preview.survivor }));
                  } catch (error) {
                    onError(error);
                    setBusy(false);
                  }
                }}
              >
                Merge into {labelOf(preview.survivor)}
              </button>
            </footer>
          </>
        )}
      </section>
    </div>
  );
}
