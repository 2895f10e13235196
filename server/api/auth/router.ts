/**
 * /api/auth — signing in and out, who am I, one-time links, one's own password. Every route here
 * is public (it has to be reachable before sign-in); those that need an account check it
 * themselves and answer 401 without one.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { AUTH_OFF_ACTOR } from '../../auth/auth.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { sessionIdOf } from '../../http/authenticate.ts';
import { can, PERMISSIONS, type Actor } from '../../model/access.ts';
import { AuthOptionsSchema, PasswordSchema, SignedInSchema, type SignedIn } from '../../model/account.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { actorOf, defineRoute } from '../route.ts';
import { ErrorSchema } from '../schemas.ts';

const unauthenticated = (description: string) => json(ErrorSchema, `unauthenticated: ${description}`);

export function signedIn(actor: Actor, authOff: boolean): SignedIn {
  return { actor, permissions: PERMISSIONS.filter((p) => can(actor, p)), authOff };
}

const addressOf = (req: Request) => req.ip ?? 'unknown';

const SignInBody = z.object({
  // loose on purpose: a name that could never exist gets the same 401 as a wrong password
  name: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export const authRoutes = [
  defineRoute({
    method: 'get',
    path: '/auth/options',
    permission: 'public',
    summary: 'How one may sign in here',
    output: {
      status: 200,
      description: 'local accounts, OIDC, or no sign-in at all (AUTH=off)',
      schema: AuthOptionsSchema,
    },
    errors: { ...failures },
    handler: (_input, { auth }) => ({ local: true as const, oidc: auth.oidc, authOff: auth.off }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sign-in',
    permission: 'public',
    summary: 'Sign in with a name and password',
    description:
      'Starts a new server-side session (a new random id every time) and sets the `scamnet_session` cookie: HttpOnly, SameSite=Strict, Path=/, Secure over https. Failed attempts are limited per account (SIGNIN_MAX_PER_ACCOUNT) and per address (SIGNIN_MAX_PER_ADDRESS) in 15 minutes.',
    input: { body: { schema: SignInBody, what: 'sign-in' } },
    output: { status: 200, description: 'signed in; the cookie is set', schema: SignedInSchema },
    errors: {
      400: errors[400],
      401: unauthenticated('the name or password is wrong, or the account is disabled (one message for each)'),
      429: json(ErrorSchema, 'rate_limited: too many failed sign-ins for the account or from the address'),
      ...failures,
    },
    handler: async ({ body }, { auth }, { req, res }) => {
      if (auth.off) return signedIn(AUTH_OFF_ACTOR, true);
      try {
        const { actor, sessionId } = await auth.signIn(body.name, body.password, addressOf(req));
        // a session the browser had before is ended, not carried over (session fixation)
        const before = readSessionCookie(req);
        if (before) auth.sessions.delete(before);
        setSessionCookie(req, res, sessionId);
        return signedIn(actor, false);
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') {
          const details = error.details as { retryAfterSeconds?: number };
          if (details.retryAfterSeconds) res.setHeader('Retry-After', String(details.retryAfterSeconds));
        }
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sign-out',
    permission: 'public',
    summary: 'Sign out: the session ends on the server at once and the cookie is cleared',
    output: { status: 204, description: 'signed out (also when there was no session)' },
    errors: { ...failures },
    handler: (_input, { auth }, { req, res }) => {
      const sessionId = readSessionCookie(req);
      if (sessionId) auth.signOut(sessionId, sessionIdOf(res) === sessionId ? actorOf(res) : undefined, addressOf(req));
      clearSessionCookie(req, res);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/me',
    permission: 'public',
    summary: 'The signed-in account: name, role, clearance and what it may do',
    output: { status: 200, description: 'who the request runs as', schema: SignedInSchema },
    errors: { 401: unauthenticated('not signed in'), ...failures },
    handler: (_input, { auth }, { res }) => {
      const actor = actorOf(res);
      if (!actor) throw new AppError('unauthenticated', 'not signed in');
      return signedIn(actor, auth.off);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/link',
    permission: 'public',
    summary: 'Use a one-time sign-in link (printed on first start, or by `npm run user -- link <name>`)',
    input: {
      query: {
        schema: z.object({ token: z.string().min(1).max(200).describe('the link token') }),
        what: 'sign-in link',
      },
    },
    output: {
      status: 200,
      description: 'signed in, for a client that asks for JSON (Accept: application/json): the session cookie is set',
      schema: SignedInSchema,
    },
    errors: {
      303: { description: 'signed in, for a browser: the session cookie is set and Location is /' },
      400: errors[400],
      401: unauthenticated('the link was used already, has expired, or is unknown'),
      ...failures,
    },
    writesOwnAnswer: true,
    handler: ({ query }, { auth }, { req, res }) => {
      // a browser following the printed link goes on to the client; a script gets who it now is
      const wantsJson = req.accepts(['html', 'json']) === 'json';
      if (auth.off) {
        if (wantsJson) res.json(signedIn(AUTH_OFF_ACTOR, true));
        else res.redirect(303, '/');
        return;
      }
      const { actor, sessionId } = auth.signInWithLink(query.token, addressOf(req));
      const before = readSessionCookie(req);
      if (before) auth.sessions.delete(before);
      setSessionCookie(req, res, sessionId);
      if (wantsJson) res.json(signedIn(actor, false));
      else res.redirect(303, '/');
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/password',
    permission: 'public',
    summary: "Change one's own password (the current one is asked for); one's other sessions end",
    input: {
      body: {
        schema: z.object({
          currentPassword: z
            .string()
            .max(1024)
            .optional()
            .describe('required when the account has a password (not after a first one-time link)'),
          newPassword: PasswordSchema,
        }),
        what: 'password change',
      },
    },
    output: { status: 204, description: 'changed' },
    errors: {
      400: errors[400],
      401: unauthenticated('not signed in, or the current password is wrong'),
      429: json(ErrorSchema, 'rate_limited: too many wrong current passwords'),
      ...failures,
    },
    handler: async ({ body }, { auth }, { req, res }) => {
      const actor = actorOf(res);
      if (!actor || auth.off) throw new AppError('unauthenticated', 'sign in to change your password');
      await auth.changeOwnPassword(actor, sessionIdOf(res), body.currentPassword, body.newPassword, addressOf(req));
    },
  }),
];
