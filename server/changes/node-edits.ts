/**
 * Adding, changing, deleting and restoring one node by hand (POST/PATCH/DELETE /api/nodes, …/restore).
 * Each is one store transaction with its revisions in the change log (recordChange); the record is
 * checked by the import schema (parseBatch) and by the rules of edit-rules.ts, and an editor sees
 * and writes nothing above their own clearance.
 */
import { AppError } from '../errors.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { EditResult, EntityPatch, NodeCreate, Revision } from '../model/changes.ts';
import { nodeKindDef, parseBatch, type NodeRecordValue, type RelRecordValue } from '../model/schema.ts';
import { deleteNode, readNodeRecord, readRelRecord, readRelRecordsOf, writeRecords } from '../graph/records.ts';
import type { GraphStore, TransactionRunner } from '../store/types.ts';
import type { ChangeLog, RevisionInput } from './change-log.ts';
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
  slugOf,
  tlpsOf,
  withheldCitations,
} from './edit-rules.ts';
import { recordForReader, revisionForReader } from './for-reader.ts';
import { recordChange } from './record-change.ts';

export interface EditDeps {
  store: GraphStore;
  changes: ChangeLog;
}

/** Properties an editor never sets: the id and kind are fixed, `synthetic` belongs to the seed generator. */
const FIXED = ['id', 'kind', 'from', 'to'];

const nodeExists = (tx: TransactionRunner) => async (id: string) => (await readNodeRecord(tx, id)) !== null;

function notFound(id: string): AppError {
  return new AppError('not_found', `no node ${id}`, { id });
}

/** The node if the actor may see it, else null (missing and withheld read alike). */
export async function visibleNode(tx: TransactionRunner, id: string, actor: Actor): Promise<NodeRecordValue | null> {
  const node = await readNodeRecord(tx, id);
  return node && visibleAt(node.tlp, actor.clearance) ? node : null;
}

function input(
  id: string,
  actor: Actor,
  action: RevisionInput['action'],
  record: Record<string, unknown>,
  before: Record<string, unknown> | null,
  extra: Partial<RevisionInput> = {},
): RevisionInput {
  return {
    entity: 'node',
    id,
    author: actor.name,
    action,
    changes: action === 'delete' ? [] : diffRecords(before, record),
    record,
    tlp: (record.tlp as Revision['tlp']) ?? 'RED',
    ...extra,
  };
}

/** The answer, as the author may see it (citations they cannot see left out). */
function resultFor(
  entity: 'node' | 'relationship',
  id: string,
  record: Record<string, unknown> | null,
  revision: Revision | undefined,
  hidden: ReadonlySet<string>,
  extra: Partial<EditResult> = {},
): EditResult {
  if (!revision) throw new AppError('internal', 'a change was recorded without its revision');
  return {
    entity,
    id,
    record: record && recordForReader(record, hidden),
    revision: revisionForReader(revision, hidden),
    createdSources: [],
    removedRelationships: [],
    ...extra,
  };
}

export async function createNode(deps: EditDeps, body: NodeCreate, actor: Actor): Promise<EditResult> {
  const raw = { ...body.record };
  const allowed = editableKeys('node', typeof raw.kind === 'string' ? raw.kind : '');
  if (!allowed) throw invalidRecord([{ path: 'record.kind', message: 'kind: not a node kind' }]);
  const shape = shapeIssues(raw, allowed);
  if (shape.length > 0) throw invalidRecord(shape);
  let result: { id: string; record: NodeRecordValue; created: string[] } | undefined;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const exists = nodeExists(tx);
    const sources = await newSourceRecords(body.newSources, actor, exists, deps.changes);
    const cited = Array.isArray(raw.sourceIds) ? raw.sourceIds.filter((s): s is string => typeof s === 'string') : [];
    const issues = [
      ...(Array.isArray(raw.sourceIds) && cited.length === raw.sourceIds.length
        ? []
        : raw.sourceIds === undefined
          ? []
          : [{ path: 'record.sourceIds', message: 'sourceIds: a list of Source ids' }]),
      ...(cited.length + sources.length === 0
        ? [{ path: 'record.sourceIds', message: 'sourceIds: cite at least one source (sourceIds or newSources)' }]
        : []),
      ...(await citationIssues(tx, cited, actor)),
    ];
    // an id of the wrong type stays in the record, for the schema to refuse
    let id = raw.id === undefined ? undefined : String(raw.id);
    const def = nodeKindDef(String(raw.kind));
    if (raw.id === undefined && typeof raw.name === 'string' && def)
      id = await freeId(`${def.prefix}:${slugOf(raw.name)}`, new Set(), exists, deps.changes, 'node');
    const record = {
      ...raw,
      ...(raw.id === undefined && id !== undefined && { id }),
      sourceIds: [...new Set([...cited, ...sources.map((s) => s.id)])],
      synthetic: false,
    };
    const parsed = parseBatch({ nodes: [record, ...sources] });
    if (!parsed.ok || issues.length > 0)
      throw invalidRecord([...issues, ...(parsed.ok ? [] : parsed.issues.map(relabel))]);
    const [node] = parsed.batch.nodes;
    if (!node) throw new AppError('internal', 'the parsed record is missing');
    assertMayMark(node.tlp, actor);
    if (await exists(node.id)) throw new AppError('conflict', `${node.id} exists already`, { id: node.id });
    if (await deps.changes.latest('node', node.id))
      throw new AppError('conflict', `${node.id} was deleted or merged; restore it from its history instead`, {
        id: node.id,
      });
    await writeRecords(tx, deps.store.dialect, parsed.batch);
    result = { id: node.id, record: node, created: sources.map((s) => s.id) };
    return [
      ...sources.map((s) => input(s.id, actor, 'create', s, null, commentOf(body))),
      input(node.id, actor, 'create', node, null, commentOf(body)),
    ];
  });
  if (!result) throw new AppError('internal', 'the create did not finish');
  return resultFor('node', result.id, result.record, revisions.at(-1), new Set(), { createdSources: result.created });
}

