/**
 * Notes and merging in real Chromium against the real server with AUTH=on (npm start's entry, a
 * small seed graph). An analyst cleared to AMBER writes a markdown note on a node: it shows
 * rendered, its hostile members (script tags, handlers, javascript:/data: links, images from
 * elsewhere, HTML in code) inert; the marking offered stops at AMBER; the canvas marks the node;
 * the analyst edits and deletes their own note but not the admin's. A note on the saved chart
 * shows in the Workspaces panel. Two near-duplicates made through the API are found under
 * "Possible duplicates", opened selected, previewed with their conflict, merged (the merged one
 * leaves the canvas, the survivor keeps the links) and the merge undone from its notice.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { announceSkip, browserRequired, hasChromium, launchBrowser, type ScamnetWindow } from '../support/browser.ts';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.ts';

announceSkip('test/e2e/notes-merge.browser.test.ts');

const SHOTS = path.join(REPO_ROOT, 'test-results');
/** `SCREENSHOTS=docs npm test` also writes the README's screenshots into docs/. */
const DOCS = process.env.SCREENSHOTS === 'docs' ? path.join(REPO_ROOT, 'docs') : null;
async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, name) });
  if (DOCS) {
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS, name) });
  }
}
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const NAMIBIA = 'centre:na-2024-01';
const COUNTRY = 'country:NA';
const ANALYST = {
  name: 'ana',
  password: 'a long enough analyst password',
  role: 'analyst',
  clearance: 'AMBER',
  rawCypher: false,
};
const HEADERS = { 'content-type': 'application/json', 'X-Scamnet-Request': '1' };

/** What a hostile note tries; every part must arrive as text or not at all. */
const HOSTILE = [
  '**Seen** at the *compound* gate, see [the report](https://example.org/report).',
  '',
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'onerror\'">',
  '<div onmouseover="window.__pwned = \'div\'">nested <b onclick="window.__pwned = 1">html</b></div>',
  '[js link](javascript:window.__pwned=%22link%22) [data link](data:text/html,<script>alert(1)</script>)',
  '![tracker](https://evil.example/pixel.png)',
  '',
  '`<img src=x onerror=alert(1)>`',
].join('\n');

