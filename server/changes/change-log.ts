/**
 * The change log: every version of every entity edited by hand, kept outside the graph (so an
 * analyst's Cypher cannot reach it and a delete can be a tombstone). One append-only JSONL file per
 * entity under `<dir>/node/` and `<dir>/relationship/`, named by a hash of the id (ids may hold any
 * character but whitespace, so a name made from them could climb out of the directory).
 *
 * Appends take a cross-process lock (proper-lockfile, a `log.lock` directory in `dir`) so that two
 * servers in front of one Neo4j, sharing this directory, never hand out one version twice; each
 * line is written whole, fsynced, and a new file's directory fsynced, before `append` resolves.
 * A line torn by a crash (no newline at the end) is skipped by readers and fenced off by the next
 * append, which starts a new line first.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors.ts';
import { syncDir, writeError } from '../files/durable-write.ts';
import { RevisionSchema, type Revision } from '../model/changes.ts';

export type RevisionInput = Omit<Revision, 'version' | 'at'>;
export type Entity = Revision['entity'];

export interface Fate {
  state: 'deleted' | 'merged';
  /** the revision that ended it (the delete, or the first merge) */
  revision: Revision;
  /** for a merge: the last survivor, following survivors merged again */
  mergedInto?: string;
}

export interface AppendOptions {
  /**
   * Before the first revision of an entity that has none (and is not a `create`), write a
   * `baseline` revision (author `import`) with the state it had before: what seed or import loaded.
   */
  baselines?: boolean;
  /**
   * The version each entity must be at (0: no history yet), checked under the lock: another edit
   * in between is 409 `conflict` with `currentVersion`, and nothing of the call is written.
   */
  expected?: { entity: Entity; id: string; version: number }[];
}

export interface ChangeLogOptions {
  /** the clock revisions are stamped with (tests inject one) */
  now?: () => Date;
}

/** Past this many merges in a chain, the chain is taken to be a loop (a damaged log). */
const MAX_MERGE_CHAIN = 100;

export class ChangeLog {
  private readonly now: () => Date;
  /** appends of this process, one after another (the lock orders them against other processes) */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    options: ChangeLogOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Assigns each revision the next version of its entity and the time, and resolves once every
   * line is on disk. Several revisions of one entity in one call get consecutive versions.
   * @example const [rev] = await log.append([{ entity: 'node', id, author, action: 'update', changes, record, tlp }])
   */
  append(inputs: RevisionInput[], options: AppendOptions = {}): Promise<Revision[]> {
    const step = this.queue.then(() => this.appendLocked(inputs, options));
    this.queue = step.catch(() => undefined);
    return step;
  }

  /** Every version, oldest first; [] for an entity never recorded. */
  async history(entity: Entity, id: string): Promise<Revision[]> {
    return this.readFile(this.fileOf(entity, id), entity, id);
  }

  async latest(entity: Entity, id: string): Promise<Revision | null> {
    return (await this.history(entity, id)).at(-1) ?? null;
  }

  /** What became of a node that is not live: deleted, or merged (into the last survivor); null otherwise. */
  async fate(nodeId: string): Promise<Fate | null> {
    const last = await this.latest('node', nodeId);
    if (!last) return null;
    if (last.action === 'delete') return { state: 'deleted', revision: last };
    if (last.action !== 'merge' || !last.mergedInto) return null;
    let survivor = last.mergedInto;
    const visited = new Set([nodeId]);
    for (let i = 0; i < MAX_MERGE_CHAIN && !visited.has(survivor); i++) {
      visited.add(survivor);
      const next = await this.latest('node', survivor);
      if (next?.action !== 'merge' || !next.mergedInto) break;
      survivor = next.mergedInto;
    }
    return { state: 'merged', revision: last, mergedInto: survivor };
  }

  private fileOf(entity: Entity, id: string): string {
    const name = createHash('sha256').update(id).digest('hex');
    return path.join(this.dir, entity, `${name}.jsonl`);
  }

