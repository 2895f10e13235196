/**
 * GET /api/auth/oidc/start and /api/auth/oidc/callback: the browser's side of OpenID Connect
 * sign-in (server/auth/oidc.ts speaks to the provider). Both are top-level navigations, so a
 * refusal is a short page for a browser and the usual JSON error for anything else.
 */
import { parse } from 'cookie';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { AppError, isAppError } from '../../errors.ts';
import type { OidcIdentity, OidcSignIn, PendingSignIn } from '../../auth/oidc.ts';
import { OidcSignInError } from '../../auth/oidc.ts';
import { json } from '../errors-doc.ts';
import { defineRoute, type ApiDeps } from '../route.ts';
import { ErrorSchema } from '../schemas.ts';
import { startOidcSession } from './oidc-session.ts';

/**
 * The state, nonce and PKCE verifier ride in a cookie of their own between the two routes, not in
 * this process's memory, so the callback may reach another of several servers behind one proxy.
 * HttpOnly keeps it from scripts; SameSite=Lax, not Strict, because the callback is a navigation
 * coming *from the provider's site*, and a Strict cookie is not sent on a cross-site navigation
 * (the sign-in would always fail). Lax still keeps it off cross-site subrequests and POSTs. The
 * path limits it to these two routes, and it lives ten minutes at most: long enough to type a
 * password and pass a second factor at the provider.
 */
export const PENDING_COOKIE = 'scamnet_oidc';
const PENDING_PATH = '/api/auth/oidc';
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;

const PendingSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  redirectUri: z.url(),
});

const CallbackQuery = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
});

function oidcOf(deps: ApiDeps): OidcSignIn {
  if (!deps.oidc)
    throw new AppError(
      'not_found',
      'OpenID Connect sign-in is not set up on this server (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    );
  return deps.oidc;
}

const cookieOptions = (redirectUri: string) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  path: PENDING_PATH,
  secure: redirectUri.startsWith('https:'),
});

