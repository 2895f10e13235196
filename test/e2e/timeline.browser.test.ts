/**
 * The timeline view and the summary panel in real Chromium against the real server (seed graph
 * at a small scale): the canvas is filled with trafficking flows, raids and facilitators, then
 * the Timeline draws them by event date, a brush selects nodes on the canvas (the counts and
 * sigma's highlight say so), the canvas selection shows on the timeline, the summary panel draws
 * its charts and a bar click selects the bar's nodes. Skipped, with a message, without Chromium;
 * under CI=true the absence fails the run.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryCharts, type ChartGraph } from '../../server/model/summary-charts.ts';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { keepScreenshot, usePageSession } from '../support/browser-page.ts';

announceSkip('test/e2e/timeline.browser.test.ts');

/** the timeline's lane-label column and axis band (client/src/components/Timeline.tsx) */
const LABEL_W = 150;
const AXIS_H = 24;

const QUERIES = [
  'MATCH (c:Country)-[t:TRAFFICKED_TO]->(z:Centre) RETURN c, t, z LIMIT 60',
  'MATCH (o:Operation)-[r:RAIDED]->(z:Centre) RETURN o, r, z LIMIT 20',
  'MATCH (f:Facilitator)-[n:NATIONAL_OF]->(c:Country) RETURN f, n, c LIMIT 30',
  'MATCH (z:Centre)-[l:LOCATED_IN]->(c:Country) RETURN z, l, c LIMIT 40',
];

async function cypherNodeIds(url: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const query of QUERIES) {
    const res = await fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(res.status, query).toBe(200);
    const body = (await res.json()) as { graph: { nodes: { key: string }[] } };
    for (const n of body.graph.nodes) ids.add(n.key);
  }
  return [...ids];
}

/** what the canvas holds, as the plain list the chart data is computed from */
async function canvasGraph(page: Page): Promise<ChartGraph> {
  return page.evaluate(() => {
    const { graph } = (window as unknown as ScamnetWindow).scamnet;
    const g = graph.export();
    return {
      nodes: g.nodes.map((n) => ({ key: n.key, attributes: n.attributes as { kind: string } })),
      edges: (g.edges ?? []).map((e) => ({
        key: String(e.key),
        source: e.source,
        target: e.target,
        attributes: e.attributes as { kind: string },
      })),
    };
  });
}
/** the nodes sigma draws highlighted: a multiple selection is */
async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    return graph.nodes().filter((n: string) => sigma.getNodeDisplayData(n)?.highlighted);
  });
}
async function selectedCount(page: Page): Promise<number> {
  const text = await page
    .locator('[data-testid=selected-count]')
    .textContent({ timeout: 100 })
    .catch(() => null);
  return text ? Number(/(\d+) selected/.exec(text)?.[1] ?? 0) : 0;
}

