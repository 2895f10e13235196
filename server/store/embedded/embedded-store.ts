/**
 * The default store: LadybugDB embedded in the server process, one database file in DATA_DIR.
 * The engine takes one writer at a time and its Node binding is not safe when one connection is
 * used concurrently, so reads borrow from a small pool of connections and every write goes
 * through a single write connection, one transaction after another.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Connection, Database, QueryResult as LadybugResult } from '@ladybugdb/core';
import { AppError } from '../../errors.ts';
import { ladybugDialect } from '../dialect.ts';
import { GraphCollector } from '../graph-collector.ts';
import { ResourcePool } from '../pool.ts';
import { RowBudget } from '../row-budget.ts';
import {
  resolveLimits,
  uncapped,
  type GraphStore,
  type JsonValue,
  type Params,
  type QueryOptions,
  type QueryResult,
  type StoreLimits,
  type TransactionRunner,
} from '../types.ts';
import { ladybugDdl } from './ddl.ts';
import { checkLadybugPlan, readPlan } from './plan-check.ts';
import { refuseKnownEngineBugs } from './engine-bugs.ts';
import { checkQueryShape } from '../../cypher/shape.ts';
import { LadybugValues } from './values.ts';

export interface EmbeddedStoreOptions {
  /** directory holding the database file; created if missing */
  dataDir: string;
  limits: StoreLimits;
  /** connections for concurrent reads */
  readConnections?: number;
  /**
   * The engine's buffer pool in bytes (the engine's default, 80% of the machine's memory, when 0 or
   * absent). Working memory of most operators comes from it, so a statement that needs more is
   * stopped with too_large instead of growing the process.
   */
  bufferPoolBytes?: number;
  /**
   * Refuse the shapes the pinned engine miscomputes or crashes on (engine-bugs.ts). Only the crash
   * isolation tests turn it off, to reach a real engine crash.
   */
  engineBugChecks?: boolean;
}

export const DATABASE_FILE = 'scamnet.lbug';

/** Longest variable-length pattern an analyst query may expand (the engine's own default is 30). */
export const ANALYST_MAX_HOPS = 10;
/**
 * Connections for analysts' own Cypher: two, so one runaway query leaves room for the next
 * analyst, and apart from the API's (and the built-in library's) connections entirely.
 */
export const ANALYST_CONNECTIONS = 2;

/**
 * The engine's timeout covers execution only: it plans first and folds constants while planning,
 * so `RETURN range(1, 4000000)` spends ~7 s in prepare() and ~9 s in EXPLAIN here, past any
 * setQueryTimeout. A read that outlasts its timeout by this much is answered as timed out; its
 * connection stays borrowed until the engine lets go of it.
 */
export const DEADLINE_GRACE_MS = 3000;

/** Engine failures that are the store's, whatever statement met them. */
const STORE_FAULT = /^(IO|Buffer manager|Storage|Checkpoint|Internal|Transaction manager|Copy) exception|assert/i;

/**
 * Maps an engine error to a typed one; the engine's message is kept, it names the problem. An
 * analyst's statement is the cause of any error but the store's own failures, so there every other
 * message is a query_error; for the API's own statements only the engine's query-error kinds are.
 */
export function ladybugError(error: unknown, timeoutMs: number, analyst = false): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // The engine's own words when setQueryTimeout stops a query; a message merely containing
  // "timeout" (a cast of a string that does) is not one.
  if (/^Interrupted\.?$/.test(message.trim())) {
    return new AppError('timeout', `the query ran longer than ${timeoutMs} ms and was stopped`, { timeoutMs });
  }
  // The buffer pool is the engine's memory ceiling (STORE_MAX_MEMORY_MB sizes it): the statement
  // asked for more than the store may use, and nothing else was harmed.
  if (/^Buffer manager exception: Unable to allocate memory/i.test(message)) {
    return new AppError('too_large', 'the query needs more memory than the store may use (STORE_MAX_MEMORY_MB)', { engine: 'ladybug' });
  }
  const queryFault = /^(Parser|Binder|Catalog|Runtime|Connection|Conversion|Overflow) exception|^Parameter \S+ not found/i.test(message);
  if (queryFault || (analyst && !STORE_FAULT.test(message))) {
    return new AppError('query_error', message.split('\n')[0]!, { engine: 'ladybug', message });
  }
  return new AppError('internal', 'the graph store failed', { engine: 'ladybug', message });
}

/**
 * Runs one of the store's own statements (DDL, BEGIN/COMMIT, settings) and closes its result:
 * an unclosed result keeps the database file locked after close() until it is garbage collected.
 */
