/**
 * What merging duplicates makes of them, as plain data: no store, no files. Given the whole
 * records of the entities and of their relationships, the request (survivor, choices, grade), it
 * answers the record the survivor will have, each property side by side, and which relationships
 * move to the survivor and which are dropped.
 *
 * The rules (issue 13): one kind; `sourceIds` unioned; `firstSeen` the earliest and `lastSeen` the
 * latest; the grade the weakest unless one is chosen; the TLP the strictest (a merged fact may not
 * be shared wider than any part of it); aliases unioned, with the merged entities' names added;
 * every other property the survivor's value, or the chosen entity's, or — when the survivor has
 * none — the first entity's that has one. A relationship moves to the survivor keeping its id;
 * one between two merged entities (it would become a loop) or one the survivor already has (same
 * kind, same other end, same direction) is dropped.
 */
import { AppError } from '../errors.ts';
import { highestMarking, weakestGrade } from '../model/markings.ts';
import type { MergeProperty, MergeRequest } from '../model/merge.ts';
import { foldText } from '../model/text.ts';
import {
  NodeRecord,
  nodeProperties,
  type NodeKind,
  type NodeRecordValue,
  type RelRecordValue,
} from '../model/schema.ts';

export interface MergePlan {
  kind: NodeKind;
  survivor: string;
  /** every id, the survivor first */
  ids: string[];
  /** the others, folded into the survivor */
  merged: string[];
  properties: MergeProperty[];
  record: NodeRecordValue;
  /** relationships of merged entities rewritten to the survivor (same ids) */
  moved: RelRecordValue[];
  /** relationships removed: loops between merged entities and duplicates of the survivor's */
  dropped: RelRecordValue[];
}

const PINNED = new Set(['id']);

/** No value: null, '', [], or the schema's `unknown` (gender, age band), which any known value fills in. */
const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || v === 'unknown' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function union(lists: unknown[]): string[] {
  const out: string[] = [];
  for (const list of lists)
    if (Array.isArray(list)) for (const v of list) if (!out.includes(String(v))) out.push(String(v));
  return out;
}

/** The survivor by default: the entity with most relationships (`degree`), the first given on a tie. */
export function defaultSurvivor(ids: readonly string[], degree: (id: string) => number): string {
  let best = ids[0] ?? '';
  for (const id of ids) if (degree(id) > degree(best)) best = id;
  return best;
}

