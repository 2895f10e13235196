/**
 * Records and revisions as one reader may see them: citations of Sources the reader may not see
 * are dropped (as the graph reads do), a survivor the reader may not see is not named, and the
 * changes of a version that follows one the reader may not see are made against the last version
 * they may see, so a RED version's values never reach a GREEN reader through a later one's `before`.
 */
import { visibleAt } from '../model/access.ts';
import type { PropertyChange, Revision } from '../model/changes.ts';
import type { Tlp } from '../model/markings.ts';
import { diffRecords } from './edit-rules.ts';

/** Ids cited in records and changes (for one lookup of which the reader may not see). */
export function citedIds(revisions: readonly Revision[]): Set<string> {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') ids.add(v);
  };
  for (const revision of revisions) {
    add(revision.record.sourceIds);
    for (const change of revision.changes)
      if (change.property === 'sourceIds') {
        add(change.before);
        add(change.after);
      }
    if (revision.mergedInto) ids.add(revision.mergedInto);
  }
  return ids;
}

function withoutHidden(value: unknown, hidden: ReadonlySet<string>): unknown {
  return Array.isArray(value) ? value.filter((v) => !(typeof v === 'string' && hidden.has(v))) : value;
}

export function recordForReader<R extends Record<string, unknown>>(record: R, hidden: ReadonlySet<string>): R {
  if (!Array.isArray(record.sourceIds) || hidden.size === 0) return record;
  return { ...record, sourceIds: withoutHidden(record.sourceIds, hidden) };
}

function changesForReader(changes: readonly PropertyChange[], hidden: ReadonlySet<string>): PropertyChange[] {
  return changes
    .map((c) =>
      c.property === 'sourceIds'
        ? { ...c, before: withoutHidden(c.before, hidden), after: withoutHidden(c.after, hidden) }
        : c,
    )
    .filter((c) => JSON.stringify(c.before ?? null) !== JSON.stringify(c.after ?? null));
}

export function revisionForReader(revision: Revision, hidden: ReadonlySet<string>): Revision {
  const { mergedInto, ...rest } = revision;
  return {
    ...rest,
    ...(mergedInto && !hidden.has(mergedInto) && { mergedInto }),
    record: recordForReader(revision.record, hidden),
    changes: changesForReader(revision.changes, hidden),
  };
}

/**
 * The versions a reader cleared for `clearance` may see, oldest first, each cleaned as above.
 * `hidden` holds the ids (cited Sources, survivors, links) the reader may not see.
 */
export function historyForReader(
  revisions: readonly Revision[],
  clearance: Tlp,
  hidden: ReadonlySet<string>,
): Revision[] {
  const out: Revision[] = [];
  let lastSeen: Revision | null = null;
  let previousVisible = true;
  for (const revision of revisions) {
    const visible = visibleAt(revision.tlp, clearance);
    if (!visible) {
      previousVisible = false;
      continue;
    }
    let shown = revisionForReader(revision, hidden);
    if (shown.removedRelationships)
      shown = { ...shown, removedRelationships: shown.removedRelationships.filter((id) => !hidden.has(id)) };
    // the stored changes' `before` is a version this reader may not see: compare with the last they may
    if (!previousVisible && shown.changes.length > 0)
      shown = {
        ...shown,
        changes: lastSeen ? diffRecords(recordForReader(lastSeen.record, hidden), shown.record) : [],
      };
    out.push(shown);
    lastSeen = revision;
    previousVisible = true;
  }
  return out;
}
