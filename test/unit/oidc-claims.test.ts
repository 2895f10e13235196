/**
 * OIDC settings and claim mapping (server/auth/oidc.ts, server/config.ts): what turns sign-in on,
 * and how a provider's role and clearance claims become scamnet's, refusing what does not map.
 */
import { describe, expect, it } from 'vitest';
import { clearanceFrom, OidcSignIn, OidcSignInError, oidcSettingsFrom, roleFrom } from '../../server/auth/oidc.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { accountNameFrom } from '../../server/auth/oidc-accounts.ts';

const ON = {
  OIDC_ISSUER: 'https://login.example.org/realms/scamnet',
  OIDC_CLIENT_ID: 'scamnet',
  OIDC_CLIENT_SECRET: 's3cret',
};

function issuesOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('OIDC settings', () => {
  it('are off unless issuer, client id and secret are all set', () => {
    expect(oidcSettingsFrom(loadConfig({}))).toBeUndefined();
    const settings = oidcSettingsFrom(loadConfig(ON));
    expect(settings).toMatchObject({
      clientId: 'scamnet',
      scopes: 'openid profile email',
      roleClaim: 'scamnet_role',
      clearanceClaim: 'scamnet_clearance',
      usernameClaim: 'preferred_username',
      defaultRole: undefined,
      defaultClearance: undefined,
      redirectUrl: undefined,
      name: 'login.example.org',
    });
  });

  it('name each missing one of the three when only some are set', () => {
    expect(issuesOf({ OIDC_ISSUER: ON.OIDC_ISSUER })).toEqual([
      { variable: 'OIDC_CLIENT_ID', message: 'required with OIDC_ISSUER' },
      { variable: 'OIDC_CLIENT_SECRET', message: 'required with OIDC_ISSUER' },
    ]);
  });

  it('take an http:// issuer only on loopback, scopes only with openid, defaults only from the lists', () => {
    expect(issuesOf({ ...ON, OIDC_ISSUER: 'http://login.example.org' }).map((i) => i.variable)).toEqual([
      'OIDC_ISSUER',
    ]);
    expect(issuesOf({ ...ON, OIDC_ISSUER: 'http://127.0.0.1:8080' })).toEqual([]);
    expect(issuesOf({ ...ON, OIDC_SCOPES: 'profile email' }).map((i) => i.variable)).toEqual(['OIDC_SCOPES']);
    expect(issuesOf({ ...ON, OIDC_DEFAULT_ROLE: 'root' }).map((i) => i.variable)).toEqual(['OIDC_DEFAULT_ROLE']);
    expect(issuesOf({ ...ON, OIDC_DEFAULT_CLEARANCE: 'SECRET' }).map((i) => i.variable)).toEqual([
      'OIDC_DEFAULT_CLEARANCE',
    ]);
    expect(issuesOf({ ...ON, OIDC_REDIRECT_URL: 'not a url' }).map((i) => i.variable)).toEqual(['OIDC_REDIRECT_URL']);
  });

  it('derive the redirect URL from the origin the browser used unless OIDC_REDIRECT_URL is set', () => {
    const derived = new OidcSignIn(oidcSettingsFrom(loadConfig(ON))!);
    expect(derived.redirectUriFor('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/api/auth/oidc/callback');
    const fixed = new OidcSignIn(
      oidcSettingsFrom(loadConfig({ ...ON, OIDC_REDIRECT_URL: 'https://scamnet.example/api/auth/oidc/callback' }))!,
    );
    expect(fixed.redirectUriFor('http://127.0.0.1:3000')).toBe('https://scamnet.example/api/auth/oidc/callback');
  });
});

describe('claim mapping', () => {
  it('reads a role name, or the highest role in a list of groups', () => {
    expect(roleFrom('analyst')).toBe('analyst');
    expect(roleFrom(' Admin ')).toBe('admin');
    expect(roleFrom(['staff', 'viewer', 'analyst'])).toBe('analyst');
    expect(roleFrom(['staff'])).toBeUndefined();
    expect(roleFrom('superuser')).toBeUndefined();
    expect(roleFrom(3)).toBeUndefined();
    expect(roleFrom(undefined)).toBeUndefined();
  });

  it('reads a TLP level in any case, with or without TLP:, or the highest of a list', () => {
    expect(clearanceFrom('GREEN')).toBe('GREEN');
    expect(clearanceFrom('tlp:amber+strict')).toBe('AMBER+STRICT');
    expect(clearanceFrom(['GREEN', 'RED', 'bogus'])).toBe('RED');
    expect(clearanceFrom('WHITE')).toBeUndefined();
    expect(clearanceFrom('TOP SECRET')).toBeUndefined();
    expect(clearanceFrom({ level: 'RED' })).toBeUndefined();
  });

  const withDefaults = (env: Record<string, string> = {}) =>
    new OidcSignIn(oidcSettingsFrom(loadConfig({ ...ON, ...env }))!);

  it('refuses claims that do not map, naming the claim, unless a default is configured', () => {
    const strict = withDefaults();
    const refusal = (claims: Record<string, unknown>) => {
      try {
        strict.identityOf('https://idp', 'sub-1', claims);
      } catch (error) {
        return error instanceof OidcSignInError ? { status: error.status, details: error.details } : error;
      }
      return 'signed in';
    };
    expect(refusal({ scamnet_clearance: 'RED' })).toEqual({
      status: 401,
      details: { reason: 'role_claim', claim: 'scamnet_role' },
    });
    expect(refusal({ scamnet_role: 'viewer', scamnet_clearance: 'SECRET' })).toEqual({
      status: 401,
      details: { reason: 'clearance_claim', claim: 'scamnet_clearance' },
    });
    const lenient = withDefaults({ OIDC_DEFAULT_ROLE: 'viewer', OIDC_DEFAULT_CLEARANCE: 'CLEAR' });
    expect(lenient.identityOf('https://idp', 'sub-1', { preferred_username: 'dave' })).toEqual({
      issuer: 'https://idp',
      subject: 'sub-1',
      username: 'dave',
      role: 'viewer',
      clearance: 'CLEAR',
    });
    // a valid claim wins over the default
    expect(lenient.identityOf('https://idp', 'sub-1', { scamnet_clearance: 'GREEN' }).clearance).toBe('GREEN');
  });

  it('names the account from the username claim, else email, else the subject', () => {
    const mapper = withDefaults({
      OIDC_DEFAULT_ROLE: 'viewer',
      OIDC_DEFAULT_CLEARANCE: 'CLEAR',
      OIDC_USERNAME_CLAIM: 'upn',
    });
    expect(mapper.identityOf('i', 's', { upn: 'j.smith', email: 'js@example.org' }).username).toBe('j.smith');
    expect(mapper.identityOf('i', 's', { email: 'js@example.org' }).username).toBe('js@example.org');
    expect(mapper.identityOf('i', 'subject-9', { upn: '  ' }).username).toBe('subject-9');
  });
});

describe('account names from username claims', () => {
  it('lower-cases, replaces what a name may not hold, trims the front and caps the length', () => {
    expect(accountNameFrom('J.Smith@Agency.gov')).toBe('j.smith-agency.gov');
    expect(accountNameFrom('__admin')).toBe('admin');
    expect(accountNameFrom('Zoë Müller')).toBe('zo--m-ller');
    expect(accountNameFrom('a'.repeat(100))).toBe('a'.repeat(64));
    expect(accountNameFrom('張偉')).toBeUndefined();
    expect(accountNameFrom('')).toBeUndefined();
  });
});
