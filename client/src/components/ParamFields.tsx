/**
 * The fields of a query's parameters: an entity picker for an id parameter (of the kind it
 * names), a text field for the others, typed as declared when sent (core/query/param-form.ts).
 */
import type { ParamSpec } from '../api/client.ts';
import type { ParamForm, Picked } from '../state/query-work.ts';
import { EntityPicker } from './EntityPicker.tsx';

interface Props {
  params: ParamSpec[];
  form: ParamForm;
  onChange(name: string, value: string, picked: Picked | null): void;
  onError(error: unknown): void;
}

export function ParamFields({ params, form, onChange, onError }: Props) {
  return (
    <>
      {params.map((p) => (
        <label key={p.name}>
          {p.name}{' '}
          <span className="muted small">
            ({p.type}
            {p.kind ? ` of ${p.kind}` : ''}
            {p.required ? ', required' : ''})
          </span>
          {p.type === 'id' ? (
            <EntityPicker
              // a picker starts from the form; a new declaration (kind) starts a new one
              key={`${p.name}:${p.kind ?? ''}`}
              name={p.name}
              kind={p.kind}
              value={form.values[p.name] ?? ''}
              picked={form.picked[p.name] ?? null}
              required={p.required}
              placeholder={p.description}
              onChange={(value, picked) => onChange(p.name, value, picked)}
              onError={onError}
            />
          ) : (
            <input
              aria-label={p.name}
              value={form.values[p.name] ?? ''}
              required={p.required}
              placeholder={p.description}
              onChange={(e) => onChange(p.name, e.target.value, null)}
            />
          )}
        </label>
      ))}
    </>
  );
}
