/**
 * Accounts in real Chromium against the real server started with AUTH=on (npm start's entry, a
 * small seed graph): the first admin signs in by the one-time link the first start prints and adds
 * a viewer in the Users panel; the viewer's wrong password is refused in words, the right one opens
 * the app with the user menu; what a viewer may not do is off, naming the permission, and a forced
 * attempt shows the server's 403; sign-out returns to the sign-in page and the old cookie is dead;
 * a disabled account's open page goes back to sign-in saying the session ended; too many wrong
 * passwords say when to try again; the admin reads their own sign-in in the audit trail and filters
 * it. A second server with AUTH=off shows its banner. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_PATH, announceSkip, browserRequired, hasChromium, launchBrowser } from '../support/browser.ts';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.ts';

announceSkip('test/e2e/auth.browser.test.ts');

const SHOTS = path.join(REPO_ROOT, 'test-results');
/** `SCREENSHOTS=docs npm test` also writes the README's screenshots (these) into docs/. */
const DOCS = process.env.SCREENSHOTS === 'docs' ? path.join(REPO_ROOT, 'docs') : null;
const IN_README = new Set(['auth-sign-in-refused.png', 'auth-user-menu.png', 'auth-audit-panel.png']);
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, name) });
  if (DOCS && IN_README.has(name)) {
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS, name) });
  }
}
const VIEWER = { name: 'vera', password: 'a long enough viewer password' };
const SESSION_COOKIE = 'scamnet_session';
/** expect.poll with room for a loaded machine (its default gives up after one second) */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

