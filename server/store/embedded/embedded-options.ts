/**
 * The embedded store's options and the fixed numbers it runs by.
 */
import type { StoreLimits } from '../types.ts';

export interface EmbeddedStoreOptions {
  /** directory holding the database file; created if missing */
  dataDir: string;
  limits: StoreLimits;
  /** connections for concurrent reads */
  readConnections?: number;
  /**
   * The engine's buffer pool in bytes (the engine's default, 80% of the machine's memory, when 0 or
   * absent). Working memory of most operators comes from it, so a statement that needs more is
   * stopped with too_large instead of growing the process.
   */
  bufferPoolBytes?: number;
  /**
   * Refuse the shapes the pinned engine miscomputes or crashes on (engine-bugs.ts). Only the crash
   * isolation tests turn it off, to reach a real engine crash.
   */
  engineBugChecks?: boolean;
}

export const DATABASE_FILE = 'scamnet.lbug';

/** Longest variable-length pattern an analyst query may expand (the engine's own default is 30). */
export const ANALYST_MAX_HOPS = 10;
/**
 * Connections for analysts' own Cypher: two, so one runaway query leaves room for the next
 * analyst, and apart from the API's (and the built-in library's) connections entirely.
 */
export const ANALYST_CONNECTIONS = 2;

/**
 * The engine's timeout covers execution only: it plans first and folds constants while planning,
 * so `RETURN range(1, 4000000)` spends ~7 s in prepare() and ~9 s in EXPLAIN here, past any
 * setQueryTimeout. A read that outlasts its timeout by this much is answered as timed out; its
 * connection stays borrowed until the engine lets go of it.
 */
export const DEADLINE_GRACE_MS = 3000;

/** Free space the engine needs to close and reopen after a full disk (its log's last pages). */
export const RECOVERY_BYTES = 1024 * 1024;

/** Less free than this after a failed COMMIT: the disk is the likely cause (507, not 500). */
export const COMMIT_ROOM_BYTES = 16 * 1024 * 1024;