describe.runIf(hasChromium || browserRequired)('notes and merging in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: BrowserContext;
  let analyst: BrowserContext;
  const pageErrors = new Map<Page, string[]>();

  async function watched(context: BrowserContext, query = ''): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of (4\d\d)/.test(m.text()) && errors.push(m.text()));
    // the delete confirmation
    page.on('dialog', (d) => void d.accept());
    pageErrors.set(page, errors);
    await page.goto(`${server.url}/${query}`);
    await page.waitForFunction(() => Boolean((window as unknown as ScamnetWindow).scamnet));
    return page;
  }
  /** an API call as a signed-in context (its cookie), JSON both ways */
  async function callAs(context: BrowserContext, method: string, route: string, body?: unknown) {
    const res = await context.request.fetch(`${server.url}${route}`, {
      method,
      headers: HEADERS,
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok()) throw new Error(`${method} ${route}: ${res.status()} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  beforeAll(async () => {
    if (!hasChromium) return;
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ AUTH: 'on', SEED_SCALE: '0.05' }), launchBrowser()]);
    await vi.waitFor(
      () => {
        if (!server.plain.some((l) => l.includes('/api/auth/link?token='))) throw new Error('no sign-in link yet');
      },
      { timeout: 20_000, interval: 100 },
    );
    const link = /https?:\/\/\S+\/api\/auth\/link\?token=\S+/.exec(server.plain.join('\n'))?.[0];
    if (!link) throw new Error(`no sign-in link in ${server.plain.join('\n')}`);
    admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const adminPage = await admin.newPage();
    await adminPage.goto(link);
    await adminPage.locator('[data-testid=user-button]').waitFor();
    await adminPage.close();
    await callAs(admin, 'POST', '/api/users', ANALYST);
    analyst = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const res = await analyst.request.post(`${server.url}/api/auth/sign-in`, {
      headers: HEADERS,
      data: JSON.stringify({ name: ANALYST.name, password: ANALYST.password }),
    });
    expect(res.status()).toBe(200);
  });
  afterEach(async () => {
    for (const [page, errors] of pageErrors) {
      expect(errors, `errors logged by ${page.url()}`).toEqual([]);
      await page.close();
    }
    pageErrors.clear();
  });
  afterAll(async () => {
    await analyst?.close();
    await admin?.close();
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  /** the badge layer's count of drawn markers, and whether the pixel at a node's badge is the marker's amber */
  async function markerAt(page: Page, node: string): Promise<{ drawn: string | undefined; amber: boolean }> {
    return page.evaluate((n) => {
      const { sigma } = (window as unknown as ScamnetWindow).scamnet;
      const layer = sigma.getCanvases().notes as HTMLCanvasElement | undefined;
      if (!layer) return { drawn: undefined, amber: false };
      const shown = sigma.getNodeDisplayData(n);
      if (!shown) return { drawn: layer.dataset.drawn, amber: false };
      const p = sigma.framedGraphToViewport(shown);
      const r = sigma.scaleSize(shown.size);
      const ratio = window.devicePixelRatio || 1;
      const [red, green, blue, alpha] = layer
        .getContext('2d')!
        .getImageData(Math.round((p.x - r * 0.72) * ratio), Math.round((p.y - r * 0.72) * ratio), 1, 1).data;
      // #f59e0b
      const amber =
        alpha! > 200 && Math.abs(red! - 0xf5) < 20 && Math.abs(green! - 0x9e) < 20 && Math.abs(blue! - 0x0b) < 30;
      return { drawn: layer.dataset.drawn, amber };
    }, node);
  }

  /** whether the page as drawn (every layer composed) shows the marker's amber where a node's badge goes */
  async function amberOnScreen(page: Page, node: string): Promise<boolean> {
    const at = await page.evaluate((n) => {
      const { sigma } = (window as unknown as ScamnetWindow).scamnet;
      const shown = sigma.getNodeDisplayData(n)!;
      const p = sigma.framedGraphToViewport(shown);
      const r = sigma.scaleSize(shown.size);
      return { x: p.x - r * 0.72, y: p.y - r * 0.72 };
    }, node);
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const png = await page.screenshot({ clip: { x: stage.x + at.x - 1, y: stage.y + at.y - 1, width: 3, height: 3 } });
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const [red, green, blue] = ctx.getImageData(Math.floor(img.width / 2), Math.floor(img.height / 2), 1, 1).data;
      return Math.abs(red! - 0xf5) < 24 && Math.abs(green! - 0x9e) < 24 && Math.abs(blue! - 0x0b) < 36;
    }, png.toString('base64'));
  }

  it('writes a markdown note: rendered, hostile HTML inert, marking capped at the clearance, marked on the canvas', async () => {
    // the admin's note, which the analyst may read but not change
    await callAs(admin, 'POST', '/api/notes', {
      target: { type: 'node', id: NAMIBIA },
      text: 'Admin: checked against the *court record*.',
      tlp: 'CLEAR',
    });
    const page = await watched(analyst, `?nodes=${NAMIBIA},${COUNTRY}&selected=${NAMIBIA}`);
    // nothing is fetched from the other origin the note's image names
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const notes = page.locator('[data-testid=notes-node]');
    await notes.locator('[data-testid=note]').first().waitFor();
    expect(await notes.locator('[data-testid=note]').count()).toBe(1);
    // someone else's note: no edit or delete for the analyst
    expect(await notes.locator('[data-testid=note] button').count()).toBe(0);

    await notes.locator('[data-testid=add-note]').click();
    const options = await notes.locator('select[aria-label="Note TLP"] option').allTextContents();
    expect(options).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER']);
    await notes.locator('textarea[aria-label="Note text"]').fill(HOSTILE);
    await notes.locator('select[aria-label="Note TLP"]').selectOption('AMBER');
    await notes.locator('button[type=submit]', { hasText: 'Add note' }).click();
    await poll(() => notes.locator('[data-testid=note]').count()).toBe(2);

    const mine = notes.locator('[data-testid=note]').nth(1);
    expect(await mine.locator('.note-author').textContent()).toBe(ANALYST.name);
    expect(await mine.locator('.tlp').textContent()).toBe('TLP:AMBER');
    const text = mine.locator('[data-testid=note-text]');
    // the markdown rendered
    expect(await text.locator('strong').first().textContent()).toBe('Seen');
    expect(await text.locator('em').first().textContent()).toBe('compound');
    const link = text.locator('a[href="https://example.org/report"]');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('target')).toBe('_blank');
    // the hostile parts: shown as text, no element of theirs, no handler, no live javascript:/data: link
    const inert = await text.evaluate((el) => ({
      tags: Array.from(el.querySelectorAll('script, img, iframe, div, b, svg'), (e) => e.tagName),
      handlers: Array.from(el.querySelectorAll('*')).flatMap((e) =>
        e.getAttributeNames().filter((a: string) => a.startsWith('on')),
      ),
      hrefs: Array.from(el.querySelectorAll('a'), (a) => a.getAttribute('href')),
      text: el.textContent ?? '',
    }));
    expect(inert.tags).toEqual([]);
    expect(inert.handlers).toEqual([]);
    expect(inert.hrefs.every((h) => h === 'https://example.org/report' || h === 'https://evil.example/pixel.png')).toBe(
      true,
    );
    expect(inert.text).toContain('<script>window.__pwned = "script"</script>');
    expect(inert.text).toContain('[js link](javascript:');
    expect(inert.text).toContain('[image: tracker]');
    expect(await text.locator('code').last().textContent()).toBe('<img src=x onerror=alert(1)>');
    // hovering and clicking the would-be handlers does nothing
    await text.hover();
    await text.locator('code').last().click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // the server holds the text as written, at AMBER, by the analyst
    const found = await callAs(analyst, 'POST', '/api/notes/find', { nodes: [NAMIBIA] });
    const stored = found.notes.find((n: { author: string }) => n.author === ANALYST.name);
    expect(stored).toMatchObject({ text: HOSTILE, tlp: 'AMBER', target: { type: 'node', id: NAMIBIA } });

    // the canvas marks the noted node and only it
    await poll(async () => (await markerAt(page, NAMIBIA)).drawn).toBe('1');
    expect((await markerAt(page, NAMIBIA)).amber).toBe(true);
    expect((await markerAt(page, COUNTRY)).amber).toBe(false);
    // and the page shows it, over the selected node sigma draws on its hover layer
    await poll(() => amberOnScreen(page, NAMIBIA)).toBe(true);
    expect(await amberOnScreen(page, COUNTRY)).toBe(false);

    // edit: the new text shown, marked edited
    await mine.locator('button', { hasText: 'Edit' }).click();
    await mine.locator('textarea[aria-label="Note text"]').fill('Now **confirmed** by a second source.');
    await mine.locator('button[type=submit]', { hasText: 'Save' }).click();
    await poll(() => mine.locator('[data-testid=note-text] strong').first().textContent()).toBe('confirmed');
    expect(await mine.textContent()).toContain('(edited)');
    await keepScreenshot(page, 'notes-details.png');
    // delete: the note goes; the admin's keeps the marker
    await mine.locator('button', { hasText: 'Delete' }).click();
    await poll(() => notes.locator('[data-testid=note]').count()).toBe(1);
    expect((await callAs(analyst, 'POST', '/api/notes/find', { nodes: [NAMIBIA] })).notes).toHaveLength(1);
    expect((await markerAt(page, NAMIBIA)).amber).toBe(true);
    expect(requested.filter((u) => u.includes('evil.example'))).toEqual([]);
  });

  it('writes a note on the saved chart in the Workspaces panel', async () => {
    const page = await watched(analyst, `?nodes=${NAMIBIA}`);
    await page.click('nav >> text=Workspaces');
    await page.fill('input[aria-label="Workspace title"]', 'Namibia notes');
    await page.click('text=Save workspace');
    const chart = page.locator('[data-testid=notes-workspace]');
    await chart.waitFor();
    expect(await chart.locator('h3').textContent()).toContain('Namibia notes');
    await chart.locator('[data-testid=add-note]').click();
    await chart.locator('textarea[aria-label="Note text"]').fill('Open question: who *paid* the guards?');
    await chart.locator('button[type=submit]', { hasText: 'Add note' }).click();
    await poll(() => chart.locator('[data-testid=note-text] em').first().textContent()).toBe('paid');
    const found = await callAs(analyst, 'POST', '/api/notes/find', { workspace: 'namibia-notes' });
    expect(found.notes.map((n: { text: string }) => n.text)).toEqual(['Open question: who *paid* the guards?']);
  });

  it('finds two near-duplicates, previews them with their conflict, merges them and undoes the merge', async () => {
    await importDuplicates();
    const page = await watched(analyst, `?nodes=${NAMIBIA},${PH}`);
    await poll(() => canvasNodes(page)).toEqual([NAMIBIA, PH].sort());
    // Possible duplicates: the pair, opened selected
    await page.selectOption('select[aria-label="Duplicate kind"]', 'Facilitator');
    await page.click('[data-testid=find-duplicates]');
    const row = page.locator('[data-testid=duplicates] li', { hasText: 'Codename Tiger' });
    await row.waitFor();
    expect(await row.textContent()).toContain('same name');
    await row.locator('button').click();
    await poll(() => canvasNodes(page)).toEqual([NAMIBIA, PH, TIGER, TIGER_2].sort());
    await poll(() => page.textContent('[data-testid=selected-count]')).toContain('2 selected');
    // the moved link is on the canvas, at the duplicate, before the merge
    expect(await edgeEnds(page, NATIONAL_PH)).toEqual([TIGER_2, PH]);

    await page.screenshot({ path: path.join(SHOTS, 'merge-selected.png') });
    await page.click('[data-testid=merge-open]');
    const dialog = page.locator('[role=dialog][aria-label="Merge entities"]');
    await dialog.locator('[data-testid=merge-counts]').waitFor();
    await dialog.getByLabel(`survivor ${TIGER}`, { exact: true }).check();
    // the differing role is marked, with a choice; the equal age band is not
    const role = dialog.locator('tr[data-property=role]');
    expect(await role.getAttribute('class')).toBe('conflict');
    expect(await dialog.locator('tr[data-property=ageBand]').getAttribute('class')).toBeNull();
    await poll(() => dialog.locator('[data-testid=merged-role]').textContent()).toBe('recruiter');
    await dialog.getByLabel(`keep role of ${TIGER_2}`, { exact: true }).check();
    await poll(() => dialog.locator('[data-testid=merged-role]').textContent()).toBe('broker');
    // provenance by rule: sources unioned, seen dates widened, the strictest marking, the weakest grade by default
    const merged = async (name: string) => dialog.locator(`[data-testid=merged-${name}]`).textContent();
    expect(await merged('sourceIds')).toContain(SOURCE_A);
    expect(await merged('sourceIds')).toContain(SOURCE_B);
    expect(await merged('firstSeen')).toContain('2023-11-01');
    expect(await merged('lastSeen')).toContain('2024-05-01');
    expect(await merged('tlp')).toContain('GREEN');
    expect(await dialog.locator('select[aria-label="Merged grade"] option:checked').textContent()).toBe('weakest (C3)');
    await dialog.locator('select[aria-label="Merged grade"]').selectOption('B2');
    // one link moves (the nationality), one is dropped (the same recruitment the survivor has)
    await poll(() => dialog.locator('[data-testid=merge-counts]').textContent()).toMatch(/1 link moves.*1 dropped/);
    await keepScreenshot(page, 'merge-preview.png');

    await dialog.locator('[data-testid=merge-apply]').click();
    await dialog.waitFor({ state: 'detached' });
    // the duplicate leaves the canvas; the survivor takes its link to what is there
    await poll(() => canvasNodes(page)).toEqual([NAMIBIA, PH, TIGER].sort());
    await poll(() => edgeEnds(page, NATIONAL_PH)).toEqual([TIGER, PH]);
    const survivor = await callAs(analyst, 'GET', `/api/nodes/${TIGER}`);
    expect(survivor.node.attributes).toMatchObject({ role: 'broker' });
    expect(survivor.provenance.grade).toBe('B2');
    expect(survivor.provenance.sources.map((x: { id: string }) => x.id).sort()).toEqual([SOURCE_A, SOURCE_B].sort());
    // the merged id still resolves, to the survivor
    const redirected = await callAs(analyst, 'GET', `/api/nodes/${TIGER_2}`);
    expect([redirected.node.key, redirected.redirect?.from]).toEqual([TIGER, TIGER_2]);
    // listed under Possible duplicates, with its undo, for after the notice has faded
    await poll(() => page.textContent('[data-testid=recent-merges]')).toContain('2 into Codename Tiger · Undo');
    const notice = page.locator('.notice', { hasText: 'Merged 1 into' });
    await page.screenshot({ path: path.join(SHOTS, 'merge-done.png') });
    expect(await notice.textContent()).toContain('1 link moved, 1 dropped');

    // undo: both back, the link at the duplicate again, the survivor as it was
    await notice.locator('button', { hasText: 'Undo' }).click();
    await poll(() => canvasNodes(page)).toEqual([NAMIBIA, PH, TIGER, TIGER_2].sort());
    await poll(() => edgeEnds(page, NATIONAL_PH)).toEqual([TIGER_2, PH]);
    await page.locator('.notice', { hasText: 'Merge undone' }).waitFor();
    expect(await page.textContent('[data-testid=recent-merges]')).toContain('2 into Codename Tiger · undone');
    await page.screenshot({ path: path.join(SHOTS, 'merge-undone.png') });
    const restored = await callAs(analyst, 'GET', `/api/nodes/${TIGER}`);
    expect(restored.node.attributes).toMatchObject({ role: 'recruiter' });
    expect(restored.provenance.grade).toBe('B2');
    expect((await callAs(analyst, 'GET', `/api/nodes/${TIGER_2}`)).node.attributes.role).toBe('broker');
  });

  const TIGER = 'facilitator:e2e-tiger';
  const TIGER_2 = 'facilitator:e2e-tiger-2';
  const PH = 'country:PH';
  const SOURCE_A = 'source:000_d5d37bd4ebfb1db8';
  const SOURCE_B = 'source:001_0b187844e311fd7f';
  const NATIONAL_PH = 'NATIONAL_OF:e2e-tiger-2-ph';

  /** Two near-duplicate facilitators, imported through the API by the admin (written for this test). */
  async function importDuplicates(): Promise<void> {
    const batch = {
      nodes: [
        {
          kind: 'Facilitator',
          id: TIGER,
          name: 'Codename Tiger',
          role: 'recruiter',
          ageBand: '30-39',
          grade: 'B2',
          tlp: 'CLEAR',
          sourceIds: [SOURCE_A],
          firstSeen: '2024-01-10',
          lastSeen: '2024-05-01',
        },
        {
          kind: 'Facilitator',
          id: TIGER_2,
          name: 'CODENAME  TIGER',
          role: 'broker',
          ageBand: '30-39',
          grade: 'C3',
          tlp: 'GREEN',
          sourceIds: [SOURCE_B],
          firstSeen: '2023-11-01',
          lastSeen: '2024-02-01',
        },
      ],
      relationships: [
        { kind: 'RECRUITS_FOR', id: 'RECRUITS_FOR:e2e-tiger-na', from: TIGER, to: NAMIBIA, ...REL_PROV },
        { kind: 'RECRUITS_FOR', id: 'RECRUITS_FOR:e2e-tiger-2-na', from: TIGER_2, to: NAMIBIA, ...REL_PROV },
        { kind: 'NATIONAL_OF', id: NATIONAL_PH, from: TIGER_2, to: PH, ...REL_PROV },
      ],
    };
    const res = await admin.request.post(`${server.url}/api/import`, {
      headers: { 'X-Scamnet-Request': '1' },
      multipart: {
        files: { name: 'duplicates.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(batch)) },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  const REL_PROV = {
    grade: 'B2',
    tlp: 'CLEAR',
    sourceIds: [SOURCE_A],
    firstSeen: '2024-01-10',
    lastSeen: '2024-05-01',
  };

  async function canvasNodes(page: Page): Promise<string[]> {
    return (await page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.graph.nodes())).sort();
  }
  async function edgeEnds(page: Page, edge: string): Promise<string[] | null> {
    return page.evaluate((e) => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return graph.hasEdge(e) ? graph.extremities(e) : null;
    }, edge);
  }
});