describe.runIf(hasChromium || browserRequired)('sign-in, denied states and admin panels in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  /** the first admin's browser, signed in by the one-time link */
  let admin: BrowserContext;
  let adminPage: Page;
  const contexts: BrowserContext[] = [];
  /** what each page logged as an error or threw (a 4xx the test provokes is shown, not logged) */
  const pageErrors = new Map<Page, string[]>();

  beforeAll(async () => {
    if (!hasChromium) return;
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ AUTH: 'on', SEED_SCALE: '0.05' }), launchBrowser()]);
    // printed once the server listens, as a plain line (not a log line)
    await vi.waitFor(
      () => {
        if (!server.plain.some((l) => l.includes('/api/auth/link?token='))) throw new Error('no sign-in link yet');
      },
      { timeout: 20_000, interval: 100 },
    );
    const link = /https?:\/\/\S+\/api\/auth\/link\?token=\S+/.exec(server.plain.join('\n'))?.[0];
    if (!link) throw new Error(`no sign-in link in ${server.plain.join('\n')}`);
    admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    adminPage = await watched(admin);
    await adminPage.goto(link);
    await adminPage.locator('[data-testid=user-button]').waitFor();
  });
  afterEach(() => {
    for (const [page, errors] of pageErrors) expect(errors, `errors logged by ${page.url()}`).toEqual([]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await admin?.close();
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  async function watched(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of (4\d\d)/.test(m.text()) && errors.push(m.text()));
    pageErrors.set(page, errors);
    return page;
  }
  async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await watched(context);
    await page.goto(`${server.url}/`);
    return { context, page };
  }
  async function signIn(page: Page, name: string, password: string): Promise<void> {
    await page.fill('input[name=username]', name);
    await page.fill('input[name=password]', password);
    await page.click('form[aria-label="Sign in"] button[type=submit]');
  }
  async function openAdmin(page: Page, panel: 'Audit trail' | 'Users'): Promise<void> {
    await page.click('[data-testid=user-button]');
    await page.getByRole('menuitem', { name: panel, exact: true }).click();
    await page.locator('[role=dialog][aria-label=Administration]').waitFor();
  }
  async function closeAdmin(page: Page): Promise<void> {
    await page.click('[role=dialog] button[aria-label=Close]');
    await page.locator('[role=dialog]').waitFor({ state: 'detached' });
  }
  const me = (cookie: string) =>
    fetch(`${server.url}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }).then((r) => r.status);
  const sessionCookie = async (context: BrowserContext) =>
    (await context.cookies()).find((c) => c.name === SESSION_COOKIE)?.value;

  it('has Chromium to run in', () => {
    expect(
      hasChromium,
      `Chromium is missing at ${CHROMIUM_PATH}: .ci/run must install it (apt-get install -y chromium)`,
    ).toBe(true);
  });

  it('lets the first admin, signed in by the link, add a viewer in the Users panel', async () => {
    await adminPage.click('[data-testid=user-button]');
    expect(await adminPage.textContent('[data-testid=user-name]')).toBe('admin');
    expect(await adminPage.textContent('[data-testid=user-role]')).toBe('admin');
    await adminPage.click('[data-testid=user-button]');
    await openAdmin(adminPage, 'Users');
    await adminPage.locator('tr[data-user=admin]').waitFor();
    await adminPage.fill('[aria-label="New user name"]', VIEWER.name);
    await adminPage.selectOption('[aria-label="New user role"]', 'viewer');
    await adminPage.selectOption('[aria-label="New user clearance"]', 'GREEN');
    await adminPage.fill('[aria-label="New user password"]', VIEWER.password);
    await adminPage.click('form[aria-label="Add a user"] button[type=submit]');
    const row = adminPage.locator(`tr[data-user=${VIEWER.name}]`);
    await row.waitFor();
    expect(await row.locator('select[aria-label="Role of vera"]').inputValue()).toBe('viewer');
    expect(await row.locator('[data-tlp]').textContent()).toBe('TLP:GREEN');
    // a token, shown once, and revoked
    await row.locator('button', { hasText: 'New token' }).click();
    const secret = adminPage.locator('[data-testid=shown-secret] input');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token.length).toBeGreaterThan(20);
    const viaToken = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.status).toBe(200);
    expect((await viaToken.json()).actor.name).toBe(VIEWER.name);
    await shot(adminPage, 'auth-users-panel.png');
    await row.locator('button', { hasText: 'Revoke' }).click();
    await poll(() => row.locator('button', { hasText: 'Revoke' }).count()).toBe(0);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    await closeAdmin(adminPage);
  });

  it('refuses a wrong password in words, and signs in with the right one to the user menu', async () => {
    const { page } = await freshPage();
    await page.locator('form[aria-label="Sign in"]').waitFor();
    await shot(page, 'auth-sign-in.png');
    await signIn(page, VIEWER.name, 'not the password at all');
    await poll(() => page.textContent('[data-testid=sign-in-error]')).toBe(
      'Wrong name or password (or the account is disabled).',
    );
    await shot(page, 'auth-sign-in-refused.png');
    // as typed with a capital: names are lower-case
    await signIn(page, 'Vera', VIEWER.password);
    await page.locator('[data-testid=user-button]').waitFor();
    expect(await page.locator('[data-testid=auth-off-banner]').count()).toBe(0);
    await page.click('[data-testid=user-button]');
    expect(await page.textContent('[data-testid=user-name]')).toBe(VIEWER.name);
    expect(await page.textContent('[data-testid=user-role]')).toBe('viewer');
    expect(await page.textContent('[data-testid=user-clearance]')).toBe('TLP:GREEN');
    // a viewer has no admin panels in the menu
    expect(await page.getByRole('menuitem', { name: 'Audit trail' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Sign out', exact: true }).count()).toBe(1);
    await shot(page, 'auth-user-menu.png');
  });

  it('shows a viewer no import, no saving, no Cypher, no editing and no marking above GREEN; a forced save shows the 403', async () => {
    const { page } = await freshPage();
    await signIn(page, VIEWER.name, VIEWER.password);
    await page.locator('[data-testid=user-button]').waitFor();
    const importTab = page.locator('nav.side .tabs button', { hasText: 'Import' });
    expect(await importTab.isDisabled()).toBe(true);
    expect(await importTab.getAttribute('title')).toContain('import permission');
    await page.click('nav.side .tabs button:has-text("Queries")');
    const cypherTab = page.locator('[aria-label=Queries] .tabs button', { hasText: 'Cypher' });
    expect(await cypherTab.isDisabled()).toBe(true);
    expect(await cypherTab.getAttribute('title')).toContain('cypher:raw');
    // no adding or editing the graph (issue 13), the permission named
    const addEntity = page.locator('button.add-entity');
    expect(await addEntity.isDisabled()).toBe(true);
    expect(await addEntity.getAttribute('title')).toContain('graph:write');
    // an export cannot be marked above the exporter's clearance
    await page.click('nav.side .tabs button:has-text("Export")');
    expect(await page.locator('[aria-label="Recipient TLP"] option').allTextContents()).toEqual([
      'everything on the canvas (up to your TLP:GREEN)',
      'TLP:CLEAR',
      'TLP:GREEN',
    ]);
    await page.click('nav.side .tabs button:has-text("Workspaces")');
    const save = page.locator('[data-testid=save-workspace]');
    await page.fill('[aria-label="Workspace title"]', 'forced');
    expect(await save.isDisabled()).toBe(true);
    expect(await save.getAttribute('title')).toContain('workspaces:write');
    expect(await page.textContent('[data-testid=save-denied]')).toContain('workspaces:write');
    await shot(page, 'auth-viewer-save-off.png');
    // forced: the server refuses, and the page says which permission is missing
    await save.evaluate((button) => button.removeAttribute('disabled'));
    await save.click();
    const notice = page.locator('.notice.error', { hasText: 'Not allowed' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('workspaces:write');
    await shot(page, 'auth-viewer-denied.png');
  });

  it('signs out to the sign-in page, and the old cookie no longer works', async () => {
    const { context, page } = await freshPage();
    await signIn(page, VIEWER.name, VIEWER.password);
    await page.locator('[data-testid=user-button]').waitFor();
    const cookie = await sessionCookie(context);
    expect(cookie).toBeTruthy();
    expect(await me(cookie!)).toBe(200);
    await page.click('[data-testid=user-button]');
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.locator('form[aria-label="Sign in"]').waitFor();
    expect(await me(cookie!)).toBe(401);
    // and a reload stays signed out
    await page.reload();
    await page.locator('form[aria-label="Sign in"]').waitFor();
  });

  it('returns an open page to sign-in, saying the session ended, when the account is disabled', async () => {
    const { page } = await freshPage();
    await signIn(page, VIEWER.name, VIEWER.password);
    await page.locator('[data-testid=user-button]').waitFor();
    const disable = (disabled: boolean) =>
      admin.request.patch(`${server.url}/api/users/${VIEWER.name}`, { data: { disabled } });
    expect((await disable(true)).status()).toBe(200);
    try {
      await page.click('nav.side .tabs button:has-text("Workspaces")');
      await poll(() => page.textContent('[data-testid=sign-in-reason]')).toContain('Your session ended');
      await shot(page, 'auth-session-ended.png');
    } finally {
      expect((await disable(false)).status()).toBe(200);
    }
  });

  it('says when to try again after too many wrong passwords', async () => {
    const { page } = await freshPage();
    await page.locator('form[aria-label="Sign in"]').waitFor();
    // SIGNIN_MAX_PER_ACCOUNT is 5 by default: the sixth attempt is refused before any check
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'mallory', `wrong password number ${i}`);
      await poll(() => page.textContent('[data-testid=sign-in-error]')).toContain('Wrong name or password');
    }
    await signIn(page, 'mallory', 'wrong password once more');
    await poll(() => page.textContent('[data-testid=sign-in-error]')).toMatch(
      /^Too many sign-in attempts\. Try again in \d+ (seconds|minutes) \(at .+\)\.$/,
    );
  });

  it('lets an analyst import and save but not run raw Cypher, and change their password', async () => {
    const ana = { name: 'ana', password: 'the analyst first password' };
    const added = await admin.request.post(`${server.url}/api/users`, {
      data: { ...ana, role: 'analyst', clearance: 'AMBER' },
    });
    expect(added.status()).toBe(201);
    const { page } = await freshPage();
    await signIn(page, ana.name, ana.password);
    await page.locator('[data-testid=user-button]').waitFor();
    expect(await page.locator('nav.side .tabs button', { hasText: 'Import' }).isDisabled()).toBe(false);
    await page.click('nav.side .tabs button:has-text("Queries")');
    const cypherTab = page.locator('[aria-label=Queries] .tabs button', { hasText: 'Cypher' });
    expect(await cypherTab.getAttribute('title')).toContain('an admin grants per account');
    await page.click('nav.side .tabs button:has-text("Workspaces")');
    // one workspace for ana alone, one shared: a viewer lists only the shared one, with its owner
    const save = async (title: string, shared: boolean) => {
      await page.fill('[aria-label="Workspace title"]', title);
      await page.setChecked('[aria-label=Shared]', shared);
      await page.click('[data-testid=save-workspace]');
      await page.locator('.notice', { hasText: `Saved “${title}”` }).waitFor();
    };
    await save('Ana private look', false);
    await save('Ana shared look', true);
    const listed = page.locator('ul.workspaces li');
    await poll(() => listed.count()).toBe(2);
    expect(await listed.filter({ hasText: 'Ana private look' }).textContent()).toContain('ana · private');
    expect(await listed.filter({ hasText: 'Ana shared look' }).textContent()).toContain('ana · shared');
    const viewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(viewer);
    const vera = await watched(viewer);
    await vera.goto(`${server.url}/`);
    await signIn(vera, VIEWER.name, VIEWER.password);
    await vera.click('nav.side .tabs button:has-text("Workspaces")');
    await poll(() => vera.locator('ul.workspaces li').allTextContents()).toHaveLength(1);
    expect(await vera.textContent('ul.workspaces li')).toContain('Ana shared look');
    expect(await vera.textContent('ul.workspaces li')).toContain('ana · shared');

    // a wrong current password is refused in the form, and the session goes on
    await page.click('[data-testid=user-button]');
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const form = page.locator('form[aria-label="Change password"]');
    const fill = async (current: string, next: string) => {
      await form.locator('input').nth(0).fill(current);
      await form.locator('input').nth(1).fill(next);
      await form.locator('input').nth(2).fill(next);
      await form.locator('button[type=submit]').click();
    };
    await fill('not my password at all', 'the analyst second password');
    await form.locator('[role=alert]').waitFor();
    expect(await page.locator('form[aria-label="Sign in"]').count()).toBe(0);
    await fill(ana.password, 'the analyst second password');
    await page.locator('.notice', { hasText: 'Password changed.' }).waitFor();
    await page.click('[data-testid=user-button]');
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await signIn(page, ana.name, ana.password);
    await page.locator('[data-testid=sign-in-error]').waitFor();
    await signIn(page, ana.name, 'the analyst second password');
    await page.locator('[data-testid=user-button]').waitFor();
  });

  it('imports through the Import panel: a bad row refuses it naming the line; with skip the rest is written', async () => {
    await adminPage.bringToFront();
    await adminPage.click('nav.side .tabs button:has-text("Import")');
    const prov = 'grade,tlp,sourceIds';
    await adminPage.setInputFiles('[aria-label="Files to import"]', [
      {
        name: 'Source.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `id,name,publisher,published,${prov}\nsource:doc-a,Doc A,Publisher,2025-06-30,A1,CLEAR,source:doc-a\n`,
        ),
      },
      {
        name: 'Centre.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `id,name,status,${prov}\ncentre:new1,Imported One,active,B2,AMBER,source:doc-a\n` +
            `centre:new2,Bad Grade,active,K2,AMBER,source:doc-a\n`,
        ),
      },
    ]);
    const panel = adminPage.locator('[aria-label=Import]');
    await panel.locator('button', { hasText: 'Import' }).click();
    await poll(() => panel.locator('[aria-label="Import issues"]').textContent()).toContain('Centre.csv:3');
    await adminPage.locator('.notice.error', { hasText: 'invalid_import' }).waitFor();
    await panel.locator('select').selectOption('skip');
    await panel.locator('button', { hasText: 'Import' }).click();
    await adminPage.locator('.notice', { hasText: 'Imported 3 rows from 2 files; 1 bad row left out.' }).waitFor();
    const found = await admin.request.get(`${server.url}/api/nodes/centre:new1`);
    expect(found.status()).toBe(200);
    expect(await admin.request.get(`${server.url}/api/nodes/centre:new2`).then((r) => r.status())).toBe(404);
  });

  it('shows the admin the audit trail with their own sign-in, filtered, and a CSV of the same filter', async () => {
    await adminPage.bringToFront();
    await openAdmin(adminPage, 'Audit trail');
    const table = adminPage.locator('[data-testid=audit-table]');
    await table.locator('tbody tr').first().waitFor();
    // the admin's own sign-in by the one-time link
    const own = table.locator('tbody tr', { hasText: 'auth.sign-in' }).filter({ hasText: 'link' });
    await own.first().waitFor();
    expect(await own.first().textContent()).toContain('admin');
    await adminPage.fill('[aria-label="Filter by user"]', 'mallory');
    await adminPage.fill('[aria-label="Filter by action"]', 'auth.sign-in');
    await adminPage.click('.audit-filters button[type=submit]');
    await poll(async () => {
      const users = await table.locator('tbody tr td:nth-child(2)').allTextContents();
      return users.length > 0 && users.every((u) => u.startsWith('mallory'));
    }).toBe(true);
    const outcomes = await table.locator('tbody tr .outcome').allTextContents();
    expect(outcomes).toContain('failed');
    expect(outcomes.every((o) => o === 'failed' || o === 'denied')).toBe(true);
    const href = await adminPage.getAttribute('[data-testid=audit-csv]', 'href');
    expect(href).toBe('/api/audit.csv?user=mallory&action=auth.sign-in');
    const csv = await admin.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines.length).toBe(1 + outcomes.length);
    expect(lines.slice(1).every((l) => l.includes('mallory'))).toBe(true);
    await shot(adminPage, 'auth-audit-panel.png');
    // by entity, from a click on a target in the table: what was done to vera's account
    await adminPage.click('.audit-filters button:has-text("Clear")');
    await table.locator('td.targets button', { hasText: VIEWER.name }).first().click();
    expect(await adminPage.inputValue('[aria-label="Filter by entity"]')).toBe(VIEWER.name);
    await poll(async () => {
      const actions = await table.locator('tbody tr td:nth-child(3)').allTextContents();
      return ['user.add', 'token.create', 'token.revoke', 'user.change'].every((a) => actions.includes(a));
    }).toBe(true);
    const targets = await table.locator('tbody tr td.targets').allTextContents();
    expect(targets.every((t) => t.split(', ').includes(VIEWER.name))).toBe(true);
    // by time: nothing has happened since tomorrow
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T00:00`;
    await adminPage.fill('[aria-label=From]', local(tomorrow));
    await adminPage.click('.audit-filters button[type=submit]');
    await poll(() => adminPage.textContent('[data-testid=audit-count]')).toBe('0 entries');
    expect(await adminPage.getAttribute('[data-testid=audit-csv]', 'href')).toMatch(
      /^\/api\/audit\.csv\?target=vera&from=\d{4}-\d\d-\d\dT\d\d%3A00%3A00\.000Z$/,
    );
    // the viewer may not read it: the server says so
    const viewer = await browser.newContext();
    contexts.push(viewer);
    const signedIn = await viewer.request.post(`${server.url}/api/auth/sign-in`, { data: VIEWER });
    expect(signedIn.status()).toBe(200);
    const refused = await viewer.request.get(`${server.url}/api/audit`);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.details.permission).toBe('audit:read');
    await closeAdmin(adminPage);
  });
});

describe.runIf(hasChromium || browserRequired)('AUTH=off in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) return;
    [server, browser] = await Promise.all([startServer({ AUTH: 'off', SEED_SCALE: '0.05' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  it('says loudly across the top that sign-in is off, and offers no sign-out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    const banner = page.locator('[data-testid=auth-off-banner]');
    await banner.waitFor();
    expect(await banner.textContent()).toBe('Sign-in is off: anyone on this machine can read and change everything');
    // above everything else, full width
    const box = (await banner.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.width).toBe(1280);
    await page.click('[data-testid=user-button]');
    await page.locator('[data-testid=user-menu]').waitFor();
    expect(await page.getByRole('menuitem', { name: 'Sign out', exact: true }).count()).toBe(0);
    await shot(page, 'auth-off-banner.png');
    await page.close();
  });
});
