/** Turns a verified OIDC identity into scamnet's account and session (the auth helper's store). */
import type { Request, Response, NextFunction } from 'express';
import type { OidcIdentity } from '../../auth/oidc.ts';
import type { Actor } from '../../model/access.ts';
import type { ApiDeps } from '../route.ts';

export async function startOidcSession(
  identity: OidcIdentity,
  deps: ApiDeps,
  http: { req: Request; res: Response; next: NextFunction; actor: Actor },
): Promise<void> {
  // PLACEHOLDER until the account store lands: records the sign-in only
  deps.audit.record({
    user: identity.username,
    role: identity.role,
    via: 'oidc',
    address: http.req.ip ?? null,
    action: 'auth.sign-in',
    targets: [identity.username],
    outcome: 'ok',
    details: { via: 'oidc', issuer: identity.issuer, subject: identity.subject },
  });
}
