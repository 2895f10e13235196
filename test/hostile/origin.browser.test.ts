/**
 * The attacks of issue 9, items 3 and 4, from real Chromium pages: an attacker's page served by a
 * second local HTTP server (another port, so another origin: `http://127.0.0.1:OTHER` and
 * `http://localhost:OTHER`) submits forms and no-cors fetches to the real app on a real embedded
 * store, and a DNS-rebinding page (`evil.test` mapped to 127.0.0.1 by Chromium's resolver rules)
 * reads through a name the server does not answer to. Every attack must leave the graph's counts
 * (GET /api/health) and the saved workspaces as they were. The server records every request it
 * answered, so each test waits for the attack to have arrived instead of sleeping.
 * Skipped, with a message, without Chromium; under CI=true a missing browser fails the run.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { CHROMIUM_PATH, announceSkip, browserRequired, hasChromium } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

announceSkip('test/hostile/origin.browser.test.ts');

const CENTRE_CSV = 'id,name,status,grade,tlp,sourceIds\ncentre:planted,Planted,active,B2,AMBER,source:doc-a\n';

interface Answered {
  method: string;
  path: string;
  status: number;
  origin: string | undefined;
  host: string | undefined;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** Resolves with what `probe` finds once it finds something; vi.waitFor re-checks it until the timeout. */
function waitFor<T>(what: () => string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  return vi.waitFor(
    () => {
      const value = probe();
      if (value === undefined) throw new Error(`timed out waiting for ${what()}`);
      return value;
    },
    { timeout: timeoutMs, interval: 20 },
  );
}

