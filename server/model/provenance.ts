/**
 * Provenance carried by every node and relationship: where a fact came from, how far it can be
 * trusted (Admiralty grade), how it may be shared (TLP) and when it was seen.
 */
import { z } from 'zod';
import { GRADE_PATTERN, TLP_LEVELS } from './markings.ts';

export { GRADE_PATTERN, TLP_COLOURS, TLP_LEVELS, gradeRank, tlpRank, weakestGrade } from './markings.ts';

/** NATO Admiralty code: source reliability A (reliable) … F (cannot be judged), information credibility 1 (confirmed) … 6 (cannot be judged). */
export const Grade = z
  .string()
  .regex(GRADE_PATTERN, 'an Admiralty grade: a letter A-F then a digit 1-6, e.g. B2')
  .describe('Admiralty grade: source reliability A-F and information credibility 1-6');
export type Grade = z.infer<typeof Grade>;

export const Tlp = z.enum(TLP_LEVELS).describe('Traffic Light Protocol 2.0 marking');
export type Tlp = z.infer<typeof Tlp>;

export const IsoDate = z.iso.date();

/** The longest source excerpt a fact may carry (a passage, not the document). */
export const EXCERPT_MAX = 5_000;

/** The provenance properties, shared by every node and relationship kind. */
export const provenanceShape = {
  sourceIds: z
    .array(z.string().min(1))
    .default([])
    .describe('ids of the Source nodes (documents) that report this; empty only when synthetic'),
  grade: Grade,
  tlp: Tlp,
  firstSeen: IsoDate.nullable().default(null).describe('first date this was observed or reported'),
  lastSeen: IsoDate.nullable().default(null).describe('last date this was observed or reported'),
  synthetic: z.boolean().default(false).describe('true when made by the seed generator, not drawn from a source'),
  excerpt: z
    .string()
    .max(EXCERPT_MAX)
    .nullable()
    .default(null)
    .describe('the passage of the cited source that supports this'),
};

/** A fact that is not synthetic must cite at least one source. */
export function provenanceIssues(value: {
  sourceIds: string[];
  synthetic: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
}): string[] {
  const issues: string[] = [];
  if (!value.synthetic && value.sourceIds.length === 0)
    issues.push('sourceIds: a non-synthetic fact must cite a source');
  if (value.firstSeen && value.lastSeen && value.firstSeen > value.lastSeen)
    issues.push('lastSeen is before firstSeen');
  return issues;
}
