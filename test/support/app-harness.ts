/**
 * A real store behind the real Express app, for HTTP tests: a LadybugDB in a temp dir, or — when
 * TEST_BACKEND=neo4j (the `neo4j` vitest project) — the live Neo4j at NEO4J_URI, emptied first.
 * Saved queries and workspaces live in the temp data dir on both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Actor } from '../../server/model/access.ts';
import { createApp, type AppDeps } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import type { GraphBatch } from '../../server/model/schema.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import type { GraphStore, StoreLimits } from '../../server/store/types.ts';
import { openLiveNeo4j } from './neo4j-live.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import type { OidcSignIn } from '../../server/auth/oidc.ts';

export interface Harness {
  app: Express;
  store: GraphStore;
  dataDir: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  limits?: Partial<StoreLimits>;
  analystCypher?: boolean;
  exportMaxNodes?: number;
  /** accounts: AUTH=off (full access, as the suites before accounts expect) unless a suite asks for them */
  auth?: AppDeps['auth'];
  /** where the app's audit events go */
  audit?: AppDeps['audit'];
  /** TRUST_PROXY */
  trustProxy?: string;
  /** the store to open, when a suite needs one other than TEST_BACKEND's (e.g. a replay target) */
  backend?: 'embedded' | 'neo4j';
  /**
   * TEST ONLY: every request runs as this actor, set by a middleware in front of the real app.
   * Nothing in the server or its configuration can reach this: it exists only in this harness,
   * until the clearance suite signs in with real sessions.
   */
  actor?: Actor;
  /** OpenID Connect sign-in, as main.ts builds it from OIDC_* */
  oidc?: OidcSignIn;
  /** SOURCE_DOCUMENTS_DIR (default: the seed documents beside the repository, when there) */
  sourceDocumentsDir?: string | null;
}

/** The real app around an opened store, as the server builds it. */
export function appFor(store: GraphStore, dataDir: string, options: HarnessOptions = {}): Express {
  const app = createApp({
    store,
    logger: createLogger('silent'),
    queries: openCatalogue(store, dataDir),
    analystCypher: options.analystCypher ?? true,
    dataDir,
    auth: options.auth ?? { mode: 'off' },
    ...(options.audit && { audit: options.audit }),
    ...(options.trustProxy && { trustProxy: options.trustProxy }),
    ...(options.exportMaxNodes ? { exportMaxNodes: options.exportMaxNodes } : {}),
    ...(options.oidc && { oidc: options.oidc }),
    ...(options.sourceDocumentsDir !== undefined && { sourceDocumentsDir: options.sourceDocumentsDir }),
  });
  const { actor } = options;
  if (!actor) return app;
  const asActor = express();
  asActor.use((_req, res, next) => {
    res.locals.actor = actor;
    next();
  });
  asActor.use(app);
  return asActor;
}

/** The store the harness opens: TEST_BACKEND, set per vitest project. */
export const testBackend: 'embedded' | 'neo4j' = process.env.TEST_BACKEND === 'neo4j' ? 'neo4j' : 'embedded';

export async function startHarness(batch?: GraphBatch, options: HarnessOptions = {}): Promise<Harness> {
  const limits: StoreLimits = { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000, ...options.limits };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-test-'));
  const backend = options.backend ?? testBackend;
  const store: GraphStore = backend === 'neo4j' ? await openLiveNeo4j(limits) : new EmbeddedStore({ dataDir, limits });
  await store.init();
  if (batch) await writeBatch(store, batch);
  const app = appFor(store, dataDir, options);
  return {
    app,
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second app on a harness's store, with a data dir (saved queries, workspaces) of its own: how a
 * suite compares two configurations of the server on one graph. The live Neo4j is one database,
 * so two harnesses of their own would empty each other's. Closing it leaves the store open.
 */
export function sideHarness(of: Harness, options: HarnessOptions = {}): Harness {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-test-'));
  return {
    app: appFor(of.store, dataDir, options),
    store: of.store,
    dataDir,
    async close() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
