/**
 * The default store: LadybugDB embedded in the server process, one database file in DATA_DIR.
 * The engine takes one writer at a time and its Node binding is not safe when one connection is
 * used concurrently, so reads borrow from a small pool of connections and every write goes
 * through a single write connection, one transaction after another.
 *
 * The engine's errors are classified in native-errors.ts, the file opened in open-database.ts.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Connection, Database, PreparedStatement, QueryResult as LadybugResult } from '@ladybugdb/core';
import { AppError } from '../../errors.ts';
import { diskReserve, requireFreeSpace } from '../../files/disk-space.ts';
import { copyFileDurably, freeBytes, insufficientStorage } from '../../files/durable-write.ts';
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
  type StoreBackup,
  type StoreLimits,
  type TransactionRunner,
} from '../types.ts';
import { ladybugDdl } from './ddl.ts';
import { checkLadybugPlan, readPlan } from './plan-check.ts';
import { engineWriteFailed, ladybugError, withoutPaths } from './native-errors.ts';
import { connect, openDatabase, runOwn } from './open-database.ts';
import {
  ANALYST_CONNECTIONS,
  ANALYST_MAX_HOPS,
  COMMIT_ROOM_BYTES,
  DATABASE_FILE,
  DEADLINE_GRACE_MS,
  RECOVERY_BYTES,
  type EmbeddedStoreOptions,
} from './embedded-options.ts';
import { refuseKnownEngineBugs } from './engine-bugs.ts';
import { checkQueryShape } from '../../cypher/shape.ts';
import { LadybugValues } from './values.ts';

export {
  ANALYST_CONNECTIONS,
  ANALYST_MAX_HOPS,
  DATABASE_FILE,
  DEADLINE_GRACE_MS,
  type EmbeddedStoreOptions,
} from './embedded-options.ts';

/**
 * Prepared statements kept per connection, by text. Preparing is a plan's worth of work each time
 * (issue 14's profile), and the Node binding leaks ~8 KB per prepareSync with no way to free one, so
 * a server that prepares its few hundred statement texts once also stops leaking. Analysts' own
 * texts are endless, so the cache holds the most recently used PREPARED_PER_CONNECTION.
 */
export const PREPARED_PER_CONNECTION = 512;

