/**
 * The saved queries and workspaces of a copy: files in DATA_DIR (`queries/*.json`,
 * `workspaces/*.json`) whichever store holds the graph, so they move from the source's data dir
 * to the target's when the two differ. They are staged beside their folders first (every file
 * copied durably), swapped in by rename only once the graph has committed, and dropped when it
 * has not. The workspaces' `_index.json` is not copied: the workspace store rebuilds it.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { copyFileDurably, syncDir } from '../files/durable-write.ts';

/** The folders of DATA_DIR that hold files rather than graph, as backup.ts copies them. */
export const FILE_FOLDERS = ['queries', 'workspaces'] as const;
export type FileFolder = (typeof FILE_FOLDERS)[number];

/** The data files of one folder: names ending .json, not temp files (`.…`) nor the index (`_…`). */
export function dataFiles(dataDir: string, folder: FileFolder): string[] {
  const dir = path.join(dataDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

export type FileCounts = Record<FileFolder, number>;

export const countFiles = (dataDir: string): FileCounts =>
  Object.fromEntries(FILE_FOLDERS.map((f) => [f, dataFiles(dataDir, f).length])) as FileCounts;

/** Files staged for a target data dir, waiting for the graph's commit. */
export interface StagedFiles {
  counts: FileCounts;
  /** swaps the staged folders in; the folders they replace are removed */
  commit(): void;
  /** removes what was staged; the target's folders are as they were */
  abort(): void;
}

/**
 * Copies the source's query and workspace files into folders staged beside the target's.
 * Throws (with nothing left behind) when a file cannot be written.
 */
export function stageFiles(fromDir: string, toDir: string): StagedFiles {
  const tag = randomBytes(6).toString('hex');
  const madeDir = !existsSync(toDir);
  const staged = FILE_FOLDERS.map((folder) => ({
    folder,
    dir: path.join(toDir, `.${folder}.copy-${tag}`),
    names: dataFiles(fromDir, folder),
  }));
  const abort = () => {
    for (const s of staged) rmSync(s.dir, { recursive: true, force: true });
    // a data dir made for the staging alone goes too
    if (madeDir && existsSync(toDir) && readdirSync(toDir).length === 0)
      rmSync(toDir, { recursive: true, force: true });
  };
  try {
    for (const s of staged)
      for (const name of s.names)
        copyFileDurably(path.join(fromDir, s.folder, name), path.join(s.dir, name), `the copy of ${s.folder}`);
  } catch (error) {
    abort();
    throw error;
  }
  return {
    counts: Object.fromEntries(staged.map((s) => [s.folder, s.names.length])) as FileCounts,
    abort,
    commit() {
      mkdirSync(toDir, { recursive: true });
      for (const s of staged) {
        const live = path.join(toDir, s.folder);
        const old = path.join(toDir, `.${s.folder}.replaced-${tag}`);
        if (existsSync(live)) renameSync(live, old);
        if (existsSync(s.dir)) renameSync(s.dir, live);
        rmSync(old, { recursive: true, force: true });
      }
      syncDir(toDir);
    },
  };
}
