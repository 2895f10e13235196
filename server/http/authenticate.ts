/**
 * Who a request is, resolved once before any route runs, into `res.locals.actor` (route.ts reads
 * it, and answers 401 or 403 from the route's permission):
 *
 * - `Authorization: Bearer snt_…`: an API token of an enabled account. A request that sends
 *   Authorization is judged by it alone: a bad, revoked or disabled token leaves no actor, and
 *   no cookie rescues it.
 * - otherwise the `scamnet_session` cookie: a live server-side session of an enabled account.
 * - AUTH=off: everyone is the fully cleared `local` actor (loopback only, said loudly at start).
 *
 * Nothing found is no actor: public routes still answer, every other one is 401.
 */
import type { RequestHandler, Response } from 'express';
import { AUTH_OFF_ACTOR, type Auth } from '../auth/auth.ts';
import { readSessionCookie } from './session-cookie.ts';

/** The session id the request was authenticated by, when it was a session. */
export function sessionIdOf(res: Response): string | undefined {
  return (res.locals as { sessionId?: string }).sessionId;
}

export function authenticate(auth: Auth): RequestHandler {
  return (req, res, next) => {
    if (auth.off) {
      res.locals.actor = AUTH_OFF_ACTOR;
      next();
      return;
    }
    try {
      const address = req.ip ?? 'unknown';
      const header = req.headers.authorization;
      if (header !== undefined) {
        const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
        const found = token === undefined ? undefined : auth.actorOfToken(token);
        const request = { method: req.method, path: req.path };
        if (found) {
          res.locals.actor = found.actor;
          auth.tokenUsed(found.actor, found.tokenId, address, request);
        } else auth.tokenRefused(address, request);
        next();
        return;
      }
      const sessionId = readSessionCookie(req);
      const found = sessionId === undefined ? undefined : auth.actorOfSession(sessionId);
      if (found && sessionId !== undefined) {
        res.locals.actor = found.actor;
        res.locals.sessionId = sessionId;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
