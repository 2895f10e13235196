/**
 * Merging duplicate entities, and undoing a merge: the preview an analyst checks, the merge
 * itself in one recorded change (server/changes/record-change.ts: the graph and the change log
 * together or not at all), and the undo, which puts back exactly what the merge record kept.
 *
 * Every id must be one the actor may see (404 otherwise, as for a missing one). Relationships
 * the actor may not see move with their entity too (leaving them behind would cut the graph),
 * but the preview's and the answer's counts, and the record shown, hold only what the actor
 * may see: no withheld link is counted, no withheld Source's id is shown among the sources.
 */
import { randomUUID } from 'node:crypto';
import type { ChangeLog, RevisionInput } from '../changes/change-log.ts';
import { recordChange } from '../changes/record-change.ts';
import { AppError } from '../errors.ts';
import {
  deleteNode,
  deleteRel,
  readNodeRecord,
  readRelRecord,
  readRelRecordsOf,
  writeRecords,
} from '../graph/records.ts';
import { canonical } from '../export/manifest.ts';
import { withheldNodeIds } from '../graph/visibility.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { MergePreview, MergeRequest, MergeResult } from '../model/merge.ts';
import { nodeKindOfId, type NodeRecordValue, type RelRecordValue } from '../model/schema.ts';
import type { NoteStore } from '../notes/note-store.ts';
import { visibleNodeIds } from '../notes/note-access.ts';
import type { GraphStore, TransactionRunner } from '../store/types.ts';
import { changesOf, defaultSurvivor, planMerge, type MergePlan } from './merge-rules.ts';
import type { MergeStore } from './merge-store.ts';

export interface MergeDeps {
  store: GraphStore;
  changes: ChangeLog;
  merges: MergeStore;
  notes: NoteStore;
}

/** The distinct ids, each a node the actor may see; 400 for fewer than two, 404 for any other. */
async function checkIds(store: GraphStore, request: MergeRequest, actor: Actor): Promise<string[]> {
  const ids = [...new Set(request.ids)];
  if (ids.length < 2)
    throw new AppError('bad_request', 'a merge needs at least two different entities', { ids: request.ids });
  // other facts cite a Source by id in their sourceIds: merging two would leave those citations
  // pointing at an id that no longer exists, so it waits for a merge that rewrites them
  if (ids.some((id) => nodeKindOfId(id)?.kind === 'Source'))
    throw new AppError('bad_request', 'Sources cannot be merged: other entities and links cite them by id', {
      ids,
    });
  const visible = await visibleNodeIds(store, ids, actor.clearance);
  for (const id of ids) if (!visible.has(id)) throw new AppError('not_found', `no node ${id}`, { id });
  if (request.survivor !== undefined && !ids.includes(request.survivor))
    throw new AppError('bad_request', `the survivor ${request.survivor} is not one of the merged ids`, {
      survivor: request.survivor,
    });
  return ids;
}

/** The record with this id among `records` (readAll read one for every id, or failed). */
function recordOf(records: readonly NodeRecordValue[], id: string): NodeRecordValue {
  const record = records.find((r) => r.id === id);
  if (!record) throw new AppError('internal', `no record read for ${id}`);
  return record;
}

async function readAll(tx: TransactionRunner, ids: readonly string[]) {
  const records: NodeRecordValue[] = [];
  const relsOf = new Map<string, RelRecordValue[]>();
  for (const id of ids) {
    const record = await readNodeRecord(tx, id);
    if (!record) throw new AppError('not_found', `no node ${id}`, { id });
    records.push(record);
    relsOf.set(id, await readRelRecordsOf(tx, id));
  }
  return { records, relsOf };
}

/** What of a set of relationships the actor may see: its own marking and both its ends. */
async function visibleRels(store: GraphStore, rels: readonly RelRecordValue[], actor: Actor): Promise<number> {
  const marked = rels.filter((r) => visibleAt(r.tlp, actor.clearance));
  const hidden = await withheldNodeIds(
    store,
    marked.flatMap((r) => [r.from, r.to]),
    actor.clearance,
  );
  return marked.filter((r) => !hidden.has(r.from) && !hidden.has(r.to)).length;
}

/** The record as the actor may see it: Sources they may not open left out of `sourceIds`. */
async function shown(store: GraphStore, records: Record<string, unknown>[], actor: Actor) {
  const cited = records.flatMap((r) => (Array.isArray(r.sourceIds) ? r.sourceIds.map(String) : []));
  const hidden = await withheldNodeIds(store, cited, actor.clearance);
  return (value: unknown) => (Array.isArray(value) ? value.filter((id) => !hidden.has(String(id))) : value);
}

function planFor(
  records: NodeRecordValue[],
  relsOf: Map<string, RelRecordValue[]>,
  request: MergeRequest,
  degree: (id: string) => number,
): MergePlan {
  const survivor =
    request.survivor ??
    defaultSurvivor(
      records.map((r) => r.id),
      degree,
    );
  return planMerge(records, relsOf, { survivor, choices: request.choices, grade: request.grade });
}