const commentOf = (body: { comment?: string | undefined }): Partial<RevisionInput> =>
  body.comment ? { comment: body.comment } : {};

/** parseBatch's paths are `nodes[0].name`; the editor sent `record.name` (and newSources after it). */
function relabel(issue: { path: string; message: string }) {
  const m = /^(nodes|relationships)\[(\d+)\]\.?(.*)$/.exec(issue.path);
  if (!m) return issue;
  const index = Number(m[2]);
  const where = index === 0 ? 'record' : `newSources[${index - 1}]`;
  return { path: m[3] ? `${where}.${m[3]}` : where, message: issue.message };
}

export function fixedKeyIssues(set: Record<string, unknown>) {
  return [...FIXED, 'synthetic']
    .filter((k) => k in set)
    .map((k) => ({ path: `set.${k}`, message: `${k}: cannot be changed by an edit` }));
}

export async function patchNode(deps: EditDeps, id: string, body: EntityPatch, actor: Actor): Promise<EditResult> {
  const fixed = fixedKeyIssues(body.set);
  if (fixed.length > 0) throw invalidRecord(fixed);
  let done: { record: NodeRecordValue; created: string[]; hidden: Set<string>; unchanged: boolean } | undefined;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const before = await visibleNode(tx, id, actor);
    if (!before) throw notFound(id);
    const allowed = editableKeys('node', before.kind);
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
    const parsed = parseBatch({ nodes: [after, ...sources] });
    if (!parsed.ok || issues.length > 0)
      throw invalidRecord([...issues, ...(parsed.ok ? [] : parsed.issues.map(relabel).map(toSet))]);
    const [node] = parsed.batch.nodes;
    if (!node) throw new AppError('internal', 'the parsed record is missing');
    assertMayMark(node.tlp, actor);
    const changes = diffRecords(before, node);
    const expected =
      body.expectedVersion === undefined ? undefined : [{ entity: 'node' as const, id, version: body.expectedVersion }];
    done = {
      record: node,
      created: sources.map((s) => s.id),
      hidden,
      unchanged: changes.length === 0 && !sources.length,
    };
    if (done.unchanged) {
      // nothing to write: the version check still applies, and the answer is the latest revision
      const latest = await deps.changes.latest('node', id);
      if (expected && (latest?.version ?? 0) !== body.expectedVersion)
        throw new AppError('conflict', `${id} was changed by someone else; reload it and try again`, {
          id,
          currentVersion: latest?.version ?? 0,
        });
      if (latest) return { revisions: [], expected };
    }
    await writeRecords(tx, deps.store.dialect, parsed.batch);
    return {
      revisions: [
        ...sources.map((s) => input(s.id, actor, 'create', s, null, commentOf(body))),
        input(id, actor, 'update', node, before, commentOf(body)),
      ],
      ...(expected && { expected }),
    };
  });
  if (!done) throw new AppError('internal', 'the edit did not finish');
  const revision = revisions.at(-1) ?? (await deps.changes.latest('node', id)) ?? undefined;
  return resultFor('node', id, done.record, revision, done.hidden, { createdSources: done.created });
}

const toSet = (issue: { path: string; message: string }) => ({
  ...issue,
  path: issue.path.replace(/^record/, 'set'),
});

