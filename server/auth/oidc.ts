/**
 * OpenID Connect sign-in (README, "Sign-in with OpenID Connect"): the authorization-code flow with
 * PKCE, state and nonce, through `openid-client`. This module speaks to the provider and turns
 * its answer into an identity (subject, account name, role, clearance); the routes
 * (server/api/oidc/) keep the browser's side of the flow and make the account and the session.
 *
 * The provider is the authority on role and clearance: both are read from claims on every
 * sign-in. A token without a valid claim is refused unless OIDC_DEFAULT_ROLE /
 * OIDC_DEFAULT_CLEARANCE say what to grant instead, because guessing a clearance is how a
 * GREEN reader would come to see RED.
 */
import * as client from 'openid-client';
import { isHttpsOrLoopback, type Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { ROLES, type Role } from '../model/access.ts';
import { TLP_LEVELS, highestMarking, type Tlp } from '../model/markings.ts';

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URL; unset: derived from the request that starts the sign-in */
  redirectUrl: string | undefined;
  scopes: string;
  roleClaim: string;
  clearanceClaim: string;
  usernameClaim: string;
  defaultRole: Role | undefined;
  defaultClearance: Tlp | undefined;
  /** shown on the sign-in button: OIDC_NAME, or the issuer's host */
  name: string;
}

/** The OIDC settings, or undefined when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not all set. */
export function oidcSettingsFrom(config: Config): OidcSettings | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = config;
  if (!issuer || !clientId || !clientSecret) return undefined;
  const url = new URL(issuer);
  return {
    issuer: url,
    clientId,
    clientSecret,
    redirectUrl: config.OIDC_REDIRECT_URL,
    scopes: config.OIDC_SCOPES,
    roleClaim: config.OIDC_ROLE_CLAIM,
    clearanceClaim: config.OIDC_CLEARANCE_CLAIM,
    usernameClaim: config.OIDC_USERNAME_CLAIM,
    defaultRole: config.OIDC_DEFAULT_ROLE,
    defaultClearance: config.OIDC_DEFAULT_CLEARANCE,
    name: config.OIDC_NAME ?? url.host,
  };
}

/** What the browser carries from the start of a sign-in to its callback (server/api/oidc/). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** the PKCE code verifier; only its S256 hash went to the provider */
  verifier: string;
  /** the redirect_uri sent at the start, which the token request must repeat */
  redirectUri: string;
}

/** Who the provider says signed in, mapped to scamnet's terms. */
export interface OidcIdentity {
  issuer: string;
  /** the provider's stable id for the user (`sub`) */
  subject: string;
  /** the account name: OIDC_USERNAME_CLAIM, else email, else sub */
  username: string;
  role: Role;
  clearance: Tlp;
}

/** Why a sign-in was refused, in details.reason (and the audit trail). */
export type OidcRefusal =
  | 'provider_error'
  | 'invalid_response'
  | 'role_claim'
  | 'clearance_claim'
  | 'account_disabled'
  | 'account_conflict'
  | 'no_pending_sign_in';

/** A refused sign-in: 401, the reason in details, a message a user can act on. */
export class OidcSignInError extends AppError {
  /** who the provider said signed in, when the refusal came after its answer checked out (for the trail) */
  who: Pick<OidcIdentity, 'issuer' | 'subject' | 'username'> | undefined;

  constructor(
    readonly reason: OidcRefusal,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(reason === 'no_pending_sign_in' ? 'bad_request' : 'unauthenticated', message, { reason, ...extra });
    this.name = 'OidcSignInError';
  }
}

const FETCH_TIMEOUT_SECONDS = 10;

export class OidcSignIn {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  get name(): string {
    return this.settings.name;
  }

  /** The redirect URL to send: the configured one, or the callback on the origin the browser used. */
  redirectUriFor(requestOrigin: string): string {
    return this.settings.redirectUrl ?? new URL('/api/auth/oidc/callback', requestOrigin).href;
  }

  /** The provider's URL to send the browser to, and what the callback will need to check its answer. */
  async begin(redirectUri: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.configuration();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      redirectUri,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Checks the provider's answer (`query` of the callback) against what the start sent, redeems
   * the code, validates the ID token (signature, issuer, audience, expiry, nonce) and maps its
   * claims. Throws OidcSignInError when the answer does not check out or the claims do not map.
   */
  async finish(query: URLSearchParams, pending: PendingSignIn): Promise<OidcIdentity> {
    const config = await this.configuration();
    // the answer as the provider addressed it: the redirect_uri sent, with the provider's parameters
    const answer = new URL(pending.redirectUri);
    answer.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusalOf(error);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcSignInError('invalid_response', 'the provider sent no ID token');
    let claims: Record<string, unknown> = idClaims;
    const wanted = [this.settings.roleClaim, this.settings.clearanceClaim, this.settings.usernameClaim];
    // Providers that follow the spec put scope claims in userinfo, not the ID token, when an
    // access token is issued too: ask it for what the ID token lacks (for the same subject).
    if (wanted.some((name) => idClaims[name] === undefined) && config.serverMetadata().userinfo_endpoint) {
      try {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...userinfo, ...idClaims };
      } catch (error) {
        throw refusalOf(error);
      }
    }
    return this.identityOf(idClaims.iss, idClaims.sub, claims);
  }

