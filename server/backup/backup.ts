/**
 * Backup and restore of a data dir: the store's own files (a consistent copy, see
 * GraphStore.backup), the saved queries and the workspaces, with a manifest holding the SHA-256
 * and size of every file. A backup is written into a temp dir beside its target and renamed into
 * place when complete; a restore is verified, built into a temp dir beside DATA_DIR, opened once
 * to prove the database sound, and only then swapped in by rename. Either is all or nothing.
 *
 * Layout: `<backup>/manifest.json`, `<backup>/store/scamnet.lbug`, `<backup>/queries/*.json`,
 * `<backup>/workspaces/*.json`.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { copyFileDurably, syncDir, writeFileDurably } from '../files/durable-write.ts';
import { AppError } from '../errors.ts';
import type { GraphStore } from '../store/types.ts';

export const MANIFEST = 'manifest.json';
/** The folders of DATA_DIR copied as they are, beside the store's own files. */
const FILE_FOLDERS = ['queries', 'workspaces'] as const;

const Manifest = z.object({
  format: z.literal('scamnet-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  backend: z.string(),
  files: z.array(
    z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

/** A backup or restore refused; the message says why, for the CLI to print. */
export class BackupError extends AppError {
  override name = 'BackupError';
  constructor(message: string, details?: unknown) {
    super('backup_refused', message, details);
  }
}

/** SHA-256 of a file, read in chunks (a store file may be larger than memory). */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function filesUnder(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

/** A temp dir beside `target` (same file system, so the final rename is atomic). */
function besideTemp(target: string, label: string): string {
  return path.join(
    path.dirname(path.resolve(target)),
    `.${path.basename(target)}.${label}-${randomBytes(6).toString('hex')}`,
  );
}

/** Writes a backup of `store` and of DATA_DIR's query and workspace files into `target` (must not exist or be empty). */
export async function createBackup(store: GraphStore, dataDir: string, target: string): Promise<Manifest> {
  if (!store.backup)
    throw new BackupError(`the ${store.backend} store has no backup here: use the database's own backup tools`);
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new BackupError(`${target} is not empty: back up into a new directory`);
  const temp = besideTemp(target, 'partial');
  try {
    const stored = await store.backup(path.join(temp, 'store'));
    const files = stored.files.map((f) => `store/${f}`);
    for (const folder of FILE_FOLDERS) {
      // only the files of the stores (names ending .json); their temp files are not data, and the
      // workspaces' `_index.json` is rebuilt from the files (no workspace name starts with `_`)
      for (const name of filesUnder(path.join(dataDir, folder)).filter(
        (f) => f.endsWith('.json') && !f.includes('/') && !f.startsWith('.') && !f.startsWith('_'),
      )) {
        copyFileDurably(path.join(dataDir, folder, name), path.join(temp, folder, name), 'the backup');
        files.push(`${folder}/${name}`);
      }
    }
    const manifest: Manifest = {
      format: 'scamnet-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      backend: store.backend,
      files: files
        .sort()
        .map((f) => ({ path: f, bytes: statSync(path.join(temp, f)).size, sha256: sha256File(path.join(temp, f)) })),
    };
    writeFileDurably(path.join(temp, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, 'the backup manifest');
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temp, target);
    syncDir(path.dirname(path.resolve(target)));
    return manifest;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Reads the manifest and checks every file against it; a file missing, extra, resized or changed refuses the backup. */
export function verifyBackup(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) throw new BackupError(`${dir} holds no ${MANIFEST}: not a scamnet backup`);
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new BackupError(`${file} is not a valid backup manifest: ${(error as Error).message.split('\n')[0]}`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  const problems: string[] = [];
  for (const entry of manifest.files) {
    const full = path.join(dir, entry.path);
    if (entry.path.split('/').includes('..') || path.isAbsolute(entry.path))
      problems.push(`${entry.path}: not a path inside the backup`);
    else if (!existsSync(full)) problems.push(`${entry.path}: missing`);
    else if (statSync(full).size !== entry.bytes)
      problems.push(`${entry.path}: ${statSync(full).size} bytes, the manifest says ${entry.bytes}`);
    else if (sha256File(full) !== entry.sha256) problems.push(`${entry.path}: checksum does not match the manifest`);
  }
  for (const extra of filesUnder(dir).filter((f) => f !== MANIFEST && !listed.has(f)))
    problems.push(`${extra}: not in the manifest`);
  if (!manifest.files.some((f) => f.path.startsWith('store/'))) problems.push('the backup holds no store files');
  if (problems.length)
    throw new BackupError(
      `the backup in ${dir} does not match its manifest; nothing was restored:\n  ${problems.join('\n  ')}`,
    );
  return manifest;
}

/**
 * Restores a verified backup into `dataDir`. `openCheck` opens a data dir and closes it (throwing
 * when it cannot): it is run on the current data dir first (refused if another process holds it)
 * and on the restored copy before the swap. The data dir replaced is kept beside it, renamed, and
 * its path handed back, so a wrong restore can be undone by hand.
 */
export async function restoreBackup(
  dir: string,
  dataDir: string,
  openCheck: (dataDir: string) => Promise<void>,
): Promise<{ manifest: Manifest; previous: string | undefined }> {
  const manifest = verifyBackup(dir);
  const target = path.resolve(dataDir);
  if (existsSync(target)) await openCheck(target);
  const temp = besideTemp(target, 'restore');
  try {
    for (const entry of manifest.files) {
      const [folder, ...rest] = entry.path.split('/');
      const destination = folder === 'store' ? path.join(temp, ...rest) : path.join(temp, entry.path);
      copyFileDurably(path.join(dir, entry.path), destination, 'the restore');
      if (sha256File(destination) !== entry.sha256)
        throw new BackupError(`${entry.path} changed while it was copied; nothing was restored`);
    }
    mkdirSync(temp, { recursive: true });
    await openCheck(temp);
    let previous: string | undefined;
    if (existsSync(target)) {
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, previous);
    }
    renameSync(temp, target);
    syncDir(path.dirname(target));
    return { manifest, previous };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
