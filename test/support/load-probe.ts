/**
 * What the client bench and the big-load browser test read from inside the page: every main-thread
 * long task (PerformanceObserver `longtask`, 50 ms and over), sigma's frames, when the layout runs
 * (the canvas's `data-layout`), and how long a hover or a click takes to be drawn. Installed with
 * `page.addInitScript(loadProbeScript())` before the app starts; read with `readProbe(page)`.
 * Times are the page's own `performance.now()`, so nothing crossing CDP skews them.
 */
import type { Page } from 'playwright-core';

export interface ProbeState {
  /** [startTime, duration] of each long task */
  tasks: Array<[number, number]>;
  /** time of sigma's first frame with nodes on the canvas */
  firstFrame: number | null;
  /** nodes in that frame */
  firstFrameNodes: number;
  /** [start, stop] of each layout run, stop null while it runs */
  layouts: Array<[number, number | null]>;
  /** why each layout run stopped: the canvas's data-layout after it (converged or capped) */
  layoutStops: string[];
  /** input → the first frame drawn with the new highlight (ms); null when none was drawn in 3 s */
  hovers: Array<number | null>;
  clicks: Array<number | null>;
}

interface ProbeSigma {
  on(event: string, fn: (payload: unknown) => void): void;
  getGraph(): { order: number };
  getSetting(name: string): unknown;
}

/** Runs in the page before its scripts (serialised by playwright: no closures over this module). */
export function installLoadProbe(): void {
  const state: ProbeState = {
    tasks: [],
    firstFrame: null,
    firstFrameNodes: 0,
    layouts: [],
    layoutStops: [],
    hovers: [],
    clicks: [],
  };
  (window as unknown as { __probe: ProbeState }).__probe = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });

  let lastInput = 0;
  for (const type of ['mousemove', 'mousedown'])
    window.addEventListener(type, (e) => (lastInput = e.timeStamp), { capture: true, passive: true });
  // an input is answered when sigma draws a frame with reducers made after it (hover and selection
  // both change the render state, which makes new reducers)
  const pending: Array<{ list: Array<number | null>; at: number; reducer: unknown }> = [];
  const watch = (list: Array<number | null>, sigma: ProbeSigma) => {
    const entry = { list, at: lastInput, reducer: sigma.getSetting('nodeReducer') };
    pending.push(entry);
    setTimeout(() => {
      const i = pending.indexOf(entry);
      if (i >= 0) {
        pending.splice(i, 1);
        list.push(null);
      }
    }, 3000);
  };

  const attach = () => {
    const handle = (window as unknown as { scamnet?: { sigma: ProbeSigma } }).scamnet;
    if (!handle) return false;
    const { sigma } = handle;
    sigma.on('afterRender', () => {
      const now = performance.now();
      if (state.firstFrame === null && sigma.getGraph().order > 0) {
        state.firstFrame = now;
        state.firstFrameNodes = sigma.getGraph().order;
      }
      for (let i = pending.length - 1; i >= 0; i--) {
        const p = pending[i]!;
        if (sigma.getSetting('nodeReducer') === p.reducer) continue;
        p.list.push(now - p.at);
        pending.splice(i, 1);
      }
    });
    sigma.on('enterNode', () => watch(state.hovers, sigma));
    sigma.on('clickNode', () => watch(state.clicks, sigma));
    return true;
  };
  const poll = setInterval(() => {
    if (attach()) clearInterval(poll);
  }, 20);

  // the canvas says whether its layout runs: data-layout running, then converged or capped (h-C1)
  setInterval(() => {
    const layout = document.querySelector('[data-testid=canvas]')?.getAttribute('data-layout');
    const running = layout === 'running';
    const open = state.layouts.at(-1);
    if (running && (!open || open[1] !== null)) state.layouts.push([performance.now(), null]);
    if (!running && open && open[1] === null) {
      open[1] = performance.now();
      state.layoutStops.push(layout ?? 'unknown');
    }
  }, 25);
}

/**
 * The probe as an init script. tsx (esbuild) wraps named functions in a `__name` helper that
 * exists only in Node, so the page gets a stand-in for it.
 */
export function loadProbeScript(): { content: string } {
  return { content: `var __name = (f) => f;\n(${installLoadProbe.toString()})();` };
}

export function readProbe(page: Page): Promise<ProbeState> {
  return page.evaluate(() => (window as unknown as { __probe: ProbeState }).__probe);
}

/** The longest long task overlapping [from, to] (0 when none reached 50 ms). */
export function longestTask(tasks: Array<[number, number]>, from: number, to: number): number {
  let longest = 0;
  for (const [start, duration] of tasks)
    if (start < to && start + duration > from) longest = Math.max(longest, duration);
  return longest;
}

/** When the response of the first request whose URL ends with `path` finished arriving (page time). */
export function responseEnd(page: Page, path: string): Promise<{ end: number; bytes: number } | null> {
  return page.evaluate((p) => {
    const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === p) as
      PerformanceResourceTiming | undefined;
    return entry ? { end: entry.responseEnd, bytes: entry.encodedBodySize } : null;
  }, path);
}
