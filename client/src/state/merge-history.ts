/**
 * The merges made from this page, newest first, so one can still be undone after its notice has
 * faded (the Possible duplicates panel lists them). A plain store with `subscribe`.
 */
import type { MergeResult } from '../api/client.ts';

export interface RecentMerge {
  result: MergeResult;
  /** the survivor's label when merged */
  label: string;
  undone: boolean;
}

const KEEP = 10;

export class MergeHistory {
  private list: RecentMerge[] = [];
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RecentMerge[] => this.list;

  add(result: MergeResult, label: string): void {
    this.set([{ result, label, undone: false }, ...this.list].slice(0, KEEP));
  }

  markUndone(mergeId: string): void {
    this.set(this.list.map((m) => (m.result.mergeId === mergeId ? { ...m, undone: true } : m)));
  }

  private set(list: RecentMerge[]): void {
    this.list = list;
    for (const listener of this.listeners) listener();
  }
}

export const mergeHistory = new MergeHistory();
