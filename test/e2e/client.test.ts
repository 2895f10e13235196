/**
 * The investigator client in real Chromium against the real server (`npm start`'s entry, seed
 * graph at a small scale). What an investigator does: search, expand, read provenance, filter,
 * find paths, switch to the map, run saved and ad-hoc queries, save and reopen a workspace,
 * share a link, export a PNG. Skipped, with a message, without Chromium; under CI=true the
 * absence fails the run.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  announceSkip,
  browserRequired,
  hasChromium,
  launchBrowser,
  type ScamnetWindow,
} from '../support/browser.ts';
import { REPO_ROOT, getJson, startServer, type ServerProcess } from '../support/server-process.ts';

announceSkip('test/e2e/client.test.ts');

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
const NAMIBIA = 'centre:na-2024-01';

/** What the page exposes for tests on `window.scamnet`: the sigma instance and the data graph. */
async function canvasNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.graph.nodes());
}
/** What sigma draws: the data graph's nodes, or in the route view the map's (places, discs, regions). */
async function shownNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sigma } = (window as unknown as ScamnetWindow).scamnet;
    return sigma
      .getGraph()
      .nodes()
      .filter((n: string) => !sigma.getNodeDisplayData(n)?.hidden);
  });
}
/** Waits until the camera and the layout have settled enough to point at a node. */
async function settled(page: Page, node: string): Promise<void> {
  let last = await viewportOf(page, node);
  await expect
    .poll(
      async () => {
        const now = await viewportOf(page, node);
        const moved = Math.hypot(now.x - last.x, now.y - last.y);
        last = now;
        return moved;
      },
      { interval: 150, timeout: 10_000 },
    )
    .toBeLessThan(1);
}
/**
 * Waits until the layout has stopped: the toolbar no longer says "Laying out…" and no node moved
 * between two looks 150 ms apart.
 */
async function layoutIdle(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const { graph } = (window as unknown as ScamnetWindow).scamnet;
          const xy = graph
            .nodes()
            .map((n: string) => `${graph.getNodeAttribute(n, 'x')},${graph.getNodeAttribute(n, 'y')}`);
          return `${document.body.innerText.includes('Laying out') ? 'running' : 'idle'}|${xy.join(';')}`;
        });
        const still = now === last && now.startsWith('idle');
        last = now;
        return still;
      },
      { interval: 150, timeout: 20_000 },
    )
    .toBe(true);
}
async function viewportOf(page: Page, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate((n) => {
    const { sigma } = (window as unknown as ScamnetWindow).scamnet;
    const shown = sigma.getNodeDisplayData(n);
    if (!shown) throw new Error(`${n} is not on the canvas`);
    return sigma.framedGraphToViewport(shown);
  }, node);
}

