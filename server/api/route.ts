/**
 * One declaration per endpoint: method, path, input schemas, answer and handler. The Express
 * routes (`mount`) and the OpenAPI document (openapi/document.ts) are both built from the same
 * list (routes.ts), so what is served and what is documented cannot drift apart.
 */
import type { ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { NextFunction, Request, Response, Router } from 'express';
import { AppError } from '../errors.ts';
import { can, type Actor, type Permission } from '../model/access.ts';
import type { AuditEventInput } from '../model/audit.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { OidcSignIn } from '../auth/oidc.ts';
import type { z } from 'zod';
import { parseInput } from '../http/validate.ts';
import type { QueryCatalogue } from '../queries/catalogue.ts';
import type { GraphStore } from '../store/types.ts';
import type { WorkspaceStore } from '../workspaces/workspace-store.ts';
import type { Auth } from '../auth/auth.ts';
import type { ChangeLog } from '../changes/change-log.ts';
import { ErrorSchema } from '../model/wire.ts';

/** What the handlers need from the running server. */
export interface ApiDeps {
  store: GraphStore;
  queries: QueryCatalogue;
  /** ANALYST_CYPHER */
  analystCypher: boolean;
  /** EXPORT_MAX_NODES */
  exportMaxNodes: number;
  /** IMPORT_MAX_BYTES */
  importMaxBytes: number;
  workspaces: WorkspaceStore;
  dataDir: string;
  /** the OpenAPI document, served at /api/openapi.json */
  openapi: unknown;
  /** the audit trail (server/audit/): every route with `audit` records through it, and so may others */
  audit: AuditLog;
  /** OpenID Connect sign-in, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set */
  oidc?: OidcSignIn;
  /** accounts, sessions, API tokens (server/auth/) */
  auth: Auth;
  /** the history of hand edits (server/changes/): versions, tombstones, merges */
  changes: ChangeLog;
  /** SOURCE_DOCUMENTS_DIR: where Source nodes' document files are; null when there is none */
  sourceDocumentsDir: string | null;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One part of the request, checked with `schema`; `what` names it in the validation message. */
export interface InputSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  what: string;
}
export interface BodySpec<S extends z.ZodType = z.ZodType> extends InputSpec<S> {
  /** an absent body is read as `{}` (every field has a default) */
  orEmpty?: boolean;
  /** documented only: the handler parses it itself (the name comes from the path) */
  parsedByHandler?: boolean;
}
export interface Inputs {
  params?: InputSpec<z.ZodObject>;
  query?: InputSpec<z.ZodObject>;
  body?: BodySpec;
}
type Parsed<I extends Inputs> = {
  [K in keyof I]: I[K] extends InputSpec<infer S> ? (K extends 'body' ? BodyOf<I[K], S> : z.infer<S>) : never;
};
type BodyOf<B, S extends z.ZodType> = B extends { parsedByHandler: true } ? unknown : z.infer<S>;

interface Answer<O extends z.ZodType | undefined> {
  /** 302 and 303 only with writesOwnAnswer: a redirect (the OIDC sign-in's navigations) */
  status: 200 | 201 | 204 | 302 | 303;
  description: string;
  /** the JSON answer; left out for 204 and for routes that write their own answer */
  schema?: O;
  /** the answer's documentation when it is not JSON (a file) */
  doc?: ResponseConfig;
}

/** The answer the handler gives: the JSON body, or nothing when the route writes its own. */
type Out<O extends z.ZodType | undefined, Self extends boolean> = Self extends true
  ? void
  : O extends z.ZodType
    ? z.infer<O>
    : void;

export interface RouteSpec<I extends Inputs, O extends z.ZodType | undefined, Self extends boolean> {
  method: Method;
  /** Express syntax, under /api: `/nodes/:id` (documented as `/api/nodes/{id}`) */
  path: string;
  summary: string;
  description?: string;
  input?: I;
  /** documented request headers and non-JSON bodies (multipart) */
  docRequest?: Pick<NonNullable<RouteConfig['request']>, 'headers' | 'body'>;
  output: Answer<O>;
  /** the other answers, by status */
  errors?: Record<number, ResponseConfig>;
  /**
   * What the caller needs: `public` for routes anyone may reach (health, sign-in, the docs);
   * otherwise 401 without an account and 403 `forbidden` naming the permission without it.
   */
  permission: Permission | 'public';
  /**
   * What the audit trail records for this route (README, "Audit trail"), when it is called: the
   * action, and from the input and the answer the targets and details. `note` gets no input when
   * the input did not parse, and no answer when the handler failed; `res` carries the headers the
   * handler set (an export's counts). The event is on disk before a JSON answer is sent.
   */
  audit?: {
    action: string;
    note?: (done: { input?: Parsed<I>; answer?: Out<O, Self>; res: Response; error?: unknown }) => AuditNote;
  };
  /** checked before the input is parsed (e.g. ANALYST_CYPHER) */
  guard?: (deps: ApiDeps) => void;
  /** the handler writes the answer itself (a streamed file, static assets) */
  writesOwnAnswer?: Self;
  /** served but not in the OpenAPI document (the documentation pages themselves) */
  undocumented?: boolean;
  handler: (
    input: Parsed<I>,
    deps: ApiDeps,
    http: { req: Request; res: Response; next: NextFunction; actor: Actor },
  ) => Out<O, Self> | Promise<Out<O, Self>>;
}

/** A declared route, its handler's types erased so different routes share one list. */
export interface Route {
  method: Method;
  path: string;
  /** the path as OpenAPI writes it, with /api */
  openApiPath: string;
  undocumented: boolean;
  permission: Permission | 'public';
  openApi: Omit<RouteConfig, 'method' | 'path'>;
  serve: (deps: ApiDeps, req: Request, res: Response, next: NextFunction) => Promise<void>;
}

/** `/nodes/:id/neighbors` → `/api/nodes/{id}/neighbors` */
export function openApiPath(expressPath: string): string {
  return '/api' + expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function defineRoute<
  I extends Inputs,
  O extends z.ZodType | undefined = undefined,
  Self extends boolean = false,
>(spec: RouteSpec<I, O, Self>): Route {
  const { input: input_ = {} as I, output } = spec;
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  const request: NonNullable<RouteConfig['request']> = {};
  if (input_.params) request.params = input_.params.schema;
  if (input_.query) request.query = input_.query.schema;
  if (input_.body) request.body = json(input_.body.schema);
  Object.assign(request, spec.docRequest);
  const success: ResponseConfig = output.doc ?? {
    description: output.description,
    ...(output.schema && json(output.schema)),
  };
  return {
    method: spec.method,
    path: spec.path,
    openApiPath: openApiPath(spec.path),
    undocumented: spec.undocumented ?? false,
    permission: spec.permission,
    openApi: {
      summary: spec.summary,
      ...(spec.description && { description: spec.description }),
      ...(Object.keys(request).length > 0 && { request }),
      responses: { [output.status]: success, ...spec.errors, ...accessAnswers(spec.permission, spec.errors) },
      // public: no credentials (an empty requirement); otherwise the session cookie or an API token
      security: spec.permission === 'public' ? [{}] : [{ session: [] }, { token: [] }],
    },
    async serve(deps, req, res, next) {
      const actor = actorOf(res);
      const who = {
        user: actor?.name ?? 'anonymous',
        role: actor?.role ?? null,
        via: actor?.via ?? null,
        address: req.ip ?? null,
      };
      if (spec.permission !== 'public') {
        const denied = (status: 401 | 403) =>
          deps.audit.record({
            ...who,
            action: 'access.denied',
            targets: [],
            outcome: 'denied',
            details: { permission: spec.permission, status, route: `${spec.method.toUpperCase()} /api${spec.path}` },
          });
        if (!actor) {
          denied(401);
          throw new AppError('unauthenticated', 'sign in, or send an API token (Authorization: Bearer …)');
        }
        if (!can(actor, spec.permission)) {
          denied(403);
          throw new AppError('forbidden', `this needs the ${spec.permission} permission, which ${actor.name} lacks`, {
            permission: spec.permission,
          });
        }
      }
      // params, then query, then body: the order the first problem is reported in
      let input: Parsed<I> | undefined;
      let answer: Out<O, Self> | undefined;
      try {
        spec.guard?.(deps);
        const parsed: Record<string, unknown> = {};
        if (input_.params) parsed.params = parseInput(input_.params.schema, req.params, input_.params.what);
        if (input_.query) parsed.query = parseInput(input_.query.schema, req.query, input_.query.what);
        if (input_.body)
          parsed.body = input_.body.parsedByHandler
            ? req.body
            : parseInput(input_.body.schema, input_.body.orEmpty ? (req.body ?? {}) : req.body, input_.body.what);
        input = parsed as Parsed<I>;
        // a public route has no account to run as: it gets the least there is, and must not read the graph
        answer = await spec.handler(input, deps, { req, res, next, actor: actor ?? ANONYMOUS });
      } catch (error) {
        if (spec.audit) deps.audit.record(auditEvent(spec.audit, who, { input, res, error }));
        throw error;
      }
      if (spec.audit) {
        deps.audit.record(auditEvent(spec.audit, who, { input, answer, res }));
        // on disk before the answer (a file the handler streamed is already out: README, "Audit trail")
        if (!spec.writesOwnAnswer) await deps.audit.flushed();
      }
      if (spec.writesOwnAnswer) return;
      if (output.status === 204) res.status(204).end();
      else res.status(output.status).json(answer);
    },
  };
}

/** The outcome of a failed request: a refusal, the caller's mistake, or the server's fault. */
function outcomeOf(error: unknown): AuditEventInput['outcome'] {
  if (error instanceof AppError) {
    if (error.code === 'forbidden' || error.code === 'unauthenticated') return 'denied';
    return error.status < 500 ? 'failed' : 'error';
  }
  return 'error';
}

/** What a route's `audit.note` adds to its event. */
export interface AuditNote {
  targets?: readonly string[];
  details?: Record<string, unknown>;
}

function auditEvent<D extends { error?: unknown }>(
  audit: { action: string; note?: (done: D) => AuditNote },
  who: Pick<AuditEventInput, 'user' | 'role' | 'via' | 'address'>,
  done: D,
): AuditEventInput {
  let note: AuditNote;
  try {
    note = audit.note?.(done) ?? {};
  } catch (error) {
    // a note that cannot be made still leaves the event: what was done, by whom, how it ended
    note = { details: { noteFailed: error instanceof Error ? error.message : String(error) } };
  }
  const error = done.error;
  const failure =
    error === undefined
      ? {}
      : {
          error:
            error instanceof AppError
              ? { code: error.code, status: error.status, message: error.message }
              : { code: 'internal', status: 500 },
        };
  return {
    ...who,
    action: audit.action,
    targets: [...(note.targets ?? [])],
    outcome: error === undefined ? 'ok' : outcomeOf(error),
    details: { ...note.details, ...failure },
  };
}

/**
 * The 401 and 403 every protected route may answer, documented from its permission; a route
 * that documents a 403 of its own (write_not_allowed, …) gets forbidden added to its text.
 */
function accessAnswers(
  permission: Permission | 'public',
  own: Record<number, ResponseConfig> | undefined,
): Record<number, ResponseConfig> {
  if (permission === 'public') return {};
  const json = (description: string): ResponseConfig => ({
    description,
    content: { 'application/json': { schema: ErrorSchema } },
  });
  const forbidden = `forbidden: the account lacks the ${permission} permission (named in details.permission)`;
  return {
    401: json('unauthenticated: no session cookie or API token, or one that is expired, revoked or disabled'),
    403: own?.[403] ? { ...own[403], description: `${own[403].description}; or ${forbidden}` } : json(forbidden),
  };
}

/** Who runs a public route: no permission, nothing visible above CLEAR. */
const ANONYMOUS: Actor = { name: 'anonymous', role: 'viewer', clearance: 'CLEAR', rawCypher: false, via: 'session' };

/** The actor the authentication middleware (server/http) resolved for this request, if any. */
export function actorOf(res: Response): Actor | undefined {
  return (res.locals as { actor?: Actor }).actor;
}

/** Adds the routes to an Express router, in their order. */
export function mount(router: Router, routes: readonly Route[], deps: ApiDeps): Router {
  for (const route of routes) router[route.method](route.path, (req, res, next) => route.serve(deps, req, res, next));
  return router;
}
