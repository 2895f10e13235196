/**
 * Who may do what with a saved workspace, and what a reader sees of it. Readers (workspaces:read)
 * list and open the shared ones and their own; only the owner or an admin replaces or deletes one.
 * A workspace the reader may not open is the 404 of a missing one. Opening one removes from the
 * saved canvas every node and link above the reader's clearance (as saved, or as the store marks
 * it now), and the links to removed nodes; the answer does not say how many were held back.
 */
import { AppError } from '../errors.ts';
import { visibleAt, type Actor } from '../model/access.ts';
import type { Workspace, WorkspaceInput, WorkspaceSummary } from '../model/workspace.ts';
import { withheldNodeIds, withoutWithheldCitations } from '../graph/visibility.ts';
import type { GraphStore } from '../store/types.ts';
import type { WorkspaceStore } from './workspace-store.ts';
import type { DamagedFile } from '../files/json-repository.ts';

const isAdmin = (actor: Actor) => actor.role === 'admin';

export function mayOpen(workspace: Pick<Workspace, 'owner' | 'shared'>, actor: Actor): boolean {
  return workspace.shared || workspace.owner === actor.name || isAdmin(actor);
}

export function mayChange(workspace: Pick<Workspace, 'owner'>, actor: Actor): boolean {
  return workspace.owner === actor.name || isAdmin(actor);
}

export async function listFor(
  workspaces: WorkspaceStore,
  actor: Actor,
): Promise<{ workspaces: WorkspaceSummary[]; damaged: DamagedFile[] }> {
  const { workspaces: all, damaged } = await workspaces.listWithDamage();
  // a damaged file has no readable owner: only admins, who may open anything, are told of it
  return { workspaces: all.filter((w) => mayOpen(w, actor)), damaged: isAdmin(actor) ? damaged : [] };
}

/** The canvas as `actor` may see it. */
export async function openFor(
  workspaces: WorkspaceStore,
  store: GraphStore,
  name: string,
  actor: Actor,
): Promise<Workspace> {
  const workspace = await workspaces.get(name);
  if (!mayOpen(workspace, actor)) throw new AppError('not_found', `no workspace ${name}`, { name });
  const { clearance } = actor;
  if (clearance === 'RED') return workspace;
  const marked = workspace.graph.nodes.filter((n) => visibleAt(n.attributes.tlp, clearance));
  // a node re-marked in the store since the save is held back too
  const now = await withheldNodeIds(
    store,
    marked.map((n) => n.key),
    clearance,
  );
  const nodes = marked.filter((n) => !now.has(n.key));
  const kept = new Set(nodes.map((n) => n.key));
  const edges = workspace.graph.edges.filter(
    (e) => kept.has(e.source) && kept.has(e.target) && visibleAt(e.attributes.tlp, clearance),
  );
  const graph = await withoutWithheldCitations(store, { nodes, edges }, clearance);
  const selected = workspace.selected !== null && kept.has(workspace.selected) ? workspace.selected : null;
  return { ...workspace, graph, selected };
}

async function existing(workspaces: WorkspaceStore, name: string): Promise<Workspace | undefined> {
  try {
    return await workspaces.get(name);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** Saves as `actor`: a new workspace is theirs; replacing one needs to be its owner or an admin. */
export async function saveAs(
  workspaces: WorkspaceStore,
  name: string,
  input: WorkspaceInput,
  actor: Actor,
): Promise<Workspace> {
  const before = await existing(workspaces, name);
  if (before && !mayChange(before, actor)) {
    if (!mayOpen(before, actor)) throw new AppError('forbidden', `the name ${name} is taken: choose another`, { name });
    throw new AppError(
      'forbidden',
      `workspace ${name} is ${before.owner}'s: only its owner or an admin may replace it`,
      {
        name,
        owner: before.owner,
      },
    );
  }
  return workspaces.save(name, input, actor.name);
}

export async function deleteAs(workspaces: WorkspaceStore, name: string, actor: Actor): Promise<void> {
  const before = await workspaces.get(name);
  if (!mayOpen(before, actor)) throw new AppError('not_found', `no workspace ${name}`, { name });
  if (!mayChange(before, actor))
    throw new AppError(
      'forbidden',
      `workspace ${name} is ${before.owner}'s: only its owner or an admin may delete it`,
      {
        name,
        owner: before.owner,
      },
    );
  await workspaces.delete(name);
}
