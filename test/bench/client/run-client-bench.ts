/**
 * `npm run bench:client -- [--sizes 1000,10000,50000] [--keep-data DIR] [--profile]`
 * For each size (relationships), the real server on the seed graph at the scale that has about that
 * many relationships, Chromium on the real client, and one load of the whole graph through the
 * Cypher tab (see load-graph.ts). Prints a table and writes JSON to bench-results/ (git-ignored).
 * Targets (issue 14) are reported, never asserted: first frame ≤ 1 s from data received, no
 * main-thread task over 200 ms while loading or laying out, hover and click within 100 ms.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureClientBuild } from '../../../server/client/client-build.ts';
import { launchBrowser } from '../../support/browser.ts';
import { REPO_ROOT, startServer } from '../../support/server-process.ts';
import { loadGraph, LOAD_QUERY, type LoadFigures } from './load-graph.ts';

/** Seed scales whose whole graph has about this many relationships (1,042 / 10,111 / 50,667). */
const SCALE_FOR: Record<number, number> = { 1000: 0.55, 10000: 6.5, 50000: 33 };
/** the seed grows by about 1,535 relationships a unit of scale */
const scaleFor = (links: number) => SCALE_FOR[links] ?? Math.round((links / 1535) * 100) / 100;

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, 'keep-data': { type: 'string' }, profile: { type: 'boolean' } },
});
const sizes = (values.sizes ?? '1000,10000,50000').split(',').map(Number);
const keep = values['keep-data'];
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

const outDir = path.join(REPO_ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

interface Row extends LoadFigures {
  links_target: number;
  scale: number;
  loadAverageBefore: string;
  loadAverageAfter: string;
}

const rows: Row[] = [];
// the client as it is in the work tree, built once before any server starts
await ensureClientBuild((msg) => console.error(msg));
const browser = await launchBrowser();
try {
  for (const links of sizes) {
    const scale = scaleFor(links);
    const dataDir = keep ? path.join(keep, `scale-${scale}`) : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    console.error(`seeding and starting the server at scale ${scale} (about ${links} relationships)…`);
    // the whole graph is one result: the row, byte and time caps are raised for it
    const server = await startServer(
      {
        SEED_SCALE: String(scale),
        QUERY_MAX_ROWS: '1000000',
        QUERY_MAX_BYTES: '1000000000',
        QUERY_TIMEOUT_MS: '600000',
      },
      dataDir,
      240_000,
    );
    try {
      const loadAverageBefore = loadavg();
      const screenshot = path.join(outDir, `client-${links}-${stamp}.png`);
      const profile = values.profile ? path.join(outDir, `client-${links}-${stamp}.cpuprofile`) : undefined;
      const figures = await loadGraph(browser, server.url, screenshot, { profile });
      rows.push({ links_target: links, scale, ...figures, loadAverageBefore, loadAverageAfter: loadavg() });
      console.error(
        `  ${figures.nodes} nodes, ${figures.links} links: first frame ${Math.round(figures.firstFrameMs)} ms`,
      );
    } finally {
      await server.stop();
      if (!dataDir) server.cleanup();
    }
  }
} finally {
  await browser.close();
}

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)}`);
const list = (v: Array<number | null>) => (v.length ? v.map(ms).join(' / ') : 'none');
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const table = [
  '| links (scale) | nodes / links on canvas | response | first frame ms (≤ 1000) | longest task loading ms (≤ 200) | longest task layout ms (≤ 200) | layout ms, stop | hover ms (≤ 100) | click ms (≤ 100) | reducer runs per item, frames before the first | load avg |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.links_target} (${r.scale}) | ${r.nodes} / ${r.links} | ${(r.responseBytes / 1e6).toFixed(1)} MB | ${ms(r.firstFrameMs)} ${mark(r.firstFrameMs <= 1000)} | ${ms(r.longestTaskLoadingMs)} ${mark(r.longestTaskLoadingMs <= 200)} | ${ms(r.longestTaskLayoutMs)} ${mark(r.longestTaskLayoutMs <= 200)} | ${ms(r.layoutMs)}, ${r.layoutStop} | ${list(r.hoverMs)} | ${list(r.clickMs)} | ${(r.sigmaCalls.addEdge / Math.max(1, r.links)).toFixed(1)}, ${r.sigmaCalls.render} | ${r.loadAverageBefore.split(' ').slice(0, 3).join(' ')} |`,
  ),
];
console.log(table.join('\n'));
const file = path.join(outDir, `client-bench-${stamp}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      when: new Date().toISOString(),
      query: LOAD_QUERY,
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      loadAverageAtEnd: loadavg(),
      rows,
    },
    null,
    2,
  ),
);
console.log(`\nJSON: ${path.relative(REPO_ROOT, file)}`);
