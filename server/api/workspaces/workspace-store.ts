/**
 * Investigations saved by name: one JSON file per workspace in DATA_DIR/workspaces, written whole
 * through writeFileDurably (checked, fsynced, renamed into place) so a crash or a full disk never
 * leaves half a file: a save that cannot be written is 507 and the previous version stays. The server keeps what the client
 * sends (graph with positions, filters, view, camera) without interpreting it beyond its shape
 * (the filters and view typed in model/workspace.ts), so a workspace reopens exactly as it was left.
 *
 * Listing reads a small index beside the workspaces (`_index.json`: name, title, savedAt, counts,
 * and each file's size and mtime), not every file: parsing them all took 0.6 s a call at 117 MB
 * and held the event loop meanwhile. The index is checked against the directory once per process
 * (files added, removed or changed behind its back are read again) and rebuilt when it is missing
 * or damaged. Every file access is asynchronous, and the writes of one store are serialised, so
 * the index always matches what this process wrote. WORKSPACE_MAX_BYTES and WORKSPACE_MAX_COUNT
 * bound what the directory can grow to.
 */
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { removeStrayTemps, writeFileDurably } from '../../files/durable-write.ts';
import { WorkspaceFilters, WorkspaceView } from '../../model/workspace.ts';
import { SubgraphShape } from '../schemas.ts';

export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const WorkspaceName = z.string().regex(WORKSPACE_NAME, 'lower-case letters, digits and -, up to 64 characters');
/** Not a possible workspace name (names have no `_`), so it never collides with one. */
export const INDEX_FILE = '_index.json';

export const WorkspaceInput = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]*$/, 'one line'),
    graph: z.object(SubgraphShape).describe('the canvas: nodes with x, y (and pinned, hidden) and edges'),
    view: WorkspaceView.default('network'),
    filters: WorkspaceFilters.default({}),
    camera: z
      .object({ x: z.number(), y: z.number(), ratio: z.number().positive(), angle: z.number().default(0) })
      .optional(),
    /** the graph extent the camera is relative to (sigma's custom bounding box) */
    bbox: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }).optional(),
    selected: z.string().max(300).nullable().default(null),
  })
  .meta({ id: 'WorkspaceInput' });
export type WorkspaceInput = z.infer<typeof WorkspaceInput>;

export const Workspace = WorkspaceInput.extend({ name: WorkspaceName, savedAt: z.string() }).meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceSummary = z
  .object({
    name: z.string(),
    title: z.string(),
    savedAt: z.string(),
    nodes: z.number().int(),
    edges: z.number().int(),
  })
  .meta({ id: 'WorkspaceSummary' });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

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

const DEFAULT_LIMITS: WorkspaceLimits = { maxBytes: 20_000_000, maxCount: 1_000 };

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

