/** The analyst's remembered expansion order (state/expansion-order.ts), for React. */
import { useSyncExternalStore } from 'react';
import { expansionOrder, type ExpansionOrder } from '../state/expansion-order.ts';

export function useExpansionOrder(): [ExpansionOrder, (order: ExpansionOrder) => void] {
  return [useSyncExternalStore(expansionOrder.subscribe, expansionOrder.get), expansionOrder.set];
}
