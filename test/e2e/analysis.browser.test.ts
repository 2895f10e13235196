/**
 * Analysis in real Chromium against the real server (seed graph at a small scale): select three
 * nodes on the canvas (click, shift-click), Connect them — the paths come onto the canvas drawn
 * highlighted and each pair is listed with its grade, as the server answered; then colour a
 * larger canvas by Louvain community — sigma draws other colours, the legend and the list give
 * the communities with their sizes, and a click on one selects its members. Skipped, with a
 * message, without Chromium; under CI=true the absence fails the run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { keepScreenshot, canvasNodes, viewportOf, layoutIdle, usePageSession } from '../support/browser-page.ts';
import { getJson } from '../support/server-process.ts';
import type { ConnectingResponse } from '../../server/model/wire.ts';

announceSkip('test/e2e/analysis.browser.test.ts');

const NAMIBIA = 'centre:na-2024-01';
const PHILIPPINES = 'centre:ph-2024-01';
const WEST_AFRICA = 'region:west-africa';

/** What sigma draws for each node: its colour, and whether it is highlighted, hidden or faded. */
async function drawn(page: Page): Promise<Record<string, { color: string; highlighted: boolean; hidden: boolean }>> {
  return page.evaluate(() => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    return Object.fromEntries(
      graph.nodes().map((n: string) => {
        const d = sigma.getNodeDisplayData(n)!;
        return [n, { color: d.color, highlighted: Boolean(d.highlighted), hidden: Boolean(d.hidden) }];
      }),
    );
  });
}