export class EmbeddedStore implements GraphStore {
  readonly backend = 'embedded' as const;
  readonly dialect = ladybugDialect;
  private db: Database | undefined;
  private readPool: ResourcePool<Connection> | undefined;
  private writePool: ResourcePool<Connection> | undefined;
  private analystPool: ResourcePool<Connection> | undefined;
  /** set when the engine met a full disk; see beforeWrite */
  private storageFault = false;
  private recovering: Promise<void> | undefined;
  /** set when a COMMIT failed past the log append; see transaction */
  private commitFault = false;
  private readonly prepared = new WeakMap<Connection, Map<string, PreparedStatement>>();
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
    const db = await openDatabase(this.databasePath, this.options.bufferPoolBytes);
    // A killed import's staging files: nothing refers to them (the engine rolled its transaction
    // back). Removed only now that the database is ours: while another process holds it, they may
    // be that process's running import.
    rmSync(this.stagingDir, { recursive: true, force: true });
    // One execution thread per connection (open-database.ts says why).
    const writer = await connect(db);
    for (const statement of ladybugDdl()) await runOwn(writer, statement);
    const readers = await Promise.all(Array.from({ length: this.options.readConnections ?? 3 }, () => connect(db)));
    const analysts = await Promise.all(Array.from({ length: ANALYST_CONNECTIONS }, () => connect(db)));
    for (const analyst of analysts) await runOwn(analyst, `CALL var_length_extend_max_depth=${ANALYST_MAX_HOPS}`);
    this.db = db;
    this.writePool = new ResourcePool([writer]);
    this.readPool = new ResourcePool(readers);
    this.analystPool = new ResourcePool(analysts);
    const tables = await this.read('CALL show_tables() RETURN id, name, type');
    for (const row of tables.rows) if (row.type === 'NODE') this.tableLabels.set(Number(row.id), String(row.name));
  }

  /**
   * Before every write transaction. Below `writeFloorBytes` free, writes are refused (507) before
   * the engine sees them: on 0.19.1 an ENOSPC inside the engine leaves its log torn and the
   * database object unusable for writes (every later write fails the same way, and closing it on
   * the full disk aborts the process). After such a fault the store stays refusing writes until
   * there is room again, then closes and reopens the engine, which replays its log from disk.
   */
  private async beforeWrite(): Promise<void> {
    if (this.commitFault) {
      throw new AppError(
        'store_unavailable',
        'the graph store failed while committing and takes no writes until it is restarted (npm start restarts it)',
      );
    }
    const free = freeBytes(this.options.dataDir);
    // Closing the faulted engine flushes its log, which needs room whatever the floor is set to.
    const needed = this.storageFault
      ? Math.max(diskReserve.writeFloorBytes, RECOVERY_BYTES)
      : diskReserve.writeFloorBytes;
    if (free < needed) throw insufficientStorage('to the graph store', { freeBytes: free, neededBytes: needed });
    if (this.storageFault) {
      this.recovering ??= (async () => {
        await this.close();
        await this.init();
        this.storageFault = false;
      })().finally(() => (this.recovering = undefined));
      await this.recovering;
    }
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
      const statement = await this.prepare(connection, query);
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

  /** The connection's prepared statement for `query`, prepared on first use; a failed one is not kept. */
  private async prepare(connection: Connection, query: string): Promise<PreparedStatement> {
    let cache = this.prepared.get(connection);
    if (!cache) this.prepared.set(connection, (cache = new Map()));
    const kept = cache.get(query);
    if (kept) {
      // most recently used last, so the first is the one to drop
      cache.delete(query);
      cache.set(query, kept);
      return kept;
    }
    const statement = await connection.prepare(query);
    if (!statement.isSuccess())
      throw new AppError('query_error', statement.getErrorMessage().split('\n')[0] ?? '', {
        engine: 'ladybug',
        message: statement.getErrorMessage(),
      });
    cache.set(query, statement);
    const oldest = cache.keys().next().value;
    if (cache.size > PREPARED_PER_CONNECTION && oldest !== undefined) cache.delete(oldest);
    return statement;
  }

  /**
   * The rows of a result, within the row and byte budget. The API's own statements and the
   * built-in library read rows with getNextSync (~1 µs a row here; the async getNext costs ~45 µs).
   * Analysts' own Cypher reads them with the async call, which converts off the event loop: one
   * enormous value there must not stall every other request.
   */
  private async collect(
    connection: Connection,
    result: LadybugResult,
    limits: StoreLimits,
    started: number,
    analyst = false,
  ) {
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
      const statement = await this.prepare(
        connection,
        `UNWIND $offsets AS o MATCH (n:${label}) WHERE offset(id(n)) = o RETURN n`,
      );
      connection.setQueryTimeout(limits.timeoutMs);
      const executed = await connection.execute(statement, { offsets });
      const result = (Array.isArray(executed) ? executed[0] : executed) as LadybugResult;
      try {
        for (const row of await result.getAll()) collector.addNode(values.rawNode(row.n as Record<string, unknown>));
      } finally {
        result.close();
      }
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
  private withDeadline<R>(
    pool: ResourcePool<Connection>,
    limits: StoreLimits,
    work: (c: Connection) => Promise<R>,
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      pool
        .use(async (connection) => {
          const timer = setTimeout(
            () =>
              reject(
                new AppError('timeout', `the query ran longer than ${limits.timeoutMs} ms and was stopped`, {
                  timeoutMs: limits.timeoutMs,
                }),
              ),
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
    await this.beforeWrite();
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
      const run = (query: string, params: Params = {}) =>
        enqueue(() => this.execute(connection, query, params, limits));
      const scan = async (query: string, params: Params = {}) =>
        (await enqueue(() => this.execute(connection, query, params, uncapped(limits)))).rows;
      let value: T;
      try {
        value = await work({ run, scan });
      } catch (error) {
        if (
          engineWriteFailed(error) ||
          (error instanceof AppError &&
            error.code === 'insufficient_storage' &&
            (error.details as { engine?: string } | null)?.engine)
        )
          this.storageFault = true;
        // The engine has already rolled back when a statement failed; then ROLLBACK has nothing to do.
        await runOwn(connection, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
      try {
        await runOwn(connection, 'COMMIT');
      } catch (error) {
        // No ROLLBACK after a failed COMMIT: the engine has ended the transaction itself. An
        // ENOSPC while appending the commit to the log leaves the transaction rolled back (the
        // engine's own doing, checked) and the store faulted as above. Any other COMMIT failure is
        // the checkpoint that runs at commit: on 0.19.1 a checkpoint that fails for want of space
        // ("Invalid transaction type to rollback") leaves the transaction visible, and the engine
        // object aborts the process when closed; only a restart (its log replayed) tells whether
        // the commit was kept. So the store takes no more writes until then, and says so.
        if (engineWriteFailed(error)) {
          this.storageFault = true;
          throw ladybugError(error, limits.timeoutMs);
        }
        this.commitFault = true;
        const free = freeBytes(this.options.dataDir);
        throw new AppError(
          free < COMMIT_ROOM_BYTES ? 'insufficient_storage' : 'internal',
          'the graph store failed while committing (the disk may be full); whether this write was kept is known after a restart, and the store takes no more writes until then',
          {
            engine: 'ladybug',
            freeBytes: free,
            message: withoutPaths(error instanceof Error ? error.message : String(error)).split('\n')[0],
          },
        );
      }
      return value;
    });
  }

  /**
   * CHECKPOINT on the write connection, so writes wait meanwhile: the data file then holds every
   * committed transaction and the log is empty. The engine also checkpoints on its own at commit
   * once the log passes its threshold; this is for backups and tests.
   */
  async checkpoint(): Promise<void> {
    await this.beforeWrite();
    await this.pools().write.use((connection) => runOwn(connection, 'CHECKPOINT'));
  }

  /**
   * Holds the write connection (so every write waits), checkpoints (the data file then holds every
   * committed transaction and the log is empty), and copies the database file while nothing can
   * change it: reads do not write to it. The copy is fsynced; the caller checksums it.
   */
  async backup(targetDir: string): Promise<StoreBackup> {
    await this.beforeWrite();
    return this.pools().write.use(async (connection) => {
      await runOwn(connection, 'CHECKPOINT');
      mkdirSync(targetDir, { recursive: true });
      const files: string[] = [];
      const names = [DATABASE_FILE, `${DATABASE_FILE}.wal`].filter((name) => {
        const source = path.join(this.options.dataDir, name);
        // After CHECKPOINT the log is gone or empty; a non-empty one is copied too, to be safe.
        return existsSync(source) && (name === DATABASE_FILE || statSync(source).size > 0);
      });
      let bytes = 0;
      for (const name of names) {
        const stat = statSync(path.join(this.options.dataDir, name));
        // LadybugDB/ladybug#948 (0.19.1): a bad page index can leave the file sparse, hundreds of
        // GiB apparent over a few MiB allocated, and a copy then fills the disk. Refused, named.
        if (stat.size > 64 * 1024 * 1024 && stat.size > 4 * stat.blocks * 512) {
          throw new AppError(
            'internal',
            `${name} is ${stat.size} bytes long but only ${stat.blocks * 512} are allocated (a sparse file, a known engine defect): not copied; export the graph instead`,
          );
        }
        bytes += stat.size;
      }
      requireFreeSpace(targetDir, bytes + diskReserve.writeFloorBytes, 'the backup');
      for (const name of names) {
        copyFileDurably(path.join(this.options.dataDir, name), path.join(targetDir, name), 'the backup');
        files.push(name);
      }
      return { files };
    });
  }

  async close(): Promise<void> {
    const { db, readPool, writePool, analystPool } = this;
    if (!db || !readPool || !writePool || !analystPool) return;
    // After a failed checkpoint the engine aborts the process when closed (0.19.1): leave it to
    // the process's end, so that a graceful shutdown gets as far as it can first.
    if (this.commitFault) {
      this.readPool = this.writePool = this.analystPool = undefined;
      return;
    }
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
