/**
 * The embedded store as the server uses it: the engine runs in a child process of its own
 * (store-process.ts), so that when it dies — it is native code, and aborts on inputs nobody has
 * found yet — the HTTP server keeps answering. Meanwhile:
 * - requests in flight get 503 store_restarting (with Retry-After); requests that arrive while it
 *   restarts wait for it (up to 15 s) and are answered then; writes in flight are rolled back by
 *   the engine's own recovery on reopen;
 * - the analyst statements in flight are fingerprinted (unsafe-statements.ts) and refused at once
 *   afterwards, across restarts, with 403 unsafe_query;
 * - the engine is started again with a back-off that never gives up (0.25 s doubling to 10 s,
 *   back to 0.25 s once it has run for a minute).
 * A watchdog also kills the engine's process when its resident memory passes STORE_MAX_MEMORY_MB
 * (the buffer pool is sized below that, so most statements meet too_large first; the watchdog
 * catches what the engine allocates outside it, e.g. `range(1, 1000000000)`), and the statement
 * that pushed it there is answered 413 too_large.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, type ErrorCode } from '../../errors.ts';
import { ladybugDialect } from '../dialect.ts';
import { DEADLINE_GRACE_MS } from '../embedded/embedded-store.ts';
import {
  resolveLimits,
  type GraphStore,
  type JsonValue,
  type Params,
  type QueryOptions,
  type QueryResult,
  type StoreLimits,
  type StoreBackup,
  type StoreState,
  type TransactionRunner,
} from '../types.ts';
import {
  CHILD_OPTIONS_ENV,
  type ChildOptions,
  type RequestMessage,
  type ResponseMessage,
  type StoreRequest,
} from './protocol.ts';
import { UnsafeStatements, type UnsafeReason } from './unsafe-statements.ts';

export interface IsolatedStoreOptions {
  dataDir: string;
  limits: StoreLimits;
  /** STORE_MAX_MEMORY_MB: the engine's process is stopped past this resident size */
  maxMemoryMb: number;
  /** see EmbeddedStoreOptions.engineBugChecks: only tests turn it off */
  engineBugChecks?: boolean;
  /** where restarts and crashes are reported */
  log?: (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;
  /** first restart delay (doubles up to maxBackoffMs) */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const CHILD_ENTRY = fileURLToPath(new URL('./store-process.ts', import.meta.url));
// The child runs TypeScript through tsx's loader, found from this package (not the caller's cwd).
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The part of STORE_MAX_MEMORY_MB given to the buffer pool; the rest is for what the engine allocates outside it. */
const BUFFER_POOL_SHARE = 0.5;
const WATCH_INTERVAL_MS = 200;
const STABLE_AFTER_MS = 60_000;
const LOCK_WAIT_MS = 5000;
/** Longest a request waits for a restarting engine before it is answered store_restarting. */
const READY_WAIT_MS = 15_000;
/** How long the parent waits for a read beyond the child's own deadline before giving up on it. */
const PARENT_GRACE_MS = 2000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** the analyst statement this request runs, fingerprinted if the engine dies meanwhile */
  analystQuery?: string;
  timer?: NodeJS.Timeout;
}

function restarting(retryAfterSeconds: number): AppError {
  return new AppError('store_restarting', 'the graph engine is restarting; try again in a moment', {
    retryAfterSeconds,
  });
}

