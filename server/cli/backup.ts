/**
 * `npm run backup -- <dir>`: a consistent copy of the embedded store in DATA_DIR (writes held
 * back, engine checkpointed), its saved queries and workspaces, and a manifest with the SHA-256 of
 * every file, written into <dir> (new or empty). Exit 0 when written, 1 when refused or failed, 2
 * for bad arguments.
 *
 * The engine takes one process at a time: while `npm start` holds DATA_DIR, this command asks the
 * running server (SCAMNET_URL, or the configured HOST and PORT) to take the backup — POST
 * /api/backups, which writes it under DATA_DIR/backups/ with writes held back — then checks every
 * file against its manifest, moves it to <dir> and removes the server's copy.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { BACKUPS_DIR } from '../api/backups/router.ts';
import { BackupError, createBackup, verifyBackup } from '../backup/backup.ts';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '../http/request-guard.ts';
import { dirArgument, embeddedConfig, fail } from './dir-command.ts';
import { createStore } from '../store/create-store.ts';
import { serverCredentials } from './server-credentials.ts';

const target = dirArgument('usage: npm run backup -- <dir>');
const config = embeddedConfig('npm run backup backs up the embedded store; for Neo4j use neo4j-admin database dump');

const store = await createStore(config);
try {
  await store.init();
} catch (error) {
  if (error instanceof AppError && error.code === 'store_locked') await viaServer();
  fail(`cannot open the graph store: ${(error as Error).message}`);
}
/** The running server takes the backup inside DATA_DIR; it is verified and moved to the target. */
async function viaServer(): Promise<never> {
  const url = process.env.SCAMNET_URL ?? `http://${config.HOST}:${config.PORT}`;
  if (existsSync(target) && readdirSync(target).length > 0)
    return fail(`${target} is not empty: back up into a new directory`);
  let res: Response;
  try {
    res = await fetch(`${url}/api/backups`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
        ...serverCredentials(config),
      },
      body: '{}',
    });
  } catch (error) {
    return fail(
      `DATA_DIR (${path.resolve(config.DATA_DIR)}) is in use by a running scamnet, and the server at ${url} did not answer ` +
        `(${(error as Error).message}): set SCAMNET_URL to the server that holds it, or stop it and back up`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as { name?: string; error?: { message: string } };
  if (res.status !== 201 || !body.name)
    return fail(`the running server could not take the backup: ${body.error?.message ?? res.status}`);
  const made = path.join(path.resolve(config.DATA_DIR), BACKUPS_DIR, body.name);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.moving-${process.pid}`);
  try {
    const manifest = verifyBackup(made);
    cpSync(made, temp, { recursive: true });
    verifyBackup(temp);
    renameSync(temp, target);
    rmSync(made, { recursive: true, force: true });
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `backed up ${manifest.files.length} file(s), ${bytes} bytes, to ${target} through the running server (manifest.json holds their SHA-256)`,
    );
    process.exit(0);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    return fail(error instanceof BackupError ? error.message : `backup failed: ${(error as Error).message}`);
  }
}

let code = 0;
try {
  const manifest = await createBackup(store, path.resolve(config.DATA_DIR), target);
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `backed up ${manifest.files.length} file(s), ${bytes} bytes, to ${target} (manifest.json holds their SHA-256)`,
  );
} catch (error) {
  code = 1;
  console.error(error instanceof BackupError ? error.message : `backup failed: ${(error as Error).message}`);
} finally {
  await store.close().catch(() => undefined);
}
process.exit(code);
