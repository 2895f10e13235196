/**
 * What the analyst decides in a merge preview, as a pure value: which entity survives, whose value
 * each conflicting property keeps, and the merged grade. The server's preview answers with the
 * merged record for these choices; the dialog sends them again with the merge itself.
 */
import { GRADES, gradeRank, weakestGrade } from '../../../../server/model/markings.ts';
import type { MergePreview, MergeProperty, MergeRequest } from '../../../../server/model/merge.ts';

export interface MergeChoices {
  /** null: the server's default (the entity with most relationships) */
  survivor: string | null;
  /** property → the id whose value is kept, for the conflicts the analyst settled */
  choices: Readonly<Record<string, string>>;
  /** null: the weakest of the merged grades (the server's rule) */
  grade: string | null;
}

export const NO_CHOICES: MergeChoices = { survivor: null, choices: {}, grade: null };

/** most ids a merge takes (MergeRequestSchema) */
export const MAX_MERGE = 50;

/**
 * Provenance the server merges by rule rather than by choice: sources unioned, seen dates widened,
 * the strictest marking, names kept as aliases. Shown apart; no per-entity choice is offered.
 */
export const BY_RULE: Readonly<Record<string, string>> = {
  sourceIds: 'every source, unioned',
  firstSeen: 'the earliest',
  lastSeen: 'the latest',
  tlp: 'the strictest',
  aliases: 'unioned, with the merged names',
  synthetic: 'synthetic if any is',
  grade: 'the weakest, unless chosen',
};
/** never shown as a property: the id is the survivor's, the kind is one for all */
const NOT_SHOWN = new Set(['id', 'kind', 'label']);

export function isByRule(name: string): boolean {
  return name in BY_RULE;
}

/** The properties to show side by side, the entity's own first, then the provenance merged by rule. */
export function shownProperties(preview: MergePreview): { own: MergeProperty[]; provenance: MergeProperty[] } {
  const visible = preview.properties.filter((p) => !NOT_SHOWN.has(p.name));
  return { own: visible.filter((p) => !isByRule(p.name)), provenance: visible.filter((p) => isByRule(p.name)) };
}

/** The conflicts the analyst may settle: differing values of the entity's own properties. */
export function choosable(preview: MergePreview): MergeProperty[] {
  return shownProperties(preview).own.filter((p) => p.conflict);
}

/** The id whose value a property keeps: the analyst's choice, else what the preview says. */
export function chosenFor(state: MergeChoices, property: MergeProperty): string {
  return state.choices[property.name] ?? property.chosen;
}

export function choose(state: MergeChoices, property: string, id: string): MergeChoices {
  return { ...state, choices: { ...state.choices, [property]: id } };
}

/**
 * A new survivor: conflicts the analyst had not settled follow it (the survivor's value is the
 * default); settled ones stay as chosen.
 */
export function chooseSurvivor(state: MergeChoices, id: string): MergeChoices {
  return { ...state, survivor: id };
}

export function chooseGrade(state: MergeChoices, grade: string | null): MergeChoices {
  return { ...state, grade: grade && GRADES.includes(grade) ? grade : null };
}

/** The grades of the merged entities, and the one the merge keeps unless another is chosen. */
export function gradeOptions(preview: MergePreview): { grades: string[]; weakest: string | null } {
  const values = preview.properties.find((p) => p.name === 'grade')?.values.map((v) => v.value) ?? [];
  const grades = [...new Set(values.filter((g): g is string => typeof g === 'string' && GRADES.includes(g)))].sort(
    (a, b) => gradeRank(a) - gradeRank(b),
  );
  return { grades, weakest: weakestGrade(grades) };
}

/** The request for a preview or the merge: only what the analyst decided; the server fills the rest. */
export function toRequest(ids: readonly string[], state: MergeChoices): Omit<MergeRequest, 'comment'> {
  return {
    ids: [...ids],
    ...(state.survivor ? { survivor: state.survivor } : {}),
    choices: { ...state.choices },
    ...(state.grade ? { grade: state.grade } : {}),
  };
}

/** Whether these nodes can be merged, or why not (shown on the disabled action). */
export function mergeable(
  kinds: ReadonlyArray<string | undefined>,
): { ok: true; kind: string } | { ok: false; why: string } {
  if (kinds.length < 2) return { ok: false, why: 'Select two or more entities of one kind to merge them' };
  if (kinds.length > MAX_MERGE) return { ok: false, why: `At most ${MAX_MERGE} entities are merged at once` };
  const distinct = new Set(kinds);
  const [kind] = distinct;
  if (distinct.size > 1 || !kind) return { ok: false, why: 'Only entities of one kind can be merged' };
  return { ok: true, kind };
}

/** A value as the preview table shows it. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(showValue).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
