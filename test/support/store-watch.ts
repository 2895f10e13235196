/**
 * Conditions to wait on instead of sleeps: the moment a statement reaches the real store. The
 * store still runs it; the watch only notices the call, then steps aside.
 */
import type { GraphStore } from '../../server/store/types.ts';

/**
 * Resolves when a statement `match` accepts reaches the store: its plan check (`checkReadOnly`,
 * where an analyst's statement arrives first) or `read`.
 */
export function whenStoreSees(store: GraphStore, match: (query: string) => boolean): Promise<void> {
  const { read, checkReadOnly } = store;
  return new Promise((resolve) => {
    const seen = (query: string) => {
      if (!match(query)) return;
      store.read = read;
      store.checkReadOnly = checkReadOnly;
      resolve();
    };
    store.read = (query, params, options) => {
      seen(query);
      return read.call(store, query, params, options);
    };
    store.checkReadOnly = (query, params, lane) => {
      seen(query);
      return checkReadOnly.call(store, query, params, lane);
    };
  });
}
