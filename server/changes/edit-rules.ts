/**
 * The rules every hand edit shares: what a record sent by an editor may hold (only the kind's
 * properties, strings and lists of a bounded size), the clearance an editor needs, ids made from
 * names, the Sources a record may cite, and what changed between two states.
 */
import { AppError } from '../errors.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { NewSource, PropertyChange } from '../model/changes.ts';
import { tlpRank, type Tlp } from '../model/markings.ts';
import {
  nodeKindDef,
  nodeKindOfId,
  nodeProperties,
  relProperties,
  relKindDef,
  type BatchIssue,
  type NodeRecordValue,
} from '../model/schema.ts';
import { foldText } from '../model/text.ts';
import type { TransactionRunner } from '../store/types.ts';
import type { ChangeLog } from './change-log.ts';

/** Longest string an editor may send in one property (a source excerpt has its own, lower cap). */
export const MAX_TEXT = 10_000;
/** Most items in one list property (aliases, sourceIds). */
export const MAX_ITEMS = 500;

export function invalidRecord(issues: BatchIssue[]): AppError {
  return new AppError('invalid_record', `the record does not validate: ${issues.map((i) => i.message).join('; ')}`, {
    issues: issues.slice(0, 50),
  });
}

/** The properties an editor may send for a kind (the stored ones, plus `kind` and a link's ends). */
export function editableKeys(entity: 'node' | 'relationship', kind: string): Set<string> | null {
  if (entity === 'node') {
    const def = nodeKindDef(kind);
    const props = def && nodeProperties.get(def.kind);
    return props ? new Set(['kind', ...props.map((p) => p.name)]) : null;
  }
  const def = relKindDef(kind);
  const props = def && relProperties.get(def.kind);
  return props ? new Set(['kind', 'from', 'to', ...props.map((p) => p.name)]) : null;
}

/** Unknown properties, and strings or lists past the caps, as issues (the schema checks the rest). */
export function shapeIssues(values: Record<string, unknown>, allowed: Set<string>, at = 'record'): BatchIssue[] {
  const issues: BatchIssue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const path = `${at}.${name}`;
    if (!allowed.has(name)) {
      issues.push({ path, message: `${name}: not a property of this kind` });
      continue;
    }
    if (typeof value === 'string' && value.length > MAX_TEXT)
      issues.push({ path, message: `${name}: longer than ${MAX_TEXT} characters` });
    if (Array.isArray(value)) {
      if (value.length > MAX_ITEMS) issues.push({ path, message: `${name}: more than ${MAX_ITEMS} items` });
      else if (value.some((v) => typeof v === 'string' && v.length > MAX_TEXT))
        issues.push({ path, message: `${name}: an item is longer than ${MAX_TEXT} characters` });
    }
  }
  return issues;
}

/** 403 when the editor would write a marking above their own clearance. */
export function assertMayMark(tlp: unknown, actor: Actor): void {
  if (tlpRank(tlp) > tlpRank(actor.clearance))
    throw new AppError('forbidden', `you may not mark anything above your clearance (${actor.clearance})`, {
      clearance: actor.clearance,
    });
}

/** What changed from `before` to `after`, property by property (nulls and absences are alike). */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): PropertyChange[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: PropertyChange[] = [];
  for (const property of names) {
    const b = before?.[property] ?? null;
    const a = after?.[property] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ property, before: b, after: a });
  }
  return changes;
}

/** `Mae Sot Compound (north)` → `mae-sot-compound-north`; never empty. */
export function slugOf(name: string): string {
  const slug = foldText(name).replace(/\s+/g, '-').slice(0, 60).replace(/-+$/, '');
  return slug || 'new';
}

/**
 * The first of `base`, `base-2`, `base-3` … that names nothing: not in the graph, not in the
 * change log (a deleted id keeps its history, so it is not handed out again), not in `taken`.
 */
export async function freeId(
  base: string,
  taken: Set<string>,
  exists: (id: string) => Promise<boolean>,
  log: ChangeLog,
  entity: 'node' | 'relationship',
): Promise<string> {
  for (let n = 1; n <= 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (taken.has(id)) continue;
    if (await exists(id)) continue;
    if ((await log.latest(entity, id)) !== null) continue;
    return id;
  }
  throw new AppError('conflict', `no free id near ${base}; give one`, { id: base });
}

