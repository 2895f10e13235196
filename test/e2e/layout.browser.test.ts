/**
 * The canvas at scale, in real Chromium against the real server (seed graph at scale 3, about
 * 1,100 linked nodes and 4,800 links, brought in by an analyst's Cypher): the layout runs until it
 * converges — the convergence measure stops it, not the safety cap — and ends with linked nodes
 * near each other, not the merge's spiral; a click while it runs selects its node at once; no
 * label is drawn under the legend or the time bar. The 10,000-node figures are the client bench's
 * and the README's ("The canvas at 10,000 nodes"). Skipped, with a message, without Chromium;
 * under CI=true the absence fails the run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { keepScreenshot, usePageSession, viewportOf } from '../support/browser-page.ts';

announceSkip('test/e2e/layout.browser.test.ts');

interface Shape {
  /** mean link length over the root-mean-square distance from the centre: small when linked nodes sit together */
  linkOverRadius: number;
  /** mean distance to the nearest other node over the same radius: not collapsed */
  nearestOverRadius: number;
}
type LayoutWindow = ScamnetWindow & {
  scamnet: {
    layout?: { state: string; iterations: number; nodes: number; ms: number; draws: number; seeded: boolean };
    labels?: Array<{ key: string; x: number; y: number; width: number; height: number }>;
  };
  __shape: (graph: unknown) => Shape;
  __spiral?: Shape;
  __stateAtClick?: string;
  __clicked?: number;
  __answered?: number;
};

/** The shape of the nodes' positions, measured in the page (the same function for before and after). */
const SHAPE_SOURCE = `(graph) => {
  const xs = [], ys = [];
  graph.forEachNode((_n, a) => { xs.push(a.x); ys.push(a.y); });
  const n = xs.length;
  const cx = xs.reduce((s, x) => s + x, 0) / n, cy = ys.reduce((s, y) => s + y, 0) / n;
  const radius = Math.sqrt(xs.reduce((s, x, i) => s + (x - cx) ** 2 + (ys[i] - cy) ** 2, 0) / n);
  let links = 0, m = 0;
  graph.forEachEdge((_e, _a, _s, _t, sa, ta) => { links += Math.hypot(sa.x - ta.x, sa.y - ta.y); m++; });
  let nearest = 0;
  for (let i = 0; i < n; i += 7) {
    let best = Infinity;
    for (let j = 0; j < n; j++) if (j !== i) best = Math.min(best, Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
    nearest += best;
  }
  return { linkOverRadius: links / m / radius, nearestOverRadius: nearest / Math.ceil(n / 7) / radius };
}`;

async function runCypher(page: Page, text: string): Promise<void> {
  await page.click('nav >> text=Queries');
  await page.click('.tabs.small >> text=Cypher');
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
}

