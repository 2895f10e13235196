/**
 * Real Chromium through playwright-core, using Debian's /usr/bin/chromium (browser downloads do
 * not work on these machines). Without Chromium the browser tests are skipped and say so, except
 * under CI=true, where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import type { MultiDirectedGraph } from 'graphology';
import { chromium, type Browser } from 'playwright-core';
import type Sigma from 'sigma';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const browserRequired = process.env.CI === 'true';

export function announceSkip(suite: string): void {
  if (!hasChromium && !browserRequired) {
    console.warn(
      `SKIPPED ${suite}: Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium to run the browser tests)`,
    );
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * The handle the client leaves on `window` for the browser tests (GraphCanvas sets it): the live
 * sigma instance and the graph it draws. Cast `window` to this inside `page.evaluate`.
 */
export interface ScamnetWindow {
  scamnet: { sigma: Sigma; graph: MultiDirectedGraph };
}