export class WorkspaceStore {
  private readonly dir: string;
  private readonly limits: WorkspaceLimits;
  /** the index, loaded (and checked against the directory) on first use */
  private index: Promise<Map<string, IndexEntry>> | undefined;
  /** writes run one at a time, so the index is written in the order the files were */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, limits: Partial<WorkspaceLimits> = {}) {
    this.dir = path.join(dataDir, 'workspaces');
    removeStrayTemps(this.dir);
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  private file(name: string): string {
    if (!WORKSPACE_NAME.test(name)) throw new AppError('not_found', `no workspace ${name}`);
    return path.join(this.dir, `${name}.json`);
  }

  async get(name: string): Promise<Workspace> {
    const file = this.file(name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) throw new AppError('not_found', `no workspace ${name}`, { name });
      throw error;
    }
    let parsed;
    try {
      parsed = Workspace.safeParse(JSON.parse(text));
    } catch {
      parsed = { success: false as const };
    }
    if (!parsed.success) throw new AppError('internal', `the workspace file ${name}.json is damaged`, { name });
    return parsed.data;
  }

  async list(): Promise<WorkspaceSummary[]> {
    const index = await this.loadIndex();
    return [...index.values()]
      .map(({ name, title, savedAt, nodes, edges }) => ({ name, title, savedAt, nodes, edges }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
  }

  save(name: string, input: WorkspaceInput): Promise<Workspace> {
    const file = this.file(name);
    return this.serialised(async () => {
      const index = await this.loadIndex();
      const workspace: Workspace = { ...input, name, savedAt: new Date().toISOString() };
      const text = JSON.stringify(workspace);
      const bytes = Buffer.byteLength(text);
      if (bytes > this.limits.maxBytes) {
        throw new AppError(
          'too_large',
          `the workspace is ${bytes} bytes, more than WORKSPACE_MAX_BYTES (${this.limits.maxBytes})`,
          { bytes, maxBytes: this.limits.maxBytes },
        );
      }
      if (!index.has(name) && index.size >= this.limits.maxCount) {
        throw new AppError(
          'workspace_limit',
          `there are already ${index.size} saved workspaces (WORKSPACE_MAX_COUNT); delete one or save over an existing one`,
          {
            count: index.size,
            maxCount: this.limits.maxCount,
          },
        );
      }
      await mkdir(this.dir, { recursive: true });
      await writeWhole(file, text);
      const { mtimeMs } = await stat(file);
      index.set(name, summaryOf(workspace, bytes, mtimeMs));
      await this.writeIndex(index);
      return workspace;
    });
  }

  delete(name: string): Promise<void> {
    const file = this.file(name);
    return this.serialised(async () => {
      const index = await this.loadIndex();
      try {
        await rm(file);
      } catch (error) {
        if (isMissing(error)) throw new AppError('not_found', `no workspace ${name}`, { name });
        throw error;
      }
      index.delete(name);
      await this.writeIndex(index);
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private loadIndex(): Promise<Map<string, IndexEntry>> {
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
  private async readIndex(): Promise<Map<string, IndexEntry>> {
    let names: string[];
    try {
      names = (await readdir(this.dir))
        .filter((f) => f.endsWith('.json') && WORKSPACE_NAME.test(f.slice(0, -5)))
        .map((f) => f.slice(0, -5));
    } catch (error) {
      if (isMissing(error)) return new Map();
      throw error;
    }
    const stored = new Map<string, IndexEntry>();
    try {
      const parsed = IndexFile.safeParse(JSON.parse(await readFile(path.join(this.dir, INDEX_FILE), 'utf8')));
      if (parsed.success) for (const entry of parsed.data.workspaces) stored.set(entry.name, entry);
    } catch {
      /* missing or not JSON: rebuilt below */
    }
    const index = new Map<string, IndexEntry>();
    let changed = stored.size !== names.length;
    for (const name of names) {
      const file = path.join(this.dir, `${name}.json`);
      const { size, mtimeMs } = await stat(file);
      const entry = stored.get(name);
      // within a millisecond: copies and restores (utimes) keep no finer mtime
      if (entry && entry.bytes === size && Math.abs(entry.mtimeMs - mtimeMs) < 1) {
        index.set(name, entry);
        continue;
      }
      changed = true;
      try {
        index.set(name, summaryOf(await this.get(name), size, mtimeMs));
      } catch {
        /* a damaged workspace file is left out of the list, as before; GET names it */
      }
    }
    if (changed) await this.writeIndex(index);
    return index;
  }

  /** The one place the index is written (whole, then renamed into place). */
  private async writeIndex(index: Map<string, IndexEntry>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeWhole(
      path.join(this.dir, INDEX_FILE),
      JSON.stringify({ version: 1, workspaces: [...index.values()] }),
      'the workspace index',
    );
  }
}

function summaryOf(w: Workspace, bytes: number, mtimeMs: number): IndexEntry {
  return {
    name: w.name,
    title: w.title,
    savedAt: w.savedAt,
    nodes: w.graph.nodes.length,
    edges: w.graph.edges.length,
    bytes,
    mtimeMs,
  };
}

/** Writes a file whole under a temporary name and renames it into place. */
/** Checked, fsynced and renamed into place (files/durable-write.ts): a full disk is 507 and the old file stays. */
async function writeWhole(file: string, text: string, what = 'the workspace'): Promise<void> {
  writeFileDurably(file, text, what);
}
