/**
 * Opening the embedded database file, and the store's own statements on a connection.
 */
import { copyFileSync, existsSync } from 'node:fs';
import lbug from '@ladybugdb/core';
import type { Connection, Database } from '@ladybugdb/core';
import { AppError } from '../../errors.ts';
import { classifyOpenFailure, firstLine } from './native-errors.ts';

/**
 * Runs one of the store's own statements (DDL, BEGIN/COMMIT, settings) and closes its result:
 * an unclosed result keeps the database file locked after close() until it is garbage collected.
 */
export async function runOwn(connection: Connection, statement: string): Promise<void> {
  const result = await connection.query(statement);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

/**
 * One connection with one execution thread: the engine's workers are shared by all connections
 * and number the cores, so a query free to use them all would hold up every other caller until it
 * finished or timed out. With one each, a runaway query leaves the other core to the rest.
 */
export async function connect(db: Database): Promise<Connection> {
  const connection = new lbug.Connection(db, 1);
  await connection.init();
  return connection;
}

/**
 * Opens the database file. A write-ahead log torn by a full disk (seen on 0.19.1: after an
 * ENOSPC in a WAL append the engine's shutdown writes a partial page, and the next open refuses
 * with "Checksum verification failed, the WAL file is corrupted") is replayed up to the damage:
 * every transaction committed before it is kept, the torn one (never answered as committed) is
 * dropped. A copy of the damaged log is kept beside it when there is room, for inspection.
 * Another process holding the file is `store_locked`.
 */
export async function openDatabase(databasePath: string, bufferPoolBytes = 0): Promise<Database> {
  const open = async (throwOnWalReplayFailure: boolean) => {
    const db = new lbug.Database(databasePath, bufferPoolBytes, true, false, 0, true, -1, throwOnWalReplayFailure);
    await db.init();
    return db;
  };
  try {
    return await open(true);
  } catch (error) {
    const failure = classifyOpenFailure(error);
    if (failure === 'locked') {
      throw new AppError(
        'store_locked',
        `${databasePath} is in use by another process (is another scamnet running on this DATA_DIR?)`,
      );
    }
    if (failure !== 'wal_damaged')
      throw new AppError('store_unavailable', `cannot open ${databasePath}: ${firstLine(error)}`);
    const wal = `${databasePath}.wal`;
    try {
      if (existsSync(wal)) copyFileSync(wal, `${wal}.damaged-${Date.now()}`);
    } catch {
      // no room for the copy: recovering the database matters more
    }
    process.emitWarning(
      `the write-ahead log of ${databasePath} was damaged (${firstLine(error)}); replayed up to the damage`,
    );
    try {
      return await open(false);
    } catch (again) {
      throw new AppError('store_unavailable', `cannot open ${databasePath}: ${firstLine(again)}`);
    }
  }
}
