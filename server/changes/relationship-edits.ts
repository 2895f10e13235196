/**
 * Adding, changing, deleting and restoring one relationship by hand (/api/relationships). As for
 * nodes (node-edits.ts); besides, both ends must be nodes the editor may see, the kind must be one
 * the schema allows between their kinds (parseBatch), and a link can only be restored while both
 * ends exist.
 */
import { AppError } from '../errors.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { EditResult, EntityPatch, NodeCreate } from '../model/changes.ts';
import { relId } from '../model/relationships.ts';
import { parseBatch, type RelKind, type RelRecordValue } from '../model/schema.ts';
import { readNodeRecord, readRelRecord, writeRecords, deleteRel } from '../graph/records.ts';
import type { TransactionRunner } from '../store/types.ts';
import type { RevisionInput } from './change-log.ts';
import {
  assertMayMark,
  citationIssues,
  citationsAfterEdit,
  diffRecords,
  editableKeys,
  freeId,
  invalidRecord,
  newSourceRecords,
  shapeIssues,
  tlpsOf,
  withheldCitations,
} from './edit-rules.ts';
import { commentOf, fixedKeyIssues, resultFor, type EditDeps } from './node-edits.ts';
import { recordChange } from './record-change.ts';

function notFound(id: string): AppError {
  return new AppError('not_found', `no relationship ${id}`, { id });
}

/** Whether the actor may see both ends (missing ends read as withheld). */
async function endsVisible(tx: TransactionRunner, rel: { from: string; to: string }, actor: Actor) {
  const tlps = await tlpsOf(tx, [rel.from, rel.to]);
  return [rel.from, rel.to].every((id) => tlps.has(id) && visibleAt(tlps.get(id), actor.clearance));
}

/** The relationship if the actor may see it and both its ends, else null. */
export async function visibleRel(tx: TransactionRunner, id: string, actor: Actor): Promise<RelRecordValue | null> {
  const rel = await readRelRecord(tx, id);
  if (!rel || !visibleAt(rel.tlp, actor.clearance)) return null;
  return (await endsVisible(tx, rel, actor)) ? rel : null;
}

function input(
  id: string,
  actor: Actor,
  action: RevisionInput['action'],
  record: RelRecordValue,
  before: RelRecordValue | null,
  extra: Partial<RevisionInput> = {},
): RevisionInput {
  return {
    entity: 'relationship',
    id,
    author: actor.name,
    action,
    changes: action === 'delete' ? [] : diffRecords(before, record),
    record,
    tlp: record.tlp,
    ...extra,
  };
}

const nodeExists = (tx: TransactionRunner) => async (id: string) => (await readNodeRecord(tx, id)) !== null;