describe.runIf(hasChromium || browserRequired)('timeline and summary charts in Chromium', () => {
  const session = usePageSession();
  let ids: string[] = [];
  beforeAll(async () => {
    if (!hasChromium) return;
    ids = await cypherNodeIds(session.server.url);
  });

  async function open(query = ''): Promise<Page> {
    const page = await session.open(query);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.graph.order))
      .toBe(ids.length);
    return page;
  }

  it('switches to the timeline, draws the dated items, and a brush selects their nodes on the canvas', async () => {
    expect(ids.length).toBeGreaterThan(40);
    const page = await open(`?nodes=${ids.join(',')}`);
    await page.click('.view-switch button:text-is("Timeline")');
    const canvas = page.locator('[data-testid=timeline-canvas]');
    await canvas.waitFor();
    expect(page.url()).toContain('view=timeline');
    await expect.poll(async () => Number(await canvas.getAttribute('data-items'))).toBeGreaterThan(40);
    expect(Number(await canvas.getAttribute('data-lanes'))).toBeGreaterThanOrEqual(4);
    expect(await page.textContent('[data-testid=timeline]')).toContain('event dates: operations, notices, flows');

    // a click on empty lane space selects nothing; a brush across the first lanes selects
    const box = (await canvas.boundingBox())!;
    const x0 = box.x + LABEL_W + 2;
    const y0 = box.y + AXIS_H + 2;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, y0 + 60, { steps: 6 });
    await page.mouse.up();
    const picked = (await canvas.getAttribute('data-picked'))!.split(',').filter(Boolean);
    expect(picked.length).toBeGreaterThan(1);
    await expect.poll(() => selectedCount(page)).toBe(picked.length);
    await expect.poll(async () => (await highlighted(page)).sort()).toEqual([...picked].sort());
    await expect.poll(() => page.textContent('[data-testid=timeline-status]')).toContain(' selected');

    // zoom buttons change the axis' ticks toward days
    const status = async () => (await page.textContent('[data-testid=timeline-status]'))!;
    const before = /ticks by (\w+)/.exec(await status())?.[1];
    for (let i = 0; i < 6; i++) await page.click('button[aria-label="Zoom in"]');
    await expect.poll(async () => /ticks by (\w+)/.exec(await status())?.[1]).not.toBe(before);
    await page.click('.timeline-bar button:text-is("Fit")');
    await expect.poll(async () => /ticks by (\w+)/.exec(await status())?.[1]).toBe(before);

    // lanes by entity: one lane per node that has a dated item
    const byKind = Number(await canvas.getAttribute('data-lanes'));
    await page.click('[aria-label=Lanes] button:text-is("By entity")');
    await expect.poll(async () => Number(await canvas.getAttribute('data-lanes'))).toBeGreaterThan(byKind);
    await page.click('[aria-label=Lanes] button:text-is("By kind")');
    await keepScreenshot(page, 'timeline.png');
  });

  it('selects an item’s node on the canvas with a click, its details shown', async () => {
    const page = await open(`?nodes=${ids.join(',')}&view=timeline`);
    const canvas = page.locator('[data-testid=timeline-canvas]');
    await expect.poll(async () => Number(await canvas.getAttribute('data-items'))).toBeGreaterThan(40);
    const box = (await canvas.boundingBox())!;
    // the first row of the first lane (a node kind with event dates): move along it until an item is under the pointer
    const y = box.y + AXIS_H + 7;
    let hit: { x: number; title: string } | null = null;
    for (let x = box.x + LABEL_W + 2; x < box.x + box.width - 2 && !hit; x += 3) {
      await page.mouse.move(x, y);
      const title = (await canvas.getAttribute('title')) ?? '';
      if (title) hit = { x, title };
    }
    expect(hit, 'an item in the first row').not.toBeNull();
    const label = /^(.*) \((\w+)\)$/.exec(hit!.title)!;
    await page.mouse.click(hit!.x, y);
    await expect.poll(() => page.textContent('[data-testid=details-title]')).toBe(label[1]);
    expect((await canvas.getAttribute('data-picked'))!.split(',')).toHaveLength(1);
    expect(await selectedCount(page)).toBe(0); // one node: no "N selected" count
  });

  it('shows the summary charts of the canvas, and a bar click selects the bar’s nodes', async () => {
    const page = await open(`?nodes=${ids.join(',')}`);
    await page.click('.side .tabs button:text-is("Summary")');
    await page.locator('[data-testid=summary-panel] svg').first().waitFor();
    for (const id of ['victimsByOrigin', 'victimsByHubRegion', 'facilitatorsByAgeBand', 'centresByStatus']) {
      expect(await page.locator(`figure[data-chart=${id}] svg`).count(), id).toBe(1);
    }
    // the bars drawn are the shared chart data of what the canvas holds
    const expected = summaryCharts(await canvasGraph(page));
    const origin = expected.find((c) => c.id === 'victimsByOrigin')!;
    expect(origin.bars.length).toBeGreaterThan(1);
    expect(await page.locator('rect[data-chart=victimsByOrigin]').count()).toBe(origin.bars.length);
    const bar = origin.bars.find((b) => b.ids.length > 1)!;
    await page.click(`rect[data-chart=victimsByOrigin][data-key="${bar.key}"]`);
    await expect.poll(() => selectedCount(page)).toBe(bar.ids.length);
    await expect.poll(async () => (await highlighted(page)).sort()).toEqual([...bar.ids].sort());
    expect(await page.textContent('[data-testid=summary-picked]')).toContain(`${bar.label}: ${bar.value}`);
    await keepScreenshot(page, 'summary-charts.png');

    // the canvas selection is highlighted on the timeline
    await page.click('.view-switch button:text-is("Timeline")');
    await expect.poll(() => page.textContent('[data-testid=timeline-status]')).toMatch(/\d+ selected/);
  });

  it('filters the canvas to a bar when asked: the rest hidden, one Undo brings it back', async () => {
    const page = await open(`?nodes=${ids.join(',')}`);
    await page.click('.side .tabs button:text-is("Summary")');
    await page.locator('[data-testid=summary-panel] svg').first().waitFor();
    const origin = summaryCharts(await canvasGraph(page)).find((c) => c.id === 'victimsByOrigin')!;
    const bar = origin.bars[0]!;
    const shown = () =>
      page.evaluate(() => {
        const { graph } = (window as unknown as ScamnetWindow).scamnet;
        return (graph.nodes() as string[]).filter((n) => !graph.getNodeAttribute(n, 'hiddenByUser')).sort();
      });
    await page.check('[data-testid=summary-filter]');
    await page.click(`rect[data-chart=victimsByOrigin][data-key="${bar.key}"]`);
    await expect.poll(shown).toEqual([...new Set(bar.ids)].sort());
    expect(await page.textContent('[data-testid=summary-picked]')).toContain('the rest hidden');
    await page.click('header button:text-is("Undo")');
    await expect.poll(async () => (await shown()).length).toBe(ids.length);
  });

  it('narrows the charts with the canvas filters (a kind switched off leaves its chart empty)', async () => {
    const page = await open(`?nodes=${ids.join(',')}&hideKinds=Facilitator`);
    await page.click('.side .tabs button:text-is("Summary")');
    await page.locator('figure[data-chart=victimsByOrigin] svg').waitFor();
    expect(await page.textContent('figure[data-chart=facilitatorsByAgeBand]')).toContain('Nothing to chart');
  });
});
