/**
 * A counter bumped when this page changed entities on the server (a merge or its undo), so views
 * that read an entity's details from the server (the details panel) read them again.
 */
let revision = 0;
const listeners = new Set<() => void>();

export const entityChanges = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): number => revision,
  changed(): void {
    revision++;
    for (const listener of listeners) listener();
  },
};
