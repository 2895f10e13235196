/** What the harness needs of each store: its two imports, its raw engine, the server's settings, memory. */
import type { Dialect } from '../../server/store/dialect.ts';
import type { BenchShape } from './data.ts';

export const STORE_NAMES = ['embedded', 'neo4j'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

export interface ImportTimes {
  productMs: number;
  rawMs: number;
  /** what the raw column is, in a few words */
  rawPath: string;
}

export interface StoreSide {
  readonly name: StoreName;
  readonly dialect: Dialect;
  /**
   * Imports the CSV files in `dir` with the product's importer (run-import.ts through the store)
   * and with the raw engine's bulk path, timing each; afterwards the product's data is what the
   * server under test serves.
   */
  importBoth(dir: string, shape: BenchShape): Promise<ImportTimes>;
  /** environment and data dir for startServer */
  server(): { env: Record<string, string>; dataDir?: string };
  /** runs one statement on the raw engine and reads every row */
  rawQuery(cypher: string, params: Record<string, unknown>): Promise<void>;
  /** memory figures in MB, read while the server under test still runs */
  memory(serverPid: number): Record<string, number>;
  /** after each size: closes what that size opened on the raw engine */
  endSize(): Promise<void>;
  /** after the last size */
  close(): Promise<void>;
}