  /** Maps verified claims to an identity; exported through the class for the unit tests. */
  identityOf(issuer: string, subject: string, claims: Record<string, unknown>): OidcIdentity {
    const { roleClaim, clearanceClaim, usernameClaim, defaultRole, defaultClearance } = this.settings;
    const username = [claims[usernameClaim], claims.email, subject]
      .find((value): value is string => typeof value === 'string' && value.trim() !== '')
      ?.trim();
    const who = { issuer, subject, username: username ?? subject };
    const refuse = (error: OidcSignInError) => Object.assign(error, { who });
    const role = roleFrom(claims[roleClaim]) ?? defaultRole;
    if (!role)
      throw refuse(
        new OidcSignInError(
          'role_claim',
          `the provider's token has no valid ${roleClaim} claim (one of ${ROLES.join(', ')}), so scamnet cannot tell what you may do; ask the provider's administrator to grant you a role`,
          { claim: roleClaim },
        ),
      );
    const clearance = clearanceFrom(claims[clearanceClaim]) ?? defaultClearance;
    if (!clearance)
      throw refuse(
        new OidcSignInError(
          'clearance_claim',
          `the provider's token has no valid ${clearanceClaim} claim (one of ${TLP_LEVELS.join(', ')}), so scamnet cannot tell which markings you may see; ask the provider's administrator to set your clearance`,
          { claim: clearanceClaim },
        ),
      );
    return { ...who, role, clearance };
  }

  /** Discovery, once; a failure is not kept, so the next sign-in tries the provider again. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    try {
      const config = await client.discovery(issuer, clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
        timeout: FETCH_TIMEOUT_SECONDS,
        // config.ts accepts http:// only for a loopback issuer (a provider on this machine)
        ...(issuer.protocol === 'http:' &&
          isHttpsOrLoopback(issuer.href) && { execute: [client.allowInsecureRequests] }),
      });
      config.timeout = FETCH_TIMEOUT_SECONDS;
      // The ID token comes straight from the token endpoint, where TLS vouches for the issuer and
      // the spec lets a client skip its signature. Checking it against the provider's keys anyway
      // costs one cached key fetch, and covers a loopback provider, which has no TLS to vouch.
      client.enableNonRepudiationChecks(config);
      return config;
    } catch (error) {
      throw new AppError(
        'identity_provider_unavailable',
        `the sign-in provider at ${issuer.origin} did not answer its discovery document (${messageOf(error)}); try again shortly`,
      );
    }
  }
}

/** A role claim: a role name, or a list (groups) of which the highest role named counts. */
export function roleFrom(value: unknown): Role | undefined {
  const named = listOf(value).map((v) => v.toLowerCase());
  return [...ROLES].reverse().find((role) => named.includes(role));
}

/** A clearance claim: a TLP level (any case, `TLP:` prefix allowed), or a list of which the highest counts. */
export function clearanceFrom(value: unknown): Tlp | undefined {
  const levels = listOf(value)
    .map((v) => v.toUpperCase().replace(/^TLP:/, ''))
    .filter((v): v is Tlp => (TLP_LEVELS as readonly string[]).includes(v));
  return levels.length > 0 ? highestMarking(levels) : undefined;
}

const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string').map((v) => v.trim());

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Network trouble (the provider is down) is 502; anything else about the answer is a refusal. */
function refusalOf(error: unknown): AppError {
  if (error instanceof client.AuthorizationResponseError)
    return new OidcSignInError('provider_error', `the provider refused the sign-in: ${error.error}`, {
      error: error.error,
      ...(error.error_description && { description: error.error_description }),
    });
  const unreachable =
    (error instanceof TypeError && error.message === 'fetch failed') ||
    (error instanceof client.ClientError && ['OAUTH_TIMEOUT', 'OAUTH_ABORT'].includes(error.code ?? ''));
  if (unreachable)
    return new AppError('identity_provider_unavailable', `the sign-in provider did not answer (${messageOf(error)})`);
  if (error instanceof client.ResponseBodyError)
    return new OidcSignInError('invalid_response', `the provider would not redeem the sign-in: ${error.error}`, {
      error: error.error,
    });
  return new OidcSignInError(
    'invalid_response',
    `the provider's answer did not check out (${messageOf(error)}); start the sign-in again`,
  );
}
