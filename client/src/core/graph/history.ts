/**
 * Undo and redo of graph edits (expand, collapse, hide, pin, remove, load): each edit records the
 * graph as it was before. Investigation canvases hold hundreds to a few thousand nodes, so whole
 * snapshots are cheap and cannot drift out of step the way inverse operations can.
 */
import type { SerializedGraph } from './types.ts';

export class History {
  private past: SerializedGraph[] = [];
  private future: SerializedGraph[] = [];

  constructor(private readonly limit = 50) {}

  /** Call before an edit with the graph as it is. */
  record(before: SerializedGraph): void {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  undo(current: SerializedGraph): SerializedGraph | undefined {
    const previous = this.past.pop();
    if (previous) this.future.push(current);
    return previous;
  }

  redo(current: SerializedGraph): SerializedGraph | undefined {
    const next = this.future.pop();
    if (next) this.past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
