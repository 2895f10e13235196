/**
 * One property of a kind as a form field, by its schema type: a select for an enum, a number box
 * for numbers (whole ones for INT64), a date picker, a check box, chips for a list, text otherwise.
 * Required ones carry a star; the server's or the form's complaint shows under the field.
 */
import { useId } from 'react';
import type { FieldSpec, FieldValue } from '../../core/edit/form-model.ts';
import { ChipsInput } from './ChipsInput.tsx';

interface Props {
  field: FieldSpec;
  value: FieldValue | undefined;
  errors: readonly string[] | undefined;
  onChange(value: FieldValue): void;
}

export function FieldErrors({ id, errors }: { id?: string; errors: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {errors.join('; ')}
    </span>
  );
}

export function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <abbr className="required" title="required">
      *
    </abbr>
  ) : null;
}

export function PropertyField({ field, value, errors, onChange }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const common = {
    id,
    name: field.name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errorId : undefined,
    required: field.required,
  };
  const text = typeof value === 'string' ? value : '';
  let input;
  switch (field.widget) {
    case 'select':
      input = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? 'choose…' : '— not known —'}</option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'integer':
    case 'number':
      input = (
        <input
          {...common}
          type="number"
          step={field.widget === 'integer' ? 1 : 'any'}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'date':
      input = <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'boolean':
      input = (
        <input
          {...common}
          required={false}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
      break;
    case 'list':
      input = (
        <ChipsInput
          {...common}
          values={Array.isArray(value) ? value : []}
          onChange={onChange}
          placeholder="type, then Enter or a comma"
        />
      );
      break;
    case 'longtext':
      input = <textarea {...common} rows={2} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      input = <input {...common} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={`field field-${field.widget}${invalid ? ' invalid' : ''}`} data-field={field.name}>
      <label htmlFor={id} title={field.description}>
        {field.name}
        <RequiredMark required={field.required} />
        {field.description && <span className="hint">{field.description}</span>}
      </label>
      {input}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
