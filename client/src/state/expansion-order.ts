/**
 * The order a hub's neighbours come in when it is expanded a page at a time (issue 14): the
 * analyst's choice, remembered in localStorage so the next session expands the same way. The
 * orders and the page size are the contract's (server/model/expansion.ts, a zod module the bundle
 * may not value-import: client/test/hub-expansion.test.ts checks these copies against it).
 */
import type { ExpansionOrder } from '../api/client.ts';

export type { ExpansionOrder };

export const EXPANSION_ORDERS: readonly ExpansionOrder[] = ['degree', 'grade', 'recent', 'name'];
export const DEFAULT_ORDER: ExpansionOrder = 'degree';
/** Neighbours per page ("show 40 more"). */
export const EXPANSION_PAGE = 40;

/** How each order reads in the expand control and in the notices. */
export const ORDER_LABELS: Record<ExpansionOrder, string> = {
  degree: 'best connected first',
  grade: 'best graded first',
  recent: 'most recently seen first',
  name: 'by name',
};

const KEY = 'scamnet.expansionOrder';

/** The storage the choice lives in; none (node, a locked-down browser) keeps it for the page only. */
type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed page may refuse access to storage
  }
}

const isOrder = (value: unknown): value is ExpansionOrder => EXPANSION_ORDERS.includes(value as ExpansionOrder);

/** The remembered order, as a small store React subscribes to (hooks/useExpansionOrder.ts). */
export class ExpansionOrderStore {
  private order: ExpansionOrder;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage | null = browserStorage()) {
    let saved: unknown = null;
    try {
      saved = storage?.getItem(KEY);
    } catch {
      /* unreadable storage: the default */
    }
    this.order = isOrder(saved) ? saved : DEFAULT_ORDER;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ExpansionOrder => this.order;

  set = (order: ExpansionOrder): void => {
    if (!isOrder(order) || order === this.order) return;
    this.order = order;
    try {
      this.storage?.setItem(KEY, order);
    } catch {
      /* full or refused: remembered for this page only */
    }
    for (const listener of this.listeners) listener();
  };
}

/** The page's one store: the details panel's control sets it, every expansion reads it. */
export const expansionOrder = new ExpansionOrderStore();