/** The pending sign-in this browser started, or undefined (no cookie, or one that does not parse). */
function pendingOf(req: Request): PendingSignIn | undefined {
  const raw = parse(req.headers.cookie ?? '')[PENDING_COOKIE];
  if (!raw) return undefined;
  try {
    const parsed = PendingSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The origin the browser used for this server, for a redirect URL derived from the request. */
const requestOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

const wantsPage = (req: Request) => req.accepts(['json', 'html']) === 'html';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A refusal a person can read, with the way back to the sign-in page. */
function refusalPage(error: AppError, provider: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign-in refused — scamnet</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Sign-in with ${escapeHtml(provider)} refused</h1>
<p>${escapeHtml(error.message)}.</p>
<p><a href="/">Back to the sign-in page</a></p>
</body>
</html>
`;
}

function refuse(error: unknown, deps: ApiDeps, req: Request, res: Response, known?: OidcIdentity): void {
  const appError = isAppError(error) ? error : undefined;
  const identity = known ?? (error instanceof OidcSignInError ? error.who : undefined);
  // the same action as a refused local sign-in, so one filter of the trail finds both
  deps.audit.record({
    user: identity?.username ?? 'anonymous',
    role: null,
    via: 'oidc',
    address: req.ip ?? null,
    action: 'auth.sign-in',
    targets: [],
    outcome: appError?.code === 'identity_provider_unavailable' || !appError ? 'error' : 'denied',
    details: {
      method: 'oidc',
      reason: error instanceof OidcSignInError ? error.reason : (appError?.code ?? 'internal'),
      ...(identity && { issuer: identity.issuer, subject: identity.subject }),
    },
  });
  if (!appError || !wantsPage(req)) throw error;
  res
    .status(appError.status)
    .type('html')
    .send(refusalPage(appError, deps.oidc?.name ?? 'OpenID Connect'));
}

const redirectDoc = (status: 302 | 303, description: string) => ({
  status,
  description,
  doc: {
    description,
    headers: { Location: { description: 'where the browser goes next', schema: { type: 'string' as const } } },
  },
});

/**
 * Browser navigations rather than API calls, and answered with redirects only (no 2XX, which
 * OpenAPI linters require of an operation): served but left out of the document, like the
 * documentation pages; the README's "Sign-in with OpenID Connect" describes them.
 */
export const oidcRoutes = [
  defineRoute({
    method: 'get',
    path: '/auth/oidc/start',
    permission: 'public',
    summary: 'Start signing in with the OpenID Provider',
    description:
      'Redirects the browser to the provider (authorization-code flow with PKCE, state and nonce), keeping what the callback checks in a short-lived HttpOnly cookie.',
    writesOwnAnswer: true,
    undocumented: true,
    output: redirectDoc(302, "to the provider's sign-in page"),
    errors: {
      404: json(ErrorSchema, 'OpenID Connect sign-in is not set up on this server'),
      502: json(ErrorSchema, 'the provider did not answer (identity_provider_unavailable)'),
    },
    handler: async (_input, deps, { req, res }) => {
      const oidc = oidcOf(deps);
      // AUTH=off: there is nobody to sign in as, and everybody is already in
      if (deps.auth.off) return void res.redirect(303, '/');
      let begun: Awaited<ReturnType<OidcSignIn['begin']>>;
      try {
        begun = await oidc.begin(oidc.redirectUriFor(requestOrigin(req)));
      } catch (error) {
        // the provider is down: a page for the person who pressed the button, JSON for a script
        if (!isAppError(error) || !wantsPage(req)) throw error;
        return void res.status(error.status).type('html').send(refusalPage(error, oidc.name));
      }
      const { url, pending } = begun;
      const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
      res.cookie(PENDING_COOKIE, value, { ...cookieOptions(pending.redirectUri), maxAge: PENDING_MAX_AGE_MS });
      res.redirect(302, url.href);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/oidc/callback',
    permission: 'public',
    summary: "The provider's answer: sign in and go to the client",
    description:
      'Redeems the code, validates the ID token, maps the role and clearance claims, creates or updates the account and starts a session (the session cookie), then redirects to `/`. Refused sign-ins are 401 (a page for a browser), naming the reason in `details.reason`.',
    input: { query: { schema: CallbackQuery, what: 'callback parameters' } },
    writesOwnAnswer: true,
    undocumented: true,
    output: redirectDoc(303, 'signed in: to the client'),
    errors: {
      400: json(ErrorSchema, 'no sign-in was started in this browser, or it is over ten minutes old (bad_request)'),
      401: json(
        ErrorSchema,
        'refused (unauthenticated): the provider said no, its answer did not check out (state, nonce, signature), a claim is missing or invalid, or the account is disabled',
      ),
      404: json(ErrorSchema, 'OpenID Connect sign-in is not set up on this server'),
      502: json(ErrorSchema, 'the provider did not answer (identity_provider_unavailable)'),
    },
    handler: async (_input, deps, http) => {
      const { req, res } = http;
      const oidc = oidcOf(deps);
      if (deps.auth.off) return void res.redirect(303, '/');
      const pending = pendingOf(req);
      // one use: whatever happens next, this browser's pending sign-in is over
      if (pending) res.clearCookie(PENDING_COOKIE, cookieOptions(pending.redirectUri));
      let identity: OidcIdentity | undefined;
      try {
        if (!pending)
          throw new OidcSignInError(
            'no_pending_sign_in',
            'no sign-in was started in this browser, or it took longer than ten minutes; start it again',
          );
        // the cookie is the browser's to change: its redirect URL must be this very callback's
        if (pending.redirectUri !== oidc.redirectUriFor(requestOrigin(req)))
          throw new OidcSignInError(
            'invalid_response',
            'this sign-in was started for another address of scamnet; start it again here',
          );
        const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
        identity = await oidc.finish(query, pending);
        await startOidcSession(identity, deps, http);
      } catch (error) {
        refuse(error, deps, req, res, identity);
        return;
      }
      res.redirect(303, '/');
    },
  }),
];