export async function createRel(deps: EditDeps, body: NodeCreate, actor: Actor): Promise<EditResult> {
  const raw = { ...body.record };
  const allowed = editableKeys('relationship', typeof raw.kind === 'string' ? raw.kind : '');
  if (!allowed) throw invalidRecord([{ path: 'record.kind', message: 'kind: not a relationship kind' }]);
  const shape = shapeIssues(raw, allowed);
  if (shape.length > 0) throw invalidRecord(shape);
  let done: { record: RelRecordValue; created: string[] } | undefined;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const issues = [];
    for (const end of ['from', 'to'] as const) {
      const value = raw[end];
      if (typeof value !== 'string') continue; // the schema says so below
      const tlps = await tlpsOf(tx, [value]);
      if (!tlps.has(value) || !visibleAt(tlps.get(value), actor.clearance))
        issues.push({ path: `record.${end}`, message: `${end}: no node ${value}` });
    }
    const sources = await newSourceRecords(body.newSources, actor, nodeExists(tx), deps.changes);
    const cited = Array.isArray(raw.sourceIds) ? raw.sourceIds.filter((s): s is string => typeof s === 'string') : [];
    if (raw.sourceIds !== undefined && (!Array.isArray(raw.sourceIds) || cited.length !== raw.sourceIds.length))
      issues.push({ path: 'record.sourceIds', message: 'sourceIds: a list of Source ids' });
    if (cited.length + sources.length === 0)
      issues.push({
        path: 'record.sourceIds',
        message: 'sourceIds: cite at least one source (sourceIds or newSources)',
      });
    issues.push(...(await citationIssues(tx, cited, actor)));
    let id: string | undefined;
    if (raw.id === undefined && typeof raw.from === 'string' && typeof raw.to === 'string')
      id = await freeId(
        relId(raw.kind as RelKind, raw.from, raw.to),
        new Set(),
        async (r) => (await readRelRecord(tx, r)) !== null,
        deps.changes,
        'relationship',
      );
    const record = {
      ...raw,
      ...(raw.id === undefined && id !== undefined && { id }),
      sourceIds: [...new Set([...cited, ...sources.map((s) => s.id)])],
      synthetic: false,
    };
    const parsed = parseBatch({ nodes: sources, relationships: [record] });
    if (!parsed.ok || issues.length > 0)
      throw invalidRecord([...issues, ...(parsed.ok ? [] : parsed.issues.map((i) => relRelabel(i)))]);
    const [rel] = parsed.batch.relationships;
    if (!rel) throw new AppError('internal', 'the parsed record is missing');
    assertMayMark(rel.tlp, actor);
    if (await readRelRecord(tx, rel.id)) throw new AppError('conflict', `${rel.id} exists already`, { id: rel.id });
    if (await deps.changes.latest('relationship', rel.id))
      throw new AppError('conflict', `${rel.id} was deleted; restore it from its history instead`, { id: rel.id });
    await writeRecords(tx, deps.store.dialect, parsed.batch);
    done = { record: rel, created: sources.map((s) => s.id) };
    return [
      ...sources.map((s): RevisionInput => ({
        entity: 'node',
        id: s.id,
        author: actor.name,
        action: 'create',
        changes: diffRecords(null, s),
        record: s,
        tlp: s.tlp,
        ...commentOf(body),
      })),
      input(rel.id, actor, 'create', rel, null, commentOf(body)),
    ];
  });
  if (!done) throw new AppError('internal', 'the create did not finish');
  return resultFor('relationship', done.record.id, done.record, revisions.at(-1), new Set(), {
    createdSources: done.created,
  });
}

/** In a relationship request, parseBatch's nodes are the new Sources and its one relationship the record. */
function relRelabel(issue: { path: string; message: string }, at = 'record') {
  const source = /^nodes\[(\d+)\]\.?(.*)$/.exec(issue.path);
  if (source) return { path: `newSources[${source[1]}]${source[2] ? `.${source[2]}` : ''}`, message: issue.message };
  const rel = /^relationships\[0\]\.?(.*)$/.exec(issue.path);
  return rel ? { path: rel[1] ? `${at}.${rel[1]}` : at, message: issue.message } : issue;
}

export async function patchRel(deps: EditDeps, id: string, body: EntityPatch, actor: Actor): Promise<EditResult> {
  const fixed = fixedKeyIssues(body.set);
  if (fixed.length > 0) throw invalidRecord(fixed);
  let done: { record: RelRecordValue; created: string[]; hidden: Set<string> } | undefined;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const before = await visibleRel(tx, id, actor);
    if (!before) throw notFound(id);
    const allowed = editableKeys('relationship', before.kind);
    const shape = allowed ? shapeIssues(body.set, allowed, 'set') : [];
    if (shape.length > 0) throw invalidRecord(shape);
    const sources = await newSourceRecords(body.newSources, actor, nodeExists(tx), deps.changes);
    const { sourceIds, issues, hidden } = await citationsAfterEdit(
      tx,
      before.sourceIds,
      body.set.sourceIds,
      sources.map((s) => s.id),
      actor,
    );
    const after = { ...before, ...body.set, sourceIds };
    const parsed = parseBatch({ nodes: sources, relationships: [after] });
    if (!parsed.ok || issues.length > 0)
      throw invalidRecord([...issues, ...(parsed.ok ? [] : parsed.issues.map((i) => relRelabel(i, 'set')))]);
    const [rel] = parsed.batch.relationships;
    if (!rel) throw new AppError('internal', 'the parsed record is missing');
    assertMayMark(rel.tlp, actor);
    const expected =
      body.expectedVersion === undefined
        ? undefined
        : [{ entity: 'relationship' as const, id, version: body.expectedVersion }];
    done = { record: rel, created: sources.map((s) => s.id), hidden };
    if (diffRecords(before, rel).length === 0 && sources.length === 0) {
      const latest = await deps.changes.latest('relationship', id);
      if (expected && (latest?.version ?? 0) !== body.expectedVersion)
        throw new AppError('conflict', `${id} was changed by someone else; reload it and try again`, {
          id,
          currentVersion: latest?.version ?? 0,
        });
      if (latest) return { revisions: [] };
    }
    await writeRecords(tx, deps.store.dialect, parsed.batch);
    return {
      revisions: [
        ...sources.map((s): RevisionInput => ({
          entity: 'node',
          id: s.id,
          author: actor.name,
          action: 'create',
          changes: diffRecords(null, s),
          record: s,
          tlp: s.tlp,
          ...commentOf(body),
        })),
        input(id, actor, 'update', rel, before, commentOf(body)),
      ],
      ...(expected && { expected }),
    };
  });
  if (!done) throw new AppError('internal', 'the edit did not finish');
  const revision = revisions.at(-1) ?? (await deps.changes.latest('relationship', id)) ?? undefined;
  return resultFor('relationship', id, done.record, revision, done.hidden, { createdSources: done.created });
}

