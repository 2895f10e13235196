/**
 * Merging duplicate entities (issue 13): the preview an analyst checks, the choices they make,
 * and what the merge answers. One kind at a time; the survivor keeps its id, the others become
 * aliases of it that still resolve (GET /api/nodes/<old id> answers with the survivor).
 */
import { z } from 'zod';
import { Grade } from './provenance.ts';

export const MergeRequestSchema = z
  .object({
    ids: z.array(z.string().min(1).max(300)).min(2).max(50),
    /** which id survives; by default the one with most relationships */
    survivor: z.string().optional(),
    /** per conflicting property, the id of the entity whose value is kept */
    choices: z.record(z.string(), z.string()).default({}),
    /** the merged grade; by default the weakest of the merged entities' grades */
    grade: Grade.optional(),
    comment: z.string().max(500).optional(),
  })
  .meta({ id: 'MergeRequest' });
export type MergeRequest = z.infer<typeof MergeRequestSchema>;

export const MergePropertySchema = z.object({
  name: z.string(),
  values: z.array(z.object({ id: z.string(), value: z.unknown() })),
  conflict: z.boolean().describe('true when the entities hold different non-empty values'),
  /** the id whose value the merge keeps (the survivor's unless chosen) */
  chosen: z.string(),
  /** the value the merged entity will have */
  merged: z.unknown(),
});
export type MergeProperty = z.infer<typeof MergePropertySchema>;

export const MergePreviewSchema = z
  .object({
    kind: z.string(),
    survivor: z.string(),
    ids: z.array(z.string()),
    /** every property side by side (provenance included; sourceIds unioned, seen dates widened) */
    properties: z.array(MergePropertySchema),
    /** the record the survivor will have */
    record: z.record(z.string(), z.unknown()),
    /** relationships that will move to the survivor, and those dropped (a link between two merged entities) */
    moved: z.number().int(),
    dropped: z.number().int(),
  })
  .meta({ id: 'MergePreview' });
export type MergePreview = z.infer<typeof MergePreviewSchema>;

export const MergeResultSchema = z
  .object({
    mergeId: z.string(),
    survivor: z.string(),
    merged: z.array(z.string()),
    record: z.record(z.string(), z.unknown()),
    moved: z.number().int(),
    dropped: z.number().int(),
  })
  .meta({ id: 'MergeResult' });
export type MergeResult = z.infer<typeof MergeResultSchema>;

export const MergeSuggestionSchema = z.object({
  kind: z.string(),
  ids: z.array(z.string()).min(2),
  labels: z.array(z.string()),
  reason: z.enum(['same name', 'shared alias']),
  /** the folded name or alias they share */
  key: z.string(),
});
export const MergeSuggestionsSchema = z
  .object({ suggestions: z.array(MergeSuggestionSchema) })
  .meta({ id: 'MergeSuggestions' });
export type MergeSuggestions = z.infer<typeof MergeSuggestionsSchema>;