export async function deleteNodeAs(deps: EditDeps, id: string, actor: Actor): Promise<EditResult> {
  let done: { before: NodeRecordValue; visibleRels: string[]; hidden: Set<string> } | undefined;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const before = await visibleNode(tx, id, actor);
    if (!before) throw notFound(id);
    const rels = await readRelRecordsOf(tx, id);
    const ends = await tlpsOf(
      tx,
      rels.flatMap((r) => [r.from, r.to]),
    );
    // the answer lists only the links the author may see; every one of them gets its tombstone
    const visibleRels = rels
      .filter(
        (r) =>
          visibleAt(r.tlp, actor.clearance) &&
          visibleAt(ends.get(r.from), actor.clearance) &&
          visibleAt(ends.get(r.to), actor.clearance),
      )
      .map((r) => r.id);
    const hidden = new Set([
      ...(await withheldCitations(tx, before.sourceIds, actor.clearance)),
      ...rels.map((r) => r.id).filter((r) => !visibleRels.includes(r)),
    ]);
    await deleteNode(tx, id);
    done = { before, visibleRels, hidden };
    return [
      ...rels.map((r): RevisionInput => ({
        entity: 'relationship',
        id: r.id,
        author: actor.name,
        action: 'delete',
        changes: [],
        record: r,
        tlp: r.tlp,
        comment: `deleted with ${id}`,
      })),
      input(id, actor, 'delete', before, before, { removedRelationships: rels.map((r) => r.id) }),
    ];
  });
  if (!done) throw new AppError('internal', 'the delete did not finish');
  const revision = revisions.at(-1);
  const shown = revision && {
    ...revision,
    removedRelationships: (revision.removedRelationships ?? []).filter((r) => !done?.hidden.has(r)),
  };
  return resultFor('node', id, null, shown, done.hidden, { removedRelationships: done.visibleRels });
}

/**
 * Sets a live node back to an earlier version, or brings a deleted one back with the links that
 * were deleted with it and whose other end is still there (each link gets its own `restore`).
 */
export async function restoreNode(
  deps: EditDeps,
  id: string,
  body: { version: number; comment?: string | undefined },
  actor: Actor,
): Promise<EditResult> {
  const history = await deps.changes.history('node', id);
  const target = history.find((r) => r.version === body.version);
  const last = history.at(-1);
  if (!target || !visibleAt(target.tlp, actor.clearance))
    throw new AppError('not_found', `no version ${body.version} of ${id}`, { id, version: body.version });
  let done: { record: NodeRecordValue; hidden: Set<string> } | undefined;
  const comment = body.comment ?? `restores version ${body.version}`;
  const revisions = await recordChange(deps.store, deps.changes, async (tx) => {
    const current = await readNodeRecord(tx, id);
    if (current && !visibleAt(current.tlp, actor.clearance)) throw notFound(id);
    if (!current && (!last || !visibleAt(last.tlp, actor.clearance))) throw notFound(id);
    if (!current && last?.action === 'merge')
      throw new AppError('conflict', `${id} was merged into another entity; undo the merge to bring it back`, { id });
    const parsed = parseBatch({ nodes: [{ ...target.record, id }] });
    if (!parsed.ok)
      throw new AppError('conflict', `version ${body.version} no longer validates against the schema`, {
        issues: parsed.issues.slice(0, 50),
      });
    const [node] = parsed.batch.nodes;
    if (!node || (current && node.kind !== current.kind))
      throw new AppError('conflict', `version ${body.version} is of another kind`);
    assertMayMark(node.tlp, actor);
    const rels: RelRecordValue[] = [];
    if (!current && last?.action === 'delete')
      for (const relId of last.removedRelationships ?? []) {
        const relLast = await deps.changes.latest('relationship', relId);
        if (relLast?.action !== 'delete' || (await readRelRecord(tx, relId))) continue;
        const rel = parseBatch({ relationships: [relLast.record] });
        const record = rel.ok ? rel.batch.relationships[0] : undefined;
        if (!record) continue;
        const other = record.from === id ? record.to : record.from;
        if (other !== id && !(await readNodeRecord(tx, other))) continue;
        rels.push(record);
      }
    await writeRecords(tx, deps.store.dialect, { nodes: [node], relationships: rels });
    done = { record: node, hidden: new Set(await withheldCitations(tx, node.sourceIds, actor.clearance)) };
    return [
      ...rels.map((r): RevisionInput => ({
        entity: 'relationship',
        id: r.id,
        author: actor.name,
        action: 'restore',
        changes: diffRecords(null, r),
        record: r,
        tlp: r.tlp,
        comment: `restored with ${id}`,
      })),
      input(id, actor, 'restore', node, current, { comment }),
    ];
  });
  if (!done) throw new AppError('internal', 'the restore did not finish');
  return resultFor('node', id, done.record, revisions.at(-1), done.hidden);
}

export { resultFor, commentOf, relabel };