export async function deleteRelAs(deps: EditDeps, id: string, actor: Actor): Promise<EditResult> {
  let hidden = new Set<string>();
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const before = await visibleRel(tx, id, actor);
    if (!before) throw notFound(id);
    hidden = new Set(await withheldCitations(tx, before.sourceIds, actor.clearance));
    await deleteRel(tx, id);
    return [input(id, actor, 'delete', before, before)];
  });
  return resultFor('relationship', id, null, revisions.at(-1), hidden);
}

export async function restoreRel(
  deps: EditDeps,
  id: string,
  body: { version: number; comment?: string | undefined },
  actor: Actor,
): Promise<EditResult> {
  const history = await deps.changes.history('relationship', id);
  const target = history.find((r) => r.version === body.version);
  const last = history.at(-1);
  if (!target || !visibleAt(target.tlp, actor.clearance))
    throw new AppError('not_found', `no version ${body.version} of ${id}`, { id, version: body.version });
  let done: { record: RelRecordValue; hidden: Set<string> } | undefined;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const current = await readRelRecord(tx, id);
    if (current && !(await visibleRel(tx, id, actor))) throw notFound(id);
    if (!current && (!last || !visibleAt(last.tlp, actor.clearance))) throw notFound(id);
    const parsed = parseBatch({ relationships: [{ ...target.record, id }] });
    if (!parsed.ok)
      throw new AppError('conflict', `version ${body.version} no longer validates against the schema`, {
        issues: parsed.issues.slice(0, 50),
      });
    const [rel] = parsed.batch.relationships;
    if (!rel) throw new AppError('internal', 'the parsed record is missing');
    if (current && (rel.kind !== current.kind || rel.from !== current.from || rel.to !== current.to))
      throw new AppError('conflict', `version ${body.version} joins other ends; a link's ends cannot change`);
    const ends = await tlpsOf(tx, [rel.from, rel.to]);
    const missing = [rel.from, rel.to].filter((e) => !ends.has(e));
    if (missing.length > 0)
      throw new AppError('conflict', `an end of ${id} is not in the graph; restore it first`, {
        missing: missing.filter((e) => visibleAt(ends.get(e) ?? last?.tlp, actor.clearance)),
      });
    if (!(await endsVisible(tx, rel, actor))) throw notFound(id);
    assertMayMark(rel.tlp, actor);
    await writeRecords(tx, deps.store.dialect, { nodes: [], relationships: [rel] });
    done = { record: rel, hidden: new Set(await withheldCitations(tx, rel.sourceIds, actor.clearance)) };
    return [input(id, actor, 'restore', rel, current, { comment: body.comment ?? `restores version ${body.version}` })];
  });
  if (!done) throw new AppError('internal', 'the restore did not finish');
  return resultFor('relationship', id, done.record, revisions.at(-1), done.hidden);
}