function residentBytes(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

export class IsolatedStore implements GraphStore {
  readonly backend = 'embedded' as const;
  readonly dialect = ladybugDialect;
  private child: ChildProcess | undefined;
  /** bumped at every start, so a transaction of a dead engine cannot reach the next one */
  private generation = 0;
  private state: StoreState = 'closed';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly unsafe: UnsafeStatements;
  private backoff: number;
  private readyAt = 0;
  private memoryKill = false;
  private closing = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  /** requests waiting for a restarting engine to be back */
  private readonly waiters: Array<() => void> = [];
  /** how many times the engine died since the store opened (for /api/health and the tests) */
  crashes = 0;

  constructor(private readonly options: IsolatedStoreOptions) {
    this.unsafe = new UnsafeStatements(options.dataDir);
    this.backoff = options.backoffMs ?? 250;
  }

  get stagingDir(): string {
    return path.join(this.options.dataDir, 'staging');
  }

  /** ready, restarting (the engine died and is starting again) or closed */
  status(): StoreState {
    return this.state;
  }

  /** analysts' statements the engine is running now */
  get analystInFlight(): number {
    return [...this.pending.values()].filter((p) => p.analystQuery).length;
  }

  /** the engine process's id (tests kill it to prove the isolation) */
  get enginePid(): number | undefined {
    return this.child?.pid;
  }

  async init(): Promise<void> {
    if (this.state === 'ready') return;
    this.closing = false;
    // The engine of a server that just died may hold the file for a moment more while its process
    // ends; another running server holds it for good, and is reported once this wait is over.
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        return await this.start();
      } catch (error) {
        const locked = error instanceof AppError && error.code === 'store_locked';
        if (!locked || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  private spawnChild(): ChildProcess {
    const childOptions: ChildOptions = {
      dataDir: this.options.dataDir,
      limits: this.options.limits,
      bufferPoolBytes: Math.floor(this.options.maxMemoryMb * BUFFER_POOL_SHARE) * 1024 * 1024,
      engineBugChecks: this.options.engineBugChecks ?? true,
    };
    return fork(CHILD_ENTRY, [], {
      execArgv: ['--import', TSX_LOADER],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // More libuv threads than connections: a statement the engine is slow to prepare must not
      // hold up the lookups queued behind it.
      env: { ...process.env, [CHILD_OPTIONS_ENV]: JSON.stringify(childOptions), UV_THREADPOOL_SIZE: '12' },
    });
  }

  /** Starts the engine's process and opens the store in it; rejects (and stops it) if that fails. */
  private async start(): Promise<void> {
    const child = this.spawnChild();
    const generation = ++this.generation;
    this.child = child;
    this.memoryKill = false;
    child.on('message', (message: ResponseMessage) => this.settle(message));
    child.on('exit', (code, signal) => this.exited(generation, code, signal));
    child.on('error', () => undefined); // reported by 'exit'
    this.state = 'starting';
    try {
      await this.send({ op: 'init' }, generation);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    this.state = 'ready';
    this.readyAt = Date.now();
    for (const waiter of this.waiters.splice(0)) waiter();
    this.watch(child);
  }

  private watch(child: ChildProcess): void {
    clearInterval(this.watchdog);
    const limit = this.options.maxMemoryMb * 1024 * 1024;
    this.watchdog = setInterval(() => {
      const rss = child.pid ? residentBytes(child.pid) : undefined;
      if (rss === undefined || rss <= limit || child.exitCode !== null) return;
      this.memoryKill = true;
      this.options.log?.('error', 'the graph engine passed its memory ceiling; stopping it', {
        residentMb: Math.round(rss / 1048576),
        maxMemoryMb: this.options.maxMemoryMb,
      });
      child.kill('SIGKILL');
    }, WATCH_INTERVAL_MS);
    this.watchdog.unref();
  }

  private exited(generation: number, code: number | null, signal: NodeJS.Signals | null): void {
    if (generation !== this.generation) return;
    clearInterval(this.watchdog);
    this.child = undefined;
    const reason: UnsafeReason = this.memoryKill ? 'memory' : 'crash';
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    if (this.closing) {
      this.state = 'closed';
      this.waiters.splice(0);
      for (const p of inFlight) p.reject(new AppError('store_unavailable', 'the graph store is closed'));
      return;
    }
    const wasStarting = this.state === 'starting';
    this.crashes++;
    const refused = this.unsafe.record(
      inFlight.flatMap((p) => (p.analystQuery ? [p.analystQuery] : [])),
      reason,
    );
    if (Date.now() - this.readyAt > STABLE_AFTER_MS) this.backoff = this.options.backoffMs ?? 250;
    const retryAfter = Math.max(1, Math.ceil(this.backoff / 1000));
    for (const p of inFlight) {
      clearTimeout(p.timer);
      p.reject(
        reason === 'memory' && p.analystQuery
          ? new AppError(
              'too_large',
              'the query needed more memory than the store may use (STORE_MAX_MEMORY_MB); the engine was restarted',
              {
                maxMemoryMb: this.options.maxMemoryMb,
              },
            )
          : restarting(retryAfter),
      );
    }
    this.options.log?.(
      'error',
      `the graph engine's process ${reason === 'memory' ? 'was stopped at its memory ceiling' : 'died'}; starting it again`,
      {
        code,
        signal,
        inFlight: inFlight.length,
        refusedFromNowOn: refused.length,
      },
    );
    // A start that failed is retried by the restart loop itself.
    if (!wasStarting) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    this.state = 'restarting';
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 10_000);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (this.closing) return;
      this.start().then(
        () => this.options.log?.('info', 'the graph engine is back', { crashes: this.crashes }),
        (error: unknown) => {
          this.options.log?.('error', 'the graph engine did not start; trying again', {
            message: (error as Error).message,
          });
          if (!this.closing) this.scheduleRestart();
        },
      );
    }, delay);
    this.restartTimer.unref();
  }

  private settle(message: ResponseMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return; // answered already (a deadline), or from before a restart
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new AppError(message.error.code as ErrorCode, message.error.message, message.error.details));
  }

  /** Sends one request to the engine of `generation` and waits for its answer. */
  private send(
    request: StoreRequest,
    generation = this.generation,
    extra: { analystQuery?: string; deadlineMs?: number } = {},
  ): Promise<unknown> {
    if (generation !== this.generation || !this.child) {
      return Promise.reject(
        this.state === 'closed' ? new AppError('store_unavailable', 'the graph store is not open') : restarting(1),
      );
    }
    if (this.state !== 'ready' && request.op !== 'init')
      return Promise.reject(restarting(Math.max(1, Math.ceil(this.backoff / 1000))));
    const child = this.child;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject, ...(extra.analystQuery ? { analystQuery: extra.analystQuery } : {}) };
      if (extra.deadlineMs) {
        pending.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(
            new AppError('timeout', `the query ran longer than ${this.options.limits.timeoutMs} ms and was stopped`, {
              timeoutMs: this.options.limits.timeoutMs,
            }),
          );
        }, extra.deadlineMs);
      }
      this.pending.set(id, pending);
      const message: RequestMessage = { ...request, id };
      child.send(message, (error) => {
        if (!error) return;
        this.pending.delete(id);
        clearTimeout(pending.timer);
        reject(restarting(1));
      });
    });
  }

  /**
   * Waits (up to READY_WAIT_MS) for a restarting engine to be back, so that a request that
   * arrives while it restarts is answered late rather than refused: only those in flight at the
   * moment it died are lost. /api/health asks `status()` instead, and never waits.
   */
  private async whenReady(): Promise<void> {
    if (this.state === 'ready') return;
    if (this.state === 'closed') throw new AppError('store_unavailable', 'the graph store is not open');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const at = this.waiters.indexOf(done);
        if (at !== -1) this.waiters.splice(at, 1);
        reject(restarting(Math.max(1, Math.ceil(this.backoff / 1000))));
      }, READY_WAIT_MS);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  private readDeadline(options?: QueryOptions): number {
    return resolveLimits(this.options.limits, options).timeoutMs + DEADLINE_GRACE_MS + PARENT_GRACE_MS;
  }

  async read(query: string, params: Params = {}, options?: QueryOptions): Promise<QueryResult> {
    const analyst = options?.lane === 'analyst';
    if (analyst) this.unsafe.refuse(query);
    await this.whenReady();
    return (await this.send({ op: 'read', query, params, ...(options ? { options } : {}) }, this.generation, {
      ...(analyst ? { analystQuery: query } : {}),
      deadlineMs: this.readDeadline(options),
    })) as QueryResult;
  }

  async checkReadOnly(query: string, params: Params = {}, lane: QueryOptions['lane'] = 'analyst'): Promise<void> {
    const analyst = lane === 'analyst';
    if (analyst) this.unsafe.refuse(query);
    await this.whenReady();
    await this.send({ op: 'checkReadOnly', query, params, lane }, this.generation, {
      ...(analyst ? { analystQuery: query } : {}),
      deadlineMs: this.readDeadline(),
    });
  }

  write(query: string, params: Params = {}, options?: QueryOptions): Promise<QueryResult> {
    return this.transaction((tx) => tx.run(query, params), options);
  }

  async transaction<T>(work: (tx: TransactionRunner) => Promise<T>, options?: QueryOptions): Promise<T> {
    await this.whenReady();
    const generation = this.generation;
    const tx = (await this.send({ op: 'txBegin', ...(options ? { options } : {}) }, generation)) as number;
    const runner: TransactionRunner = {
      run: async (query, params = {}) =>
        (await this.send({ op: 'txRun', tx, query, params }, generation)) as QueryResult,
      scan: async (query, params = {}) =>
        (await this.send({ op: 'txScan', tx, query, params }, generation)) as Record<string, JsonValue>[],
    };
    let value: T;
    try {
      value = await work(runner);
    } catch (error) {
      await this.send({ op: 'txEnd', tx, commit: false }, generation).catch(() => undefined);
      throw error;
    }
    await this.send({ op: 'txEnd', tx, commit: true }, generation);
    return value;
  }

  /** A consistent copy of the database (writes held, checkpointed), made by the engine's process. */
  async backup(targetDir: string): Promise<StoreBackup> {
    await this.whenReady();
    return (await this.send({ op: 'backup', targetDir })) as StoreBackup;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.watchdog);
    const child = this.child;
    if (!child || child.exitCode !== null) {
      this.state = 'closed';
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await this.send({ op: 'close' }).catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.state = 'closed';
  }
}
