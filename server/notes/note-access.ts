/**
 * Who sees which note, and who may change one. A note reaches a reader only when its own TLP and
 * what it is attached to are both within the reader's clearance: a node or link as the store
 * marks it now (a link also needs both its ends), a workspace only when the reader may open it.
 * A note the reader may not see is, for them, absent: the 404 of a missing one, never counted.
 * Only a note's author or an admin changes or deletes it.
 */
import { AppError } from '../errors.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { Note, NoteCreate, NoteFind, NotePatch, NoteTarget } from '../model/notes.ts';
import { nodeKindOfId } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import { groupIdsByKind } from '../graph/graph-merge.ts';
import { seen, visibleParam } from '../graph/visibility.ts';
import type { GraphStore } from '../store/types.ts';
import { mayOpen } from '../workspaces/workspace-access.ts';
import type { WorkspaceStore } from '../workspaces/workspace-store.ts';
import { targetKey, type NoteStore } from './note-store.ts';

export interface NoteDeps {
  store: GraphStore;
  notes: NoteStore;
  workspaces: WorkspaceStore;
}

/** The ids among `ids` of nodes the reader may see now. */
export async function visibleNodeIds(store: GraphStore, ids: Iterable<string>, clearance: Tlp): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [kind, group] of groupIdsByKind(new Set(ids), (id) => nodeKindOfId(id)?.kind)) {
    const result = await store.read(
      `MATCH (n:${kind}) WHERE n.id IN $ids AND ${seen('n', clearance)} RETURN n.id AS id`,
      { ids: group, ...visibleParam(clearance) },
      { maxRows: group.length },
    );
    for (const row of result.rows) found.add(String(row.id));
  }
  return found;
}

/** The ids among `ids` of links the reader may see now, with both their ends. */
export async function visibleRelIds(store: GraphStore, ids: Iterable<string>, clearance: Tlp): Promise<Set<string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Set();
  const result = await store.read(
    `MATCH (a)-[r]->(b) WHERE r.id IN $ids AND ${seen('r', clearance)} AND ${seen('a', clearance)} AND ${seen('b', clearance)} RETURN r.id AS id`,
    { ids: list, ...visibleParam(clearance) },
    { maxRows: list.length },
  );
  return new Set(result.rows.map((row) => String(row.id)));
}

/** The targets (by targetKey) among `targets` the actor may see. */
export async function visibleTargets(
  deps: Omit<NoteDeps, 'notes'>,
  targets: readonly NoteTarget[],
  actor: Actor,
): Promise<Set<string>> {
  const of = (type: NoteTarget['type']) => targets.filter((t) => t.type === type).map((t) => t.id);
  const visible = new Set<string>();
  for (const id of await visibleNodeIds(deps.store, of('node'), actor.clearance))
    visible.add(targetKey({ type: 'node', id }));
  for (const id of await visibleRelIds(deps.store, of('relationship'), actor.clearance))
    visible.add(targetKey({ type: 'relationship', id }));
  for (const name of new Set(of('workspace'))) {
    if (await mayOpenWorkspace(deps.workspaces, name, actor)) visible.add(targetKey({ type: 'workspace', id: name }));
  }
  return visible;
}

async function mayOpenWorkspace(workspaces: WorkspaceStore, name: string, actor: Actor): Promise<boolean> {
  try {
    return mayOpen(await workspaces.get(name), actor);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return false;
    throw error;
  }
}

/** The notes among `notes` the actor may read. */
export async function readable(deps: NoteDeps, notes: readonly Note[], actor: Actor): Promise<Note[]> {
  const marked = notes.filter((n) => visibleAt(n.tlp, actor.clearance));
  const targets = await visibleTargets(
    deps,
    marked.map((n) => n.target),
    actor,
  );
  return marked.filter((n) => targets.has(targetKey(n.target)));
}

/** The note as the actor may see it, or the 404 of a missing one. */
async function readableNote(deps: NoteDeps, id: string, actor: Actor): Promise<Note> {
  const note = await deps.notes.get(id);
  const [visible] = note ? await readable(deps, [note], actor) : [];
  if (!visible) throw new AppError('not_found', `no note ${id}`, { id });
  return visible;
}

function assertWithinClearance(tlp: Tlp, actor: Actor): void {
  if (!visibleAt(tlp, actor.clearance))
    throw new AppError(
      'forbidden',
      `a note marked TLP:${tlp} is above your clearance (${actor.clearance}): you could not read it back`,
      { tlp, clearance: actor.clearance },
    );
}

function assertMayChange(note: Note, actor: Actor): void {
  if (note.author !== actor.name && actor.role !== 'admin')
    throw new AppError('forbidden', `note ${note.id} is ${note.author}'s: only its author or an admin may change it`, {
      id: note.id,
      author: note.author,
    });
}

export async function createNote(deps: NoteDeps, input: NoteCreate, actor: Actor): Promise<Note> {
  assertWithinClearance(input.tlp, actor);
  const visible = await visibleTargets(deps, [input.target], actor);
  if (!visible.has(targetKey(input.target)))
    throw new AppError('not_found', `no ${input.target.type} ${input.target.id}`, { target: input.target });
  return deps.notes.create(input, actor.name);
}

export async function updateNote(deps: NoteDeps, id: string, patch: NotePatch, actor: Actor): Promise<Note> {
  const note = await readableNote(deps, id, actor);
  assertMayChange(note, actor);
  if (patch.tlp) assertWithinClearance(patch.tlp, actor);
  return deps.notes.update(id, () => ({
    ...(patch.text !== undefined && { text: patch.text }),
    ...(patch.tlp !== undefined && { tlp: patch.tlp }),
  }));
}

export async function deleteNote(deps: NoteDeps, id: string, actor: Actor): Promise<Note> {
  const note = await readableNote(deps, id, actor);
  assertMayChange(note, actor);
  await deps.notes.delete(id);
  return note;
}

/** POST /api/notes/find: the notes on any of the given things, as far as the actor may read them. */
export async function findNotes(deps: NoteDeps, find: NoteFind, actor: Actor): Promise<Note[]> {
  const targets: NoteTarget[] = [
    ...find.nodes.map((id) => ({ type: 'node' as const, id })),
    ...find.relationships.map((id) => ({ type: 'relationship' as const, id })),
    ...(find.workspace ? [{ type: 'workspace' as const, id: find.workspace }] : []),
  ];
  const notes = await deps.notes.on(targets);
  const shown = await readable(deps, notes, actor);
  return shown.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
