/**
 * The Express application, built apart from `listen()` so tests drive the real app over HTTP.
 */
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { redactUrl, type Logger } from './logger.ts';
import { authDirOf, changesDirOf, ConfigSchema, sourceDocumentsDirOf, type Config } from './config.ts';
import { ChangeLog } from './changes/change-log.ts';
import type { GraphStore } from './store/types.ts';
import { openApiDocument } from './api/openapi/document.ts';
import { mount } from './api/route.ts';
import { apiRoutes } from './api/routes.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { isAppError } from './errors.ts';
import { landingPage } from './landing-page.ts';
import type { QueryCatalogue } from './queries/catalogue.ts';
import { WorkspaceStore } from './workspaces/workspace-store.ts';
import { clientBuildExists } from './client/client-build.ts';
import { clientRouter } from './client/serve-client.ts';
import { requestGuard } from './http/request-guard.ts';
import { MemoryAudit, type AuditLog } from './audit/audit-log.ts';
import { Auth, type AuthSettings } from './auth/auth.ts';
import { authenticate } from './http/authenticate.ts';
import { OidcSignIn, oidcSettingsFrom } from './auth/oidc.ts';

export interface AppDeps {
  store: GraphStore;
  logger: Logger;
  queries: QueryCatalogue;
  /** ANALYST_CYPHER: whether analysts may run and save their own Cypher */
  analystCypher: boolean;
  /** where saved workspaces live (DATA_DIR) */
  dataDir: string;
  version?: string;
  /** serve the built client at `/` (default: when client/dist exists) */
  serveClient?: boolean;
  /** EXPORT_MAX_NODES (default: the configuration's default) */
  exportMaxNodes?: number;
  /** IMPORT_MAX_BYTES (default: the configuration's default) */
  importMaxBytes?: number;
  /** HOST, ALLOWED_HOSTS, ALLOWED_ORIGINS: which Host names and origins are served (default: loopback only) */
  network?: { host: string; allowedHosts?: readonly string[]; allowedOrigins?: readonly string[] };
  /** WORKSPACE_MAX_BYTES, WORKSPACE_MAX_COUNT (default: the configuration's defaults) */
  workspaceLimits?: { maxBytes: number; maxCount: number };
  /** the audit trail main.ts opens (server/audit/); by default one in memory, for tests */
  audit?: AuditLog;
  /** OpenID Connect sign-in (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; default: off) */
  oidc?: OidcSignIn;
  /**
   * AUTH and its settings. Left out, the app runs as AUTH=off with accounts in `<dataDir>/auth`:
   * what the test suites that predate accounts expect. The server (main.ts) always passes it,
   * from the configuration (appOptionsFrom), where AUTH defaults to on.
   */
  auth?: Partial<AuthSettings> & Pick<AuthSettings, 'mode'>;
  /**
   * TRUST_PROXY: which reverse proxy's X-Forwarded-For and X-Forwarded-Proto to believe, for the
   * client's address (sign-in limits, the audit trail) and https (the Secure cookie). Unset: none.
   */
  trustProxy?: string;
  /** the history of hand edits (CHANGES_DIR); by default in `<dataDir>/changes` */
  changes?: ChangeLog;
  /** SOURCE_DOCUMENTS_DIR (default: the seed documents beside the repository, when there) */
  sourceDocumentsDir?: string | null;
}

/** The auth settings the configuration gives. */
export function authSettingsFrom(config: Config): AuthSettings {
  return {
    mode: config.AUTH,
    dir: authDirOf(config),
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    sessionMaxHours: config.SESSION_MAX_HOURS,
    signInMaxPerAccount: config.SIGNIN_MAX_PER_ACCOUNT,
    signInMaxPerAddress: config.SIGNIN_MAX_PER_ADDRESS,
  };
}

/** The settings left out of `auth`, from the configuration's defaults. */
function withDefaults(auth: AppDeps['auth'], dataDir: string): AuthSettings {
  const defaults = authSettingsFrom(ConfigSchema.parse({ DATA_DIR: dataDir, HOST: '127.0.0.1', AUTH: 'off' }));
  return { ...defaults, dir: path.join(dataDir, 'auth'), ...auth };
}

/** The parts of the configuration createApp takes as they are. */
export function appOptionsFrom(
  config: Config,
): Pick<
  AppDeps,
  | 'network'
  | 'workspaceLimits'
  | 'exportMaxNodes'
  | 'importMaxBytes'
  | 'auth'
  | 'trustProxy'
  | 'oidc'
  | 'changes'
  | 'sourceDocumentsDir'
