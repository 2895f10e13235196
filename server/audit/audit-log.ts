/**
 * The audit trail's writer: `AuditTrail`, an append-only, hash-chained JSONL file per server
 * (layout in chain.ts), and `MemoryAudit`, the same interface in memory for tests that do not look
 * at files.
 *
 * Writing: `record()` stamps the time and queues the event; one writer drains the queue in order,
 * a batch at a time (group commit): the batch's lines go in one write() on a file opened O_APPEND,
 * then fdatasync, then head.json. Events recorded while a sync runs form the next batch, so order
 * holds and a burst costs one sync per batch, not per event. `flushed()` resolves once everything
 * recorded before it is on disk; the API awaits it before it answers (server/api/route.ts).
 *
 * Faults never reach the request: a failed write is logged at error level, the partial bytes are
 * cut off again, the events stay queued (up to MAX_QUEUE; then the oldest are dropped and counted
 * in an `audit.lost` event) and the write is retried with a growing delay. While it fails,
 * `flushed()` does not wait.
 */
import { closeSync, constants, mkdirSync, openSync, readFileSync, fsyncSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, readFile, truncate, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AuditEvent, AuditEventInput, AuditSink } from '../model/audit.ts';
import {
  GENESIS_HASH,
  HEAD_FILE,
  LOCK_FILE,
  chainFiles,
  dayOf,
  fileName,
  sha256,
  type Head,
  type TrailFile,
} from './chain.ts';
import { matchesFilter, readTrail, type AuditFilter, type AuditPage } from './read-trail.ts';
import { fileLines, parseLine } from './lines.ts';

export type { AuditFilter, AuditPage };

/** What the server records through and reads back from (ApiDeps.audit). */
export interface AuditLog extends AuditSink {
  /** resolves once every event recorded so far is on disk (at once while writing fails) */
  flushed(): Promise<void>;
  read(filter: AuditFilter): Promise<AuditPage>;
}

/** Who the trail's own events (retention, recovery) are by. */
export const SYSTEM_ACTOR = { user: 'scamnet', role: null, via: null, address: null } as const;

/** More targets than this are cut, and the cut counted in `details.targetsOmitted`. */
export const MAX_TARGETS = 1_000;
const MAX_QUEUE = 100_000;
const MAX_BATCH = 1_000;
const DAY_MS = 86_400_000;
const HEAD_BYTES = 512;
const NEWLINE = Buffer.from('\n');

function stamped(input: AuditEventInput, now: Date): AuditEvent {
  const targets = input.targets.length > MAX_TARGETS ? input.targets.slice(0, MAX_TARGETS) : input.targets;
  const details =
    input.targets.length > MAX_TARGETS
      ? { ...input.details, targetsOmitted: input.targets.length - MAX_TARGETS }
      : input.details;
  return {
    time: now.toISOString(),
    user: input.user,
    role: input.role,
    via: input.via,
    address: input.address,
    action: input.action,
    targets,
    outcome: input.outcome,
    details,
  };
}

/** The trail in memory: what createApp uses when it is given none (tests). */
export class MemoryAudit implements AuditLog {
  readonly events: AuditEvent[] = [];
  constructor(private readonly now: () => Date = () => new Date()) {}
  record(event: AuditEventInput): void {
    this.events.push(stamped(event, this.now()));
  }
  async flushed(): Promise<void> {}
  async read(filter: AuditFilter): Promise<AuditPage> {
    const hits = this.events.filter((e) => matchesFilter(e, filter)).reverse();
    return { entries: hits.slice(0, filter.limit), truncated: hits.length > filter.limit };
  }
}

export interface AuditTrailOptions {
  /** AUDIT_DIR: every chain's folder is under it */
  dir: string;
  /** this server's chain (a folder name): AUDIT_CHAIN, by default `<host name>-<port>` */
  chain: string;
  /** AUDIT_ROTATE_BYTES */
  rotateBytes: number;
  /** AUDIT_RETENTION_DAYS */
  retentionDays: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
}

interface Current {
  file: TrailFile;
  handle?: FileHandle;
  size: number;
}