  private readFile(file: string, entity: Entity, id: string): Revision[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('internal', 'cannot read the change log');
    }
    const revisions: Revision[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue; // a line torn by a crash
      }
      const parsed = RevisionSchema.safeParse(value);
      // the id check guards against a hash collision, however unlikely
      if (parsed.success && parsed.data.entity === entity && parsed.data.id === id) revisions.push(parsed.data);
    }
    return revisions;
  }

  private async appendLocked(inputs: RevisionInput[], options: AppendOptions): Promise<Revision[]> {
    if (inputs.length === 0) return [];
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw writeError(error, 'the change log');
    }
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(path.join(this.dir, 'log'), {
        realpath: false,
        stale: 10_000,
        retries: { retries: 100, minTimeout: 5, maxTimeout: 100 },
        onCompromised: (error) => console.error(`scamnet: the change log lock was lost: ${error.message}`),
      });
    } catch {
      throw new AppError('internal', 'the change log is locked by another process; try again');
    }
    try {
      for (const want of options.expected ?? []) {
        const current = this.readFile(this.fileOf(want.entity, want.id), want.entity, want.id).at(-1)?.version ?? 0;
        if (current !== want.version)
          throw new AppError(
            'conflict',
            `${want.id} was changed by someone else (it is at version ${current}, not ${want.version}); reload it and try again`,
            { id: want.id, currentVersion: current },
          );
      }
      const at = this.now().toISOString();
      const written: Revision[] = [];
      const lines = new Map<string, string[]>();
      const last = new Map<string, number>();
      for (const input of inputs) {
        const file = this.fileOf(input.entity, input.id);
        if (!last.has(file)) {
          const existing = this.readFile(file, input.entity, input.id);
          last.set(file, existing.at(-1)?.version ?? 0);
          if (existing.length === 0 && options.baselines && input.action !== 'create') {
            const baseline = baselineOf(input, at);
            lines.set(file, [JSON.stringify(baseline)]);
            last.set(file, 1);
          }
        }
        const version = (last.get(file) ?? 0) + 1;
        last.set(file, version);
        // JSON has no undefined: a property that was absent (or is removed) is written as null
        const changes = input.changes.map((c) => ({
          property: c.property,
          before: c.before ?? null,
          after: c.after ?? null,
        }));
        const revision = RevisionSchema.parse({ ...input, changes, version, at });
        written.push(revision);
        lines.set(file, [...(lines.get(file) ?? []), JSON.stringify(revision)]);
      }
      for (const [file, fileLines] of lines) appendLines(file, fileLines);
      return written;
    } finally {
      await release();
    }
  }
}

/**
 * The state an entity had before `input`, rebuilt from its record and the changes' `before`
 * values: an update or restore lists every property it changed; a delete or merge keeps the last
 * state as its record and changes nothing of it.
 */
function baselineOf(input: RevisionInput, at: string): Revision {
  const record: Record<string, unknown> = { ...input.record };
  if (input.action === 'update' || input.action === 'restore' || input.action === 'unmerge')
    for (const change of input.changes) {
      if (change.before === undefined) delete record[change.property];
      else record[change.property] = change.before;
    }
  const tlp = RevisionSchema.shape.tlp.safeParse(record.tlp);
  return {
    entity: input.entity,
    id: input.id,
    version: 1,
    at,
    author: 'import',
    action: 'baseline',
    changes: [],
    record,
    tlp: tlp.success ? tlp.data : input.tlp,
  };
}

/** Appends whole lines to `file`, fsynced; starts on a new line when a crash left the last one torn. */
function appendLines(file: string, lines: string[]): void {
  const what = 'the change log';
  let fd: number | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(file, 'a+');
    const size = fstatSync(fd).size;
    let torn = false;
    if (size > 0) {
      const lastByte = Buffer.alloc(1);
      readSync(fd, lastByte, 0, 1, size - 1);
      torn = lastByte[0] !== 0x0a;
    }
    const data = Buffer.from(`${torn ? '\n' : ''}${lines.join('\n')}\n`);
    let offset = 0;
    while (offset < data.length) {
      const n = writeSync(fd, data, offset, data.length - offset);
      if (n <= 0) throw Object.assign(new Error('no progress writing'), { code: 'ENOSPC' });
      offset += n;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (size === 0) syncDir(path.dirname(file));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw writeError(error, what);
  }
}
