/** The queries panel's work for the page (state/query-work.ts): App holds it, so it outlives the panel. */
import { useState } from 'react';
import { QueryWorkStore } from '../state/query-work.ts';

export function useQueryWorkStore(): QueryWorkStore {
  const [store] = useState(() => new QueryWorkStore());
  return store;
}
