/** /api/merge — likely duplicates, and merging entities of one kind into one (with undo). */
import { z } from 'zod';
import { ErrorSchema } from '../schemas.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import {
  MergePreviewSchema,
  MergeRequestSchema,
  MergeResultSchema,
  MergeSuggestionsSchema,
  type MergeResult,
} from '../../model/merge.ts';
import { NodeKindName } from '../../model/schema.ts';
import { merge, previewMerge, undoMerge } from '../../merge/merge.ts';
import { suggestMerges } from '../../merge/suggestions.ts';

const body = { schema: MergeRequestSchema, what: 'merge request' };
const refusals = {
  400: json(
    ErrorSchema,
    'fewer than two different ids, ids of more than one kind, a survivor or choice not among them',
  ),
  404: json(ErrorSchema, 'an id names no node the caller may see'),
};
const mergeNote = (answer: MergeResult | undefined, ids: readonly string[] | undefined) => ({
  targets: answer ? [answer.survivor, ...answer.merged] : [...(ids ?? [])],
  details: answer ? { mergeId: answer.mergeId, moved: answer.moved, dropped: answer.dropped } : {},
});

export const mergeRoutes = [
  defineRoute({
    method: 'get',
    path: '/merge/suggestions',
    permission: 'graph:read',
    summary: 'Likely duplicates: entities of one kind with the same name after folding, or sharing an alias',
    description: 'Only entities the caller may see are read; the largest groups first, at most 500.',
    input: { query: { schema: z.object({ kind: NodeKindName.optional() }), what: 'suggestions query' } },
    output: { status: 200, description: 'the suggestions', schema: MergeSuggestionsSchema },
    errors: { 400: errors[400], ...failures },
    handler: ({ query }, { store }, { actor }) => suggestMerges(store, query.kind, actor.clearance),
  }),
  defineRoute({
    method: 'post',
    path: '/merge/preview',
    permission: 'graph:write',
    summary:
      'What merging these entities would make: properties side by side, the merged record, links moved and dropped',
    description:
      '`moved` and `dropped` count only the links the caller may see; Sources the caller may not open are left out of `sourceIds`.',
    input: { body },
    output: { status: 200, description: 'the preview', schema: MergePreviewSchema },
    errors: { ...refusals, ...failures },
    handler: ({ body }, deps, { actor }) => previewMerge(deps, body, actor),
  }),
  defineRoute({
    method: 'post',
    path: '/merge',
    permission: 'graph:write',
    audit: { action: 'graph.merge', note: ({ answer, input }) => mergeNote(answer, input?.body.ids) },
    summary: 'Merge entities of one kind into the survivor',
    description:
      'Relationships move to the survivor with their ids (a link between two merged entities, or one the survivor already has, is dropped); each merged id gets a `merge` revision and resolves to the survivor (GET /api/nodes/<old id> answers with `redirect`). Notes on the merged entities move to the survivor.',
    input: { body },
    output: { status: 200, description: 'the merge', schema: MergeResultSchema },
    errors: { ...refusals, ...failures },
    handler: ({ body }, deps, { actor }) => merge(deps, body, actor),
  }),
  defineRoute({
    method: 'post',
    path: '/merge/:mergeId/undo',
    permission: 'graph:write',
    audit: {
      action: 'graph.unmerge',
      note: ({ answer, input }) => ({
        ...mergeNote(answer, input ? [input.params.mergeId] : undefined),
        ...(input && { details: { mergeId: input.params.mergeId } }),
      }),
    },
    summary: 'Undo a merge: the entities, their records and their links as they were before',
    input: { params: { schema: z.object({ mergeId: z.string().min(1).max(100) }), what: 'merge id' } },
    output: { status: 200, description: 'the restored survivor and what was put back', schema: MergeResultSchema },
    errors: {
      404: json(ErrorSchema, 'no such merge the caller may see'),
      409: json(
        ErrorSchema,
        'conflict: the survivor or a moved link was changed since, or the merge was undone already',
      ),
      ...failures,
    },
    handler: ({ params }, deps, { actor }) => undoMerge(deps, params.mergeId, actor),
  }),
];
