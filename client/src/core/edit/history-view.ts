/**
 * The words of an entity's history: what each version did and what changed, property by property,
 * as the details panel lists them. The server sends revisions newest first and only the versions
 * the reader may see.
 */
import type { Revision, RevisionAction } from '../../../../server/model/changes.ts';

const ACTION_WORDS: Record<RevisionAction, string> = {
  baseline: 'as loaded',
  create: 'created',
  update: 'edited',
  delete: 'deleted',
  restore: 'restored',
  merge: 'merged',
  unmerge: 'unmerged',
};

export function actionWords(revision: Pick<Revision, 'action' | 'mergedInto'>): string {
  const words = ACTION_WORDS[revision.action];
  return revision.action === 'merge' && revision.mergedInto ? `${words} into ${revision.mergedInto}` : words;
}

/**
 * The changes a version lists: all of them for an edit; for a creation, the values it was made
 * with, without the id and kind (the entry already names them) or what it was made without.
 */
export function shownChanges(revision: Pick<Revision, 'action' | 'changes'>): Revision['changes'] {
  if (revision.action !== 'create') return revision.changes;
  return revision.changes.filter(
    (c) =>
      !['id', 'kind'].includes(c.property) &&
      !(c.after === null || c.after === false || (Array.isArray(c.after) && c.after.length === 0)),
  );
}

/** A property value as one short line: nothing is "—", lists are joined, long text is cut. */
export function valueText(value: unknown, max = 80): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = Array.isArray(value)
    ? value.map((v) => valueText(v, max)).join(', ') || '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** When, in the reader's own time, to the minute (the title carries the exact ISO time). */
export function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Whether "Restore this version" makes sense: not the current version of a live entity, and only
 * versions that carry a whole record (every action does; a delete's record is its last state).
 */
export function canRestore(
  revision: Revision,
  newest: Revision | undefined,
  state: 'live' | 'deleted' | 'merged',
): boolean {
  if (state === 'merged') return false;
  if (state === 'deleted') return revision.action !== 'delete';
  return revision.version !== newest?.version && revision.action !== 'delete';
}

/** The version an edit must name as expectedVersion: the newest one the server has (0: none yet). */
export function currentVersion(revisions: readonly Pick<Revision, 'version'>[]): number {
  return revisions.reduce((top, r) => Math.max(top, r.version), 0);
}
