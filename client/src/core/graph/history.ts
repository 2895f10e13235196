/**
 * Undo and redo of graph edits (expand, collapse, hide, pin, remove, load): each edit records the
 * graph as it was before. Investigation canvases hold hundreds to a few thousand nodes, so whole
 * snapshots are cheap and cannot drift out of step the way inverse operations can. A canvas of 10k
 * nodes and 50k links is not: fifty of its snapshots are three million objects, so the history also
 * keeps at most `maxItems` nodes and links in all (the oldest steps go first; the last one stays).
 */
import type { SerializedGraph } from './types.ts';

const itemsOf = (g: SerializedGraph) => g.nodes.length + g.edges.length;

export class History {
  private past: SerializedGraph[] = [];
  private future: SerializedGraph[] = [];
  /** nodes and links held in `past` */
  private held = 0;

  constructor(
    private readonly limit = 50,
    private readonly maxItems = 1_000_000,
  ) {}

  /** Call before an edit with the graph as it is. */
  record(before: SerializedGraph): void {
    this.past.push(before);
    this.held += itemsOf(before);
    while (this.past.length > 1 && (this.past.length > this.limit || this.held > this.maxItems)) {
      const oldest = this.past.shift();
      if (oldest) this.held -= itemsOf(oldest);
    }
    this.future = [];
  }

  undo(current: SerializedGraph): SerializedGraph | undefined {
    const previous = this.past.pop();
    if (previous) {
      this.held -= itemsOf(previous);
      this.future.push(current);
    }
    return previous;
  }

  redo(current: SerializedGraph): SerializedGraph | undefined {
    const next = this.future.pop();
    if (next) {
      this.past.push(current);
      this.held += itemsOf(current);
    }
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
