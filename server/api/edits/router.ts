/**
 * Editing the graph by hand: POST/PATCH/DELETE /api/nodes[/:id] and /api/relationships[/:id],
 * their history and restore, and GET /api/relationships/:id. Every write is one transaction with
 * its revisions in the change log, and is audited (graph.create, graph.update, graph.delete,
 * graph.restore) with the ids as targets and the kind, version and changed properties as details.
 */
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { visibleAt } from '../../model/access.ts';
import {
  EditResultSchema,
  EntityPatchSchema,
  HistorySchema,
  NodeCreateSchema,
  RelationshipCreateSchema,
  RestoreSchema,
  type EditResult,
} from '../../model/changes.ts';
import { RelationshipDetailsSchema } from '../../model/wire.ts';
import { createNode, deleteNodeAs, patchNode, restoreNode } from '../../changes/node-edits.ts';
import { createRel, deleteRelAs, patchRel, restoreRel } from '../../changes/relationship-edits.ts';
import { currentVersion, goneError, historyOf } from '../../changes/history.ts';
import { relationshipDetails } from '../../graph/relationship-details.ts';
import { withheldNodeIds } from '../../graph/visibility.ts';
import { ErrorSchema } from '../schemas.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute, type ApiDeps } from '../route.ts';
import { NodeIdParam } from '../schemas.ts';

const nodeParams = { schema: NodeIdParam, what: 'node id' };
const RelIdParam = z.object({ id: z.string().min(1).max(300).describe('relationship id') });
const relParams = { schema: RelIdParam, what: 'relationship id' };

const writeErrors = {
  400: json(ErrorSchema, 'invalid_record: the record does not validate (details.issues), or validation_error'),
  403: json(ErrorSchema, 'forbidden: a marking above the caller’s clearance (details.clearance)'),
  404: json(ErrorSchema, 'no such entity the caller may see'),
  409: json(ErrorSchema, 'conflict: the id is taken, or expectedVersion is stale (details.currentVersion)'),
  ...failures,
};

/** What an edit's audit event says: the ids, and the kind, version and properties it changed. */
function editNote(done: { input?: unknown; answer?: EditResult | undefined }) {
  const { answer } = done;
  const input = done.input as { params?: { id?: string }; body?: { record?: { kind?: unknown } } } | undefined;
  if (!answer) {
    const kind = input?.body?.record?.kind;
    return {
      targets: input?.params?.id ? [input.params.id] : [],
      ...(typeof kind === 'string' && kind.length <= 100 && { details: { kind } }),
    };
  }
  return {
    targets: [answer.id, ...answer.createdSources, ...answer.removedRelationships],
    details: {
      entity: answer.entity,
      kind: answer.revision.record.kind,
      version: answer.revision.version,
      changed: answer.revision.changes.map((c) => c.property),
      ...(answer.createdSources.length > 0 && { createdSources: answer.createdSources }),
      ...(answer.removedRelationships.length > 0 && { removedRelationships: answer.removedRelationships }),
    },
  };
}

const deps = (d: ApiDeps) => ({ store: d.store, changes: d.changes });

/** 410 for a deleted link the reader may see (and both its ends), else the 404 given. */
async function relGoneOr(d: ApiDeps, id: string, clearance: Parameters<typeof visibleAt>[1], error: unknown) {
  const tombstone = await d.changes.latest('relationship', id);
  const gone = goneError('relationship', id, tombstone, clearance);
  if (!gone || !tombstone) return error;
  const ends = [tombstone.record.from, tombstone.record.to].filter((e): e is string => typeof e === 'string');
  return (await withheldNodeIds(d.store, ends, clearance)).size > 0 ? error : gone;
}

