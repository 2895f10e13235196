/**
 * Investigations saved by name: one JSON file per workspace in DATA_DIR/workspaces, written whole
 * through writeFileDurably (checked, fsynced, renamed into place) so a crash or a full disk never
 * leaves half a file: a save that cannot be written is 507 and the previous version stays. The server keeps what the client
 * sends (graph with positions, filters, view, camera) without interpreting it beyond its shape
 * (the filters and view typed in model/workspace.ts), so a workspace reopens exactly as it was left.
 *
 * The files themselves are kept by a JsonRepository (files/json-repository.ts): validated on
 * read, written whole, damaged files reported rather than dropped.
 *
 * Listing reads a small index beside the workspaces (`_index.json`: name, title, savedAt, counts,
 * and each file's size and mtime), not every file: parsing them all took 0.6 s a call at 117 MB
 * and held the event loop meanwhile. The index is checked against the directory once per process
 * (files added, removed or changed behind its back are read again) and rebuilt when it is missing
 * or damaged. Reads are asynchronous (the durable write itself is synchronous, fsync then rename),
 * and the writes of one store are serialised, so
 * the index always matches what this process wrote. WORKSPACE_MAX_BYTES and WORKSPACE_MAX_COUNT
 * bound what the directory can grow to.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { writeFileDurably } from '../files/durable-write.ts';
import { JsonRepository, type DamagedFile, type FileStamp } from '../files/json-repository.ts';
import { UNKNOWN_OWNER, WORKSPACE_NAME, Workspace, WorkspaceSummary, type WorkspaceInput } from '../model/workspace.ts';

// the workspace's shapes are wire shapes the client reads too: they live in the model
export { WORKSPACE_NAME, Workspace, WorkspaceInput, WorkspaceName, WorkspaceSummary } from '../model/workspace.ts';

/** Not a possible workspace name (names have no `_`), so it never collides with one. */
export const INDEX_FILE = '_index.json';

/** One index entry: the summary, and the file's size and mtime to notice changes made behind the index's back. */
const IndexEntry = WorkspaceSummary.extend({ bytes: z.number().int(), mtimeMs: z.number() });
type IndexEntry = z.infer<typeof IndexEntry>;
const IndexFile = z.object({ version: z.literal(1), workspaces: z.array(IndexEntry) });

export interface WorkspaceLimits {
  /** WORKSPACE_MAX_BYTES: the largest workspace file */
  maxBytes: number;
  /** WORKSPACE_MAX_COUNT: the most workspaces */
  maxCount: number;
}

export interface WorkspaceStoreOptions extends Partial<WorkspaceLimits> {
  /** the clock for savedAt (tests fix it) */
  now?: () => Date;
}

const DEFAULT_LIMITS: WorkspaceLimits = { maxBytes: 20_000_000, maxCount: 1_000 };

/** The index as loaded: the listed workspaces, and the files that could not be read. */
interface LoadedIndex {
  entries: Map<string, IndexEntry>;
  damaged: DamagedFile[];
}

