/** /api/notes — analysts' notes on a node, a link or a saved chart, each with its own marking. */
import { z } from 'zod';
import { errors, failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import {
  NoteCreateSchema,
  NoteFindSchema,
  NoteListSchema,
  NotePatchSchema,
  NoteSchema,
  type Note,
} from '../../model/notes.ts';
import { createNote, deleteNote, findNotes, updateNote } from '../../notes/note-access.ts';

const params = {
  schema: z.object({ id: z.string().min(1).max(300).describe('note:<uuid>') }),
  what: 'note id',
};

/** What the trail keeps of a note change: the note, what it is on, its marking and version (never its text). */
const noteNote = (note: Note | undefined, id?: string) => ({
  targets: note ? [note.id, note.target.id] : id ? [id] : [],
  details: note ? { target: note.target, tlp: note.tlp, version: note.version } : {},
});

export const notesRoutes = [
  defineRoute({
    method: 'post',
    path: '/notes/find',
    permission: 'graph:read',
    summary: 'The notes on the given nodes, links and saved chart, as far as the caller may read them',
    description:
      'A note is listed only when its own TLP and what it is attached to (a node or link as the store marks it now, with both ends; a workspace the caller may open) are within the caller’s clearance. The others are not counted.',
    input: { body: { schema: NoteFindSchema, what: 'note search', orEmpty: true } },
    output: { status: 200, description: 'the notes, oldest first', schema: NoteListSchema },
    errors: { 400: errors[400], ...failures },
    handler: async ({ body }, deps, { actor }) => ({ notes: await findNotes(deps, body, actor) }),
  }),
  defineRoute({
    method: 'post',
    path: '/notes',
    permission: 'graph:write',
    audit: { action: 'note.create', note: ({ answer, input }) => noteNote(answer, input?.body.target.id) },
    summary: 'Write a note on a node, a link or a saved chart',
    description:
      'The target must be one the caller may see (404 otherwise, as a missing one); the note’s TLP at most the caller’s clearance (403 forbidden). The text is markdown, shown without raw HTML.',
    input: { body: { schema: NoteCreateSchema, what: 'note' } },
    output: { status: 201, description: 'the note', schema: NoteSchema },
    errors: { 400: errors[400], 403: errors[403], 404: errors[404], ...failures },
    handler: ({ body }, deps, { actor }) => createNote(deps, body, actor),
  }),
  defineRoute({
    method: 'patch',
    path: '/notes/:id',
    permission: 'graph:write',
    audit: { action: 'note.update', note: ({ answer, input }) => noteNote(answer, input?.params.id) },
    summary: 'Change a note’s text or marking (its author or an admin)',
    input: { params, body: { schema: NotePatchSchema, what: 'note change' } },
    output: { status: 200, description: 'the note as it now is', schema: NoteSchema },
    errors: { 400: errors[400], 403: errors[403], 404: errors[404], ...failures },
    handler: ({ params, body }, deps, { actor }) => updateNote(deps, params.id, body, actor),
  }),
  defineRoute({
    method: 'delete',
    path: '/notes/:id',
    permission: 'graph:write',
    audit: { action: 'note.delete', note: ({ input }) => ({ targets: input ? [input.params.id] : [] }) },
    summary: 'Delete a note (its author or an admin)',
    input: { params },
    output: { status: 204, description: 'deleted' },
    errors: { 403: errors[403], 404: errors[404], ...failures },
    handler: async ({ params }, deps, { actor }) => {
      await deleteNote(deps, params.id, actor);
    },
  }),
];
