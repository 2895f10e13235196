/**
 * vitest global setup: builds the client once before any test file starts a server, so servers
 * started in parallel never build it at the same time (each would empty client/dist).
 */
import { ensureClientBuild } from '../../server/client/client-build.ts';

export default async function setup(): Promise<void> {
  await ensureClientBuild((msg) => console.log(msg));
}
