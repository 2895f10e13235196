/**
 * A verified OIDC identity becomes a signed-in browser: its account created or updated
 * (server/auth/oidc-accounts.ts) and a server-side session started exactly as a local sign-in
 * starts one (the same session store and `scamnet_session` cookie), recorded in the trail.
 */
import type { Request, Response } from 'express';
import type { OidcIdentity } from '../../auth/oidc.ts';
import { upsertOidcAccount } from '../../auth/oidc-accounts.ts';
import { whoOf } from '../../auth/user-admin.ts';
import { readSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import type { Actor } from '../../model/access.ts';
import type { ApiDeps } from '../route.ts';

export async function startOidcSession(
  identity: OidcIdentity,
  { auth, audit }: ApiDeps,
  { req, res }: { req: Request; res: Response },
): Promise<Actor> {
  const account = await upsertOidcAccount(auth.accounts, identity, new Date());
  const { actor, sessionId } = auth.startSession(account.name, 'oidc');
  // a session the browser had before is ended, not carried over (session fixation)
  const before = readSessionCookie(req);
  if (before) auth.sessions.delete(before);
  setSessionCookie(req, res, sessionId);
  audit.record({
    ...whoOf(actor, req.ip ?? null),
    action: 'auth.sign-in',
    targets: [account.name],
    outcome: 'ok',
    details: { method: 'oidc', issuer: identity.issuer, subject: identity.subject },
  });
  return actor;
}
