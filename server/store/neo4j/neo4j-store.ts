/**
 * The production store: a Neo4j server (5.7 or later) reached over Bolt. Every call opens a
 * short session; reads run in READ-mode managed transactions (retried by the driver on transient
 * cluster errors), `transaction()` in one explicit transaction that commits or leaves nothing.
 */
import neo4j from 'neo4j-driver';
import type { BookmarkManager, Driver, Result, Session, SessionMode } from 'neo4j-driver';
import { AppError } from '../../errors.ts';
import { checkQueryShape } from '../../cypher/shape.ts';
import { neo4jDialect } from '../dialect.ts';
import { GraphCollector } from '../graph-collector.ts';
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
import { neo4jSchemaStatements } from './constraints.ts';
import { checkNeo4jPlan, checkNeo4jPreParser, type Neo4jPlanNode } from './plan-check.ts';
import { Neo4jValues, toDriverParams } from './values.ts';

export interface Neo4jStoreOptions {
  /** NEO4J_URI, e.g. neo4j://db.internal:7687 */
  uri: string;
  user: string;
  password: string;
  /** NEO4J_DATABASE; the user's home database when absent */
  database?: string;
  limits: StoreLimits;
}

/** What both the managed and the explicit transactions offer. */
interface Runner {
  run(query: string, parameters?: Record<string, unknown>): Result;
}

const STATEMENT_ERROR = /^Neo\.ClientError\.(Statement|Procedure)\./;
/** A write attempted in a READ session: the server's own refusal, the last line behind the plan check. */
const ACCESS_MODE_ERROR = 'Neo.ClientError.Statement.AccessMode';
/**
 * Administration commands Community refuses when planning (CREATE ROLE, GRANT, START DATABASE …);
 * Enterprise plans them as type 's'. Either way they are administration, not a mistake in a query.
 */
const ADMIN_ERRORS = new Set([
  'Neo.ClientError.Statement.UnsupportedAdministrationCommand',
  'Neo.ClientError.Statement.NotSystemDatabaseError',
]);
const UNIQUENESS_ERROR = 'Neo.ClientError.Schema.ConstraintValidationFailed';

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The URI without any user:password@ part, to name it in messages. */
/** The message up to its first line break: Neo4j appends the whole statement after it. */
function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return end < 0 ? message : message.slice(0, end);
}

function safeUri(uri: string): string {
  return uri.replace(/\/\/[^/@]*@/, '//');
}

/**
 * Maps a driver error to a typed one. The engine's message is kept when it names the user's
 * mistake; stacks never leave the store.
 */