> {
  const oidc = oidcSettingsFrom(config);
  return {
    changes: new ChangeLog(changesDirOf(config)),
    sourceDocumentsDir: sourceDocumentsDirOf(config),
    auth: authSettingsFrom(config),
    ...(config.TRUST_PROXY && { trustProxy: config.TRUST_PROXY }),
    ...(oidc && { oidc: new OidcSignIn(oidc) }),
    network: { host: config.HOST, allowedHosts: config.ALLOWED_HOSTS, allowedOrigins: config.ALLOWED_ORIGINS },
    workspaceLimits: { maxBytes: config.WORKSPACE_MAX_BYTES, maxCount: config.WORKSPACE_MAX_COUNT },
    exportMaxNodes: config.EXPORT_MAX_NODES,
    importMaxBytes: config.IMPORT_MAX_BYTES,
  };
}

/** TRUST_PROXY as Express takes it: `true`/`false`, a hop count, or names and addresses. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function createApp({
  store,
  logger,
  queries,
  analystCypher,
  dataDir,
  version = '0.1.0',
  serveClient = clientBuildExists(),
  exportMaxNodes = ConfigSchema.shape.EXPORT_MAX_NODES.parse(undefined),
  importMaxBytes = ConfigSchema.shape.IMPORT_MAX_BYTES.parse(undefined),
  network = { host: ConfigSchema.shape.HOST.parse(undefined) },
  workspaceLimits = {
    maxBytes: ConfigSchema.shape.WORKSPACE_MAX_BYTES.parse(undefined),
    maxCount: ConfigSchema.shape.WORKSPACE_MAX_COUNT.parse(undefined),
  },
  auth: authOptions = { mode: 'off' },
  oidc,
  audit = new MemoryAudit(),
  trustProxy,
  changes = new ChangeLog(path.join(dataDir, 'changes')),
  sourceDocumentsDir = sourceDocumentsDirOf({}),
}: AppDeps): express.Express {
  const auth = new Auth({ ...withDefaults(authOptions, dataDir), oidc: oidc !== undefined }, audit);
  if (auth.off)
    logger.warn(
      'AUTH=off: there is no sign-in, and anyone who can reach this port on this machine can read and change everything',
    );
  const app = express();
  app.disable('x-powered-by');
  if (trustProxy !== undefined) app.set('trust proxy', trustProxySetting(trustProxy));
  // ForceAtlas2 runs in a worker made from a blob: URL; everything else is the server's own.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'worker-src': ["'self'", 'blob:'], 'upgrade-insecure-requests': null } },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // credentials in headers are redacted by the logger; the one-time link's token is in the URL
      serializers: { req: (req: { url?: unknown }) => ({ ...req, url: redactUrl(req.url) }) },
    }),
  );
  // Host (DNS rebinding), Origin (forged requests) and body types, for every path: see request-guard.ts
  const guard = requestGuard(network);
  app.use((req, res, next) =>
    guard(req, res, (error?: unknown) => {
      // a forged page or a rebound host name is an attack on the server: the trail keeps it, before anyone is known
      if (isAppError(error))
        audit.record({
          user: 'anonymous',
          role: null,
          via: null,
          address: req.ip ?? null,
          action: 'access.refused',
          targets: [],
          outcome: 'denied',
          details: { code: error.code, method: req.method, path: req.path, origin: req.get('origin') ?? null },
        });
      next(error);
    }),
  );
  // a saved investigation holds its whole canvas, so it may be larger than other requests
  app.use('/api/workspaces', express.json({ limit: workspaceLimits.maxBytes }));
  app.use(express.json({ limit: '2mb' }));
  // who the request is (session cookie, API token, or AUTH=off): res.locals.actor, read by every route
  app.use(authenticate(auth));

  const api = mount(express.Router(), apiRoutes, {
    store,
    queries,
    analystCypher,
    exportMaxNodes,
    importMaxBytes,
    workspaces: new WorkspaceStore(dataDir, workspaceLimits),
    dataDir,
    openapi: openApiDocument(version),
    audit,
    auth,
    changes,
    sourceDocumentsDir,
    ...(oidc && { oidc }),
  });
  api.use(notFoundHandler);
  app.use('/api', api);
  app.get('/status', landingPage(store));
  if (serveClient) app.use(clientRouter());
  else app.get('/', landingPage(store));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
