/** Writing or editing a note: markdown text, a preview, and a marking no higher than the writer's clearance. */
import { useState } from 'react';
import type { Tlp } from '../../api/client.ts';
import { NOTE_MAX_CHARS } from '../../core/notes/notes.ts';
import { NoteText } from './NoteText.tsx';

interface Props {
  initialText: string;
  initialTlp: Tlp;
  /** the markings this writer may give */
  choices: Tlp[];
  submitLabel: string;
  onSubmit(text: string, tlp: Tlp): Promise<void>;
  onCancel(): void;
  onError(error: unknown): void;
}

export function NoteForm({ initialText, initialTlp, choices, submitLabel, onSubmit, onCancel, onError }: Props) {
  const [text, setText] = useState(initialText);
  const [tlp, setTlp] = useState<Tlp>(choices.includes(initialTlp) ? initialTlp : (choices.at(-1) ?? 'CLEAR'));
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const empty = !text.trim();
  return (
    <form
      className="note-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (empty) return;
        setBusy(true);
        try {
          await onSubmit(text, tlp);
        } catch (error) {
          onError(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {preview ? (
        <div className="note-preview">
          <NoteText text={text || '*nothing written yet*'} />
        </div>
      ) : (
        <textarea
          aria-label="Note text"
          value={text}
          rows={5}
          maxLength={NOTE_MAX_CHARS}
          placeholder="Markdown: **bold**, *italic*, - lists, [links](https://…)"
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      )}
      <div className="note-form-row small">
        <label>
          Marking{' '}
          <select aria-label="Note TLP" value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)}>
            {choices.map((t) => (
              <option key={t} value={t}>
                TLP:{t}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link" onClick={() => setPreview((p) => !p)}>
          {preview ? 'Write' : 'Preview'}
        </button>
        <span className="grow" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button className="primary" type="submit" disabled={busy || empty}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