describe.runIf(hasChromium || browserRequired)('the canvas at scale, in Chromium', () => {
  const session = usePageSession({ SEED_SCALE: '3', QUERY_MAX_ROWS: '20000', QUERY_TIMEOUT_MS: '60000' });

  it('lays a thousand linked nodes out until converged, with linked nodes together, labels clear of the overlays', async () => {
    const page = await session.open();
    // the merge's own positions, read once the nodes have arrived and before the layout's first draw
    await page.evaluate(`window.__shape = ${SHAPE_SOURCE}`);
    await page.evaluate(() => {
      const w = window as unknown as LayoutWindow;
      const { graph } = w.scamnet;
      const look = () => {
        if (graph.size < 1000) return;
        graph.removeListener('edgeAdded', look);
        setTimeout(() => {
          if ((w.scamnet.layout?.draws ?? 0) > 0) throw new Error('the layout drew before the spiral was measured');
          w.__spiral = w.__shape(graph);
        }, 0);
      };
      graph.on('edgeAdded', look);
    });
    await runCypher(page, 'MATCH (a)-[r]->(b) RETURN a, r, b');
    await page.waitForFunction(() => Boolean((window as unknown as LayoutWindow).__spiral), null, { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as LayoutWindow).scamnet.layout?.state !== 'running', null, {
      timeout: 240_000,
      polling: 500,
    });
    const result = await page.evaluate((source) => {
      const w = window as unknown as LayoutWindow;
      return {
        layout: w.scamnet.layout!,
        spiral: w.__spiral!,
        end: (eval(source) as (g: unknown) => Shape)(w.scamnet.graph),
      };
    }, SHAPE_SOURCE);
    console.log('layout at', result.layout.nodes, 'nodes:', JSON.stringify(result));
    // stopped by the convergence measure, from the community seed, drawn as it went
    expect(result.layout.state).toBe('converged');
    expect(result.layout.seeded).toBe(true);
    expect(result.layout.draws).toBeGreaterThan(1);
    expect(await page.getAttribute('[data-testid=canvas]', 'data-layout')).toBe('converged');
    // linked nodes end much closer (relative to the layout's size) than on the spiral (measured 2.0×, asked 1.5×),
    // and the nodes are not piled up: their nearest neighbours stay a third as far as on the spiral
    expect(result.end.linkOverRadius).toBeLessThan(result.spiral.linkOverRadius / 1.5);
    expect(result.end.nearestOverRadius).toBeGreaterThan(result.spiral.nearestOverRadius / 3);

    // labels: some drawn, none under the legend or the time bar (their boxes read from the page)
    await page.locator('.legend').first().waitFor();
    const labels = await page.evaluate(() => {
      const w = window as unknown as LayoutWindow;
      const base = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      const overlays = ['.legend', '.timebar'].flatMap((sel) =>
        Array.from(document.querySelectorAll(sel)).map((el) => {
          const r = el.getBoundingClientRect();
          return { sel, x: r.left - base.left, y: r.top - base.top, width: r.width, height: r.height };
        }),
      );
      return { drawn: w.scamnet.labels ?? [], overlays };
    });
    expect(labels.overlays.length).toBeGreaterThanOrEqual(2);
    expect(labels.drawn.length).toBeGreaterThan(0);
    const under = labels.drawn.filter((l) =>
      labels.overlays.some(
        (o) => l.x < o.x + o.width && o.x < l.x + l.width && l.y < o.y + o.height && o.y < l.y + l.height,
      ),
    );
    expect(under).toEqual([]);
    // and no two drawn labels overlap
    const clash = labels.drawn.filter((a, i) =>
      labels.drawn.some(
        (b, j) => j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
      ),
    );
    expect(clash).toEqual([]);
    await keepScreenshot(page, 'layout-1k.png');
  }, 300_000);

  it('selects a clicked node at once while the layout runs', async () => {
    const page = await session.open();
    // the result's table of thousands of rows is React's to redraw, not the canvas's: it is put
    // away (the Filters tab) before the click. Under a heavy load the layout may converge first:
    // then the canvas is cleared and the query run again, a new seeded layout.
    await page.evaluate(() => {
      const w = window as unknown as LayoutWindow;
      const canvas = document.querySelector('[data-testid=canvas]')!;
      const clicked = (e: Event) => {
        w.__clicked = e.timeStamp;
        w.__stateAtClick = w.scamnet.layout?.state;
      };
      canvas.addEventListener('click', clicked, { capture: true, once: true });
      new MutationObserver((_m, observer) => {
        if (w.__answered || w.__clicked === undefined || !document.querySelector('aside.details')) return;
        w.__answered = performance.now();
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) await page.click('button:has-text("Clear")');
      await runCypher(page, 'MATCH (a)-[r]->(b) RETURN a, r, b');
      await page.waitForFunction(
        () => {
          const { layout: l, graph } = (window as unknown as LayoutWindow).scamnet;
          // after Clear, the last run's figures are still there until the new one starts: the graph says
          return graph.order > 1000 && l && l.nodes > 1000 && (l.state !== 'running' || l.draws >= 1);
        },
        null,
        { timeout: 120_000, polling: 50 },
      );
      await page.click('nav >> text=Filters');
      // the busiest node, where it is drawn now
      const hub = await page.evaluate(() => {
        const { graph } = (window as unknown as LayoutWindow).scamnet;
        return graph.nodes().reduce((a: string, b: string) => (graph.degree(b) > graph.degree(a) ? b : a));
      });
      const at = await viewportOf(page, hub);
      const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
      const state = await page.evaluate(() => (window as unknown as LayoutWindow).scamnet.layout?.state);
      if (state !== 'running' && attempt < 3) continue;
      await page.mouse.click(stage.x + at.x, stage.y + at.y);
      break;
    }
    await page.waitForFunction(() => Boolean((window as unknown as LayoutWindow).__answered), null, {
      timeout: 30_000,
    });
    const timing = await page.evaluate(() => {
      const w = window as unknown as LayoutWindow;
      return { latency: w.__answered! - w.__clicked!, layout: w.__stateAtClick };
    });
    console.log(`click during the layout answered in ${Math.round(timing.latency)} ms (layout ${timing.layout})`);
    expect(timing.layout).toBe('running');
    expect(timing.latency).toBeGreaterThan(0);
    // the bound is generous (8 helpers share 2 cores here); the bench reports the figure against 100 ms
    expect(timing.latency).toBeLessThan(1000);
  }, 300_000);
});
