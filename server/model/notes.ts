/**
 * Analysts' notes (issue 13): free text in markdown on a node, a link or a chart (a saved
 * workspace), with an author, times and a marking of its own. A note reaches a reader only when
 * both its own TLP and what it is attached to are within the reader's clearance.
 */
import { z } from 'zod';
import { Tlp } from './provenance.ts';

export const NOTE_TARGETS = ['node', 'relationship', 'workspace'] as const;
export const NOTE_MAX_CHARS = 20_000;

export const NoteTargetSchema = z.object({
  type: z.enum(NOTE_TARGETS),
  /** a node id, a relationship id, or a workspace name */
  id: z.string().min(1).max(300),
});
export type NoteTarget = z.infer<typeof NoteTargetSchema>;

export const NoteSchema = z
  .object({
    id: z.string().describe('note:<uuid>'),
    target: NoteTargetSchema,
    text: z.string().describe('markdown; the client renders it without raw HTML'),
    tlp: Tlp,
    author: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** 1 when written, +1 per edit */
    version: z.number().int().min(1),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof NoteSchema>;

export const NoteCreateSchema = z
  .object({ target: NoteTargetSchema, text: z.string().min(1).max(NOTE_MAX_CHARS), tlp: Tlp })
  .meta({ id: 'NoteCreate' });
export type NoteCreate = z.infer<typeof NoteCreateSchema>;

export const NotePatchSchema = z
  .object({ text: z.string().min(1).max(NOTE_MAX_CHARS).optional(), tlp: Tlp.optional() })
  .meta({ id: 'NotePatch' });
export type NotePatch = z.infer<typeof NotePatchSchema>;

/** POST /api/notes/find: the notes on any of these (the canvas asks for what it shows). */
export const NoteFindSchema = z
  .object({
    nodes: z.array(z.string().max(300)).max(20_000).default([]),
    relationships: z.array(z.string().max(300)).max(50_000).default([]),
    workspace: z.string().max(64).optional(),
  })
  .meta({ id: 'NoteFind' });
export type NoteFind = z.infer<typeof NoteFindSchema>;

export const NoteListSchema = z.object({ notes: z.array(NoteSchema) }).meta({ id: 'NoteList' });
export type NoteList = z.infer<typeof NoteListSchema>;