describe.runIf(hasChromium || browserRequired)('analysis in Chromium', () => {
  const session = usePageSession({ SEED_SCALE: '0.2' });
  const open = (query?: string) => session.open(query);

  /**
   * Clicks a node where it is once the camera has stopped (opening the details panel moves the
   * canvas): still over three looks 150 ms apart, which also keeps two clicks further apart than
   * sigma's double-click window, so they are two clicks and not an expansion.
   */
  async function clickNode(page: Page, node: string, shift = false): Promise<void> {
    let last = await viewportOf(page, node);
    let still = 0;
    await expect
      .poll(
        async () => {
          const now = await viewportOf(page, node);
          still = Math.hypot(now.x - last.x, now.y - last.y) < 0.5 ? still + 1 : 0;
          last = now;
          return still;
        },
        { interval: 150, timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(3);
    const p = await viewportOf(page, node);
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    if (shift) await page.keyboard.down('Shift');
    await page.mouse.click(stage.x + p.x, stage.y + p.y);
    if (shift) await page.keyboard.up('Shift');
  }

  it('connects three selected nodes: the paths are drawn highlighted and each pair listed with its grade', async () => {
    const ids = [NAMIBIA, PHILIPPINES, WEST_AFRICA];
    const res = await fetch(`${session.server.url}/api/paths/connecting`, {
      method: 'POST',
      headers: { 'X-Scamnet-Request': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ ids, maxHops: 4 }),
    });
    const expected = (await res.json()) as ConnectingResponse;
    // the seed graph joins two of the pairs within four hops, not the third
    expect(expected.pairs.length).toBe(2);
    expect(expected.unconnected.length).toBe(1);

    const page = await open(`?nodes=${ids.join(',')}`);
    await expect.poll(async () => (await canvasNodes(page)).sort()).toEqual([...ids].sort());
    await layoutIdle(page);
    await clickNode(page, NAMIBIA);
    await page.locator('[data-testid=details-title]').waitFor();
    await clickNode(page, PHILIPPINES, true);
    await expect.poll(() => page.textContent('[data-testid=counts]')).toContain('2 selected');
    await clickNode(page, WEST_AFRICA, true);
    await expect.poll(() => page.textContent('[data-testid=selected-count]')).toContain('3 selected');

    await page.click('nav >> text=Paths');
    const button = page.locator('[data-testid=connect-selected]');
    expect(await button.textContent()).toBe('Connect 3 selected');
    await button.click();
    await page.locator('[data-testid=connect-pairs] > li').first().waitFor();

    // every node and link of the answer is on the canvas, and the paths' nodes are drawn highlighted
    const onCanvas = await canvasNodes(page);
    for (const n of expected.nodes) expect(onCanvas).toContain(n.key);
    const pathNodes = new Set(expected.pairs.flatMap((p) => p.paths.flatMap((q) => q.nodes)));
    await expect
      .poll(async () => {
        const d = await drawn(page);
        return [...pathNodes].every((n) => d[n]?.highlighted);
      })
      .toBe(true);
    const edgesDrawn: string[] = await page.evaluate(() => {
      const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
      return graph.edges().filter((e: string) => sigma.getEdgeDisplayData(e)?.color === '#111827');
    });
    expect(edgesDrawn.sort()).toEqual(
      [...new Set(expected.pairs.flatMap((p) => p.paths.flatMap((q) => q.edges)))].sort(),
    );

    // the pairs, with their hop counts and grades, and the pair not connected
    expect(await page.locator('[data-testid=connect-pairs] > li').count()).toBe(2);
    const listed = (await page.textContent('[data-testid=connect-pairs]'))!;
    for (const pair of expected.pairs) {
      expect(listed).toContain(`${pair.paths[0]!.hops} hops`);
      for (const p of pair.paths) expect(listed).toContain(p.weakestGrade!);
    }
    expect(await page.textContent('[data-testid=connect-unconnected]')).toContain('Not connected within 4 hops');
    await page.click('text=Fit');
    await layoutIdle(page);
    await keepScreenshot(page, 'analysis-connecting.png');

    // one pair alone: only its paths stay highlighted
    const first = page.locator('[data-testid=connect-pairs] > li').first();
    await first.locator('button.link').click();
    const firstLabel = (await first.locator('button.link').textContent())!;
    const pair = expected.pairs.find(
      (p) => p.paths[0]!.hops === Math.min(...expected.pairs.map((q) => q.paths[0]!.hops)),
    )!;
    expect(firstLabel).toContain('↔');
    const only = new Set(pair.paths.flatMap((q) => q.nodes));
    await expect
      .poll(async () => {
        const d = await drawn(page);
        return Object.entries(d)
          .filter(([, v]) => v.highlighted)
          .map(([n]) => n)
          .filter((n) => !ids.includes(n))
          .every((n) => only.has(n));
      })
      .toBe(true);
  });

  it('colours the canvas by Louvain community and lists the communities with their sizes', async () => {
    // South-East Asia two hops out, its documents left aside: centres, routes, facilitators, countries
    const kinds = 'Centre,Country,Facilitator,Operation,Organisation,Region,Route,Notice,ScamType,Method,Crime';
    const around = await getJson(
      `${session.server.url}/api/nodes/region:south-east-asia/neighbors?depth=2&limit=80&kinds=${kinds}`,
    );
    const ids: string[] = around.nodes.map((n: { key: string }) => n.key);
    const page = await open(`?nodes=${ids.join(',')}`);
    await expect.poll(async () => (await canvasNodes(page)).length).toBe(ids.length);
    await layoutIdle(page);
    const before = await drawn(page);

    await page.click('nav >> text=Analysis');
    await page.locator('[data-testid=communities] > li').first().waitFor();
    const sizes = (await page.locator('[data-testid=community-size]').allTextContents()).map((t) => parseInt(t, 10));
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    // largest first, each at least two nodes, and no more nodes than the canvas shows
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ids.length);
    // nothing is recoloured until asked
    expect(await drawn(page)).toEqual(before);

    await page.check('[data-testid=colour-by-community]');
    await page.locator('[data-testid=community-legend]').waitFor();
    await expect
      .poll(async () => {
        const d = await drawn(page);
        return ids.filter((n) => d[n]!.color !== before[n]!.color).length;
      })
      .toBeGreaterThan(ids.length / 2);
    // the members of one community share one colour, and two communities differ
    const after = await drawn(page);
    const colourOfSize = new Map<string, number>();
    for (const n of ids) colourOfSize.set(after[n]!.color, (colourOfSize.get(after[n]!.color) ?? 0) + 1);
    expect(colourOfSize.size).toBeGreaterThanOrEqual(2);
    expect([...colourOfSize.values()]).toEqual(expect.arrayContaining([sizes[0]]));
    await keepScreenshot(page, 'analysis-communities.png');

    // a click on the largest community selects its members
    await page.locator('[data-testid=communities] > li').first().locator('button.link').click();
    await expect.poll(() => page.textContent('[data-testid=selected-count]')).toContain(`${sizes[0]} selected`);

    // colours go back to the kinds' when switched off (the selection cleared, so nothing is faded)
    await page.keyboard.press('Escape');
    await page.uncheck('[data-testid=colour-by-community]');
    await expect
      .poll(async () => {
        const d = await drawn(page);
        return ids.every((n) => d[n]!.color === before[n]!.color);
      })
      .toBe(true);
  });
});