describe.runIf(hasChromium || browserRequired)('investigator client in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pages: Page[] = [];
  /** what each page logged as an error or threw */
  const pageErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    if (!hasChromium) return;
    [server, browser] = await Promise.all([startServer({ SEED_SCALE: '0.2' }), launchBrowser()]);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterEach(async () => {
    // no test's page logged an error or threw
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

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // an API refusal the test provokes is shown on the page, not logged; anything logged as an error is a fault
    page.on('console', (m) => m.type() === 'error' && !/status of (4\d\d)/.test(m.text()) && errors.push(m.text()));
    pages.push(page);
    pageErrors.set(page, errors);
    await page.goto(`${server.url}/${query}`);
    await page.waitForFunction(() => Boolean((window as unknown as ScamnetWindow).scamnet));
    return page;
  }

  it('has Chromium to run in', () => {
    expect(
      hasChromium,
      `Chromium is missing at ${CHROMIUM_PATH}: .ci/run must install it (apt-get install -y chromium)`,
    ).toBe(true);
  });

  it('is served at / with a policy that lets the layout worker run', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
  });

  it('searches with autocomplete, adds the pick, centres and selects it, with its provenance', async () => {
    const page = await open();
    await page.keyboard.press('/');
    await page.keyboard.type('namibia');
    const option = page.locator('.search-results li', { hasText: 'Namibia scam centre' });
    await option.waitFor();
    expect(await page.locator('.search-results li').count()).toBeGreaterThanOrEqual(3);
    await option.click();
    await expect
      .poll(() => page.textContent('[data-testid=details-title]'))
      .toBe('Namibia scam centre (dismantled 2024)');
    expect(await canvasNodes(page)).toEqual([NAMIBIA]);
    const provenance = (await page.textContent('[aria-label=Provenance]'))!;
    expect(provenance).toContain('A1');
    expect(provenance).toContain('TLP:CLEAR');
    expect(provenance).toContain('INTERPOL, 2025-06-30');
    expect(provenance).toContain('000_d5d37bd4ebfb1db8.txt');
    // the selected node is centred
    // (once sigma has drawn the added node and the camera has moved to it)
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    await expect
      .poll(async () => {
        const p = await viewportOf(page, NAMIBIA);
        return Math.max(Math.abs(p.x - stage.width / 2), Math.abs(p.y - stage.height / 2));
      })
      .toBeLessThan(60);
    expect(page.url()).toContain(`nodes=${NAMIBIA}`);
    expect(pageErrors.get(page)).toEqual([]);
  });

  it('expands on double-click: the neighbours the server reports come, near their parent', async () => {
    const details = await getJson(`${server.url}/api/nodes/${NAMIBIA}`);
    const page = await open(`?nodes=${NAMIBIA}`);
    await expect.poll(() => canvasNodes(page)).toEqual([NAMIBIA]);
    await settled(page, NAMIBIA);
    const before = await viewportOf(page, NAMIBIA);
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    await page.mouse.dblclick(stage.x + before.x, stage.y + before.y);
    await page.waitForFunction(
      (n) => (window as unknown as ScamnetWindow).scamnet.graph.order >= n,
      1 + details.degree,
      {
        polling: 'raf',
        timeout: 30_000,
      },
    );
    await expect.poll(async () => (await canvasNodes(page)).length).toBe(1 + details.degree);
    // the view did not jump when its neighbours arrived: the parent is drawn near where it was (the
    // layout, drawn as it goes since issue 14, has moved every node a little by the time we look)
    const after = await viewportOf(page, NAMIBIA);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeLessThan(150);
    await layoutIdle(page);
    await keepScreenshot(page, 'client-network.png');
    // undo takes the expansion back, redo brings it again
    await page.click('text=Undo');
    expect(await canvasNodes(page)).toEqual([NAMIBIA]);
    await page.click('text=Redo');
    expect((await canvasNodes(page)).length).toBe(1 + details.degree);
  });

  it('previews an expansion by relationship kind and expands only the kinds chosen', async () => {
    const page = await open(`?nodes=${NAMIBIA}&selected=${NAMIBIA}`);
    await page.locator('[aria-label=Connections]').waitFor();
    const connections = (await page.textContent('[aria-label=Connections]'))!;
    expect(connections).toContain('REPORTED_IN');
    expect(connections).toContain('RAIDED');
    await page.locator('label', { hasText: 'REPORTED_IN' }).locator('input').check();
    await page.click('text=Expand chosen (2)');
    await expect
      .poll(async () => (await canvasNodes(page)).sort())
      .toEqual([NAMIBIA, 'source:000_d5d37bd4ebfb1db8', 'source:001_0b187844e311fd7f'].sort());
  });

  it('filters by TLP ceiling and kind; the legend counts what is shown', async () => {
    const page = await open(`?nodes=${NAMIBIA}`);
    // run a saved query that brings GREEN synthetic items beside the CLEAR facts
    await page.click('nav >> text=Queries');
    await page.selectOption('select[aria-label="Saved query"]', {
      label: 'Centres in a hub region and where their victims came from',
    });
    await page.fill('input[aria-label=hub]', 'South-East Asia');
    await page.click('button:has-text("Run")');
    await page.locator('[data-testid=query-summary]').waitFor();
    const rows = Number(/^(\d+) rows/.exec((await page.textContent('[data-testid=query-summary]'))!)![1]);
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('table.rows tbody tr').count()).toBe(Math.min(rows, 200));
    const all = await shownNodes(page);
    expect(all.length).toBeGreaterThan(10);
    await layoutIdle(page);
    await keepScreenshot(page, 'client-query.png');
    const tlps: Record<string, string> = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(graph.nodes().map((n: string) => [n, graph.getNodeAttribute(n, 'tlp')]));
    });
    await page.click('nav >> text=Filters');
    await page.selectOption('select[aria-label="TLP ceiling"]', 'CLEAR');
    await expect
      .poll(async () => (await shownNodes(page)).sort())
      .toEqual(all.filter((n) => tlps[n] === 'CLEAR').sort());
    expect(page.url()).toContain('tlp=CLEAR');
    await page.selectOption('select[aria-label="TLP ceiling"]', '');
    await page.click('.legend-item:has-text("Scam centre")');
    await expect.poll(async () => (await shownNodes(page)).some((n) => n.startsWith('centre:'))).toBe(false);
    expect(await page.locator('.legend-item.off').count()).toBe(1);
  });

  it('finds shortest paths and shows each with its weakest grade', async () => {
    const expected = await getJson(`${server.url}/api/paths?from=${NAMIBIA}&to=country:PH&maxHops=6`);
    const page = await open(`?nodes=${NAMIBIA},country:PH&selected=${NAMIBIA}`);
    await page.locator('[aria-label=Connections]').waitFor();
    await page.click('button:has-text("Path from here")');
    await page.locator('[data-testid=path-from]').waitFor();
    expect(await page.textContent('[data-testid=path-from]')).toContain('Namibia');
    await page.keyboard.press('/');
    await page.keyboard.type('philippines');
    await page.locator('.search-results li', { hasText: 'Country' }).first().click();
    await expect.poll(() => page.textContent('[data-testid=details-title]')).toBe('Philippines');
    await page.click('button:has-text("Path to here")');
    await page.click('text=Find shortest paths');
    await page.locator('[data-testid=paths] li').first().waitFor();
    const listed = (await page.textContent('[data-testid=paths]'))!;
    expect(await page.locator('[data-testid=paths] li').count()).toBe(expected.paths.length);
    expect(listed).toContain(`${expected.paths[0].hops} hops`);
    expect(listed).toContain(expected.paths[0].weakestGrade);
    // the path's nodes are on the canvas and drawn highlighted
    for (const node of expected.paths[0].nodes) expect(await canvasNodes(page)).toContain(node);
  });

  it('shows victim flows on the world map, countries at their centroids, and keeps the selection', async () => {
    const page = await open(`?view=routes`);
    await page.selectOption('select[aria-label="Hub region"]', 'South-East Asia');
    await page.click('text=Load victim flows to South-East Asia');
    await expect.poll(async () => (await shownNodes(page)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    const xy: Record<string, { x: number; y: number }> = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(
        graph.nodes().map((n: string) => [n, { x: graph.getNodeAttribute(n, 'x'), y: graph.getNodeAttribute(n, 'y') }]),
      );
    });
    // countries are placed by longitude: west to east on the map is left to right
    const lng: Record<string, number> = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(
        graph
          .filterNodes((_: string, a: Record<string, unknown>) => a.kind === 'Country')
          .map((n: string) => [n, graph.getNodeAttribute(n, 'lng')]),
      );
    });
    const byLng = Object.keys(lng).sort((a, b) => lng[a]! - lng[b]!);
    expect(byLng.length).toBeGreaterThan(3);
    expect(xy[byLng[0]!]!.x).toBeLessThan(xy[byLng.at(-1)!]!.x);
    // the map draws places, centres and discs standing for them: nothing else loaded (regions, links' ends)
    for (const n of await shownNodes(page)) expect(n).toMatch(/^(country|centre|cluster|hub|origin-region):/);
    await layoutIdle(page);
    await keepScreenshot(page, 'client-routes.png');
    await page.keyboard.press('/');
    await page.keyboard.type('philippines');
    await page.locator('.search-results li', { hasText: 'Country' }).first().click();
    await expect.poll(() => page.textContent('[data-testid=details-title]')).toBe('Philippines');
    await page.click('text=Network');
    expect(page.url()).not.toContain('view=routes');
    expect(page.url()).toContain('selected=country:PH');
    // back in the network view, positions are network positions again (not map coordinates)
    const back = await page.evaluate(() =>
      (window as unknown as ScamnetWindow).scamnet.graph.getNodeAttribute('country:PH', 'x'),
    );
    expect(back).not.toBe(xy['country:PH']!.x);
  });

  it('puts the Namibia centre in Namibia on the map and says its victims’ origins are not recorded', async () => {
    const page = await open(`?nodes=${NAMIBIA}&selected=${NAMIBIA}&view=routes`);
    await page.click('button:has-text("Load victim flows to Namibia scam centre")');
    await page.locator('.notice', { hasText: 'no victim flows are recorded' }).waitFor();
    await expect.poll(() => canvasNodes(page)).toContain('country:NA');
    const [centre, country] = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return ['centre:na-2024-01', 'country:NA'].map((n) => ({
        x: graph.getNodeAttribute(n, 'x'),
        y: graph.getNodeAttribute(n, 'y'),
      }));
    });
    expect(Math.hypot(centre!.x - country!.x, centre!.y - country!.y)).toBeLessThan(15);
    expect(await shownNodes(page)).toContain(NAMIBIA);
    expect(await page.textContent('[data-testid=details-title]')).toBe('Namibia scam centre (dismantled 2024)');
  });

  it('runs ad-hoc Cypher and shows the server’s refusal of a write in words', async () => {
    const page = await open();
    await page.click('nav >> text=Queries');
    await page.click('.tabs.small >> text=Cypher');
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type("MATCH (c:Centre {id: 'centre:na-2024-01'}) RETURN c");
    await page.click('button:has-text("Run")');
    await expect.poll(() => canvasNodes(page)).toEqual([NAMIBIA]);
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type("CREATE (:ScamType {id: 'scamtype:x', name: 'x'})");
    await page.click('button:has-text("Run")');
    await page.locator('.refusal').waitFor();
    expect(await page.textContent('[role=alert].notice')).toContain('write_not_allowed');
    const health = await getJson(`${server.url}/api/health`);
    const search = await getJson(`${server.url}/api/search?q=x&kinds=ScamType`);
    expect(search.results.map((r: { id: string }) => r.id)).not.toContain('scamtype:x');
    expect(health.status).toBe('ok');
  });

  it('saves a workspace and reopens it exactly as it was left, positions included', async () => {
    const page = await open(`?nodes=${NAMIBIA}`);
    await expect.poll(() => canvasNodes(page)).toEqual([NAMIBIA]);
    await settled(page, NAMIBIA);
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const p = await viewportOf(page, NAMIBIA);
    await page.mouse.dblclick(stage.x + p.x, stage.y + p.y);
    await expect.poll(async () => (await canvasNodes(page)).length).toBeGreaterThan(1);
    await layoutIdle(page);
    const saved: Record<string, [number, number]> = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(
        graph.nodes().map((n: string) => [n, [graph.getNodeAttribute(n, 'x'), graph.getNodeAttribute(n, 'y')]]),
      );
    });
    await page.click('nav >> text=Workspaces');
    await page.fill('input[aria-label="Workspace title"]', 'Namibia follow-up');
    await page.click('text=Save workspace');
    await page.locator('.workspaces li', { hasText: 'Namibia follow-up' }).waitFor();

    const fresh = await open();
    await fresh.click('nav >> text=Workspaces');
    await fresh.click('.workspaces >> text=Namibia follow-up');
    await expect.poll(async () => (await canvasNodes(fresh)).sort()).toEqual(Object.keys(saved).sort());
    const reopened: Record<string, [number, number]> = await fresh.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(
        graph.nodes().map((n: string) => [n, [graph.getNodeAttribute(n, 'x'), graph.getNodeAttribute(n, 'y')]]),
      );
    });
    expect(reopened).toEqual(saved);
  });

  it('reopens a shared link with the same nodes, view and filters, and says which ids are gone', async () => {
    const page = await open(`?nodes=${NAMIBIA},country:NA,centre:no-such-centre&grade=B2&fade=1`);
    await expect.poll(async () => (await canvasNodes(page)).sort()).toEqual(['country:NA', NAMIBIA].sort());
    expect(await page.inputValue('select[aria-label="Minimum grade"]')).toBe('B2');
    await page.locator('.notice.error').first().waitFor();
    expect(await page.locator('.notice.error').count()).toBe(1);
    expect(await page.textContent('.notice.error')).toContain('centre:no-such-centre');
  });

  it('exports the current view as a PNG', async () => {
    const page = await open(`?nodes=${NAMIBIA},country:NA`);
    await expect.poll(async () => (await canvasNodes(page)).length).toBe(2);
    await page.click('nav >> text=Export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=PNG of the current view')]);
    const file = path.join(SHOTS, 'client-export.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
    // the picture carries its marking (a black TLP banner at top and bottom, the label in the
    // TLP:CLEAR colour, white) and a legend with the scam-centre colour, below sigma's drawing
    const canvasHeight = (await page.locator('[data-testid=canvas]').boundingBox())!.height;
    const read = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
      const rowHas = (y0: number, y1: number, test: (p: number[]) => boolean) => {
        for (let y = y0; y < y1; y++) for (let x = 0; x < Math.min(c.width, 400); x++) if (test(px(x, y))) return true;
        return false;
      };
      const white = (p: number[]) => p.every((v) => v > 240);
      return {
        width: img.width,
        height: img.height,
        topLeft: px(2, 2),
        bottomLeft: px(2, img.height - 3),
        labelTop: rowHas(8, 22, white),
        labelBottom: rowHas(img.height - 22, img.height - 8, white),
      };
    }, bytes.toString('base64'));
    expect(read.topLeft).toEqual([0, 0, 0]);
    expect(read.bottomLeft).toEqual([0, 0, 0]);
    expect(read.labelTop && read.labelBottom).toBe(true);
    expect(read.height).toBeGreaterThan(canvasHeight + 60);
    await keepScreenshot(page, 'client-export-view.png');
  });
});