/** Markings of the nodes with these ids (all kinds), as stored; ids naming no node are left out. */
export async function tlpsOf(tx: TransactionRunner, ids: Iterable<string>): Promise<Map<string, unknown>> {
  const byKind = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const kind = nodeKindOfId(id)?.kind;
    if (!kind) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const tlps = new Map<string, unknown>();
  for (const [kind, group] of byKind) {
    const rows = await tx.scan(`UNWIND $ids AS i MATCH (n:${kind} {id: i}) RETURN n.id AS id, n.tlp AS tlp`, {
      ids: group,
    });
    for (const row of rows) tlps.set(String(row.id), row.tlp);
  }
  return tlps;
}

/** Issues for cited ids that name no Source the editor may see (missing and withheld read alike). */
export async function citationIssues(
  tx: TransactionRunner,
  ids: readonly string[],
  actor: Actor,
  at = 'record.sourceIds',
): Promise<BatchIssue[]> {
  const tlps = await tlpsOf(
    tx,
    ids.filter((id) => id.startsWith('source:')),
  );
  return ids
    .filter((id) => !tlps.has(id) || !visibleAt(tlps.get(id), actor.clearance))
    .map((id) => ({ path: at, message: `sourceIds: no source ${id}` }));
}

/** The cited ids the editor cannot see: kept as they are when the editor rewrites the list. */
export async function withheldCitations(tx: TransactionRunner, ids: readonly string[], clearance: Tlp) {
  const tlps = await tlpsOf(tx, ids);
  return ids.filter((id) => tlps.has(id) && !visibleAt(tlps.get(id), clearance));
}

/**
 * The citations an entity has after an edit that may send `sourceIds` (a new list) and creates
 * `created` Sources: the list sent, checked (every added id a Source the editor may see), plus
 * the citations the editor cannot see — they did not send those because they never saw them —
 * plus the new Sources. Without a list sent, the citations it had, plus the new Sources. `hidden`
 * is what the editor may not see, for the answer to leave out.
 */
export async function citationsAfterEdit(
  tx: TransactionRunner,
  before: readonly string[],
  sent: unknown,
  created: readonly string[],
  actor: Actor,
): Promise<{ sourceIds: string[]; issues: BatchIssue[]; hidden: Set<string> }> {
  const issues: BatchIssue[] = [];
  const hidden = await withheldCitations(tx, before, actor.clearance);
  let cited: readonly string[] = before;
  if (sent !== undefined) {
    if (!Array.isArray(sent) || sent.some((s) => typeof s !== 'string'))
      issues.push({ path: 'set.sourceIds', message: 'sourceIds: a list of Source ids' });
    else {
      const list = sent as string[];
      issues.push(
        ...(await citationIssues(
          tx,
          list.filter((s) => !before.includes(s)),
          actor,
          'set.sourceIds',
        )),
      );
      cited = [...list, ...hidden];
    }
  }
  return { sourceIds: [...new Set([...cited, ...created])], issues, hidden: new Set(hidden) };
}

/** Source records for the `newSources` of a request, each citing itself (a document is its own source). */
export async function newSourceRecords(
  sources: readonly NewSource[],
  actor: Actor,
  exists: (id: string) => Promise<boolean>,
  log: ChangeLog,
): Promise<NodeRecordValue[]> {
  const taken = new Set<string>();
  const records: NodeRecordValue[] = [];
  for (const source of sources) {
    assertMayMark(source.tlp, actor);
    const id = await freeId(`source:${slugOf(source.name)}`, taken, exists, log, 'node');
    taken.add(id);
    records.push({
      kind: 'Source',
      id,
      name: source.name,
      aliases: [],
      description: null,
      file: null,
      publisher: source.publisher,
      published: source.published,
      url: source.url,
      sourceIds: [id],
      grade: source.grade,
      tlp: source.tlp,
      firstSeen: null,
      lastSeen: null,
      synthetic: false,
      excerpt: null,
    } as NodeRecordValue);
  }
  return records;
}
