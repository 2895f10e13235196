/**
 * The form that adds or edits an entity or a link, built from /api/schema for the kind chosen:
 * every property with its type, the required ones marked, and provenance that must cite a source.
 * Edits send only what changed, with the version the form was opened at: if someone else saved in
 * between, the server answers 409 and the form reloads their version and says so.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, type EditResult, type SchemaInfo } from '../../api/client.ts';
import {
  allowedRelKinds,
  changedValues,
  editableRecord,
  fieldsOf,
  initialProvenance,
  initialValues,
  issuesByField,
  newSourcesOf,
  provenanceErrors,
  provenanceRecord,
  reversedRelKinds,
  toRecordValues,
  type FieldIssues,
  type FormValues,
  type ProvenanceValues,
} from '../../core/edit/form-model.ts';
import { currentVersion } from '../../core/edit/history-view.ts';
import type { EditTarget, LinkEnd } from '../../core/edit/targets.ts';
import { nodeStyle } from '../../core/style/palette.ts';
import type { Tlp } from '../../../../server/model/markings.ts';
import { PropertyField } from './PropertyField.tsx';
import { ProvenanceFields } from './ProvenanceFields.tsx';
import type { CitedSource } from './SourcePicker.tsx';
import './edit.css';

export type { EditTarget, LinkEnd };

interface Props {
  target: EditTarget;
  schema: SchemaInfo;
  clearance: Tlp;
  onSaved(result: EditResult, target: EditTarget): void;
  /** drawn the wrong way round: draw it again from the other end */
  onSwap?(): void;
  onClose(): void;
  onError(error: unknown): void;
}

/** What an edit starts from: the record as it is and the version it is at. */
interface Loaded {
  kind: string;
  label: string;
  record: Record<string, unknown>;
  cited: CitedSource[];
  version: number;
}

async function loadForEdit(target: EditTarget & { mode: 'edit' }): Promise<Loaded> {
  const details = await (target.entity === 'node' ? api.node(target.id) : api.relationship(target.id));
  // the details name the version an edit must expect; a server that does not is asked for the history
  const version = details.version ?? currentVersion((await api.history(target.entity, target.id)).revisions);
  const { provenance } = details;
  const cited = provenance.sources.map((s) => ({ id: s.id, label: s.name }));
  if ('node' in details)
    return {
      kind: details.node.attributes.kind,
      label: details.node.attributes.label,
      record: editableRecord(details.node.attributes, provenance),
      cited,
      version,
    };
  return {
    kind: details.edge.attributes.kind,
    label: `${details.edge.attributes.kind} ${details.edge.source} → ${details.edge.target}`,
    record: editableRecord(details.edge.attributes, provenance),
    cited,
    version,
  };
}

const NO_ISSUES: FieldIssues = { byField: {}, general: [] };

