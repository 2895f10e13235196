/**
 * The wire shapes of editing the graph by hand (issue 13): what an analyst sends to add, change,
 * delete and restore an entity or a link, and the versioned history the server keeps of each.
 * The history lives outside the graph (server/changes/), so analysts' Cypher cannot reach it and
 * a delete can be a tombstone without every query learning to skip deleted rows.
 */
import { z } from 'zod';
import { Grade, Tlp } from './provenance.ts';

/** One property that changed between two versions. */
export const PropertyChangeSchema = z.object({
  property: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type PropertyChange = z.infer<typeof PropertyChangeSchema>;

export const REVISION_ACTIONS = [
  /** the state it had before its first recorded edit (loaded by seed or import) */
  'baseline',
  'create',
  'update',
  /** removed from the graph; `record` keeps its last state */
  'delete',
  /** set back to an earlier version, or brought back from a tombstone */
  'restore',
  /** folded into another entity (`mergedInto`); `record` keeps its state before the merge */
  'merge',
  /** a merge undone */
  'unmerge',
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export const RevisionSchema = z
  .object({
    entity: z.enum(['node', 'relationship']),
    id: z.string(),
    /** 1, 2, … per entity, in order */
    version: z.number().int().min(1),
    at: z.string().describe('ISO 8601'),
    /** the account that made the change (`import` for a baseline) */
    author: z.string(),
    action: z.enum(REVISION_ACTIONS),
    changes: z.array(PropertyChangeSchema),
    /** the whole record after the change (for delete and merge: the last state it had) */
    record: z.record(z.string(), z.unknown()),
    /** the record's marking: a version above the reader's clearance is left out of the history */
    tlp: Tlp,
    mergedInto: z.string().optional(),
    mergeId: z.string().optional(),
    /** a node's delete: the relationships deleted with it (each has its own tombstone), restored with it */
    removedRelationships: z.array(z.string()).optional(),
    /** a short reason the author gave, shown in the history */
    comment: z.string().max(500).optional(),
  })
  .meta({ id: 'Revision' });
export type Revision = z.infer<typeof RevisionSchema>;

export const HistorySchema = z
  .object({
    entity: z.enum(['node', 'relationship']),
    id: z.string(),
    state: z.enum(['live', 'deleted', 'merged']),
    mergedInto: z.string().optional(),
    /** newest first, only the versions the reader may see */
    revisions: z.array(RevisionSchema),
  })
  .meta({ id: 'History' });
export type History = z.infer<typeof HistorySchema>;

/** A Source created in the same request as the entity or link that cites it. */
export const NewSourceSchema = z.object({
  name: z.string().min(1).max(500).describe('title'),
  publisher: z.string().min(1).max(300),
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
  url: z.string().max(2000).nullable().default(null).describe('reference: a URL or a document number'),
  grade: Grade.default('B2'),
  tlp: Tlp.default('CLEAR'),
});
export type NewSource = z.infer<typeof NewSourceSchema>;

/**
 * POST /api/nodes: the record as import takes it (kind, name, properties, provenance); `id` may be
 * left out (the server makes one from the kind's prefix and the name). At least one source is
 * required: `sourceIds` of existing Sources and/or `newSources`. `synthetic` cannot be set.
 */
export const NodeCreateSchema = z
  .object({
    record: z.record(z.string(), z.unknown()).describe('kind, name, properties and provenance'),
    newSources: z.array(NewSourceSchema).max(10).default([]),
    comment: z.string().max(500).optional(),
  })
  .meta({ id: 'NodeCreate' });
export type NodeCreate = z.infer<typeof NodeCreateSchema>;

/** POST /api/relationships: kind, from, to, properties, provenance; the same source rule. */
export const RelationshipCreateSchema = NodeCreateSchema.meta({ id: 'RelationshipCreate' });
export type RelationshipCreate = NodeCreate;

/**
 * PATCH /api/nodes/:id and /api/relationships/:id: the properties to set (id, kind and a link's
 * ends cannot change). `expectedVersion` is the version the editor saw: another edit in between
 * is 409 `conflict` with the current version in details.
 */
export const EntityPatchSchema = z
  .object({
    set: z.record(z.string(), z.unknown()),
    newSources: z.array(NewSourceSchema).max(10).default([]),
    expectedVersion: z.number().int().min(0).optional(),
    comment: z.string().max(500).optional(),
  })
  .meta({ id: 'EntityPatch' });
export type EntityPatch = z.infer<typeof EntityPatchSchema>;

/** POST …/:id/restore */
export const RestoreSchema = z
  .object({ version: z.number().int().min(1), comment: z.string().max(500).optional() })
  .meta({ id: 'Restore' });

/** What every write answers: the entity as it now is (null once deleted) and the revision made. */
export const EditResultSchema = z
  .object({
    entity: z.enum(['node', 'relationship']),
    id: z.string(),
    record: z.record(z.string(), z.unknown()).nullable(),
    revision: RevisionSchema,
    /** Sources created by the request (newSources), in order */
    createdSources: z.array(z.string()).default([]),
    /** relationships removed with a deleted node (each has its own tombstone) */
    removedRelationships: z.array(z.string()).default([]),
  })
  .meta({ id: 'EditResult' });
export type EditResult = z.infer<typeof EditResultSchema>;
