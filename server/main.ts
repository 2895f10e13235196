/**
 * The server process: parse the configuration, open the store (seeding it on first start), serve
 * the API, and close everything cleanly on SIGINT/SIGTERM. `npm start` runs it under
 * server/start.ts, which starts it again if it crashes.
 */
import type { Server } from 'node:http';
import { userInfo } from 'node:os';
import { appOptionsFrom, createApp } from './app.ts';
import { createFirstAdmin, linkUrl } from './auth/first-start.ts';
import { ensureOperatorToken } from './auth/operator-token.ts';
import { LINK_HOURS } from './auth/sign-in-links.ts';
import { authDirOf, ConfigError, loadConfig, type Config } from './config.ts';
import { AppError } from './errors.ts';
import { createLogger } from './logger.ts';
import { seedIfEmpty } from './seed/load-seed.ts';
import { warmValidationWorker } from './import/read-off-thread.ts';
import { createStore } from './store/create-store.ts';
import { openCatalogue } from './queries/catalogue.ts';
import { openAuditTrail } from './audit/open-trail.ts';
import type { AuditTrail } from './audit/audit-log.ts';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = configOrExit();
const logger = createLogger(config.LOG_LEVEL);
const store = await createStore(config, {
  isolated: true,
  log: (level, message, details) => logger[level]({ store: 'engine', ...details }, message),
});

try {
  await store.init();
  if (config.SEED_ON_START) await seedIfEmpty(store, { seed: config.SEED, scale: config.SEED_SCALE }, logger);
} catch (error) {
  const message = error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);
  logger.fatal({ backend: config.GRAPH_BACKEND, dataDir: config.DATA_DIR }, `cannot open the graph store: ${message}`);
  process.exit(1);
}

let audit: AuditTrail;
try {
  audit = await openAuditTrail(config, logger);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal(`cannot open the audit trail: ${message}`);
  await store.close();
  process.exit(1);
}

const app = createApp({
  store,
  logger,
  queries: openCatalogue(store, config.DATA_DIR),
  analystCypher: config.ANALYST_CYPHER,
  dataDir: config.DATA_DIR,
  audit,
  ...appOptionsFrom(config),
});
if (config.OIDC_ISSUER)
  logger.info(
    { issuer: config.OIDC_ISSUER, redirectUrl: config.OIDC_REDIRECT_URL ?? 'derived from each request' },
    'OpenID Connect sign-in is on',
  );
const server: Server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // the first admin's link comes before "listening", so whoever waits for that line has it
  void firstStart(port).finally(() => {
    logger.info({ backend: store.backend, port }, `scamnet listening on http://${config.HOST}:${port}/`);
    // Tells the supervisor (server/start.ts) that start-up succeeded, so a later death is a crash.
    process.send?.({ type: 'ready' });
    // after start-up, so it does not delay the first answers (its thread runs at a lower priority)
    void warmValidationWorker();
  });
});

/** With accounts on and none made yet: the first admin, and its one-time link printed once. */
async function firstStart(port: number): Promise<void> {
  if (config.AUTH === 'off') return;
  try {
    // the CLIs on this machine that ask the running server use it (operator-token.ts)
    ensureOperatorToken(authDirOf(config));
    const operator = { user: userInfo().username, role: null, via: 'operator' as const, address: null };
    const token = await createFirstAdmin(authDirOf(config), audit, operator);
    if (!token) return;
    // one plain line, as Jupyter prints its URL; the log says where to look, not the secret
    process.stdout.write(
      `scamnet: sign in as admin (once, within ${LINK_HOURS} h): ${linkUrl(config.HOST, port, token)}\n`,
    );
    logger.warn(
      { account: 'admin' },
      `first start: made the account admin with no password; its one-time sign-in link is printed just before this line (valid ${LINK_HOURS} h; \`npm run user -- link admin\` prints a new one)`,
    );
  } catch (error) {
    logger.error({ err: error }, 'could not prepare AUTH_DIR (the operator token or the first admin account)');
  }
}
server.on('error', (error) => {
  logger.fatal({ err: error }, `cannot listen on ${config.HOST}:${config.PORT}`);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.close();
  server.closeAllConnections();
  await store.close();
  // after the server stops taking requests: what they recorded is written before the process ends
  await audit.close();
  logger.flush();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
