/**
 * How the CLIs open the configured store. When `npm start` holds the embedded store (the engine
 * takes one process at a time), the command asks the running server instead, at SCAMNET_URL or
 * the configured HOST and PORT, and exits when it has.
 */
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphStore } from '../store/types.ts';

export async function openStoreOrAskServer(
  config: Config,
  fail: (message: string) => never,
  viaServer: (url: string) => Promise<void>,
): Promise<GraphStore> {
  const store = await createStore(config);
  try {
    await store.init();
    return store;
  } catch (error) {
    const inUse = error instanceof AppError && error.code === 'store_locked';
    if (!inUse) fail(`cannot open the graph store: ${(error as Error).message}`);
    const url = process.env.SCAMNET_URL ?? `http://${config.HOST}:${config.PORT}`;
    await viaServer(url).catch((e: Error) => fail(`cannot reach ${url}: ${e.message}`));
    process.exit(0);
  }
}
