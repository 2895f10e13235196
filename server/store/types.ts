/**
 * The one interface every part of scamnet uses to reach a graph database, whichever it is.
 */
import type { QueryShapeLimits } from '../cypher/shape.ts';
import type { Dialect } from './dialect.ts';
// the wire shapes are declared once, with the API's schemas (the client's types come from them too)
import type { JsonValue, SerializedGraph } from '../model/wire.ts';
export type { JsonValue, SerializedEdge, SerializedGraph, SerializedNode } from '../model/wire.ts';

/** How a node, relationship or path appears in a result row; its details are in `graph`. */
export type NodeCell = { $type: 'node'; key: string; kind: string; label: string };
export type EdgeCell = { $type: 'edge'; key: string; kind: string; source: string; target: string };
export type PathCell = { $type: 'path'; nodes: string[]; edges: string[] };

export interface QueryResult {
  columns: string[];
  rows: Record<string, JsonValue>[];
  graph: SerializedGraph;
  /** true when the row cap cut the result */
  truncated: boolean;
  elapsedMs: number;
}

export interface QueryOptions {
  /** stop the query after this long; defaults to the configured QUERY_TIMEOUT_MS */
  timeoutMs?: number;
  /**
   * 'analyst' runs the statement apart from the API's own lookups (on the embedded store, one
   * connection of its own with variable-length patterns capped), so a runaway analyst query
   * cannot hold up the rest.
   */
  lane?: 'api' | 'analyst';
  /** keep at most this many rows; defaults to the configured QUERY_MAX_ROWS */
  maxRows?: number;
  /** keep about this many bytes of rows; defaults to the configured QUERY_MAX_BYTES */
  maxBytes?: number;
}

export type Params = Record<string, unknown>;

/** Runs statements inside one transaction. */
export interface TransactionRunner {
  run(query: string, params?: Params): Promise<QueryResult>;
  /**
   * Runs a statement that returns plain values (no nodes, relationships or paths) and hands back
   * every row, with no row or byte cap and no result graph: for the bulk importer's lookups over
   * whole tables, where `run`'s per-row bookkeeping would cost more than the lookup.
   * @example const rows = await tx.scan('MATCH (n:Centre) RETURN n.id AS id')
   */
  scan(query: string, params?: Params): Promise<Record<string, JsonValue>[]>;
}

/** 'starting' and 'restarting' only happen to a store whose engine runs in a process of its own. */
export type StoreState = 'starting' | 'ready' | 'restarting' | 'closed';

export interface GraphStore {
  readonly backend: 'embedded' | 'neo4j';
  /** Whether the store can answer now; absent means it answers whenever it is open. */
  status?(): StoreState;
  readonly dialect: Dialect;
  /**
   * A directory inside the store's own data directory where the bulk importer writes the
   * validated files the engine loads with `COPY FROM`; null for an engine that reads no files
   * of ours (Neo4j, which gets UNWIND batches instead).
   */
  readonly stagingDir: string | null;
  /** Connects and applies the schema derived from the domain model (idempotent). */
  init(): Promise<void>;
  /**
   * Runs one read-only statement.
   * @example await store.read('MATCH (c:Centre {id: $id}) RETURN c', { id: 'centre:na-2024-01' })
   */
  read(query: string, params?: Params, options?: QueryOptions): Promise<QueryResult>;
  /**
   * Refuses, with an AppError naming the reason, a statement that would do anything but read the
   * graph, as the engine itself plans it (EXPLAIN); parameters are needed to plan it.
   */
  checkReadOnly(query: string, params?: Params, lane?: QueryOptions['lane']): Promise<void>;
  /** Runs one statement that may write, in its own transaction. */
  write(query: string, params?: Params, options?: QueryOptions): Promise<QueryResult>;
  /**
   * Runs `work` in one write transaction: it commits when `work` resolves and leaves nothing
   * behind when it throws. `work` runs its statements through `tx` only: calling the store's own
   * `write` or `transaction` from inside it would wait for this transaction forever.
   */
  transaction<T>(work: (tx: TransactionRunner) => Promise<T>, options?: QueryOptions): Promise<T>;
  /**
   * Writes a consistent copy of the store's own files into `targetDir` (created, must be empty):
   * writes are held back meanwhile and the engine checkpointed first, so the copy needs no log.
   * Only stores whose data are files of ours have it (the embedded one; Neo4j has its own tools).
   * @example const { files } = await store.backup!('/backups/2026-12-02/store')
   */
  backup?(targetDir: string): Promise<StoreBackup>;
  close(): Promise<void>;
}

export interface StoreBackup {
  /** the files written, relative to the target dir */
  files: string[];
}

export interface StoreLimits {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
  /** caps on a checked statement's length, tokens and nesting (QUERY_MAX_*); the defaults when absent */
  queryShape?: QueryShapeLimits;
}

/** The same limits with no row or byte cap: `TransactionRunner.scan`'s. */
export function uncapped(limits: StoreLimits): StoreLimits {
  return { ...limits, maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER };
}

/** The limits for one call: the caller's where given, else the store's configured defaults. */
export function resolveLimits(defaults: StoreLimits, options?: QueryOptions): StoreLimits {
  return {
    timeoutMs: options?.timeoutMs ?? defaults.timeoutMs,
    maxRows: options?.maxRows ?? defaults.maxRows,
    maxBytes: options?.maxBytes ?? defaults.maxBytes,
  };
}
