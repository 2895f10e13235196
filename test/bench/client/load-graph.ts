/**
 * One measured load of a big graph into the client, the way an analyst does it: the Queries panel's
 * Cypher tab, one statement returning every relationship with its ends, Ctrl+Enter, and the result
 * put on the canvas (the real server, the real /api/cypher, the real client build). Then, while the
 * layout runs, a few hovers and clicks on nodes, each timed from the input event to the first frame
 * drawn with its highlight.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ScamnetWindow } from '../../support/browser.ts';
import { loadProbeScript, longestTask, readProbe, responseEnd, type ProbeState } from '../../support/load-probe.ts';

export const LOAD_QUERY = 'MATCH (a)-[r]->(b) RETURN a, r, b';

export interface LoadFigures {
  nodes: number;
  links: number;
  responseBytes: number;
  /** the response fully received → sigma's first frame with the nodes */
  firstFrameMs: number;
  longestTaskLoadingMs: number;
  longestTaskLayoutMs: number;
  /** the layout: from its start to its stop, and what it gave as the reason (when it says) */
  layoutMs: number | null;
  layoutStop: string | null;
  hoverMs: Array<number | null>;
  clickMs: Array<number | null>;
  screenshot: string;
  /**
   * sigma's own work before the first frame, load-independent where the times are not: calls of its
   * addNode/addEdge (each one reducer run for one item), process (indexing all) and render
   */
  sigmaCalls: { addNode: number; addEdge: number; process: number; render: number };
  /** what the page threw or logged as an error during the load */
  errors: string[];
}

/** A well-connected node's place on screen (big nodes are the easiest to hit while they move). */
function nodeOnScreen(page: Page, rank: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate((r) => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    const box = (document.querySelector('[data-testid=canvas]') as HTMLElement).getBoundingClientRect();
    const nodes = graph
      .nodes()
      .map((n) => ({ n, d: graph.degree(n) }))
      .sort((a, b) => b.d - a.d)
      .slice(0, 200);
    let seen = 0;
    for (const { n } of nodes) {
      const shown = sigma.getNodeDisplayData(n);
      if (!shown || shown.hidden) continue;
      const p = sigma.framedGraphToViewport(shown);
      if (p.x < 40 || p.y < 40 || p.x > box.width - 40 || p.y > box.height - 40) continue;
      if (seen++ === r) return { x: box.left + p.x, y: box.top + p.y };
    }
    return null;
  }, rank);
}

export async function loadGraph(
  browser: Browser,
  url: string,
  screenshot: string,
  options: { query?: string; layoutTimeoutMs?: number; interactions?: number; profile?: string } = {},
): Promise<LoadFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.addInitScript(loadProbeScript());
    await page.goto(url);
    await page.locator('[data-testid=canvas]').waitFor();
    await page.evaluate(() => {
      const sigma = (window as unknown as { scamnet: { sigma: Record<string, (...a: unknown[]) => unknown> } }).scamnet
        .sigma;
      const calls = { addNode: 0, addEdge: 0, process: 0, render: 0 };
      const held = window as unknown as { __sigmaCalls: typeof calls | null };
      held.__sigmaCalls = null;
      for (const name of Object.keys(calls) as Array<keyof typeof calls>) {
        const own = sigma[name]!.bind(sigma);
        sigma[name] = (...args: unknown[]) => {
          calls[name]++;
          return own(...args);
        };
      }
      // the counts as they stood at the first frame with nodes, taken in that frame: read later
      // from Node they would include the layout's first position updates (a busy machine lets the
      // worker's first batch in before the read: 4 runs per link measured instead of 2)
      sigma.on!('afterRender', () => {
        if (held.__sigmaCalls === null && (sigma.getGraph!() as { order: number }).order > 0)
          held.__sigmaCalls = { ...calls };
      });
    });
    await page.click('nav >> text=Queries');
    await page.click('.tabs.small >> text=Cypher');
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(options.query ?? LOAD_QUERY);
    // --profile: the main thread's CPU profile of the load and the layout (open it in Chrome's DevTools)
    const cdp = options.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.keyboard.press('Control+Enter');

    // waits in the page (Playwright polls on animation frames) instead of asking from here in a loop
    type Probed = { __probe: ProbeState };
    await page.waitForFunction(() => (window as unknown as Probed).__probe.firstFrame !== null, null, {
      timeout: 120_000,
    });
    const first = await readProbe(page);
    await page.waitForFunction(() => (window as unknown as { __sigmaCalls: unknown }).__sigmaCalls !== null);
    const sigmaCalls = await page.evaluate(
      () => (window as unknown as { __sigmaCalls: LoadFigures['sigmaCalls'] }).__sigmaCalls,
    );
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === '/api/cypher'),
      null,
      { timeout: 5_000 },
    );
    const received = (await responseEnd(page, '/api/cypher'))!;

    // hovers and clicks while the layout runs (when it runs long enough to be asked)
    const interactions = options.interactions ?? 3;
    for (let i = 0; i < interactions; i++) {
      const probe = await readProbe(page);
      if (probe.layouts.length > 0 && probe.layouts.at(-1)![1] !== null) break;
      const at = await nodeOnScreen(page, i);
      if (!at) break;
      await page.mouse.move(at.x - 30, at.y - 30);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      await page.mouse.up();
      await page.mouse.move(at.x - 30, at.y - 30);
    }

    await page.waitForFunction(
      () => {
        const last = (window as unknown as Probed).__probe.layouts.at(-1);
        return last !== undefined && last[1] !== null;
      },
      null,
      { timeout: options.layoutTimeoutMs ?? 180_000 },
    );
    const done = await readProbe(page);
    if (cdp && options.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(options.profile, JSON.stringify(profile));
    }
    await page.screenshot({ path: screenshot });
    const final: ProbeState = await readProbe(page);
    const [layoutStart, layoutEnd] = done.layouts.at(-1)!;
    const counts = await page.evaluate(() => {
      const { graph } = (window as unknown as { scamnet: { graph: { order: number; size: number } } }).scamnet;
      return { nodes: graph.order, links: graph.size };
    });
    const frame = first.firstFrame!;
    return {
      ...counts,
      responseBytes: received.bytes,
      firstFrameMs: frame - received.end,
      longestTaskLoadingMs: longestTask(final.tasks, received.end, frame),
      longestTaskLayoutMs: longestTask(final.tasks, frame, layoutEnd ?? performance.now()),
      layoutMs: layoutEnd === null ? null : layoutEnd - layoutStart,
      layoutStop: final.layoutStops.at(-1) ?? null,
      hoverMs: final.hovers,
      clickMs: final.clicks,
      screenshot,
      sigmaCalls,
      errors,
    };
  } finally {
    await page.close();
  }
}