export function neo4jError(error: unknown, timeoutMs: number): AppError {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  const message = errorMessage(error);
  const timedOut =
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    (code.includes('Transaction.Terminated') && /timed? ?out/i.test(message)) ||
    // the driver's own client-side timeout, waiting for a pooled connection
    /^Connection acquisition timed out/.test(message);
  if (timedOut) {
    return new AppError('timeout', `the query ran longer than ${timeoutMs} ms and was stopped`, { timeoutMs });
  }
  if (code === ACCESS_MODE_ERROR)
    return new AppError('write_not_allowed', 'the statement writes, and analyst queries may only read', {
      engine: 'neo4j',
      code,
    });
  // A duplicate id is the caller's data, not a failure of the store (the embedded store agrees).
  if (STATEMENT_ERROR.test(code) || code === UNIQUENESS_ERROR) {
    return new AppError('query_error', firstLine(message), { engine: 'neo4j', code, message });
  }
  // The server's cap on one transaction's memory (dbms.memory.transaction.*): the request is too
  // big for this server, not a fault of the store, and retrying it as it is cannot help.
  if (
    /^Neo\.TransientError\.General\.(TransactionMemoryLimit|MemoryPoolOutOfMemoryError)/.test(code) ||
    /dbms\.memory\.transaction\.\S+ threshold reached/.test(message)
  ) {
    return new AppError(
      'too_large',
      'the transaction needs more memory than the Neo4j server allows (dbms.memory.transaction.total.max): send fewer rows at once or raise the limit',
      {
        engine: 'neo4j',
        code,
        message: firstLine(message),
      },
    );
  }
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) {
    return new AppError('store_unavailable', 'the Neo4j server cannot be reached', { engine: 'neo4j', code });
  }
  return new AppError('internal', 'the graph store failed', { engine: 'neo4j', code: code || null, message });
}

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  readonly dialect = neo4jDialect;
  readonly stagingDir = null;
  private driver: Driver | undefined;
  /** shared by every session, so a read follows the writes before it even on a cluster */
  private bookmarks: BookmarkManager | undefined;

  constructor(private readonly options: Neo4jStoreOptions) {}

  /**
   * Connects, checks the server answers, and applies the constraints and indexes.
   * @example await new Neo4jStore({ uri, user, password, limits }).init()
   */
  async init(): Promise<void> {
    if (this.driver) return;
    const { uri, user, password, database } = this.options;
    let driver: Driver | undefined;
    try {
      driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { userAgent: 'scamnet' });
      await driver.verifyConnectivity(database ? { database } : {});
    } catch (error) {
      await driver?.close().catch(() => undefined);
      const where = database ? ` (NEO4J_DATABASE=${database})` : '';
      throw new AppError(
        'store_unavailable',
        `cannot reach Neo4j at NEO4J_URI=${safeUri(uri)}${where}: ${errorMessage(error).split('\n')[0]}`,
        { engine: 'neo4j', code: errorCode(error) || null },
      );
    }
    const bookmarks = neo4j.bookmarkManager();
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: bookmarks });
    try {
      // Schema statements cannot share a transaction with anything else: one auto-commit each.
      for (const statement of neo4jSchemaStatements()) await session.run(statement);
    } catch (error) {
      await session.close().catch(() => undefined);
      await driver.close().catch(() => undefined);
      throw neo4jError(error, this.options.limits.timeoutMs);
    }
    await session.close();
    this.driver = driver;
    this.bookmarks = bookmarks;
  }

  private session(mode: SessionMode): Session {
    if (!this.driver) throw new AppError('store_unavailable', 'the graph store is not open');
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode,
      bookmarkManager: this.bookmarks,
    });
  }

  private limits(options?: QueryOptions): StoreLimits {
    return resolveLimits(this.options.limits, options);
  }

  /** Runs one statement and reads at most maxRows rows; driver errors are thrown as they are. */
  private async execute(runner: Runner, query: string, params: Params, limits: StoreLimits): Promise<QueryResult> {
    const started = performance.now();
    const result = runner.run(query, toDriverParams(params) as Record<string, unknown>);
    const collector = new GraphCollector();
    const values = new Neo4jValues(collector);
    const rows: Record<string, JsonValue>[] = [];
    const budget = new RowBudget(limits);
    // Leaving the loop early tells the server to discard the rest instead of streaming it.
    for await (const record of result) {
      if (!budget.hasRoom()) break;
      const row: Record<string, JsonValue> = {};
      for (const key of record.keys) row[String(key)] = values.toJson(record.get(key));
      if (!budget.admit(row)) break;
      rows.push(row);
    }
    const columns = (await result.keys()).map(String);
    await this.fetchMissingEnds(runner, collector, values);
    return collector.result(columns, rows, budget.truncated, started);
  }

  /** Relationships returned without their end nodes still need those ends to be drawn. */
  private async fetchMissingEnds(runner: Runner, collector: GraphCollector, values: Neo4jValues): Promise<void> {
    const ids = collector.missingEndRefs();
    if (ids.length === 0) return;
    const result = await runner.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids });
    for (const record of result.records) collector.addNode(values.rawNode(record.get('n')));
  }

  /**
   * Runs one read-only statement in a READ session; writes are refused by the server.
   * @example await store.read('MATCH (c:Centre {id: $id}) RETURN c', { id: 'centre:na-2024-01' })
   */
  async read(query: string, params: Params = {}, options?: QueryOptions): Promise<QueryResult> {
    const limits = this.limits(options);
    const session = this.session(neo4j.session.READ);
    try {
      return await session.executeRead((tx) => this.execute(tx, query, params, limits), { timeout: limits.timeoutMs });
    } catch (error) {
      throw neo4jError(error, limits.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** EXPLAIN in a READ session: the summary's query type and plan decide. */
  async checkReadOnly(query: string, params: Params = {}, _lane?: QueryOptions['lane']): Promise<void> {
    checkQueryShape(query, this.options.limits.queryShape);
    checkNeo4jPreParser(query);
    const limits = this.limits();
    const session = this.session(neo4j.session.READ);
    let summary;
    try {
      summary = await session.executeRead(
        async (tx) => (await tx.run(`EXPLAIN ${query}`, toDriverParams(params) as Record<string, unknown>)).summary,
        {
          timeout: limits.timeoutMs,
        },
      );
    } catch (error) {
      if (ADMIN_ERRORS.has(errorCode(error)))
        throw new AppError('operation_not_allowed', 'administration commands are not allowed', {
          engine: 'neo4j',
          code: errorCode(error),
        });
      throw neo4jError(error, limits.timeoutMs);
    } finally {
      await session.close();
    }
    checkNeo4jPlan(summary.queryType, summary.plan as Neo4jPlanNode | false);
  }

  /**
   * Runs one statement in its own write transaction.
   * @example await store.write('MATCH (c:Centre {id: $id}) SET c.status = $status', { id, status: 'raided' })
   */
  async write(query: string, params: Params = {}, options?: QueryOptions): Promise<QueryResult> {
    const limits = this.limits(options);
    const session = this.session(neo4j.session.WRITE);
    try {
      return await session.executeWrite((tx) => this.execute(tx, query, params, limits), { timeout: limits.timeoutMs });
    } catch (error) {
      throw neo4jError(error, limits.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one explicit transaction: committed when it resolves, rolled back when it
   * throws. Not retried, since `work` may do more than run statements.
   *
   * The timeout is per statement, as on the embedded store: Bolt's transaction timeout would
   * cover the whole transaction, so an import of many quick statements would be stopped once
   * their sum passed QUERY_TIMEOUT_MS. Instead each statement has its own deadline; when one
   * passes it the session is closed, which sends RESET: the server stops the statement and rolls
   * the transaction back.
   * @example await store.transaction(async (tx) => { await tx.run(a); await tx.run(b); })
   */
  async transaction<T>(work: (tx: TransactionRunner) => Promise<T>, options?: QueryOptions): Promise<T> {
    const limits = this.limits(options);
    const session = this.session(neo4j.session.WRITE);
    let timedOut = false;
    const timeout = () =>
      new AppError('timeout', `the query ran longer than ${limits.timeoutMs} ms and was stopped`, {
        timeoutMs: limits.timeoutMs,
      });
    try {
      const tx = await session.beginTransaction().catch((error: unknown) => {
        throw neo4jError(error, limits.timeoutMs);
      });
      const statement = async (query: string, params: Params, statementLimits: StoreLimits) => {
        if (timedOut) throw timeout();
        const timer = setTimeout(() => {
          timedOut = true;
          void session.close().catch(() => undefined);
        }, limits.timeoutMs);
        try {
          return await this.execute(tx, query, params, statementLimits);
        } catch (error) {
          throw timedOut ? timeout() : neo4jError(error, limits.timeoutMs);
        } finally {
          clearTimeout(timer);
        }
      };
      let value: T;
      try {
        const run = (query: string, params: Params = {}) => statement(query, params, limits);
        const scan = async (query: string, params: Params = {}) =>
          (await statement(query, params, uncapped(limits))).rows;
        value = await work({ run, scan });
        if (timedOut) throw timeout();
      } catch (error) {
        // After a failed statement the server has already rolled back; then this has nothing to do.
        if (tx.isOpen() && !timedOut) await tx.rollback().catch(() => undefined);
        throw error;
      }
      await tx.commit().catch((error: unknown) => {
        throw neo4jError(error, limits.timeoutMs);
      });
      return value;
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = undefined;
    await driver?.close();
  }
}