export class WorkspaceStore {
  private readonly files: JsonRepository<Workspace>;
  private readonly limits: WorkspaceLimits;
  /** the index, loaded (and checked against the directory) on first use */
  private index: Promise<LoadedIndex> | undefined;
  /** writes run one at a time, so the index is written in the order the files were */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: WorkspaceStoreOptions = {}) {
    const { now, ...limits } = options;
    this.files = new JsonRepository({
      dir: path.join(dataDir, 'workspaces'),
      schema: Workspace,
      what: 'the workspace',
      names: WORKSPACE_NAME,
      now,
    });
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  private checkName(name: string): void {
    if (!WORKSPACE_NAME.test(name)) throw new AppError('not_found', `no workspace ${name}`);
  }

  async get(name: string): Promise<Workspace> {
    this.checkName(name);
    const workspace = await this.files.get(name);
    if (!workspace) throw new AppError('not_found', `no workspace ${name}`, { name });
    return workspace;
  }

  async list(): Promise<WorkspaceSummary[]> {
    return (await this.listWithDamage()).workspaces;
  }

  /**
   * The list, newest first, and the workspace files that are damaged (not JSON, or not a
   * workspace): those cannot be listed, but are named rather than passed over in silence.
   */
  async listWithDamage(): Promise<{ workspaces: WorkspaceSummary[]; damaged: DamagedFile[] }> {
    const { entries, damaged } = await this.loadIndex();
    const workspaces = [...entries.values()]
      .map(({ name, title, savedAt, nodes, edges, owner, shared }) => ({
        name,
        title,
        savedAt,
        nodes,
        edges,
        owner,
        shared,
      }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
    return { workspaces, damaged };
  }

  /** Saves `input`; a replaced workspace keeps its owner, a new one is `owner`'s (who may replace is access.ts's). */
  save(name: string, input: WorkspaceInput, owner: string = UNKNOWN_OWNER): Promise<Workspace> {
    this.checkName(name);
    return this.serialised(async () => {
      const { entries } = await this.loadIndex();
      const keptOwner = entries.get(name)?.owner ?? owner;
      const workspace: Workspace = {
        ...input,
        shared: input.shared ?? false,
        name,
        savedAt: this.files.stamp(),
        owner: keptOwner,
      };
      // the size is checked before the count, as it always was: a too-large save is 413 either way
      const stamp = await this.files.put(name, workspace, (bytes) => {
        if (bytes > this.limits.maxBytes) {
          throw new AppError(
            'too_large',
            `the workspace is ${bytes} bytes, more than WORKSPACE_MAX_BYTES (${this.limits.maxBytes})`,
            { bytes, maxBytes: this.limits.maxBytes },
          );
        }
        if (!entries.has(name) && entries.size >= this.limits.maxCount) {
          throw new AppError(
            'workspace_limit',
            `there are already ${entries.size} saved workspaces (WORKSPACE_MAX_COUNT); delete one or save over an existing one`,
            { count: entries.size, maxCount: this.limits.maxCount },
          );
        }
      });
      entries.set(name, summaryOf(workspace, stamp));
      await this.writeIndex(entries);
      return workspace;
    });
  }

  delete(name: string): Promise<void> {
    this.checkName(name);
    return this.serialised(async () => {
      const { entries } = await this.loadIndex();
      if (!(await this.files.delete(name))) throw new AppError('not_found', `no workspace ${name}`, { name });
      entries.delete(name);
      await this.writeIndex(entries);
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private loadIndex(): Promise<LoadedIndex> {
    this.index ??= this.readIndex().catch((error) => {
      this.index = undefined; // try again on the next call
      throw error;
    });
    return this.index;
  }

  /**
   * The stored index, checked against the directory: entries whose file is gone are dropped,
   * files that are new or whose size or mtime differ are read again. A missing or damaged index
   * is rebuilt from the files; when anything changed, the index is written back.
   */
  private async readIndex(): Promise<LoadedIndex> {
    const stored = new Map<string, IndexEntry>();
    try {
      const parsed = IndexFile.safeParse(JSON.parse(await readFile(this.indexFile(), 'utf8')));
      if (parsed.success) for (const entry of parsed.data.workspaces) stored.set(entry.name, entry);
    } catch {
      /* missing or not JSON: rebuilt below */
    }
    let reused = 0;
    const listing = await this.files.list(
      (workspace, _name, stamp) => summaryOf(workspace, stamp),
      (name, stamp) => {
        const entry = stored.get(name);
        // within a millisecond: copies and restores (utimes) keep no finer mtime
        if (!entry || entry.bytes !== stamp.bytes || Math.abs(entry.mtimeMs - stamp.mtimeMs) >= 1) return undefined;
        reused += 1;
        return entry;
      },
    );
    const entries = new Map<string, IndexEntry>();
    for (const { name, summary } of listing.items) {
      entries.set(name, summary);
    }
    // a damaged file is left out of the index (GET names it) and out of the list, but reported
    if (reused !== stored.size || reused !== entries.size) await this.writeIndex(entries);
    return { entries, damaged: listing.damaged };
  }

  private indexFile(): string {
    return path.join(this.files.dir, INDEX_FILE);
  }

  /** The one place the index is written: whole, fsynced, renamed into place (a full disk is 507). */
  private async writeIndex(index: Map<string, IndexEntry>): Promise<void> {
    writeFileDurably(
      this.indexFile(),
      JSON.stringify({ version: 1, workspaces: [...index.values()] }),
      'the workspace index',
    );
  }
}

function summaryOf(w: Workspace, { bytes, mtimeMs }: FileStamp): IndexEntry {
  return {
    name: w.name,
    title: w.title,
    savedAt: w.savedAt,
    nodes: w.graph.nodes.length,
    edges: w.graph.edges.length,
    owner: w.owner,
    shared: w.shared,
    bytes,
    mtimeMs,
  };
}
