/**
 * The notes on one target (a node, a link or the opened chart): each with its author, time and
 * marking, rendered from markdown without anything live; a form to add one (marking capped at the
 * writer's clearance); edit and delete for the author, or an admin.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type Note, type NoteTarget, type Tlp } from '../../api/client.ts';
import { useAuth } from '../../hooks/useAuth.ts';
import { mayChange, notesOn, tlpChoices } from '../../core/notes/notes.ts';
import { TlpChip } from '../auth/TlpChip.tsx';
import { NoteText } from './NoteText.tsx';
import { NoteForm } from './NoteForm.tsx';
import { noteChanges } from '../../state/note-changes.ts';
import './notes.css';

interface Props {
  target: NoteTarget;
  /** the section's heading, e.g. "Notes" or "Notes on this chart" */
  title?: string;
  onError(error: unknown): void;
}

const when = (iso: string) => new Date(iso).toLocaleString();

function findFor(target: NoteTarget) {
  if (target.type === 'node') return { nodes: [target.id] };
  if (target.type === 'relationship') return { relationships: [target.id] };
  return { workspace: target.id };
}

export function NotesSection({ target, title = 'Notes', onError }: Props) {
  const { actor, denied } = useAuth();
  const writeDenied = denied('graph:write');
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const choices = tlpChoices(actor.clearance);
  const { type, id } = target;

  const load = useCallback(() => {
    let current = true;
    const which = { type, id };
    api
      .findNotes(findFor(which))
      .then((r) => current && setNotes(notesOn(r.notes, which)))
      .catch((e) => current && onError(e));
    return () => {
      current = false;
    };
  }, [type, id, onError]);
  useEffect(load, [load]);

  const done = () => {
    load();
    // the canvas markers ask again
    noteChanges.changed();
  };
  const add = async (text: string, tlp: Tlp) => {
    await api.addNote({ target: { type, id }, text, tlp });
    setAdding(false);
    done();
  };
  const change = async (note: Note, text: string, tlp: Tlp) => {
    await api.changeNote(note.id, { text, tlp });
    setEditing(null);
    done();
  };
  const remove = async (note: Note) => {
    if (!window.confirm('Delete this note? Its history stays in the audit trail.')) return;
    try {
      await api.deleteNote(note.id);
      done();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <section className="notes" aria-label={title} data-testid={`notes-${type}`}>
      <h3>
        {title} {notes && notes.length > 0 && <span className="muted">({notes.length})</span>}
      </h3>
      {notes === null && <p className="muted small">Loading notes…</p>}
      {notes?.length === 0 && !adding && <p className="muted small">No notes yet.</p>}
      <ol className="note-list">
        {notes?.map((note) => (
          <li key={note.id} className="note" data-testid="note">
            <div className="note-head small">
              <b className="note-author">{note.author}</b>
              <span className="muted" title={note.version > 1 ? `written ${when(note.createdAt)}` : undefined}>
                {when(note.updatedAt)}
                {note.version > 1 ? ' (edited)' : ''}
              </span>
              <TlpChip tlp={note.tlp} />
            </div>
            {editing === note.id ? (
              <NoteForm
                initialText={note.text}
                initialTlp={note.tlp}
                choices={choices}
                submitLabel="Save"
                onSubmit={(text, tlp) => change(note, text, tlp)}
                onCancel={() => setEditing(null)}
                onError={onError}
              />
            ) : (
              <NoteText text={note.text} />
            )}
            {editing !== note.id && !writeDenied && mayChange(note, actor) && (
              <div className="note-actions small">
                <button className="link" onClick={() => setEditing(note.id)}>
                  Edit
                </button>
                <button className="link" onClick={() => void remove(note)}>
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {adding ? (
        <NoteForm
          initialText=""
          initialTlp={choices.includes('GREEN') ? 'GREEN' : (choices[0] ?? 'CLEAR')}
          choices={choices}
          submitLabel="Add note"
          onSubmit={add}
          onCancel={() => setAdding(false)}
          onError={onError}
        />
      ) : (
        <button
          onClick={() => setAdding(true)}
          disabled={Boolean(writeDenied)}
          title={writeDenied ?? 'Write a note in markdown'}
          data-testid="add-note"
        >
          Add a note
        </button>
      )}
    </section>
  );
}
