/**
 * OpenID Connect sign-in in real Chromium, with the provider on another *site* (localhost) than
 * scamnet (127.0.0.1): the browser applies SameSite between the two as it would between
 * scamnet.example and login.example.org. This is what proves the pending sign-in's Lax cookie
 * comes back on the provider's redirect (a Strict one would not), and that the session works
 * afterwards. Skipped, with a message, without Chromium; under CI=true that fails instead.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcSignIn } from '../../server/auth/oidc.ts';
import { appFor, startHarness, type Harness } from '../support/app-harness.ts';
import { CHROMIUM_PATH, announceSkip, browserRequired, hasChromium, launchBrowser } from '../support/browser.ts';
import { settingsFor, startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';

announceSkip('test/e2e/oidc-sign-in.test.ts');

describe.runIf(hasChromium || browserRequired)('OIDC sign-in in Chromium', () => {
  let harness: Harness;
  let provider: TestProvider;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startHarness();
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = await startTestProvider(`${origin}/api/auth/oidc/callback`, 0, 'localhost');
    provider.accounts.set('alice-sub', {
      preferred_username: 'alice',
      scamnet_role: 'analyst',
      scamnet_clearance: 'GREEN',
    });
    provider.accounts.set('nora-sub', { preferred_username: 'nora', scamnet_clearance: 'GREEN' });
    const settings = settingsFor(provider);
    server.on(
      'request',
      appFor(harness.store, harness.dataDir, { auth: { mode: 'on' }, oidc: new OidcSignIn(settings) }),
    );
    if (hasChromium) browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => {
      server?.closeAllConnections();
      server?.close(() => resolve());
    });
    await provider?.close();
    await harness?.close();
  });

  it('has Chromium to run in', () => {
    expect(hasChromium, `Chromium is missing at ${CHROMIUM_PATH}: .ci/run must install it`).toBe(true);
  });

  /** Presses "sign in with", then signs in and consents at the provider as `login`. */
  async function signInAt(page: Page, login: string): Promise<void> {
    await page.goto(`${origin}/api/auth/oidc/start`);
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    // the consent form, on the provider's site too
    await page.waitForSelector('button:has-text("Continue")');
    await page.click('button[type="submit"]');
  }

  it('comes back from the provider signed in, with the mapped role and clearance', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAt(page, 'alice-sub');
    await page.waitForURL(`${origin}/`);
    const me = await page.evaluate(async () => {
      const response = await fetch('/api/auth/me');
      return { status: response.status, body: await response.json() };
    });
    expect(me.status).toBe(200);
    expect(me.body.actor).toEqual({
      name: 'alice',
      role: 'analyst',
      clearance: 'GREEN',
      rawCypher: false,
      via: 'oidc',
    });
    const cookies = await context.cookies(origin);
    expect(cookies.find((c) => c.name === 'scamnet_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // the pending sign-in is spent
    expect(cookies.find((c) => c.name === 'scamnet_oidc')).toBeUndefined();
    await context.close();
  });

  it('shows a readable refusal when the role claim is missing, and no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAt(page, 'nora-sub');
    await page.waitForURL((url) => url.pathname === '/api/auth/oidc/callback');
    expect(await page.textContent('h1')).toBe('Sign-in with Test IdP refused');
    expect(await page.textContent('body')).toContain('scamnet_role');
    await page.click('a:has-text("Back to the sign-in page")');
    await page.waitForURL(`${origin}/`);
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);
    await context.close();
  });
});
