/**
 * The data graph of one investigation with its undo history, as a small store: React subscribes
 * to it (hooks/useGraphSession.ts), tests drive it directly. Every edit goes through `edit()`,
 * which records the graph as it was, so it can be undone.
 */
import { createDataGraph, mergeSubgraph, replaceWith, toSerialized, type DataGraph } from '../core/graph/data-graph.ts';
import { History } from '../core/graph/history.ts';
import { paddedExtent, type BBox } from '../core/render/frame.ts';
import type { SerializedGraph } from '../core/graph/types.ts';
import { syncGroups } from '../core/groups/groups.ts';

/** What React renders from: a new object after every change, so it can key memos and effects. */
export interface SessionSnapshot {
  graph: DataGraph;
  /** bumped on every change to the data graph */
  version: number;
  /** bumped when the layout should run again (new nodes, or the Layout button) */
  layoutRun: number;
  canUndo: boolean;
  canRedo: boolean;
  /** the network's frame: set when the first nodes arrive, dropped when the canvas is cleared */
  networkBox: BBox | null;
  /** bumped when the canvas got its first nodes and the camera should frame them */
  frameRequest: number;
}

export class GraphSession {
  readonly graph: DataGraph = createDataGraph();
  private readonly history = new History();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private layoutRun = 0;
  private frameRequest = 0;
  private networkBox: BBox | null = null;
  /** the next nodes to arrive are the canvas's first: frame them */
  private firstFrame = true;
  private snapshot: SessionSnapshot;

  constructor() {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Every change to the data graph goes through here, so it can be undone. */
  edit(change: () => void, relayout = true): void {
    this.history.record(toSerialized(this.graph));
    change();
    // groups follow every edit: removed members leave them, new links to members aggregate
    syncGroups(this.graph);
    if (relayout) this.layoutRun++;
    this.changed();
  }

  /** Merges a subgraph (around `parent` if given); frames the canvas if these are its first nodes. */
  addSubgraph(subgraph: SerializedGraph, parent?: string): string[] {
    let added: string[] = [];
    this.edit(() => {
      added = mergeSubgraph(this.graph, subgraph, parent ? { parent } : {});
    });
    this.frameIfFirst();
    return added;
  }

  /** A query result shown instead of the canvas: framed as a new canvas. */
  replaceAll(subgraph: SerializedGraph): void {
    this.edit(() => {
      this.graph.clear();
      mergeSubgraph(this.graph, subgraph);
    });
    this.firstFrame = true;
    this.frameIfFirst();
  }

  /** A saved graph with its own positions and frame: not laid out, not reframed. */
  restore(graph: SerializedGraph, frame: BBox | null): void {
    this.firstFrame = false;
    this.networkBox = null;
    this.edit(() => replaceWith(this.graph, graph), false);
    this.networkBox = frame ?? paddedExtent(this.graph);
    this.changed();
  }

  clear(): void {
    this.edit(() => this.graph.clear(), false);
    this.firstFrame = true;
  }

  relayout(): void {
    this.layoutRun++;
    this.changed();
  }

  undo(): void {
    const previous = this.history.undo(toSerialized(this.graph));
    if (!previous) return;
    replaceWith(this.graph, previous);
    this.changed();
  }

  redo(): void {
    const next = this.history.redo(toSerialized(this.graph));
    if (!next) return;
    replaceWith(this.graph, next);
    this.changed();
  }

  labelOf = (id: string): string => (this.graph.hasNode(id) ? String(this.graph.getNodeAttribute(id, 'label')) : id);

  private frameIfFirst(): void {
    if (!this.firstFrame) return;
    this.firstFrame = false;
    this.frameRequest++;
    this.changed();
  }

  private changed(): void {
    this.version++;
    if (this.graph.order === 0) this.networkBox = null;
    else if (!this.networkBox) this.networkBox = paddedExtent(this.graph);
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): SessionSnapshot {
    return {
      graph: this.graph,
      version: this.version,
      layoutRun: this.layoutRun,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      networkBox: this.networkBox,
      frameRequest: this.frameRequest,
    };
  }
}
