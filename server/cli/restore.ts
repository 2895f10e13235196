/**
 * `npm run restore -- <dir>`: checks a backup written by `npm run backup` against its manifest
 * (every file's size and SHA-256, nothing missing or extra) and restores it into DATA_DIR, all or
 * nothing: built in a temp dir beside DATA_DIR, opened once to prove the database sound, then
 * swapped in by rename. The data dir it replaces is kept beside it (`<DATA_DIR>.before-restore-…`)
 * until you remove it. Refused while a server holds DATA_DIR. Exit 0 when restored, 1 when refused
 * or failed, 2 for bad arguments.
 */
import path from 'node:path';
import { AppError } from '../errors.ts';
import { BackupError, restoreBackup } from '../backup/backup.ts';
import { storeLimits } from '../store/create-store.ts';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';
import { dirArgument, embeddedConfig, fail } from './dir-command.ts';

const source = dirArgument('usage: npm run restore -- <dir>');
const config = embeddedConfig('npm run restore restores the embedded store; for Neo4j use neo4j-admin database load');
const limits = storeLimits(config);

/** Opens a data dir's database and closes it: fails when another process holds it or it is unsound. */
async function openCheck(dataDir: string): Promise<void> {
  const store = new EmbeddedStore({ dataDir, limits });
  try {
    await store.init();
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof AppError && error.code === 'store_locked')
      throw new BackupError(`${dataDir} is in use by a running scamnet: stop it, then restore; nothing was restored`);
    throw new BackupError(`cannot open the database in ${dataDir}: ${message}; nothing was restored`);
  }
  await store.close();
}

try {
  const { manifest, previous } = await restoreBackup(source, path.resolve(config.DATA_DIR), openCheck);
  console.log(
    `restored ${manifest.files.length} file(s) from the backup of ${manifest.createdAt} into ${path.resolve(config.DATA_DIR)}`,
  );
  if (previous) console.log(`the data dir it replaced is kept in ${previous}; remove it once you are sure`);
  process.exit(0);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `restore failed: ${(error as Error).message}`);
}