export function EntityForm({ target, schema, clearance, onSaved, onSwap, onClose, onError }: Props) {
  const creating = target.mode === 'create';
  const linkKinds = useMemo(
    () =>
      target.entity === 'relationship' && target.mode === 'create'
        ? allowedRelKinds(schema, target.from.kind, target.to.kind)
        : [],
    [schema, target],
  );
  const [kind, setKind] = useState<string>(() =>
    target.entity === 'node' ? (schema.nodeKinds[0]?.kind ?? '') : (linkKinds[0]?.kind ?? ''),
  );
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);
  const [values, setValues] = useState<FormValues>({});
  const [provenance, setProvenance] = useState<ProvenanceValues>(() => initialProvenance(clearance));
  const [cited, setCited] = useState<CitedSource[]>([]);
  const [comment, setComment] = useState('');
  const [issues, setIssues] = useState<FieldIssues>(NO_ISSUES);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** drops the complaints about fields the user has since changed */
  const forget = (which: (key: string) => boolean) =>
    setIssues((old) => ({
      ...old,
      byField: Object.fromEntries(Object.entries(old.byField).filter(([key]) => !which(key))),
    }));

  const kindInfo =
    target.entity === 'node'
      ? schema.nodeKinds.find((k) => k.kind === (loaded?.kind ?? kind))
      : schema.relationshipKinds.find((k) => k.kind === (loaded?.kind ?? kind));
  const fields = useMemo(() => fieldsOf(kindInfo?.properties ?? []), [kindInfo]);

  // editing: the record as it is now (again after a 409, to show the other editor's version)
  useEffect(() => {
    if (target.mode !== 'edit') return;
    let current = true;
    loadForEdit(target)
      .then((l) => {
        if (!current) return;
        setLoaded(l);
        setKind(l.kind);
        const props = schema[target.entity === 'node' ? 'nodeKinds' : 'relationshipKinds'].find(
          (k) => k.kind === l.kind,
        );
        setValues(initialValues(fieldsOf(props?.properties ?? []), l.record));
        setProvenance(initialProvenance(clearance, l.record));
        setCited(l.cited);
      })
      .catch((e) => current && onError(e));
    return () => {
      current = false;
    };
  }, [target, schema, clearance, reloads, onError]);

  // a new record of another kind keeps what the fields of the same name hold (name, aliases, …)
  const chooseKind = (next: string) => {
    setKind(next);
    const props =
      target.entity === 'node'
        ? schema.nodeKinds.find((k) => k.kind === next)
        : schema.relationshipKinds.find((k) => k.kind === next);
    const fresh = initialValues(fieldsOf(props?.properties ?? []));
    setValues(Object.fromEntries(Object.entries(fresh).map(([k, v]) => [k, values[k] ?? v])));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const converted = toRecordValues(fields, values, creating ? 'create' : 'edit');
    const provenanceIssues = provenanceErrors(provenance, clearance);
    const local = { ...converted.errors, ...provenanceIssues };
    if (Object.keys(local).length) {
      setIssues({ byField: Object.fromEntries(Object.entries(local).map(([k, v]) => [k, [v]])), general: [] });
      return;
    }
    const record = { ...converted.values, ...provenanceRecord(provenance) };
    if (creating && record.excerpt === null) delete record.excerpt;
    const newSources = newSourcesOf(provenance);
    const why = comment.trim() ? { comment: comment.trim() } : {};
    setBusy(true);
    setIssues(NO_ISSUES);
    try {
      let result: EditResult;
      if (target.mode === 'create' && target.entity === 'node') {
        result = await api.createNode({ record: { kind, ...record }, newSources, ...why });
      } else if (target.mode === 'create') {
        result = await api.createRelationship({
          record: { kind, from: target.from.id, to: target.to.id, ...record },
          newSources,
          ...why,
        });
      } else {
        if (!loaded) return;
        const set = changedValues(record, loaded.record);
        if (Object.keys(set).length === 0 && newSources.length === 0) {
          setNotice('Nothing has changed.');
          return;
        }
        result = await api.patchEntity(target.entity, target.id, {
          set,
          newSources,
          expectedVersion: loaded.version,
          ...why,
        });
      }
      onSaved(result, target);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && target.mode === 'edit') {
        const now = (error.details as { currentVersion?: unknown } | null)?.currentVersion;
        setNotice(
          `Someone else changed this while you were editing${typeof now === 'number' ? ` (it is now at version ${now})` : ''}. ` +
            'The form now shows their version: make your change again.',
        );
        setReloads((n) => n + 1);
      } else if (error instanceof ApiError && error.status === 400) {
        const sorted = issuesByField(error.details, [
          ...fields.map((f) => f.name),
          'tlp',
          'grade',
          'firstSeen',
          'lastSeen',
          'excerpt',
        ]);
        if (!sorted.general.length && !Object.keys(sorted.byField).length) sorted.general.push(error.message);
        setIssues(sorted);
      } else if (error instanceof ApiError && (error.status === 403 || error.status === 409 || error.status === 404)) {
        setIssues({ byField: {}, general: [error.message] });
      } else onError(error);
    } finally {
      setBusy(false);
    }
  };

  const title =
    target.mode === 'create'
      ? target.entity === 'node'
        ? 'Add an entity'
        : 'Add a link'
      : `Edit ${loaded ? loaded.label : target.id}`;
  const waiting = target.mode === 'edit' && !loaded;
  // the dialog takes the focus when it opens, so Escape closes it and typing goes into it
  const focusFirstField = useCallback((form: HTMLFormElement | null) => {
    form?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, []);
  const noKind = target.entity === 'relationship' && target.mode === 'create' && linkKinds.length === 0;

  return (
    <div className="edit-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        ref={focusFirstField}
        className="entity-form"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2>{title}</h2>
          <button type="button" className="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {target.entity === 'relationship' && target.mode === 'create' && (
          <p className="link-ends">
            <EndBadge end={target.from} /> → <EndBadge end={target.to} />
          </p>
        )}
        {notice && (
          <p className="form-notice" role="status">
            {notice}
          </p>
        )}
        {issues.general.length > 0 && (
          <ul className="form-errors" role="alert">
            {issues.general.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
        {waiting && <p aria-busy="true">Loading…</p>}
        {noKind && target.entity === 'relationship' && target.mode === 'create' && (
          <NoLinkKind
            from={target.from}
            to={target.to}
            reversed={reversedRelKinds(schema, target.from.kind, target.to.kind)}
            onSwap={onSwap}
          />
        )}
        {!waiting && !noKind && (
          <div className="columns">
            <section className="properties-fields" aria-label="Properties">
              <label className="kind-choice">
                <span>Kind</span>
                {creating ? (
                  <select aria-label="Kind" value={kind} onChange={(e) => chooseKind(e.target.value)}>
                    {(target.entity === 'node' ? schema.nodeKinds : linkKinds).map((k) => (
                      <option key={k.kind} value={k.kind} title={k.description}>
                        {target.entity === 'node' ? nodeStyle(k.kind).label : k.kind}
                      </option>
                    ))}
                  </select>
                ) : (
                  <b>{kind}</b>
                )}
                {kindInfo && <span className="hint">{kindInfo.description}</span>}
              </label>
              {fields.length === 0 && <p className="muted">This kind has no properties of its own.</p>}
              {fields.map((f) => (
                <PropertyField
                  key={`${kind}.${f.name}`}
                  field={f}
                  value={values[f.name]}
                  errors={issues.byField[f.name]}
                  onChange={(v) => {
                    setValues((old) => ({ ...old, [f.name]: v }));
                    forget((key) => key === f.name);
                  }}
                />
              ))}
            </section>
            <ProvenanceFields
              value={provenance}
              cited={cited}
              clearance={clearance}
              errors={issues.byField}
              onChange={(next) => {
                setProvenance(next);
                // a complaint about provenance goes once the user changes it (checked again on save)
                forget((key) => !fields.some((f) => f.name === key));
              }}
              onCited={setCited}
              onError={onError}
            />
          </div>
        )}
        <footer>
          {!noKind && (
            <label className="comment">
              <span>Comment</span>
              <input
                aria-label="Comment"
                placeholder="why (shown in the history)"
                maxLength={500}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </label>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {!noKind && (
            <button type="submit" className="primary" disabled={busy || waiting}>
              {busy ? 'Saving…' : creating ? (target.entity === 'node' ? 'Add entity' : 'Add link') : 'Save changes'}
            </button>
          )}
        </footer>
      </form>
    </div>
  );
}

function EndBadge({ end }: { end: LinkEnd }) {
  const style = nodeStyle(end.kind);
  return (
    <span className="end">
      <span className="icon" style={{ background: style.colour }}>
        {style.icon}
      </span>
      {end.label} <span className="muted">({style.label})</span>
    </span>
  );
}

function NoLinkKind(p: { from: LinkEnd; to: LinkEnd; reversed: { kind: string }[]; onSwap?: () => void }) {
  return (
    <div className="no-kind" role="status">
      <p>
        The model has no relationship from a {nodeStyle(p.from.kind).label} to a {nodeStyle(p.to.kind).label}.
      </p>
      {p.reversed.length > 0 && (
        <p>
          The other way round it allows {p.reversed.map((r) => r.kind).join(', ')}.{' '}
          {p.onSwap && (
            <button type="button" onClick={p.onSwap}>
              Swap direction
            </button>
          )}
        </p>
      )}
    </div>
  );
}