/** How many relationships of each entity the actor may see: the default survivor has most. */
async function visibleDegrees(store: GraphStore, relsOf: Map<string, RelRecordValue[]>, actor: Actor) {
  const degrees = new Map<string, number>();
  for (const [id, rels] of relsOf) degrees.set(id, await visibleRels(store, rels, actor));
  return (id: string) => degrees.get(id) ?? 0;
}

export async function previewMerge(deps: MergeDeps, request: MergeRequest, actor: Actor): Promise<MergePreview> {
  const ids = await checkIds(deps.store, request, actor);
  // read in one transaction, so the records and their relationships are of one moment
  const { records, relsOf } = await deps.store.transaction((tx) => readAll(tx, ids));
  const plan = planFor(records, relsOf, request, await visibleDegrees(deps.store, relsOf, actor));
  const clean = await shown(deps.store, [...records, plan.record] as unknown as Record<string, unknown>[], actor);
  return {
    kind: plan.kind,
    survivor: plan.survivor,
    ids: plan.ids,
    properties: plan.properties.map((p) =>
      p.name === 'sourceIds'
        ? { ...p, values: p.values.map((v) => ({ ...v, value: clean(v.value) })), merged: clean(p.merged) }
        : p,
    ),
    record: { ...plan.record, sourceIds: clean(plan.record.sourceIds) },
    moved: await visibleRels(deps.store, plan.moved, actor),
    dropped: await visibleRels(deps.store, plan.dropped, actor),
  };
}

const endsChanged = (before: RelRecordValue, after: RelRecordValue) =>
  [
    { property: 'from', before: before.from, after: after.from },
    { property: 'to', before: before.to, after: after.to },
  ].filter((c) => c.before !== c.after);

export async function merge(deps: MergeDeps, request: MergeRequest, actor: Actor): Promise<MergeResult> {
  const ids = await checkIds(deps.store, request, actor);
  const mergeId = `merge:${randomUUID()}`;
  const comment = request.comment;
  // the degrees that pick the default survivor are read before the change (visibility needs the store)
  const degree = request.survivor
    ? () => 0
    : await visibleDegrees(deps.store, (await deps.store.transaction((tx) => readAll(tx, ids))).relsOf, actor);
  let plan: MergePlan | undefined;
  let before: RelRecordValue[] = [];
  await recordChange(deps.store, deps.changes, async (tx) => {
    const { records, relsOf } = await readAll(tx, ids);
    const p = planFor(records, relsOf, request, degree);
    plan = p;
    const relsBefore = new Map([...relsOf.values()].flat().map((r) => [r.id, r]));
    before = p.moved.map((r) => relsBefore.get(r.id) ?? r);
    const survivorBefore = recordOf(records, p.survivor);
    // the merged entities go (with their relationships), the dropped ones the survivor held too,
    // then the survivor is written merged and the moved relationships are made again on it
    for (const id of p.merged) await deleteNode(tx, id);
    for (const rel of p.dropped) await deleteRel(tx, rel.id);
    await writeRecords(tx, deps.store.dialect, { nodes: [p.record], relationships: p.moved });
    await deps.merges.put({
      mergeId,
      at: new Date().toISOString(),
      author: actor.name,
      kind: p.kind,
      survivor: p.survivor,
      merged: p.merged,
      nodes: [survivorBefore, ...p.merged.map((id) => recordOf(records, id))] as never,
      moved: before as never,
      dropped: p.dropped as never,
      notes: [],
      undone: null,
    });
    const common = { author: actor.name, mergeId, ...(comment && { comment }) };
    return [
      {
        entity: 'node',
        id: p.survivor,
        action: 'update',
        changes: changesOf(survivorBefore, p.record),
        record: p.record as never,
        tlp: p.record.tlp,
        ...common,
      },
      ...p.merged.map((id): RevisionInput => {
        const record = recordOf(records, id);
        return {
          entity: 'node',
          id,
          action: 'merge',
          changes: [],
          record: record as never,
          tlp: record.tlp,
          mergedInto: p.survivor,
          ...common,
        };
      }),
      ...p.moved.map((rel): RevisionInput => {
        const was = relsBefore.get(rel.id) ?? rel;
        return {
          entity: 'relationship',
          id: rel.id,
          action: 'update',
          changes: endsChanged(was, rel),
          record: rel as never,
          tlp: rel.tlp,
          ...common,
        };
      }),
      ...p.dropped.map((rel): RevisionInput => ({
        entity: 'relationship',
        id: rel.id,
        action: 'delete',
        changes: [],
        record: rel as never,
        tlp: rel.tlp,
        ...common,
        comment: comment ? `${comment} (dropped by the merge)` : 'dropped by the merge',
      })),
    ];
  });
  const done = plan;
  if (!done) throw new AppError('internal', 'the merge made no plan');
  // notes on the merged entities now sit on the survivor (undo puts them back)
  const movedNotes: Array<{ id: string; from: string }> = [];
  for (const note of await deps.notes.on(done.merged.map((id) => ({ type: 'node' as const, id })))) {
    await deps.notes.update(note.id, () => ({ target: { type: 'node', id: done.survivor } }));
    movedNotes.push({ id: note.id, from: note.target.id });
  }
  if (movedNotes.length > 0) {
    const record = await deps.merges.get(mergeId);
    if (record) await deps.merges.put({ ...record, notes: movedNotes });
  }
  const clean = await shown(deps.store, [done.record as unknown as Record<string, unknown>], actor);
  return {
    mergeId,
    survivor: done.survivor,
    merged: done.merged,
    record: { ...done.record, sourceIds: clean(done.record.sourceIds) },
    moved: await visibleRels(deps.store, done.moved, actor),
    dropped: await visibleRels(deps.store, done.dropped, actor),
  };
}

