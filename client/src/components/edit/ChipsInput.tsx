/** A list typed as chips: Enter or a comma adds what was typed, × or Backspace on empty removes. */
import { useState } from 'react';
import { parseList } from '../../core/edit/form-model.ts';

interface Props {
  id?: string;
  name?: string;
  values: string[];
  placeholder?: string;
  onChange(values: string[]): void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function ChipsInput({ values, onChange, placeholder, ...input }: Props) {
  const [text, setText] = useState('');
  const commit = (raw: string) => {
    const added = parseList(raw).filter((v) => !values.includes(v));
    if (added.length) onChange([...values, ...added]);
    setText('');
  };
  return (
    <div className="chips">
      {values.map((v) => (
        <span className="chip" key={v}>
          {v}
          <button type="button" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      <input
        {...input}
        type="text"
        value={text}
        placeholder={values.length ? '' : placeholder}
        onChange={(e) => {
          const next = e.target.value;
          if (next.includes(',')) commit(next);
          else setText(next);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(text);
          } else if (e.key === 'Backspace' && text === '' && values.length) onChange(values.slice(0, -1));
        }}
        // what is typed counts when the user moves on without Enter (e.g. straight to Save)
        onBlur={() => text.trim() && commit(text)}
      />
    </div>
  );
}
