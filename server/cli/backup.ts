/**
 * `npm run backup -- <dir>`: a consistent copy of the embedded store in DATA_DIR (writes held
 * back, engine checkpointed), its saved queries and workspaces, and a manifest with the SHA-256 of
 * every file, written into <dir> (new or empty). Exit 0 when written, 1 when refused or failed, 2
 * for bad arguments.
 *
 * The engine takes one process at a time: while `npm start` holds DATA_DIR this command refuses
 * (stop the server, back up, start it again). Going through the running server is not built yet.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, createBackup } from '../backup/backup.ts';
import { loadConfig } from '../config.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = 'usage: npm run backup -- <dir>';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let target: string;
try {
  const parsed = parseArgs({ allowPositionals: true, options: {} });
  if (parsed.positionals.length !== 1) fail(USAGE, 2);
  target = path.resolve(parsed.positionals[0]!);
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
if (config.GRAPH_BACKEND !== 'embedded') fail('npm run backup backs up the embedded store; for Neo4j use neo4j-admin database dump');

const store = await createStore(config);
try {
  await store.init();
} catch (error) {
  const message = (error as Error).message;
  if (/in use by another process/.test(message)) {
    fail(`DATA_DIR (${path.resolve(config.DATA_DIR)}) is in use by a running scamnet: stop it, run the backup, then start it again`);
  }
  fail(`cannot open the graph store: ${message}`);
}
let code = 0;
try {
  const manifest = await createBackup(store, path.resolve(config.DATA_DIR), target);
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`backed up ${manifest.files.length} file(s), ${bytes} bytes, to ${target} (manifest.json holds their SHA-256)`);
} catch (error) {
  code = 1;
  console.error(error instanceof BackupError ? error.message : `backup failed: ${(error as Error).message}`);
} finally {
  await store.close().catch(() => undefined);
}
process.exit(code);
