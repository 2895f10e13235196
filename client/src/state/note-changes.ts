/**
 * A counter bumped whenever this page adds, changes or deletes a note, so whatever shows notes
 * elsewhere (the canvas markers) asks again. A plain module with `subscribe`, as the other stores.
 */
let revision = 0;
const listeners = new Set<() => void>();

export const noteChanges = {
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
