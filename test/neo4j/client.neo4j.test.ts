/**
 * The investigator client in real Chromium against the real server on the Neo4j backend
 * (`GRAPH_BACKEND=neo4j npm start`'s entry, seeded into the emptied live Neo4j): search → expand →
 * shortest path → export, each checked against what the API answers. The full client suite runs
 * on the embedded store (test/e2e/client.test.ts); this proves the same page works on the other.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchBrowser, type ScamnetWindow } from '../support/browser.ts';
import { hasPython, readWithPython } from '../support/interop.ts';
import { clearLiveNeo4j, describeLive, liveNeo4jUri, openLiveNeo4j } from '../support/neo4j-live.ts';
import { REPO_ROOT, getJson, startServer, type ServerProcess } from '../support/server-process.ts';

const SHOTS = path.join(REPO_ROOT, 'test-results');
const NAMIBIA = 'centre:na-2024-01';

describeLive('the client on the Neo4j backend, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    // the server seeds only an empty store
    const store = await openLiveNeo4j();
    await clearLiveNeo4j(store);
    await store.close();
    if (!hasChromium) throw new Error(`Chromium is missing at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    [server, browser] = await Promise.all([
      startServer(
        {
          GRAPH_BACKEND: 'neo4j',
          NEO4J_URI: liveNeo4jUri!,
          NEO4J_USER: process.env.NEO4J_USER || 'neo4j',
          NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
          SEED_SCALE: '0.2',
        },
        undefined,
        170_000,
      ),
      launchBrowser(),
    ]);
    mkdirSync(SHOTS, { recursive: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  const canvasNodes = (): Promise<string[]> =>
    page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.graph.nodes());
  const viewportOf = (node: string): Promise<{ x: number; y: number }> =>
    page.evaluate((n) => {
      const { sigma } = (window as unknown as ScamnetWindow).scamnet;
      const shown = sigma.getNodeDisplayData(n);
      if (!shown) throw new Error(`${n} is not on the canvas`);
      return sigma.framedGraphToViewport(shown);
    }, node);

  it('serves the seed graph from Neo4j', async () => {
    const health = await getJson(`${server.url}/api/health`);
    expect(health).toMatchObject({ status: 'ok', backend: 'neo4j' });
    expect(health.nodes).toBeGreaterThan(100);
  });

  it('searches, expands, finds a shortest path and exports what is on the canvas', { timeout: 120_000 }, async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => Boolean((window as unknown as ScamnetWindow).scamnet));

    // search → pick
    await page.keyboard.press('/');
    await page.keyboard.type('namibia');
    await page.locator('.search-results li', { hasText: 'Namibia scam centre' }).click();
    await expect
      .poll(() => page.textContent('[data-testid=details-title]'), { timeout: 30_000 })
      .toBe('Namibia scam centre (dismantled 2024)');
    expect(await canvasNodes()).toEqual([NAMIBIA]);
    expect(await page.textContent('[aria-label=Provenance]')).toContain('INTERPOL, 2025-06-30');

    // expand on double-click: every neighbour the server reports
    const details = await getJson(`${server.url}/api/nodes/${NAMIBIA}`);
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    await expect
      .poll(
        async () => {
          const p = await viewportOf(NAMIBIA);
          return Math.abs(p.x - stage.width / 2) < 60 && Math.abs(p.y - stage.height / 2) < 60;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const at = await viewportOf(NAMIBIA);
    await page.mouse.dblclick(stage.x + at.x, stage.y + at.y);
    await expect.poll(async () => (await canvasNodes()).length, { timeout: 30_000 }).toBe(1 + details.degree);

    // shortest paths Namibia → Philippines, as the API finds them on Neo4j
    const expected = await getJson(`${server.url}/api/paths?from=${NAMIBIA}&to=country:PH&maxHops=6`);
    expect(expected.paths.length).toBeGreaterThan(0);
    await page.click('button:has-text("Path from here")');
    await page.keyboard.press('/');
    await page.keyboard.type('philippines');
    await page.locator('.search-results li', { hasText: 'Country' }).first().click();
    await expect.poll(() => page.textContent('[data-testid=details-title]'), { timeout: 30_000 }).toBe('Philippines');
    await page.click('button:has-text("Path to here")');
    await page.click('text=Find shortest paths');
    await page.locator('[data-testid=paths] li').first().waitFor();
    expect(await page.locator('[data-testid=paths] li').count()).toBe(expected.paths.length);
    expect(await page.textContent('[data-testid=paths]')).toContain(`${expected.paths[0].hops} hops`);
    const onCanvas = await canvasNodes();
    for (const node of expected.paths[0].nodes) expect(onCanvas).toContain(node);
    await page.screenshot({ path: path.join(SHOTS, 'client-neo4j.png') });

    // export the canvas as GEXF through the server, read by networkx when it is installed
    await page.click('nav >> text=Export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("GEXF (Gephi, Gephi Lite)")'),
    ]);
    const file = path.join(SHOTS, 'client-neo4j.gexf');
    await download.saveAs(file);
    const gexf = readFileSync(file);
    expect(gexf.subarray(0, 200).toString()).toContain('<?xml');
    if (hasPython || process.env.CI === 'true') {
      const read = readWithPython('networkx-gexf', gexf, 'gexf');
      expect(Object.keys(read.nodes).length).toBe(onCanvas.length);
    } else {
      for (const node of onCanvas) expect(gexf.toString()).toContain(node);
    }
    expect(errors).toEqual([]);
  });
});