export const editsRoutes = [
  defineRoute({
    method: 'post',
    path: '/nodes',
    permission: 'graph:write',
    audit: { action: 'graph.create', note: editNote },
    summary: 'Add an entity by hand, citing at least one source',
    description:
      'The record as import takes it (kind, name, properties, provenance), checked by the same schema. Without `id`, one is made from the kind’s prefix and the name (`-2`, `-3` … when taken). Cite existing Sources in `sourceIds` and/or create new ones with `newSources`, in the same transaction. The marking may not be above the caller’s clearance; `synthetic` is always false.',
    input: { body: { schema: NodeCreateSchema, what: 'new entity' } },
    output: { status: 201, description: 'the entity as stored and its first revision', schema: EditResultSchema },
    errors: writeErrors,
    handler: ({ body }, d, { actor }) => createNode(deps(d), body, actor),
  }),
  defineRoute({
    method: 'patch',
    path: '/nodes/:id',
    permission: 'graph:write',
    audit: { action: 'graph.update', note: editNote },
    summary: 'Change an entity’s properties',
    description:
      '`set` names the properties to change (not id or kind). With `expectedVersion` (the `version` of GET /api/nodes/{id}), an edit made in between is 409 conflict.',
    input: { params: nodeParams, body: { schema: EntityPatchSchema, what: 'edit' } },
    output: { status: 200, description: 'the entity as stored and the revision made', schema: EditResultSchema },
    errors: writeErrors,
    handler: ({ params, body }, d, { actor }) => patchNode(deps(d), params.id, body, actor),
  }),
  defineRoute({
    method: 'delete',
    path: '/nodes/:id',
    permission: 'graph:write',
    audit: { action: 'graph.delete', note: editNote },
    summary: 'Delete an entity and its relationships, leaving tombstones in their history',
    input: { params: nodeParams },
    output: { status: 200, description: 'the tombstone (record null)', schema: EditResultSchema },
    errors: { 404: errors[404], ...failures },
    handler: ({ params }, d, { actor }) => deleteNodeAs(deps(d), params.id, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/nodes/:id/history',
    permission: 'graph:read',
    summary: 'The versions of an entity the caller may see, newest first',
    input: { params: nodeParams },
    output: { status: 200, description: 'the history', schema: HistorySchema },
    errors: { 404: errors[404], ...failures },
    handler: ({ params }, d, { actor }) => historyOf(d.store, d.changes, 'node', params.id, actor.clearance),
  }),
  defineRoute({
    method: 'post',
    path: '/nodes/:id/restore',
    permission: 'graph:write',
    audit: { action: 'graph.restore', note: editNote },
    summary: 'Set an entity back to an earlier version, or bring a deleted one back with its links',
    input: { params: nodeParams, body: { schema: RestoreSchema, what: 'restore' } },
    output: { status: 200, description: 'the entity as restored', schema: EditResultSchema },
    errors: writeErrors,
    handler: ({ params, body }, d, { actor }) => restoreNode(deps(d), params.id, body, actor),
  }),
  defineRoute({
    method: 'post',
    path: '/relationships',
    permission: 'graph:write',
    audit: { action: 'graph.create', note: editNote },
    summary: 'Add a relationship by hand between two entities the caller may see',
    description:
      '`kind`, `from`, `to`, properties and provenance, checked by the import schema: the kind must be one the schema allows between the ends’ kinds. The same source rule as for entities.',
    input: { body: { schema: RelationshipCreateSchema, what: 'new relationship' } },
    output: { status: 201, description: 'the relationship as stored', schema: EditResultSchema },
    errors: writeErrors,
    handler: ({ body }, d, { actor }) => createRel(deps(d), body, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/relationships/:id',
    permission: 'graph:read',
    audit: { action: 'graph.relationship', note: ({ input }) => ({ targets: input ? [input.params.id] : [] }) },
    summary: 'A relationship with its properties and provenance',
    input: { params: relParams },
    output: { status: 200, description: 'the relationship', schema: RelationshipDetailsSchema },
    errors: {
      404: errors[404],
      410: json(ErrorSchema, 'gone: deleted (details: id, version, at, author)'),
      ...failures,
    },
    handler: async ({ params }, d, { actor }) => {
      try {
        const details = await relationshipDetails(d.store, params.id, actor.clearance);
        return { ...details, version: await currentVersion(d.changes, 'relationship', params.id) };
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found')
          throw await relGoneOr(d, params.id, actor.clearance, error);
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/relationships/:id',
    permission: 'graph:write',
    audit: { action: 'graph.update', note: editNote },
    summary: 'Change a relationship’s properties (not its kind or ends)',
    input: { params: relParams, body: { schema: EntityPatchSchema, what: 'edit' } },
    output: { status: 200, description: 'the relationship as stored', schema: EditResultSchema },
    errors: writeErrors,
    handler: ({ params, body }, d, { actor }) => patchRel(deps(d), params.id, body, actor),
  }),
  defineRoute({
    method: 'delete',
    path: '/relationships/:id',
    permission: 'graph:write',
    audit: { action: 'graph.delete', note: editNote },
    summary: 'Delete a relationship, leaving a tombstone in its history',
    input: { params: relParams },
    output: { status: 200, description: 'the tombstone (record null)', schema: EditResultSchema },
    errors: { 404: errors[404], ...failures },
    handler: ({ params }, d, { actor }) => deleteRelAs(deps(d), params.id, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/relationships/:id/history',
    permission: 'graph:read',
    summary: 'The versions of a relationship the caller may see, newest first',
    input: { params: relParams },
    output: { status: 200, description: 'the history', schema: HistorySchema },
    errors: { 404: errors[404], ...failures },
    handler: ({ params }, d, { actor }) => historyOf(d.store, d.changes, 'relationship', params.id, actor.clearance),
  }),
  defineRoute({
    method: 'post',
    path: '/relationships/:id/restore',
    permission: 'graph:write',
    audit: { action: 'graph.restore', note: editNote },
    summary: 'Set a relationship back to an earlier version, or bring a deleted one back (both ends must exist)',
    input: { params: relParams, body: { schema: RestoreSchema, what: 'restore' } },
    output: { status: 200, description: 'the relationship as restored', schema: EditResultSchema },
    errors: writeErrors,
    handler: ({ params, body }, d, { actor }) => restoreRel(deps(d), params.id, body, actor),
  }),
];
