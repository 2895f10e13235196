/**
 * `npm run restore -- <dir>`: checks a backup written by `npm run backup` against its manifest
 * (every file's size and SHA-256, nothing missing or extra) and restores it into DATA_DIR, all or
 * nothing: built in a temp dir beside DATA_DIR, opened once to prove the database sound, then
 * swapped in by rename. The data dir it replaces is kept beside it (`<DATA_DIR>.before-restore-…`)
 * until you remove it. Refused while a server holds DATA_DIR. Exit 0 when restored, 1 when refused
 * or failed, 2 for bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, restoreBackup } from '../backup/backup.ts';
import { loadConfig } from '../config.ts';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';

const USAGE = 'usage: npm run restore -- <dir>';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let source: string;
try {
  const parsed = parseArgs({ allowPositionals: true, options: {} });
  if (parsed.positionals.length !== 1) fail(USAGE, 2);
  source = path.resolve(parsed.positionals[0]!);
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
}

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (config.GRAPH_BACKEND !== 'embedded') fail('npm run restore restores the embedded store; for Neo4j use neo4j-admin database load');
const limits = { timeoutMs: config.QUERY_TIMEOUT_MS, maxRows: config.QUERY_MAX_ROWS, maxBytes: config.QUERY_MAX_BYTES };

/** Opens a data dir's database and closes it: fails when another process holds it or it is unsound. */
async function openCheck(dataDir: string): Promise<void> {
  const store = new EmbeddedStore({ dataDir, limits });
  try {
    await store.init();
  } catch (error) {
    const message = (error as Error).message;
    if (/in use by another process/.test(message)) throw new BackupError(`${dataDir} is in use by a running scamnet: stop it, then restore; nothing was restored`);
    throw new BackupError(`cannot open the database in ${dataDir}: ${message}; nothing was restored`);
  }
  await store.close();
}

try {
  const { manifest, previous } = await restoreBackup(source, path.resolve(config.DATA_DIR), openCheck);
  console.log(`restored ${manifest.files.length} file(s) from the backup of ${manifest.createdAt} into ${path.resolve(config.DATA_DIR)}`);
  if (previous) console.log(`the data dir it replaced is kept in ${previous}; remove it once you are sure`);
  process.exit(0);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `restore failed: ${(error as Error).message}`);
}
