/**
 * The API documentation at /api/docs: served offline (Swagger UI from the package, nothing from
 * the network), drawn in real Chromium under the server's Content-Security-Policy with every
 * operation of /api/openapi.json listed. Also the document itself read by a second independent
 * judge, Redocly's linter (swagger-parser's is in openapi-valid.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, hasChromium, launchBrowser } from '../support/browser.ts';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/openapi.json to Redocly', () => {
  it('passes `redocly lint` with its recommended rules, no error and no warning', async () => {
    const doc = (await request(h.app).get('/api/openapi.json').expect(200)).body;
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const out = execFileSync(
        path.join(REPO_ROOT, 'node_modules', '.bin', 'redocly'),
        ['lint', file, '--format=json'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      );
      const problems = (JSON.parse(out.toString()) as { problems: Array<{ ruleId: string; message: string }> })
        .problems;
      expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/docs', () => {
  it('serves the page, its start-up script and the two Swagger UI files, and nothing else of the package', async () => {
    const page = await request(h.app).get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).not.toMatch(/<script>(?!<)/); // no inline script: the CSP would block it
    for (const src of ['/api/docs/swagger-ui-bundle.js', '/api/docs/start.js']) {
      const res = await request(h.app).get(src).expect(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
    }
    expect((await request(h.app).get('/api/docs/swagger-ui.css').expect(200)).headers['content-type']).toMatch(
      /text\/css/,
    );
    for (const other of [
      '/api/docs/index.html',
      '/api/docs/package.json',
      '/api/docs/..%2Fpackage.json',
      '/api/docs/swagger-initializer.js',
    ]) {
      expect((await request(h.app).get(other)).status, other).toBe(404);
    }
  });
});

describe.runIf(hasChromium || browserRequired)('/api/docs in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    if (!hasChromium) return;
    [server, browser] = await Promise.all([startServer({ SEED_SCALE: '0.2' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  it('lists every operation of the document, with no error and no request off the machine', async () => {
    expect(hasChromium, 'Chromium is missing (apt-get install -y chromium)').toBe(true);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const page = await browser.newPage();
    const errors: string[] = [];
    const offsite: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && offsite.push(r.url()));
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.opblock').first().waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBe(operations);
    expect(await page.textContent('.info .title')).toContain('scamnet API');
    await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'api-docs.png') });
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
