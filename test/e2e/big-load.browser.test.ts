/**
 * A big query result put on the canvas in real Chromium against the real server (issue 14): the
 * seed at scale 6.5 (2,250 nodes, 10,111 links) loaded whole through the Cypher tab, the way the
 * client bench does it (test/bench/client/load-graph.ts), with the page's long tasks read by a
 * PerformanceObserver. The bound is generous: measured 1.3–3.0 s with the 1-minute load average at
 * 20 on 2 cores, most of it the compositor waiting on software WebGL (GLES2::ReadPixels in Commit),
 * not script; it catches the multi-second freezes issue 14 reports (single tasks up to 4.7 s) coming
 * back. See the README's "Client benchmark". Skipped, with a message, without Chromium; under
 * CI=true the absence fails the run.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../bench/client/load-graph.ts';
import { announceSkip, browserRequired, hasChromium } from '../support/browser.ts';
import { SHOTS, usePageSession } from '../support/browser-page.ts';

announceSkip('test/e2e/big-load.browser.test.ts');

/** the longest main-thread task allowed from the data received to the first frame (ms) */
const LONGEST_TASK_BOUND = 4000;
/*
 * Not asserted here: the longest task while the layout runs. After merging h-C1's layout (run until
 * converged) single tasks of 5.2 s and 12.7 s were measured in this test (load average 8), the
 * layout's own main-thread work; the bench reports it (longest task layout) until it is brought down.
 */

describe.skipIf(!hasChromium && !browserRequired)('a big result on the canvas', () => {
  const session = usePageSession({
    SEED_SCALE: '6.5',
    QUERY_MAX_ROWS: '100000',
    QUERY_MAX_BYTES: '100000000',
    QUERY_TIMEOUT_MS: '120000',
  });

  it(
    'draws 2,250 nodes and 10k links with no main-thread task over the bound while loading',
    { timeout: 240_000 },
    async () => {
      mkdirSync(SHOTS, { recursive: true });
      const figures = await loadGraph(session.browser, session.server.url, path.join(SHOTS, 'big-load.png'), {
        interactions: 0,
      });
      expect(figures.errors).toEqual([]);
      expect(figures.nodes).toBeGreaterThan(2000);
      expect(figures.links).toBeGreaterThan(10_000);
      expect(figures.layoutMs).not.toBeNull();
      // load-independent: sigma ran the reducers twice per item before the first frame (five before
      // its per-item handlers were batched and the reducers set in one pass)
      expect(figures.sigmaCalls.addEdge).toBeLessThanOrEqual(2 * figures.links);
      expect(figures.sigmaCalls.addNode).toBeLessThanOrEqual(2 * figures.nodes);
      const said = `longest tasks (ms): loading ${figures.longestTaskLoadingMs}, layout ${figures.longestTaskLayoutMs}; first frame ${Math.round(figures.firstFrameMs)}; layout ${figures.layoutStop} after ${Math.round(figures.layoutMs ?? -1)}`;
      expect(figures.longestTaskLoadingMs, said).toBeLessThan(LONGEST_TASK_BOUND);
    },
  );
});
