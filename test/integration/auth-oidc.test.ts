/**
 * OpenID Connect sign-in against a real provider: `oidc-provider` on a loopback port, the real
 * scamnet app listening on another, and a browser made of `fetch` that follows every redirect
 * by hand, keeps cookies and fills in the provider's login and consent forms.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcSignIn, oidcSettingsFrom } from '../../server/auth/oidc.ts';
import { loadConfig } from '../../server/config.ts';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { appFor, startHarness, type Harness } from '../support/app-harness.ts';
import { Browser } from '../support/oidc-browser.ts';
import { runServerToExit, startServer } from '../support/server-process.ts';
import { settingsFor, startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';

let harness: Harness;
let provider: TestProvider;
let server: Server;
let origin: string;
let callback: string;
/** what the app recorded, in order */
// the trail in memory, as the other auth suites use it; its events are stamped with a time
const audit = new MemoryAudit();
const events = audit.events;

beforeAll(async () => {
  harness = await startHarness();
  // the app's port must be known before the provider registers its redirect URL
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  callback = `${origin}/api/auth/oidc/callback`;
  provider = await startTestProvider(callback);
  const settings = settingsFor(provider);
  server.on(
    'request',
    appFor(harness.store, harness.dataDir, {
      auth: { mode: 'on' },
      oidc: new OidcSignIn(settings),
      audit,
    }),
  );
  provider.accounts.set('alice-sub', {
    preferred_username: 'alice',
    name: 'Alice Analyst',
    scamnet_role: 'analyst',
    scamnet_clearance: 'AMBER',
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await provider?.close();
  await harness?.close();
});

/** Signs in at the provider as `accountId` and visits scamnet's callback; returns its answer. */
async function signIn(browser: Browser, accountId: string, accept = '*/*'): Promise<Response> {
  const back = await browser.throughProvider(`${origin}/api/auth/oidc/start`, callback, accountId);
  return browser.get(back, accept);
}

async function me(browser: Browser): Promise<Response> {
  return browser.get(`${origin}/api/auth/me`, 'application/json');
}

describe('GET /api/auth/oidc/start', () => {
  it('redirects to the provider with PKCE (S256), state and nonce, and keeps them in a Lax HttpOnly cookie', async () => {
    const browser = new Browser();
    const response = await browser.get(`${origin}/api/auth/oidc/start`);
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('client_id')).toBe(provider.clientId);
    expect(to.searchParams.get('redirect_uri')).toBe(callback);
    expect(to.searchParams.get('scope')).toBe('openid profile email');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('scamnet_oidc='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
    // the verifier itself never goes to the provider
    const pending = JSON.parse(
      Buffer.from(decodeURIComponent(cookie!.split(';')[0]!.split('=')[1]!), 'base64url').toString(),
    );
    expect(to.href).not.toContain(pending.verifier);
  });
});

describe('GET /api/auth/oidc/callback', () => {
  it('signs in the mapped account: a session cookie, 303 to /, and /api/auth/me shows the role and clearance', async () => {
    const browser = new Browser();
    const response = await signIn(browser, 'alice-sub');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const session = response.headers.getSetCookie().find((c) => c.startsWith('scamnet_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    // the pending sign-in is spent
    expect(browser.jar.get(new URL(callback), 'scamnet_oidc')).toBeUndefined();
    const answer = await me(browser);
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.actor).toEqual({ name: 'alice', role: 'analyst', clearance: 'AMBER', rawCypher: false, via: 'oidc' });
    expect(body.permissions).toContain('import');
    expect(body.permissions).not.toContain('users:manage');
    expect(events.filter((e) => e.action === 'auth.sign-in' && e.user === 'alice').at(-1)).toEqual({
      user: 'alice',
      role: 'analyst',
      via: 'oidc',
      address: expect.stringContaining('127.0.0.1'),
      action: 'auth.sign-in',
      targets: ['alice'],
      outcome: 'ok',
      details: { method: 'oidc', issuer: provider.issuer, subject: 'alice-sub' },
      time: expect.any(String),
    });
  });

  it('maps a GREEN clearance claim to a GREEN actor, and follows the provider when the claims change', async () => {
    provider.accounts.set('gina-sub', {
      preferred_username: 'gina',
      scamnet_role: 'viewer',
      scamnet_clearance: 'GREEN',
    });
    const first = new Browser();
    expect((await signIn(first, 'gina-sub')).status).toBe(303);
    expect((await (await me(first)).json()).actor).toMatchObject({ name: 'gina', role: 'viewer', clearance: 'GREEN' });
    provider.accounts.set('gina-sub', {
      preferred_username: 'gina',
      scamnet_role: 'analyst',
      scamnet_clearance: 'tlp:amber',
    });
    const second = new Browser();
    expect((await signIn(second, 'gina-sub')).status).toBe(303);
    expect((await (await me(second)).json()).actor).toMatchObject({
      name: 'gina',
      role: 'analyst',
      clearance: 'AMBER',
    });
  });

  it('refuses a callback whose state is not the one this browser started with: 401 and no session', async () => {
    const browser = new Browser();
    const back = await browser.throughProvider(`${origin}/api/auth/oidc/start`, callback, 'alice-sub');
    back.searchParams.set('state', 'not-the-state-we-sent-0123456789');
    const response = await browser.get(back);
    expect(response.status).toBe(401);
    expect(events.at(-1)).toMatchObject({
      user: 'anonymous',
      action: 'auth.sign-in',
      outcome: 'denied',
      details: { method: 'oidc', reason: 'invalid_response' },
    });
    const body = await response.json();
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.details.reason).toBe('invalid_response');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('scamnet_session='))).toBe(false);
    expect((await me(browser)).status).toBe(401);
  });

  it('refuses a callback in a browser that started no sign-in (another browser, or a forged link): 400', async () => {
    const started = new Browser();
    const back = await started.throughProvider(`${origin}/api/auth/oidc/start`, callback, 'alice-sub');
    const other = new Browser();
    const response = await other.get(back);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.reason).toBe('no_pending_sign_in');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('scamnet_session='))).toBe(false);
    expect((await me(other)).status).toBe(401);
  });

  it('refuses a pending sign-in whose redirect URL was changed in the cookie', async () => {
    const browser = new Browser();
    const back = await browser.throughProvider(`${origin}/api/auth/oidc/start`, callback, 'alice-sub');
    const pending = JSON.parse(
      Buffer.from(browser.jar.get(new URL(callback), 'scamnet_oidc')!, 'base64url').toString(),
    );
    const forged = Buffer.from(JSON.stringify({ ...pending, redirectUri: 'https://evil.example/cb' })).toString(
      'base64url',
    );
    const response = await fetch(back, { redirect: 'manual', headers: { cookie: `scamnet_oidc=${forged}` } });
    expect(response.status).toBe(401);
    expect((await response.json()).error.details.reason).toBe('invalid_response');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('scamnet_session='))).toBe(false);
  });

  it('refuses a code redeemed twice (the callback replayed)', async () => {
    const browser = new Browser();
    const back = await browser.throughProvider(`${origin}/api/auth/oidc/start`, callback, 'alice-sub');
    const pending = browser.jar.get(new URL(callback), 'scamnet_oidc');
    expect((await browser.get(back)).status).toBe(303);
    // the same answer again, with the pending cookie put back as an attacker holding both would
    const replay = new Browser();
    const response = await fetch(back, { redirect: 'manual', headers: { cookie: `scamnet_oidc=${pending}` } });
    expect(response.status).toBe(401);
    expect((await me(replay)).status).toBe(401);
  });

  it('refuses a token without the role claim, with a page that says which claim is missing', async () => {
    provider.accounts.set('nora-sub', { preferred_username: 'nora', scamnet_clearance: 'RED' });
    const browser = new Browser();
    const response = await signIn(browser, 'nora-sub', 'text/html');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('Sign-in with Test IdP refused');
    expect(page).toContain('scamnet_role');
    expect((await me(browser)).status).toBe(401);
  });

  it('refuses an invalid clearance claim (JSON for a non-browser)', async () => {
    provider.accounts.set('ivan-sub', {
      preferred_username: 'ivan',
      scamnet_role: 'viewer',
      scamnet_clearance: 'TOP SECRET',
    });
    const browser = new Browser();
    const response = await signIn(browser, 'ivan-sub');
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error.details).toEqual({ reason: 'clearance_claim', claim: 'scamnet_clearance' });
    expect((await me(browser)).status).toBe(401);
    // the refusal is in the trail, with who the provider said it was and why
    expect(events.at(-1)).toMatchObject({
      user: 'ivan',
      role: null,
      via: 'oidc',
      action: 'auth.sign-in',
      outcome: 'denied',
      details: { method: 'oidc', reason: 'clearance_claim', subject: 'ivan-sub' },
    });
  });

  it('refuses when the user cancels at the provider (access_denied)', async () => {
    const browser = new Browser();
    const back = await browser.throughProvider(`${origin}/api/auth/oidc/start`, callback, 'alice-sub', { abort: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    const response = await browser.get(back);
    expect(response.status).toBe(401);
    expect((await response.json()).error.details).toMatchObject({ reason: 'provider_error', error: 'access_denied' });
  });

  it('keeps a disabled account disabled, whatever the provider says', async () => {
    provider.accounts.set('root-sub', { preferred_username: 'root', scamnet_role: 'admin', scamnet_clearance: 'RED' });
    provider.accounts.set('carol-sub', {
      preferred_username: 'carol',
      scamnet_role: 'admin',
      scamnet_clearance: 'RED',
    });
    const carol = new Browser();
    expect((await signIn(carol, 'carol-sub')).status).toBe(303);
    const admin = new Browser();
    expect((await signIn(admin, 'root-sub')).status).toBe(303);
    const disabled = await fetch(`${origin}/api/users/carol`, {
      method: 'PATCH',
      headers: { cookie: admin.jar.header(new URL(origin)), 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    // her session ended with the disabling, and the provider cannot sign her in again
    expect((await me(carol)).status).toBe(401);
    const again = new Browser();
    const response = await signIn(again, 'carol-sub');
    expect(response.status).toBe(401);
    expect((await response.json()).error.details.reason).toBe('account_disabled');
    expect((await me(again)).status).toBe(401);
  });
});

describe('the account an OIDC sign-in makes', () => {
  /** A browser signed in as an admin through the provider. */
  async function admin(): Promise<Browser> {
    provider.accounts.set('root-sub', { preferred_username: 'root', scamnet_role: 'admin', scamnet_clearance: 'RED' });
    const browser = new Browser();
    expect((await signIn(browser, 'root-sub')).status).toBe(303);
    return browser;
  }
  const asAdmin = (browser: Browser, method: string, path: string, body?: unknown) =>
    fetch(`${origin}${path}`, {
      method,
      headers: { cookie: browser.jar.header(new URL(origin)), 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  it('never takes over a local account whose name the username claim happens to match', async () => {
    const root = await admin();
    const added = await asAdmin(root, 'POST', '/api/users', {
      name: 'dave',
      role: 'viewer',
      clearance: 'CLEAR',
      password: 'a long local password',
    });
    expect(added.status).toBe(201);
    provider.accounts.set('dave-sub', { preferred_username: 'Dave', scamnet_role: 'admin', scamnet_clearance: 'RED' });
    const browser = new Browser();
    const response = await signIn(browser, 'dave-sub');
    expect(response.status).toBe(401);
    expect((await response.json()).error.details).toEqual({ reason: 'account_conflict', account: 'dave' });
    expect((await me(browser)).status).toBe(401);
    const users = (await (await asAdmin(root, 'GET', '/api/users')).json()).users as Array<Record<string, unknown>>;
    expect(users.find((u) => u.name === 'dave')).toMatchObject({
      role: 'viewer',
      clearance: 'CLEAR',
      hasPassword: true,
    });
  });

  it('names the account from the username claim as an account name may be written, with no password', async () => {
    provider.accounts.set('js-sub', {
      preferred_username: 'J.Smith@Agency.gov',
      scamnet_role: ['staff', 'viewer'],
      scamnet_clearance: 'CLEAR',
    });
    const browser = new Browser();
    expect((await signIn(browser, 'js-sub')).status).toBe(303);
    expect((await (await me(browser)).json()).actor).toMatchObject({ name: 'j.smith-agency.gov', role: 'viewer' });
    const users = (await (await asAdmin(await admin(), 'GET', '/api/users')).json()).users as Array<
      Record<string, unknown>
    >;
    expect(users.find((u) => u.name === 'j.smith-agency.gov')).toMatchObject({ hasPassword: false, disabled: false });
  });

  it('keeps the account of a subject whose username changes at the provider', async () => {
    provider.accounts.set('moving-sub', {
      preferred_username: 'mover',
      scamnet_role: 'viewer',
      scamnet_clearance: 'GREEN',
    });
    expect((await signIn(new Browser(), 'moving-sub')).status).toBe(303);
    provider.accounts.set('moving-sub', {
      preferred_username: 'renamed',
      scamnet_role: 'viewer',
      scamnet_clearance: 'GREEN',
    });
    const browser = new Browser();
    expect((await signIn(browser, 'moving-sub')).status).toBe(303);
    expect((await (await me(browser)).json()).actor.name).toBe('mover');
  });

  it('ends the session a browser had before (no session fixation)', async () => {
    const browser = new Browser();
    expect((await signIn(browser, 'alice-sub')).status).toBe(303);
    const before = browser.jar.get(new URL(origin), 'scamnet_session')!;
    expect((await signIn(browser, 'alice-sub')).status).toBe(303);
    const after = browser.jar.get(new URL(origin), 'scamnet_session')!;
    expect(after).not.toBe(before);
    const old = await fetch(`${origin}/api/auth/me`, { headers: { cookie: `scamnet_session=${before}` } });
    expect(old.status).toBe(401);
    expect((await me(browser)).status).toBe(200);
  });
});

describe('GET /api/auth/options', () => {
  it("reports OIDC sign-in and the provider's name", async () => {
    const response = await fetch(`${origin}/api/auth/options`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ local: true, oidc: true, oidcName: 'Test IdP' });
  });
});

describe('without OIDC_* set', () => {
  it('has no OIDC sign-in: options say so and the routes are 404', async () => {
    const plain = await startHarness(undefined, { auth: { mode: 'on' } });
    try {
      const options = await request(plain.app).get('/api/auth/options').expect(200);
      expect(options.body).toEqual({ local: true, oidc: false, authOff: false });
      const start = await request(plain.app).get('/api/auth/oidc/start').expect(404);
      expect(start.body.error.code).toBe('not_found');
      await request(plain.app).get('/api/auth/oidc/callback?code=x&state=y').expect(404);
    } finally {
      await plain.close();
    }
  });
});

describe('a provider that does not answer', () => {
  it('is 502 identity_provider_unavailable (a page for a browser), and the next try asks it again', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    const closed = `http://127.0.0.1:${port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const settings = oidcSettingsFrom(
      loadConfig({ OIDC_ISSUER: closed, OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's', OIDC_NAME: 'Down IdP' }),
    )!;
    const app = appFor(harness.store, harness.dataDir, { auth: { mode: 'on' }, oidc: new OidcSignIn(settings) });
    const json = await request(app).get('/api/auth/oidc/start').expect(502);
    expect(json.body.error).toMatchObject({ code: 'identity_provider_unavailable', retriable: true });
    expect(json.headers['set-cookie']).toBeUndefined();
    const page = await request(app).get('/api/auth/oidc/start').set('accept', 'text/html').expect(502);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Sign-in with Down IdP refused');
    expect(page.text).toContain('did not answer');
    // a failed discovery is not remembered: once the provider is up, the same server signs in
    const up = await startTestProvider(callback, port);
    try {
      const started = await request(app).get('/api/auth/oidc/start').expect(302);
      expect(new URL(started.headers.location!).origin).toBe(closed);
    } finally {
      await up.close();
    }
  });
});

describe('with AUTH=off', () => {
  it('sends the browser straight to the client: there is nobody to sign in as', async () => {
    const settings = oidcSettingsFrom(
      loadConfig({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: 'x' }),
    )!;
    const app = appFor(harness.store, harness.dataDir, { auth: { mode: 'off' }, oidc: new OidcSignIn(settings) });
    const start = await request(app).get('/api/auth/oidc/start').expect(303);
    expect(start.headers.location).toBe('/');
    expect(start.headers['set-cookie']).toBeUndefined();
    await request(app).get('/api/auth/oidc/callback?code=x&state=y').expect(303);
  });
});

describe('npm start with OIDC_* set', () => {
  it('signs in through the provider on the running server, as configured from the environment', async () => {
    // the callback must be registered before the server starts, so its port is chosen first
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const own = await startTestProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
    own.accounts.set('erin-sub', { preferred_username: 'erin', scamnet_role: 'analyst', scamnet_clearance: 'GREEN' });
    const running = await startServer({
      PORT: String(port),
      AUTH: 'on',
      SEED_ON_START: 'false',
      OIDC_ISSUER: own.issuer,
      OIDC_CLIENT_ID: own.clientId,
      OIDC_CLIENT_SECRET: own.clientSecret,
      OIDC_NAME: 'Agency SSO',
    });
    try {
      expect(running.logs.some((l) => l.msg === 'OpenID Connect sign-in is on' && l.issuer === own.issuer)).toBe(true);
      const options = await (await fetch(`${running.url}/api/auth/options`)).json();
      expect(options).toEqual({ local: true, oidc: true, oidcName: 'Agency SSO', authOff: false });
      const browser = new Browser();
      const back = await browser.throughProvider(
        `${running.url}/api/auth/oidc/start`,
        `${running.url}/api/auth/oidc/callback`,
        'erin-sub',
      );
      expect((await browser.get(back)).status).toBe(303);
      const answer = await browser.get(`${running.url}/api/auth/me`, 'application/json');
      expect((await answer.json()).actor).toEqual({
        name: 'erin',
        role: 'analyst',
        clearance: 'GREEN',
        rawCypher: false,
        via: 'oidc',
      });
    } finally {
      await running.stop();
      running.cleanup();
      await own.close();
    }
  }, 120_000);

  it('refuses to start with only part of the OIDC settings, naming what is missing', async () => {
    const result = await runServerToExit({ AUTH: 'on', OIDC_ISSUER: 'https://login.example.org' });
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('OIDC_CLIENT_ID: required with OIDC_ISSUER');
    expect(output).toContain('OIDC_CLIENT_SECRET: required with OIDC_ISSUER');
  });
});