async function runOwn(connection: Connection, statement: string): Promise<void> {
  const result = await connection.query(statement);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

export class EmbeddedStore implements GraphStore {
  readonly backend = 'embedded' as const;
  readonly dialect = ladybugDialect;
  private db: Database | undefined;
  private readPool: ResourcePool<Connection> | undefined;
  private writePool: ResourcePool<Connection> | undefined;
  private analystPool: ResourcePool<Connection> | undefined;
  /** node table id → label, to fetch the ends of relationships returned without them */
  private readonly tableLabels = new Map<number, string>();

  constructor(private readonly options: EmbeddedStoreOptions) {}

  get stagingDir(): string {
    return path.join(this.options.dataDir, 'staging');
  }

  get databasePath(): string {
    return path.join(this.options.dataDir, DATABASE_FILE);
  }

  async init(): Promise<void> {
    if (this.db) return;
    mkdirSync(this.options.dataDir, { recursive: true });
    const db = new lbug.Database(this.databasePath, this.options.bufferPoolBytes ?? 0);
    try {
      await db.init();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'store_unavailable',
        /lock/i.test(message)
          ? `${this.databasePath} is in use by another process (is another scamnet running on this DATA_DIR?)`
          : `cannot open ${this.databasePath}: ${message.split('\n')[0]}`,
      );
    }
    // One execution thread per connection: the engine's workers are shared by all connections and
    // number the cores, so a query free to use them all would hold up every other caller until
    // it finished or timed out. With one each, a runaway query leaves the other core to the rest.
    const connect = async () => {
      const connection = new lbug.Connection(db, 1);
      await connection.init();
      return connection;
    };
    const writer = await connect();
    for (const statement of ladybugDdl()) await runOwn(writer, statement);
    const readers = await Promise.all(Array.from({ length: this.options.readConnections ?? 3 }, connect));
    const analysts = await Promise.all(Array.from({ length: ANALYST_CONNECTIONS }, connect));
    for (const analyst of analysts) await runOwn(analyst, `CALL var_length_extend_max_depth=${ANALYST_MAX_HOPS}`);
    this.db = db;
    this.writePool = new ResourcePool([writer]);
    this.readPool = new ResourcePool(readers);
    this.analystPool = new ResourcePool(analysts);
    const tables = await this.read('CALL show_tables() RETURN id, name, type');
    for (const row of tables.rows) if (row.type === 'NODE') this.tableLabels.set(Number(row.id), String(row.name));
  }

  private pools() {
    if (!this.readPool || !this.writePool || !this.analystPool) {
      throw new AppError('store_unavailable', 'the graph store is not open');
    }
    return { read: this.readPool, write: this.writePool, analyst: this.analystPool };
  }

  private limits(options?: QueryOptions): StoreLimits {
    return resolveLimits(this.options.limits, options);
  }

  /** Prepares (never `query()`: one statement only) and runs a statement on one connection. */
  private async execute(
    connection: Connection,
    query: string,
    params: Params,
    limits: StoreLimits,
    analyst = false,
  ): Promise<QueryResult> {
    const started = performance.now();
    try {
      connection.setQueryTimeout(limits.timeoutMs);
      const statement = await connection.prepare(query);
      if (!statement.isSuccess()) throw new AppError('query_error', statement.getErrorMessage().split('\n')[0]!, {
        engine: 'ladybug',
        message: statement.getErrorMessage(),
      });
      const executed = await connection.execute(statement, params as Record<string, never>);
      const result = (Array.isArray(executed) ? executed[0] : executed) as LadybugResult;
      try {
        return await this.collect(connection, result, limits, started, analyst);
      } finally {
        result.close();
      }
    } catch (error) {
      throw ladybugError(error, limits.timeoutMs, analyst);
    }
  }

  /**
   * The rows of a result, within the row and byte budget. The API's own statements and the
   * built-in library read rows with getNextSync (~1 µs a row here; the async getNext costs ~45 µs).
   * Analysts' own Cypher reads them with the async call, which converts off the event loop: one
   * enormous value there must not stall every other request.
   */
  private async collect(connection: Connection, result: LadybugResult, limits: StoreLimits, started: number, analyst = false) {
    const columns = result.getColumnNamesSync();
    const types = result.getColumnDataTypesSync();
    const collector = new GraphCollector();
    const values = new LadybugValues(collector);
    const rows: Record<string, JsonValue>[] = [];
    const budget = new RowBudget(limits);
    while (result.hasNext() && budget.hasRoom()) {
      const raw = analyst ? await result.getNext() : result.getNextSync();
      if (!raw) break;
      const row: Record<string, JsonValue> = {};
      columns.forEach((column, i) => (row[column] = values.toJson(raw[column], types[i])));
      if (!budget.admit(row)) break;
      rows.push(row);
    }
    await this.fetchMissingEnds(connection, collector, values, limits);
    return collector.result(columns, rows, budget.truncated, started);
  }

  /** Relationships returned without their end nodes still need those ends to be drawn. */
  private async fetchMissingEnds(
    connection: Connection,
    collector: GraphCollector,
    values: LadybugValues,
    limits: StoreLimits,
  ): Promise<void> {
    const byTable = new Map<number, number[]>();
    for (const ref of collector.missingEndRefs()) {
      const [table, offset] = ref.split(':').map(Number) as [number, number];
      byTable.set(table, [...(byTable.get(table) ?? []), offset]);
    }
    for (const [table, offsets] of byTable) {
      const label = this.tableLabels.get(table);
      if (!label) continue;
      const statement = await connection.prepare(`UNWIND $offsets AS o MATCH (n:${label}) WHERE offset(id(n)) = o RETURN n`);
      connection.setQueryTimeout(limits.timeoutMs);
      const executed = await connection.execute(statement, { offsets });
      const result = (Array.isArray(executed) ? executed[0] : executed) as LadybugResult;
      for (const row of await result.getAll()) collector.addNode(values.rawNode(row.n as Record<string, unknown>));
      result.close();
    }
  }

  // async, so a store that is not open rejects instead of throwing synchronously
  async read(query: string, params: Params = {}, options?: QueryOptions): Promise<QueryResult> {
    const limits = this.limits(options);
    const pools = this.pools();
    const analyst = options?.lane === 'analyst';
    return this.withDeadline(analyst ? pools.analyst : pools.read, limits, (connection) =>
      this.execute(connection, query, params, limits, analyst),
    );
  }

  /**
   * Runs `work` on a borrowed connection and answers with a timeout once it has run
   * DEADLINE_GRACE_MS past the query timeout, whatever the engine is doing; the connection goes
   * back to the pool only when the engine has finished with it.
   */
  private withDeadline<R>(pool: ResourcePool<Connection>, limits: StoreLimits, work: (c: Connection) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      pool
        .use(async (connection) => {
          const timer = setTimeout(
            () => reject(new AppError('timeout', `the query ran longer than ${limits.timeoutMs} ms and was stopped`, { timeoutMs: limits.timeoutMs })),
            limits.timeoutMs + DEADLINE_GRACE_MS,
          );
          try {
            resolve(await work(connection));
          } finally {
            clearTimeout(timer);
          }
        })
        .catch(reject);
    });
  }

  /** EXPLAIN through prepare() (never query() with the caller's text), then the plan's operators. */
  async checkReadOnly(query: string, params: Params = {}, lane: QueryOptions['lane'] = 'analyst'): Promise<void> {
    checkQueryShape(query, this.options.limits.queryShape);
    if (this.options.engineBugChecks !== false) refuseKnownEngineBugs(query);
    const pools = this.pools();
    const limits = this.limits({ maxRows: 1 });
    const plan = await this.withDeadline(lane === 'analyst' ? pools.analyst : pools.read, limits, (connection) =>
      this.execute(connection, `EXPLAIN ${query}`, params, limits, true),
    );
    checkLadybugPlan(readPlan(String(Object.values(plan.rows[0] ?? {})[0] ?? '')));
  }

  write(query: string, params: Params = {}, options?: QueryOptions): Promise<QueryResult> {
    return this.transaction((tx) => tx.run(query, params), options);
  }

  async transaction<T>(work: (tx: TransactionRunner) => Promise<T>, options?: QueryOptions): Promise<T> {
    const limits = this.limits(options);
    return this.pools().write.use(async (connection) => {
      await runOwn(connection, 'BEGIN TRANSACTION');
      // Statements of one transaction share its connection, so they run one after another even
      // when `work` fires several at once.
      let queue: Promise<unknown> = Promise.resolve();
      const enqueue = <R>(step: () => Promise<R>) => {
        const next = queue.then(step);
        queue = next.catch(() => undefined);
        return next;
      };
      const run = (query: string, params: Params = {}) => enqueue(() => this.execute(connection, query, params, limits));
      const scan = async (query: string, params: Params = {}) =>
        (await enqueue(() => this.execute(connection, query, params, uncapped(limits)))).rows;
      try {
        const value = await work({ run, scan });
        await runOwn(connection, 'COMMIT');
        return value;
      } catch (error) {
        // The engine has already rolled back when a statement failed; then ROLLBACK has nothing to do.
        await runOwn(connection, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    const { db, readPool, writePool, analystPool } = this;
    if (!db || !readPool || !writePool || !analystPool) return;
    // Later callers get store_unavailable (not the pool's bare Error); queued ones finish first.
    this.readPool = undefined;
    this.writePool = undefined;
    this.analystPool = undefined;
    const connections = [...(await writePool.drain()), ...(await readPool.drain()), ...(await analystPool.drain())];
    for (const connection of connections) await connection.close();
    await db.close();
    this.db = undefined;
  }
}
