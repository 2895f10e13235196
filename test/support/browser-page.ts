/**
 * What every browser suite does around its tests: one real server and one Chromium per suite,
 * a page per test that fails the test when it logs an error or throws, screenshots kept in
 * test-results/ (and docs/ with `SCREENSHOTS=docs`), and reading the canvas through the
 * `window.scamnet` the page exposes. One copy, so a fix to how pages are watched reaches every suite.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { hasChromium, launchBrowser, type ScamnetWindow } from './browser.ts';
import { REPO_ROOT, startServer, type ServerProcess } from './server-process.ts';

/** where the browser suites keep their screenshots and downloads */
export const SHOTS = path.join(REPO_ROOT, 'test-results');
/** `SCREENSHOTS=docs npm test` also writes the README's screenshots into docs/. */
const DOCS = process.env.SCREENSHOTS === 'docs' ? path.join(REPO_ROOT, 'docs') : null;

export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
  if (DOCS) {
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS, name) });
  }
}

export async function canvasNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.graph.nodes());
}

/** Where sigma draws a node, in pixels from the canvas's top left. */
export async function viewportOf(page: Page, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate((n) => {
    const { sigma } = (window as unknown as ScamnetWindow).scamnet;
    const shown = sigma.getNodeDisplayData(n);
    if (!shown) throw new Error(`${n} is not on the canvas`);
    return sigma.framedGraphToViewport(shown);
  }, node);
}

/**
 * Waits until the layout has stopped: the canvas's `data-layout` is no longer `running` (it
 * converged, or reached its cap) and no node moved, in the layout's own coordinates, between two
 * looks 150 ms apart (the camera may still be moving).
 */
export async function layoutIdle(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const { graph } = (window as unknown as ScamnetWindow).scamnet;
          const xy = graph
            .nodes()
            .map((n: string) => `${graph.getNodeAttribute(n, 'x')},${graph.getNodeAttribute(n, 'y')}`);
          // the canvas says whether its layout runs (data-layout: running, converged, capped; none before the first run)
          const layout = document.querySelector('[data-testid=canvas]')?.getAttribute('data-layout');
          return `${layout === 'running' ? 'running' : 'idle'}|${xy.join(';')}`;
        });
        const still = now === last && now.startsWith('idle');
        last = now;
        return still;
      },
      { interval: 150, timeout: 20_000 },
    )
    .toBe(true);
}

export interface PageSession {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** a new page on the app at `query` (e.g. `?nodes=…`), once the canvas is there */
  open(query?: string): Promise<Page>;
}

/**
 * Starts the server (with `env`) and Chromium before the suite's tests and stops them after;
 * call it inside the suite's `describe`. Each page `open` makes is closed after its test, and the
 * test fails if the page threw or logged an error — an API refusal the test provokes (4xx) is
 * shown on the page, not logged, so only those are let through.
 */
export function usePageSession(
  env: Record<string, string> = { SEED_SCALE: '0.2' },
  pageOptions: BrowserContextOptions = {},
): PageSession {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const pageErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    if (!hasChromium) return;
    [server, browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) {
      expect(pageErrors.get(page), `errors logged by ${page.url()}`).toEqual([]);
      await page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the page session has not started (no Chromium?)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async open(query = '') {
      const page = await started(browser).newPage({ viewport: { width: 1280, height: 800 }, ...pageOptions });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && !/status of (4\d\d)/.test(m.text()) && errors.push(m.text()));
      pages.push(page);
      pageErrors.set(page, errors);
      await page.goto(`${started(server).url}/${query}`);
      await page.waitForFunction(() => Boolean((window as unknown as ScamnetWindow).scamnet));
      return page;
    },
  };
}

/** sigma's doubleClickTimeout: a second click on the canvas within it is a double-click (an expansion), wherever it lands */
const DOUBLE_CLICK_MS = 300;
const lastCanvasClick = new WeakMap<Page, number>();

/**
 * Clicks the canvas at (x, y) from its top left, once sigma's double-click window since this
 * page's last canvas click has passed — so two clicks a test means as two are never taken for a
 * double-click, however fast the steps between them run.
 */
export async function clickCanvasAt(
  page: Page,
  x: number,
  y: number,
  options: { shift?: boolean } = {},
): Promise<void> {
  await expect
    .poll(() => Date.now() - (lastCanvasClick.get(page) ?? 0), { interval: 50 })
    .toBeGreaterThan(DOUBLE_CLICK_MS + 50);
  const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(stage.x + x, stage.y + y);
  if (options.shift) await page.keyboard.up('Shift');
  lastCanvasClick.set(page, Date.now());
}