/** Chain folders open in this process, so two trails in one process cannot share one. */
const OPEN_CHAINS = new Set<string>();

export class AuditTrail implements AuditLog {
  readonly chainDir: string;
  private readonly now: () => Date;
  private readonly log: AuditTrailOptions['logger'];
  private queue: { ordinal: number; event: AuditEvent }[] = [];
  private ordinal = 0;
  private written = 0;
  private waiters: { ordinal: number; resolve: () => void }[] = [];
  private draining?: Promise<void>;
  private failing = false;
  private retryMs = 0;
  private retryTimer?: NodeJS.Timeout;
  private lost = 0;
  private closed = false;
  private seq = 0;
  private lastHash = GENESIS_HASH;
  private current?: Current;
  private headHandle?: FileHandle;
  private dailyTimer?: NodeJS.Timeout;
  private lastDay = '';

  private constructor(private readonly options: AuditTrailOptions) {
    this.chainDir = path.join(options.dir, options.chain);
    this.now = options.now ?? (() => new Date());
    this.log = options.logger;
  }

  /** Opens (or starts) this server's chain: takes its lock, repairs a torn last line, applies retention. */
  static async open(options: AuditTrailOptions): Promise<AuditTrail> {
    const trail = new AuditTrail(options);
    await trail.start();
    return trail;
  }

  /** The newest line: its seq and hash (what to anchor elsewhere). */
  head(): { seq: number; hash: string } {
    return { seq: this.seq, hash: this.lastHash };
  }

  record(input: AuditEventInput): void {
    if (this.closed) {
      this.log.error({ audit: input }, 'audit event after the trail was closed: not recorded');
      return;
    }
    if (this.queue.length >= MAX_QUEUE) {
      this.queue.shift();
      this.lost += 1;
    }
    this.queue.push({ ordinal: ++this.ordinal, event: stamped(input, this.now()) });
    this.kick();
  }

  flushed(): Promise<void> {
    if (this.failing || this.closed || this.written >= this.ordinal) return Promise.resolve();
    const ordinal = this.ordinal;
    return new Promise((resolve) => this.waiters.push({ ordinal, resolve }));
  }

  async read(filter: AuditFilter): Promise<AuditPage> {
    await this.flushed();
    return readTrail(this.options.dir, filter);
  }