export function planMerge(
  records: readonly NodeRecordValue[],
  relsOf: ReadonlyMap<string, readonly RelRecordValue[]>,
  request: Pick<MergeRequest, 'choices' | 'grade'> & { survivor: string },
): MergePlan {
  const kinds = [...new Set(records.map((r) => r.kind))];
  const [kind] = kinds;
  if (kinds.length !== 1 || !kind)
    throw new AppError('bad_request', `only entities of one kind can be merged; these are ${kinds.join(', ')}`, {
      kinds,
    });
  const byId = new Map(records.map((r) => [r.id, r]));
  const survivorRecord = byId.get(request.survivor);
  if (!survivorRecord)
    throw new AppError('bad_request', `the survivor ${request.survivor} is not one of the merged ids`, {
      survivor: request.survivor,
    });
  const ordered = [survivorRecord, ...records.filter((r) => r.id !== request.survivor)];
  const ids = ordered.map((r) => r.id);
  const names = new Set((nodeProperties.get(kind) ?? []).map((p) => p.name));
  for (const [property, id] of Object.entries(request.choices)) {
    if (!names.has(property) || PINNED.has(property))
      throw new AppError('bad_request', `${property} is not a property of ${kind} that a merge can choose`, {
        property,
      });
    if (!byId.has(id))
      throw new AppError('bad_request', `the choice for ${property} names ${id}, which is not being merged`, {
        property,
        id,
      });
  }
  const valueOf = (r: NodeRecordValue | undefined, name: string) =>
    r ? ((r as unknown as Record<string, unknown>)[name] ?? null) : null;

  const properties: MergeProperty[] = [];
  const record: Record<string, unknown> = { kind, id: survivorRecord.id };
  for (const name of names) {
    if (PINNED.has(name)) continue;
    const values = ordered.map((r) => ({ id: r.id, value: valueOf(r, name) }));
    const distinct = values
      .filter((v) => !isEmpty(v.value))
      .filter((v, i, all) => all.findIndex((w) => same(w.value, v.value)) === i);
    const conflict = distinct.length > 1;
    const chosenId = request.choices[name];
    let chosen = chosenId ?? survivorRecord.id;
    let merged: unknown;
    if (name === 'sourceIds') merged = union(values.map((v) => v.value));
    else if (name === 'firstSeen' || name === 'lastSeen') {
      const dates = values
        .map((v) => v.value)
        .filter((v): v is string => typeof v === 'string')
        .sort();
      merged = (name === 'firstSeen' ? dates[0] : dates.at(-1)) ?? null;
      chosen = values.find((v) => v.value === merged)?.id ?? chosen;
    } else if (name === 'grade') {
      merged =
        request.grade ?? (chosenId ? valueOf(byId.get(chosenId), name) : weakestGrade(values.map((v) => v.value)));
      if (!chosenId) chosen = values.find((v) => v.value === merged)?.id ?? chosen;
    } else if (name === 'tlp') {
      merged = highestMarking(values.map((v) => v.value));
      chosen = values.find((v) => v.value === merged)?.id ?? chosen;
    } else if (name === 'synthetic') {
      // made up only if every part of it was
      merged = values.every((v) => v.value === true);
    } else if (name === 'aliases')
      merged = null; // after the name is known
    else if (chosenId) merged = valueOf(byId.get(chosenId), name);
    else {
      const own = valueOf(survivorRecord, name);
      const filled = isEmpty(own) ? values.find((v) => !isEmpty(v.value)) : undefined;
      merged = filled ? filled.value : own;
      if (filled) chosen = filled.id;
    }
    record[name] = merged;
    properties.push({ name, values, conflict, chosen, merged });
  }
  // aliases: every alias and every other name, not the merged name itself, each once (folded)
  const finalName = foldText(String(record.name ?? ''));
  const seen = new Set([finalName]);
  const aliases: string[] = [];
  for (const candidate of union([...ordered.map((r) => r.aliases), ordered.map((r) => r.name)])) {
    const key = foldText(candidate);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    aliases.push(candidate);
  }
  record.aliases = aliases;
  const aliasRow = properties.find((p) => p.name === 'aliases');
  if (aliasRow) aliasRow.merged = aliases;

  const parsed = NodeRecord.safeParse(record);
  if (!parsed.success)
    throw new AppError('bad_request', 'the merged entity would not be a valid record', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });

  // relationships: rewritten to the survivor, loops and duplicates dropped
  const mergedIds = new Set(ids);
  const to = (id: string) => (mergedIds.has(id) ? survivorRecord.id : id);
  const seenRels = new Map<string, string>();
  const identity = (r: RelRecordValue) => `${r.kind}|${to(r.from)}|${to(r.to)}`;
  const moved: RelRecordValue[] = [];
  const dropped: RelRecordValue[] = [];
  const all = new Map<string, RelRecordValue>();
  for (const id of ids) for (const rel of relsOf.get(id) ?? []) all.set(rel.id, rel);
  // the survivor's own relationships are kept first, so a duplicate is the merged entity's
  const ownFirst = [...all.values()].sort(
    (a, b) =>
      Number(touchesOnly(b, survivorRecord.id, mergedIds)) - Number(touchesOnly(a, survivorRecord.id, mergedIds)),
  );
  for (const rel of ownFirst) {
    const loop = mergedIds.has(rel.from) && mergedIds.has(rel.to);
    if (loop || seenRels.has(identity(rel))) {
      dropped.push(rel);
      continue;
    }
    seenRels.set(identity(rel), rel.id);
    if (rel.from !== to(rel.from) || rel.to !== to(rel.to)) moved.push({ ...rel, from: to(rel.from), to: to(rel.to) });
  }
  return {
    kind,
    survivor: survivorRecord.id,
    ids,
    merged: ids.slice(1),
    properties,
    record: parsed.data,
    moved,
    dropped,
  };
}

/** Whether the relationship is the survivor's own: one end the survivor, the other outside the merge. */
function touchesOnly(rel: RelRecordValue, survivor: string, merged: ReadonlySet<string>): boolean {
  return (rel.from === survivor && !merged.has(rel.to)) || (rel.to === survivor && !merged.has(rel.from));
}

/** The properties whose merged value differs from the survivor's, as a revision's changes. */
export function changesOf(before: NodeRecordValue, after: NodeRecordValue) {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !same(b[k] ?? null, a[k] ?? null))
    .map((property) => ({ property, before: b[property] ?? null, after: a[property] ?? null }));
}