/**
 * Puts back what the merge changed: the survivor's record as it was, the merged entities, and
 * every relationship moved or dropped, with their ids. 409 when the survivor or a moved
 * relationship was changed since (undoing would lose that change), or when it was undone already.
 */
export async function undoMerge(deps: MergeDeps, mergeId: string, actor: Actor): Promise<MergeResult> {
  const record = await deps.merges.get(mergeId);
  const survivorHistory = record ? await deps.changes.history('node', record.survivor) : [];
  const applied = survivorHistory.some((r) => r.mergeId === mergeId);
  // a merge of what the actor may not see (now) is, for them, no merge at all
  const visible = record && applied ? await visibleNodeIds(deps.store, [record.survivor], actor.clearance) : new Set();
  if (!record || !applied || !visible.has(record.survivor))
    throw new AppError('not_found', `no merge ${mergeId}`, { mergeId });
  if (record.undone)
    throw new AppError('conflict', `merge ${mergeId} was undone already`, { mergeId, undone: record.undone });
  const nodes = record.nodes as unknown as NodeRecordValue[];
  const rels = [...record.moved, ...record.dropped] as unknown as RelRecordValue[];
  const survivorBefore = nodes[0];
  if (!survivorBefore) throw new AppError('internal', `merge ${mergeId} keeps no records`);
  await recordChange(deps.store, deps.changes, async (tx) => {
    // changed since = not as the merge left it (an edit undone since, or a later merge undone, is no change)
    const current = await readNodeRecord(tx, record.survivor);
    const left = survivorHistory.find((r) => r.mergeId === mergeId && r.action === 'update');
    if (!current || !left || !sameRecord(current, left.record))
      throw new AppError(
        'conflict',
        `${record.survivor} was changed since the merge; undoing it would lose that change`,
        {
          id: record.survivor,
          currentVersion: survivorHistory.at(-1)?.version ?? 0,
        },
      );
    for (const rel of record.moved) {
      const id = String(rel.id);
      const history = await deps.changes.history('relationship', id);
      const moved = history.find((r) => r.mergeId === mergeId && r.action === 'update');
      const now = await readRelRecord(tx, id);
      if (!moved || !now || !sameRecord(now, moved.record))
        throw new AppError('conflict', `relationship ${id} was changed since the merge`, {
          id,
          currentVersion: history.at(-1)?.version ?? 0,
        });
    }
    for (const id of record.merged)
      if (await readNodeRecord(tx, id)) throw new AppError('conflict', `${id} exists again since the merge`, { id });
    await writeRecords(tx, deps.store.dialect, { nodes, relationships: rels });
    const common = { author: actor.name, mergeId, action: 'unmerge' as const };
    return [
      {
        entity: 'node',
        id: record.survivor,
        changes: changesOf(current, survivorBefore),
        record: survivorBefore as never,
        tlp: survivorBefore.tlp,
        ...common,
      },
      ...nodes.slice(1).map((n): RevisionInput => ({
        entity: 'node',
        id: n.id,
        changes: [],
        record: n as never,
        tlp: n.tlp,
        ...common,
      })),
      ...rels.map((r): RevisionInput => ({
        entity: 'relationship',
        id: r.id,
        changes: [],
        record: r as never,
        tlp: r.tlp,
        ...common,
      })),
    ];
  });
  for (const moved of record.notes) {
    const note = await deps.notes.get(moved.id);
    if (note && note.target.type === 'node' && note.target.id === record.survivor)
      await deps.notes.update(moved.id, () => ({ target: { type: 'node', id: moved.from } }));
  }
  await deps.merges.put({ ...record, undone: { at: new Date().toISOString(), author: actor.name } });
  const clean = await shown(deps.store, [survivorBefore as unknown as Record<string, unknown>], actor);
  return {
    mergeId,
    survivor: record.survivor,
    merged: record.merged,
    record: { ...survivorBefore, sourceIds: clean(survivorBefore.sourceIds) },
    moved: await visibleRels(deps.store, record.moved as unknown as RelRecordValue[], actor),
    dropped: await visibleRels(deps.store, record.dropped as unknown as RelRecordValue[], actor),
  };
}

/** Two records alike, whatever their keys' order (absent and null alike). */
function sameRecord(a: object, b: object): boolean {
  const clean = (r: object) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined));
  return canonical(clean(a)) === canonical(clean(b));
}