describe.runIf(hasChromium || browserRequired)('attacks from other origins in Chromium', () => {
  let h: Harness;
  let api: Server;
  let attacker: Server;
  let apiPort: number;
  let attackerPort: number;
  let browser: Browser;
  let page: Page;
  const answered: Answered[] = [];
  /** the attack page's HTML, set by each test before it opens the page */
  let attackHtml = '';

  const target = () => `http://127.0.0.1:${apiPort}`;
  const health = async () => {
    const res = await fetch(`${target()}/api/health`);
    const body = (await res.json()) as { nodes: number; relationships: number };
    return { nodes: body.nodes, relationships: body.relationships };
  };
  const workspaces = async () =>
    ((await (await fetch(`${target()}/api/workspaces`)).json()) as { workspaces: { name: string }[] }).workspaces.map(
      (w) => w.name,
    );
  const state = async () => ({ counts: await health(), workspaces: await workspaces() });

  /** Waits until the API has answered `count` requests to `path` from the browser and returns them. */
  const arrived = (path: string, count = 1) =>
    waitFor(
      () => `${count} request(s) to ${path}; answered so far: ${JSON.stringify(answered)}`,
      () => {
        const seen = answered.filter((a) => a.path === path && a.origin !== undefined);
        return seen.length >= count ? seen : undefined;
      },
    );

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true and no Chromium at ${CHROMIUM_PATH}`);
    h = await startHarness(smallGraph());
    const app = createApp({
      store: h.store,
      logger: createLogger('silent'),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: true,
      dataDir: h.dataDir,
    });
    api = createServer();
    // before the app: Express rewrites req.url while it routes
    api.on('request', (req: IncomingMessage, res) => {
      const path = req.url!.split('?')[0]!;
      res.on('finish', () =>
        answered.push({
          method: req.method!,
          path,
          status: res.statusCode,
          origin: req.headers.origin,
          host: req.headers.host,
        }),
      );
    });
    api.on('request', app);
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(attackHtml);
    });
    [apiPort, attackerPort] = await Promise.all([listen(api), listen(attacker)]);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        // the DNS-rebinding attacker's name, already pointing at this machine
        '--host-resolver-rules=MAP evil.test 127.0.0.1',
      ],
    });
  });
  afterEach(async () => {
    await page?.close();
    answered.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (api ? api.close(resolve) : resolve(undefined)));
    await new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined)));
    await h?.close();
  });

  async function openAttack(html: string, host = '127.0.0.1'): Promise<void> {
    attackHtml = html;
    page = await browser.newPage();
    await page.goto(`http://${host}:${attackerPort}/attack.html`);
  }

  for (const host of ['127.0.0.1', 'localhost']) {
    it(`an auto-submitting multipart form on http://${host}:OTHER cannot import (403, counts unchanged)`, async () => {
      const before = await state();
      const html = `<form id=f method=POST enctype=multipart/form-data action="${target()}/api/import?onError=skip"><input type=file name=files id=file></form>
        <script>
          const dt = new DataTransfer();
          dt.items.add(new File([${JSON.stringify(CENTRE_CSV)}], 'Centre.csv', { type: 'text/csv' }));
          document.getElementById('file').files = dt.files;
          document.getElementById('f').submit();
        </script>`;
      await openAttack(html, host);
      const [request] = await arrived('/api/import');
      expect(request).toMatchObject({ method: 'POST', status: 403, origin: `http://${host}:${attackerPort}` });
      expect(await state()).toEqual(before);
    });
  }

  it('urlencoded, text/plain and bodiless forms to a saved query run, /api/cypher and /api/queries are refused', async () => {
    const before = await state();
    // text/plain forms can carry JSON: name + "=" + value, with the "=" hidden inside a string
    const html = `
      <iframe name=a></iframe><iframe name=b></iframe><iframe name=c></iframe><iframe name=d></iframe>
      <form target=a method=POST action="${target()}/api/queries/convergence-centres/run"><input name=params value=x></form>
      <form target=b method=POST enctype=text/plain action="${target()}/api/cypher"><input name='{"query":"RETURN 1 AS x","pad":"' value='"}'></form>
      <form target=c method=POST enctype=text/plain action="${target()}/api/queries"><input name='{"name":"planted-query","title":"t","query":"MATCH (n) RETURN n","pad":"' value='"}'></form>
      <form target=d method=POST action="${target()}/api/queries/convergence-centres/run"></form>
      <script>for (const f of document.forms) f.submit();</script>`;
    await openAttack(html);
    const runs = await arrived('/api/queries/convergence-centres/run', 2);
    const [cypher] = await arrived('/api/cypher');
    const [save] = await arrived('/api/queries');
    for (const r of [...runs, cypher, save])
      expect(r, JSON.stringify(r)).toMatchObject({ status: 403, origin: `http://127.0.0.1:${attackerPort}` });
    const saved = (await (await fetch(`${target()}/api/queries`)).json()) as { queries: { name: string }[] };
    expect(saved.queries.map((q) => q.name)).not.toContain('planted-query');
    expect(await state()).toEqual(before);
  });

  it('no-cors fetches (text/plain, type-less Blob, multipart FormData), sendBeacon and a PUT to a workspace change nothing', async () => {
    const before = await state();
    await openAttack('<p>attack</p>');
    const outcome = await page.evaluate(
      async ({ base, csv }) => {
        const results: Record<string, string> = {};
        const attempt = async (name: string, url: string, init: RequestInit) => {
          try {
            const res = await fetch(url, init);
            results[name] = `answered (${res.type})`;
          } catch (error) {
            results[name] = `refused by the browser: ${(error as Error).message}`;
          }
        };
        const form = new FormData();
        form.append('files', new Blob([csv]), 'Centre.csv');
        await attempt('text/plain cypher', `${base}/api/cypher`, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: '{"query":"RETURN 1 AS x"}',
        });
        await attempt('blob workspace', `${base}/api/workspaces/planted`, {
          method: 'POST',
          mode: 'no-cors',
          body: new Blob(['{"title":"t","graph":{"nodes":[],"edges":[]}}']),
        });
        await attempt('multipart import', `${base}/api/import`, { method: 'POST', mode: 'no-cors', body: form });
        // no-cors allows only GET/HEAD/POST: the browser refuses this one before sending it
        await attempt('no-cors PUT', `${base}/api/workspaces/planted`, { method: 'PUT', mode: 'no-cors', body: '{}' });
        // a CORS PUT with JSON needs a preflight, which the server never grants
        await attempt('cors PUT', `${base}/api/workspaces/planted`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-scamnet-request': '1' },
          body: JSON.stringify({ title: 't', graph: { nodes: [], edges: [] } }),
        });
        results.beacon = String(navigator.sendBeacon(`${base}/api/import`, new Blob([csv], { type: 'text/plain' })));
        return results;
      },
      { base: target(), csv: CENTRE_CSV },
    );
    // The no-cors requests are sent (what the server did with them is checked below); their
    // opaque answers may then be withheld from the page too (helmet's Cross-Origin-Resource-Policy).
    expect(outcome['no-cors PUT']).toMatch(/^refused by the browser/);
    expect(outcome['cors PUT']).toMatch(/^refused by the browser/);
    expect(outcome.beacon).toBe('true');
    // the import route gets the multipart fetch and the beacon; each must have been refused
    const imports = await arrived('/api/import', 2);
    const others = [...(await arrived('/api/cypher')), ...(await arrived('/api/workspaces/planted'))];
    for (const r of [...imports, ...others]) {
      if (r.method === 'OPTIONS') continue; // the preflight: answered without any CORS grant
      expect(r, JSON.stringify(r)).toMatchObject({ method: 'POST', status: 403 });
    }
    // the preflight of the CORS PUT was the only PUT-related request, and no PUT arrived
    expect(answered.filter((a) => a.method === 'PUT')).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('a DNS-rebinding page (evil.test → 127.0.0.1) gets 421 for the API, the client and its own same-origin fetches', async () => {
    page = await browser.newPage();
    const direct = await page.goto(`http://evil.test:${apiPort}/api/health`);
    expect(direct?.status()).toBe(421);
    expect(JSON.parse(await direct!.text()).error.code).toBe('misdirected_request');
    const root = await page.goto(`http://evil.test:${apiPort}/`);
    expect(root?.status()).toBe(421);
    // the rebound page reading the graph as its own origin
    const read = await page.evaluate(async () => {
      const res = await fetch('/api/workspaces');
      return { status: res.status, body: await res.text() };
    });
    expect(read.status).toBe(421);
    expect(read.body).not.toMatch(/workspaces/);
    const write = await page.evaluate(async () => {
      const res = await fetch('/api/workspaces/planted', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 't', graph: { nodes: [], edges: [] } }),
      });
      return res.status;
    });
    expect(write).toBe(421);
    // everything the rebound page asked for (favicon requests included) was refused
    const rebound = answered.filter((a) => a.host?.startsWith('evil.test'));
    expect(rebound.length).toBeGreaterThanOrEqual(4);
    expect(new Set(rebound.map((a) => a.status))).toEqual(new Set([421]));
    expect(await workspaces()).not.toContain('planted');
  });
});
