/**
 * The session cookie: `scamnet_session`, HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it, the first defence against forged requests; request-guard.ts is the
 * second), Path=/, and Secure when the request came over https (req.secure, which honours
 * Express's `trust proxy` behind a TLS-terminating proxy). No Max-Age: the server ends the
 * session (idle and absolute limits), and closing the browser drops the cookie.
 */
import { parse } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'scamnet_session';

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parse(header)[SESSION_COOKIE] || undefined;
}

function options(req: Request) {
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: req.secure };
}

export function setSessionCookie(req: Request, res: Response, sessionId: string): void {
  res.cookie(SESSION_COOKIE, sessionId, options(req));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}
