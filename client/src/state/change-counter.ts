/**
 * A counter other views subscribe to (useSyncExternalStore) and that a change bumps, so that they
 * read again what they show from the server. The notes and the merges each keep one.
 */
export interface ChangeCounter {
  subscribe(listener: () => void): () => void;
  getSnapshot(): number;
  changed(): void;
}

export function changeCounter(): ChangeCounter {
  let revision = 0;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => revision,
    changed() {
      revision++;
      for (const listener of listeners) listener();
    },
  };
}
