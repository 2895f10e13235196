/** Which notes a target shows and who may change them: pure rules the notes components follow. */
import { TLP_LEVELS, tlpRank, type Tlp } from '../../../../server/model/markings.ts';
import type { Actor } from '../../../../server/model/access.ts';
import type { Note, NoteTarget } from '../../../../server/model/notes.ts';

/** server/model/notes.ts's cap, repeated: that module is zod's and the client bundles no zod */
export const NOTE_MAX_CHARS = 20_000;

/** The notes on exactly this target, oldest first (a conversation reads top to bottom). */
export function notesOn(notes: readonly Note[], target: NoteTarget): Note[] {
  return notes
    .filter((n) => n.target.type === target.type && n.target.id === target.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The markings a note may be given by this actor: none above their clearance. */
export function tlpChoices(clearance: Tlp): Tlp[] {
  return TLP_LEVELS.filter((t) => tlpRank(t) <= tlpRank(clearance));
}

/** The author edits and deletes their own notes; an admin any. The server checks the same. */
export function mayChange(note: Note, actor: Pick<Actor, 'name' | 'role'>): boolean {
  return actor.role === 'admin' || note.author === actor.name;
}

/** How many notes each node has, from a find answer (the canvas marks the nodes with any). */
export function countByNode(notes: readonly Note[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of notes) if (n.target.type === 'node') counts.set(n.target.id, (counts.get(n.target.id) ?? 0) + 1);
  return counts;
}
