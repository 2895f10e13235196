/**
 * A plain sigma.js app in real Chromium, as any sigma user writes one: the file handed to
 * `graph.import()` and `new Sigma(graph, container)` as it is — no reducers, no attribute mapping —
 * so a missing x/y or a domain `type` sigma takes for a drawing program fails here as it fails for
 * them. sigma and graphology are bundled for the page with esbuild.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from './server-process.ts';

const PAGE_SCRIPT = `
import Graph from 'graphology';
import Sigma from 'sigma';
window.draw = (doc) => {
  try {
    const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
    graph.import(doc);
    const renderer = new Sigma(graph, document.getElementById('c'));
    renderer.refresh();
    const drawn = graph.nodes().filter((n) => renderer.getNodeDisplayData(n) !== undefined).length;
    const edges = graph.size;
    renderer.kill();
    return { ok: true, drawn, edges };
  } catch (error) {
    return { ok: false, error: String(error && error.message ? error.message : error) };
  }
};
`;

export interface SigmaDraw {
  ok: boolean;
  drawn?: number;
  edges?: number;
  error?: string;
}

/** The page's script: graphology and sigma from node_modules, bundled once per suite. */
export async function sigmaBundle(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-sigma-'));
  try {
    const entry = path.join(dir, 'entry.js');
    writeFileSync(entry, PAGE_SCRIPT);
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      nodePaths: [path.join(REPO_ROOT, 'node_modules')],
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Draws a serialised graph in a new page; what sigma drew, or the error it threw. */
export async function drawWithSigma(browser: Browser, bundle: string, doc: unknown): Promise<SigmaDraw> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!DOCTYPE html><html><body><div id="c" style="width:800px;height:600px"></div><script>${bundle.replace(/<\/script/gi, '<\\/script')}</script></body></html>`,
    );
    return await page.evaluate((d) => (window as unknown as { draw(d: unknown): SigmaDraw }).draw(d), doc);
  } finally {
    await page.close();
  }
}
