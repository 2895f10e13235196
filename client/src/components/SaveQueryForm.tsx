/**
 * Saving the editor's Cypher as a query: its name and title, and the parameters detected from
 * the `$names` in the text with their guessed types, which the analyst corrects before saving.
 * Saving under the name of one of the analyst's own queries adds a version to it.
 */
import { useState } from 'react';
import type { ParamSpec } from '../api/client.ts';
import { NODE_KIND_NAMES } from '../../../server/model/kinds.ts';
import { queryNameOf } from '../core/query/cypher-params.ts';
import { convert } from '../core/query/param-form.ts';
import type { SaveDraft } from '../state/query-work.ts';

// the types the server takes (server/model/query-spec.ts), listed here: the client takes no zod module's values
const BASE = ['string', 'integer', 'number', 'boolean', 'date', 'id'];
const TYPES = [...BASE, ...BASE.map((t) => `list<${t}>`)];

interface Props {
  draft: SaveDraft;
  params: ParamSpec[];
  /** the analyst's own saved queries, by name: saving under one of them is a new version */
  ownNames: readonly string[];
  busy: boolean;
  onDraft(draft: SaveDraft): void;
  onParam(name: string, change: Partial<ParamSpec>): void;
  onSave(): void;
  onCancel(): void;
}

const defaultText = (value: unknown) =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

export function SaveQueryForm({ draft, params, ownNames, busy, onDraft, onParam, onSave, onCancel }: Props) {
  // a default's text as typed ("a, " on the way to "a, b"), its typed value in the declaration
  const [typed, setTyped] = useState<Record<string, string>>({});
  const setTitle = (title: string) => {
    // the name follows the title until the analyst types one of their own
    const follows = draft.name === '' || draft.name === queryNameOf(draft.title);
    const name = follows ? queryNameOf(title) : draft.name;
    onDraft({ ...draft, title, name, update: ownNames.includes(name) });
  };
  return (
    <form
      className="save-query"
      aria-label="Save as a query"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <label>
        Title
        <input aria-label="Query title" value={draft.title} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Name <span className="muted small">(lower-case letters, digits and -)</span>
        <input
          aria-label="Query name"
          value={draft.name}
          required
          pattern="[a-z][a-z0-9\-]{1,63}"
          onChange={(e) => onDraft({ ...draft, name: e.target.value, update: ownNames.includes(e.target.value) })}
        />
      </label>
      <label>
        Description
        <textarea
          aria-label="Query description"
          value={draft.description}
          rows={2}
          onChange={(e) => onDraft({ ...draft, description: e.target.value })}
        />
      </label>
      {params.length === 0 ? (
        <p className="small muted">No $parameters in the text.</p>
      ) : (
        <table className="rows params" aria-label="Detected parameters">
          <thead>
            <tr>
              <th>parameter</th>
              <th>type</th>
              <th>kind</th>
              <th>required</th>
              <th>default</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={p.name} data-param={p.name}>
                <td>${p.name}</td>
                <td>
                  <select
                    aria-label={`Type of ${p.name}`}
                    value={p.type}
                    onChange={(e) => onParam(p.name, { type: e.target.value as ParamSpec['type'] })}
                  >
                    {TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Kind of ${p.name}`}
                    value={p.kind ?? ''}
                    disabled={p.type !== 'id' && p.type !== 'list<id>'}
                    onChange={(e) => onParam(p.name, { kind: (e.target.value || undefined) as ParamSpec['kind'] })}
                  >
                    <option value="">any</option>
                    {NODE_KIND_NAMES.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${p.name} is required`}
                    checked={p.required}
                    onChange={(e) => onParam(p.name, { required: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Default of ${p.name}`}
                    disabled={p.required}
                    value={typed[`${p.name}:${p.type}`] ?? defaultText(p.default)}
                    onChange={(e) => {
                      const text = e.target.value;
                      setTyped((t) => ({ ...t, [`${p.name}:${p.type}`]: text }));
                      onParam(p.name, { default: convert(p.type, text) });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {draft.update ? `Save a new version of ${draft.name}` : 'Save query'}
        </button>
      </div>
    </form>
  );
}
