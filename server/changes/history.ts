/**
 * What the history endpoints and the node lookup tell a reader about an entity's past: its
 * versions at their clearance (History), and for an id no longer in the graph, its tombstone (410)
 * or the survivor it was merged into.
 */
import { AppError } from '../errors.ts';
import { visibleAt } from '../model/access.ts';
import type { History, Revision } from '../model/changes.ts';
import type { Tlp } from '../model/markings.ts';
import { nodeKindOfId } from '../model/schema.ts';
import { withheldNodeIds } from '../graph/visibility.ts';
import type { GraphStore } from '../store/types.ts';
import type { ChangeLog, Entity } from './change-log.ts';
import { citedIds, historyForReader } from './for-reader.ts';

interface LiveState {
  live: boolean;
  /** the entity and (for a link) both ends are visible at the reader's clearance */
  visible: boolean;
}

async function liveState(store: GraphStore, entity: Entity, id: string, clearance: Tlp): Promise<LiveState> {
  if (entity === 'node') {
    const kind = nodeKindOfId(id)?.kind;
    if (!kind) return { live: false, visible: false };
    const rows = (await store.read(`MATCH (n:${kind} {id: $id}) RETURN n.tlp AS tlp`, { id })).rows;
    return { live: rows.length > 0, visible: rows.length > 0 && visibleAt(rows[0]?.tlp, clearance) };
  }
  const rows = (await store.read('MATCH (a)-[r {id: $id}]->(b) RETURN r.tlp AS r, a.tlp AS a, b.tlp AS b', { id }))
    .rows;
  const row = rows[0];
  return {
    live: row !== undefined,
    visible: row !== undefined && [row.r, row.a, row.b].every((t) => visibleAt(t, clearance)),
  };
}

/** The relationship ids (of delete revisions) a reader may not see: marked above, or with an end they may not see. */
async function hiddenRels(log: ChangeLog, store: GraphStore, ids: Iterable<string>, clearance: Tlp) {
  const hidden = new Set<string>();
  const ends = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const latest = await log.latest('relationship', id);
    if (!latest || !visibleAt(latest.tlp, clearance)) hidden.add(id);
    else
      ends.set(
        id,
        [latest.record.from, latest.record.to].filter((e): e is string => typeof e === 'string'),
      );
  }
  const withheld = await withheldNodeIds(store, [...ends.values()].flat(), clearance);
  for (const [id, pair] of ends) if (pair.some((e) => withheld.has(e))) hidden.add(id);
  return hidden;
}

/**
 * The versions the reader may see, newest first. 404 when the entity is not visible now (or, once
 * deleted or merged, its last version is not) — the same answer as for an id never recorded.
 */
export async function historyOf(
  store: GraphStore,
  log: ChangeLog,
  entity: Entity,
  id: string,
  clearance: Tlp,
): Promise<History> {
  const revisions = await log.history(entity, id);
  const state = await liveState(store, entity, id, clearance);
  const last = revisions.at(-1);
  const notFound = new AppError('not_found', `no ${entity} ${id}`, { id });
  if (state.live ? !state.visible : !last || !visibleAt(last.tlp, clearance)) throw notFound;
  const ends =
    entity === 'relationship' && last
      ? [last.record.from, last.record.to].filter((e): e is string => typeof e === 'string')
      : [];
  const withheld = await withheldNodeIds(store, [...citedIds(revisions), ...ends], clearance);
  if (ends.some((e) => withheld.has(e))) throw notFound;
  const removed = revisions.flatMap((r) => r.removedRelationships ?? []);
  const hidden = new Set([...withheld, ...(await hiddenRels(log, store, removed, clearance))]);
  // a survivor the reader may not see is not named, nor is whether it exists
  const fate = !state.live && entity === 'node' ? await log.fate(id) : null;
  const mergedInto = fate?.mergedInto;
  const survivorHidden = mergedInto ? (await withheldNodeIds(store, [mergedInto], clearance)).has(mergedInto) : true;
  return {
    entity,
    id,
    state: state.live ? 'live' : fate?.state === 'merged' ? 'merged' : 'deleted',
    ...(mergedInto && !survivorHidden && { mergedInto }),
    revisions: historyForReader(revisions, clearance, hidden).reverse(),
  };
}

/** The version of the last recorded change (0 when none), for PATCH's expectedVersion. */
export async function currentVersion(log: ChangeLog, entity: Entity, id: string): Promise<number> {
  return (await log.latest(entity, id))?.version ?? 0;
}

/** 410 for a deleted entity whose tombstone the reader may see; null when the id is not deleted (or not for them). */
export function goneError(entity: Entity, id: string, tombstone: Revision | null, clearance: Tlp): AppError | null {
  if (!tombstone || tombstone.action !== 'delete' || !visibleAt(tombstone.tlp, clearance)) return null;
  return new AppError('gone', `${entity === 'node' ? 'node' : 'relationship'} ${id} was deleted`, {
    id,
    version: tombstone.version,
    at: tombstone.at,
    author: tombstone.author,
  });
}