  /** Writes what is queued, logs the head, and releases the chain. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.dailyTimer);
    clearTimeout(this.retryTimer);
    this.failing = false;
    this.retryMs = 0;
    this.kick();
    // a drain that ends with events queued starts the next one: wait for the last
    while (this.draining) await this.draining;
    this.closed = true;
    if (this.queue.length > 0)
      this.log.error(
        { chain: this.chainDir, unwritten: this.queue.length },
        'audit trail closed with events unwritten',
      );
    await this.current?.handle?.close().catch(() => {});
    await this.headHandle?.close().catch(() => {});
    this.logHead('audit trail closed');
    this.releaseLock();
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  // ---- start -------------------------------------------------------------------------------

  private async start(): Promise<void> {
    mkdirSync(this.chainDir, { recursive: true });
    this.takeLock();
    try {
      const notes = await this.resume();
      await this.checkHead(notes);
      // read-write without O_APPEND: the head is rewritten in place at offset 0
      this.headHandle = await open(path.join(this.chainDir, HEAD_FILE), constants.O_RDWR | constants.O_CREAT, 0o644);
      for (const details of notes)
        this.record({ ...SYSTEM_ACTOR, action: 'audit.recovered', targets: [], outcome: 'ok', details });
      this.lastDay = dayOf(this.now());
      await this.applyRetention();
      this.logHead('audit trail open');
      // retention and the head in the log once a day, also when no event comes to rotate the file
      this.dailyTimer = setInterval(() => void this.daily(), 3_600_000);
      this.dailyTimer.unref();
    } catch (error) {
      this.releaseLock();
      throw error;
    }
  }

  private takeLock(): void {
    const lock = path.join(this.chainDir, LOCK_FILE);
    const mine = JSON.stringify({ pid: process.pid, host: hostname() });
    if (OPEN_CHAINS.has(this.chainDir))
      throw new AppError('conflict', `the audit chain ${this.options.chain} is already open in this process`);
    try {
      writeFileSync(lock, mine, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let other: { pid?: number; host?: string } = {};
      try {
        other = JSON.parse(readFileSync(lock, 'utf8')) as typeof other;
      } catch {
        // an unreadable lock is a stale one
      }
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch (e) {
          return (e as NodeJS.ErrnoException).code === 'EPERM';
        }
      };
      if (other.host && other.host !== hostname())
        throw new AppError(
          'conflict',
          `the audit chain ${this.options.chain} is written by host ${other.host}: give each server its own AUDIT_CHAIN (or remove ${LOCK_FILE} if that server is gone)`,
        );
      if (typeof other.pid === 'number' && other.pid !== process.pid && alive(other.pid))
        throw new AppError(
          'conflict',
          `the audit chain ${this.options.chain} is written by process ${other.pid}: give each server its own AUDIT_CHAIN`,
        );
      writeFileSync(lock, mine);
    }
    OPEN_CHAINS.add(this.chainDir);
  }

  private releaseLock(): void {
    OPEN_CHAINS.delete(this.chainDir);
    try {
      unlinkSync(path.join(this.chainDir, LOCK_FILE));
    } catch {
      // already gone
    }
  }

  /**
   * Finds where the chain ends. A last line cut short (the process or machine stopped mid-write:
   * that line's request never got its answer) is moved to `<file>.torn-<time>` and cut off, so the
   * chain goes on from the last whole line; an empty file left by a failed start is removed.
   */
  private async resume(): Promise<Record<string, unknown>[]> {
    const notes: Record<string, unknown>[] = [];
    const files = chainFiles(this.chainDir);
    while (files.length > 0) {
      const file = files[files.length - 1] as TrailFile;
      let bytes = await readFile(file.path);
      if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
        const cut = bytes.lastIndexOf(0x0a) + 1;
        const aside = `${file.path}.torn-${this.now().toISOString().replace(/[:.]/g, '-')}`;
        await writeFile(aside, bytes.subarray(cut));
        await truncate(file.path, cut);
        this.log.error(
          { file: file.name, bytes: bytes.length - cut, keptAs: path.basename(aside) },
          'audit trail: the last line was cut short (an interrupted write); moved aside, the chain goes on from the line before',
        );
        notes.push({
          reason: 'torn last line',
          file: file.name,
          bytes: bytes.length - cut,
          keptAs: path.basename(aside),
        });
        bytes = bytes.subarray(0, cut);
      }
      if (bytes.length === 0) {
        await unlink(file.path);
        files.pop();
        continue;
      }
      const end = bytes.length - 1;
      const start = bytes.lastIndexOf(0x0a, end - 1) + 1;
      const last = bytes.subarray(start, end);
      const record = parseLine(last);
      let seq: number;
      if (record) seq = record.seq as number;
      else {
        // the last line is not a trail line (edited?): count lines so the chain's seq runs on
        let count = 0;
        for (const byte of bytes) if (byte === 0x0a) count += 1;
        seq = file.firstSeq + count - 1;
        this.log.error({ file: file.name }, 'audit trail: the last line is unreadable; the chain goes on after it');
        notes.push({ reason: 'unreadable last line', file: file.name, seq });
      }
      this.seq = seq;
      this.lastHash = sha256(last);
      this.current = { file, size: bytes.length };
      return notes;
    }
    return notes;
  }

  /** A head ahead of the files means lines were removed from the end while the server was down. */
  private async checkHead(notes: Record<string, unknown>[]): Promise<void> {
    const head = readHead(this.chainDir);
    if (!head) return;
    if (head.seq > this.seq || (head.seq === this.seq && head.hash !== this.lastHash)) {
      this.log.error(
        { head, chainEndsAt: { seq: this.seq, hash: this.lastHash } },
        'audit trail: the files end before the head recorded: lines were removed or changed at the end',
      );
      notes.push({
        reason: 'the files end before head.json',
        head,
        chainEndsAt: { seq: this.seq, hash: this.lastHash },
      });
    }
  }

  // ---- writing -----------------------------------------------------------------------------

  private kick(): void {
    if (this.draining || this.failing || this.queue.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (!this.failing && this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.failing) {
      if (this.lost > 0) {
        const lost = this.lost;
        this.lost = 0;
        this.queue.unshift({
          ordinal: this.queue[0]?.ordinal ?? this.ordinal,
          event: stamped(
            { ...SYSTEM_ACTOR, action: 'audit.lost', targets: [], outcome: 'error', details: { events: lost } },
            this.now(),
          ),
        });
      }
      const batch = this.queue.slice(0, MAX_BATCH);
      const done = await this.writeBatch(batch.map((b) => b.event)).catch((error: unknown) => {
        this.fault(error);
        return (error as { committed?: number }).committed ?? 0;
      });
      const committed = this.queue.splice(0, done);
      const last = committed[committed.length - 1];
      if (last) this.settle(last.ordinal);
    }
  }

  private settle(ordinal: number): void {
    this.written = Math.max(this.written, ordinal);
    this.waiters = this.waiters.filter((w) => {
      if (w.ordinal > this.written) return true;
      w.resolve();
      return false;
    });
  }

  private fault(error: unknown): void {
    this.failing = true;
    this.retryMs = Math.min(this.retryMs ? this.retryMs * 2 : 1_000, 30_000);
    this.log.error(
      { err: error, chain: this.chainDir, queued: this.queue.length, retryInMs: this.retryMs },
      'AUDIT TRAIL WRITE FAILED: events are held in memory and retried; they are not on disk',
    );
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    this.retryTimer = setTimeout(() => {
      this.failing = false;
      this.kick();
    }, this.retryMs);
    this.retryTimer.unref();
  }

  /** Writes the events in order; returns how many are on disk, or throws with `committed` set. */
  private async writeBatch(events: AuditEvent[]): Promise<number> {
    let committed = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = this.seq;
    let hash = this.lastHash;
    let rotatedDay = false;
    const flush = async () => {
      if (pending.length === 0) return;
      const current = this.current as Current;
      await this.append(current, Buffer.concat(pending));
      current.size += pendingBytes;
      committed += pending.length / 2;
      this.seq = seq;
      this.lastHash = hash;
      pending = [];
      pendingBytes = 0;
      await this.writeHead();
    };
    try {
      for (const event of events) {
        const line = this.lineOf(seq + 1, hash, event);
        const day = dayOf(event.time);
        const current = this.current;
        const size = (current?.size ?? 0) + pendingBytes;
        if (!current || current.file.day !== day || (size > 0 && size + line.length + 1 > this.options.rotateBytes)) {
          await flush();
          rotatedDay ||= current !== undefined && current.file.day !== day;
          await this.rotate(seq + 1, day);
        }
        pending.push(line, NEWLINE);
        pendingBytes += line.length + 1;
        seq += 1;
        hash = sha256(line);
      }
      await flush();
    } catch (error) {
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { committed });
    }
    if (this.failing === false && this.retryMs) this.recovered();
    if (rotatedDay) void this.daily();
    return committed;
  }

  private recovered(): void {
    this.retryMs = 0;
    this.log.warn({ chain: this.chainDir }, 'audit trail writes again');
  }

  private lineOf(seq: number, prev: string, event: AuditEvent): Buffer {
    try {
      return Buffer.from(JSON.stringify({ seq, prev, ...event }), 'utf8');
    } catch (error) {
      // details that JSON cannot hold (a BigInt, a cycle): keep the event, say why its details are gone
      const details = { unrecordable: error instanceof Error ? error.message : String(error) };
      return Buffer.from(JSON.stringify({ seq, prev, ...event, details }), 'utf8');
    }
  }

  /** One write on an O_APPEND descriptor, then fdatasync; on failure the partial bytes are cut off. */
  private async append(current: Current, bytes: Buffer): Promise<void> {
    current.handle ??= await open(current.file.path, 'a');
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await current.handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
      await current.handle.datasync();
    } catch (error) {
      await current.handle.truncate(current.size).catch(() => {});
      throw error;
    }
  }

  /** Starts the next file: its name carries the seq of its first line and its UTC day. */
  private async rotate(firstSeq: number, day: string): Promise<void> {
    const previous = this.current;
    if (previous && previous.size === 0 && previous.file.day === day) return;
    await previous?.handle?.close().catch(() => {});
    if (previous && previous.size === 0) await unlink(previous.file.path).catch(() => {});
    const name = fileName(firstSeq, day);
    const file: TrailFile = { name, path: path.join(this.chainDir, name), firstSeq, day };
    const handle = await open(file.path, 'a');
    this.current = { file, handle, size: 0 };
    // the new name itself must survive a crash, or the chain would skip a file
    const dir = openSync(this.chainDir, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }

  /**
   * head.json: the newest line's seq and hash, rewritten in place (one fixed-size write, no sync:
   * it may lag the files after a crash, never lead them). It lets the verifier see a cut-off tail.
   */
  private async writeHead(): Promise<void> {
    if (!this.headHandle || !this.current) return;
    const head: Head = {
      seq: this.seq,
      hash: this.lastHash,
      file: this.current.file.name,
      time: this.now().toISOString(),
    };
    const text = JSON.stringify(head);
    const bytes = Buffer.alloc(HEAD_BYTES, ' ');
    bytes.write(text, 0, 'utf8');
    bytes[HEAD_BYTES - 1] = 0x0a;
    try {
      await this.headHandle.write(bytes, 0, HEAD_BYTES, 0);
    } catch (error) {
      this.log.error({ err: error, chain: this.chainDir }, 'audit trail: head.json could not be written');
    }
  }

  // ---- retention ---------------------------------------------------------------------------

  private async daily(): Promise<void> {
    const today = dayOf(this.now());
    if (today === this.lastDay) return;
    this.lastDay = today;
    this.logHead('audit trail head');
    await this.applyRetention().catch((error: unknown) =>
      this.log.error({ err: error, chain: this.chainDir }, 'audit trail: retention failed'),
    );
  }

  /**
   * Removes the files wholly older than AUDIT_RETENTION_DAYS (a file holds one UTC day), oldest
   * first, never the newest, and records which, with where the kept chain now starts, so the
   * verifier can tell a removal by retention from a deletion.
   */
  async applyRetention(): Promise<string[]> {
    const files = chainFiles(this.chainDir);
    const cutoff = this.now().getTime() - this.options.retentionDays * DAY_MS;
    const removable: TrailFile[] = [];
    for (const file of files.slice(0, -1)) {
      if (Date.parse(`${file.day}T00:00:00Z`) + DAY_MS > cutoff) break;
      removable.push(file);
    }
    const kept = files[removable.length];
    if (removable.length === 0 || !kept) return [];
    const keptFrom = await firstLine(kept);
    for (const file of removable) await unlink(file.path);
    const removed = removable.map((f) => f.name);
    this.log.info({ chain: this.chainDir, removed, keptFrom }, 'audit trail: retention removed old files');
    this.record({
      ...SYSTEM_ACTOR,
      action: 'audit.retention',
      targets: [],
      outcome: 'ok',
      details: { removed, retentionDays: this.options.retentionDays, keptFrom },
    });
    return removed;
  }

  private logHead(message: string): void {
    this.log.info({ auditChain: this.options.chain, auditHead: this.head() }, message);
  }
}

/** The first line's chain fields: where a chain kept after retention starts. */
async function firstLine(file: TrailFile): Promise<{ file: string; seq: number; prev: string } | null> {
  for await (const line of fileLines(file.path)) {
    const record = parseLine(line.bytes);
    return record ? { file: file.name, seq: record.seq as number, prev: record.prev as string } : null;
  }
  return null;
}

export function readHead(chainDir: string): Head | undefined {
  try {
    const head = JSON.parse(readFileSync(path.join(chainDir, HEAD_FILE), 'utf8').trim()) as Partial<Head>;
    if (typeof head.seq === 'number' && typeof head.hash === 'string') return head as Head;
  } catch {
    // no head (a chain from before head.json, or never written)
  }
  return undefined;
}
