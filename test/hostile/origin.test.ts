/**
 * Browser-origin protection and Host checks over real HTTP on the real app and a real embedded
 * store (issue 9, items 3 and 4): every unsafe request a page on another origin could make, and
 * every Host a DNS-rebinding page could send, as classes. Each refusal is checked for its code,
 * for the JSON error body, and for leaving the graph, the workspaces and the saved queries alone.
 * The same attacks from real Chromium pages are in origin.browser.test.ts.
 */
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { graphCounts } from '../../server/graph/counts.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { loadConfig } from '../../server/config.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

const CENTRE_CSV = 'id,name,status,grade,tlp,sourceIds\ncentre:planted,Planted,active,B2,AMBER,source:doc-a\n';
const WORKSPACE = { title: 'Planted', graph: { nodes: [], edges: [] } };
const SAVED = { name: 'planted-query', title: 'Planted', query: 'MATCH (c:Centre) RETURN c.id AS id' };
const ALLOWED = 'https://analyst-portal.example';

let h: Harness;
let app: Express;
let port: number;
let server: ReturnType<Express['listen']>;

/** Everything an accepted forged request could change. */
async function state() {
  const workspaces = await request(app).get('/api/workspaces');
  const queries = await request(app).get('/api/queries');
  return {
    counts: await graphCounts(h.store),
    workspaces: workspaces.body.workspaces.map((w: { name: string }) => w.name),
    saved: queries.body.queries.filter((q: { builtin: boolean }) => !q.builtin).map((q: { name: string }) => q.name),
  };
}

function expectError(res: request.Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|\/work\/|node_modules/);
  // no CORS grant, ever: another origin never reads an answer
  expect(Object.keys(res.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
}

beforeAll(async () => {
  h = await startHarness(smallGraph());
  app = createApp({
    store: h.store,
    logger: createLogger('silent'),
    queries: openCatalogue(h.store, h.dataDir),
    analystCypher: true,
    dataDir: h.dataDir,
    network: { host: '127.0.0.1', allowedOrigins: [ALLOWED], allowedHosts: ['scamnet.lan'] },
  });
  // a fixed port, so that "the server's own origin" is a known string in the tests below
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

const own = () => `http://127.0.0.1:${port}`;
const agent = () => request(own());

describe('unsafe requests from another origin are refused (403 cross_origin) and change nothing', () => {
  const foreignOrigins = () => [
    `http://127.0.0.1:${port + 1}`,
    `http://localhost:${port}`, // same machine, other name: another origin to the browser
    `http://localhost:${port + 1}`,
    `https://evil.example`,
    'null', // sandboxed iframes, data: URLs, some redirects
    `http://127.0.0.1:${port}.evil.example`,
    'garbage',
  ];

  it('Origin of another site, port or scheme-less junk: import, workspace, saved query, query run, cypher', async () => {
    const before = await state();
    for (const origin of foreignOrigins()) {
      const attempts = [
        agent()
          .post('/api/import')
          .set('Origin', origin)
          .set('X-Scamnet-Request', '1')
          .attach('files', Buffer.from(CENTRE_CSV), 'Centre.csv'),
        agent().put('/api/workspaces/planted').set('Origin', origin).send(WORKSPACE),
        agent().post('/api/queries').set('Origin', origin).send(SAVED),
        agent().post('/api/queries/convergence-centres/run').set('Origin', origin).send({ params: {} }),
        agent().post('/api/cypher').set('Origin', origin).send({ query: 'RETURN 1 AS x' }),
        agent().delete('/api/workspaces/planted').set('Origin', origin).set('content-type', 'application/json'),
      ];
      for (const res of await Promise.all(attempts)) expectError(res, 403, 'cross_origin');
    }
    expect(await state()).toEqual(before);
  });

  it('Referer of another origin, when there is no Origin (and an unreadable Referer)', async () => {
    const before = await state();
    for (const referer of [
      `http://127.0.0.1:${port + 1}/attack.html`,
      'https://evil.example/a?b',
      'about:blank',
      'not a url',
    ]) {
      expectError(
        await agent().put('/api/workspaces/planted').set('Referer', referer).send(WORKSPACE),
        403,
        'cross_origin',
      );
      expectError(
        await agent()
          .post('/api/import')
          .set('Referer', referer)
          .set('X-Scamnet-Request', '1')
          .attach('files', Buffer.from(CENTRE_CSV), 'Centre.csv'),
        403,
        'cross_origin',
      );
    }
    expect(await state()).toEqual(before);
  });

  it('neither Origin nor Referer: form, text/plain and bodiless requests are refused; multipart needs the header', async () => {
    const before = await state();
    const forms = [
      agent().post('/api/queries/convergence-centres/run').type('form').send('params=x'),
      agent().post('/api/queries/convergence-centres/run'), // the bare form of issue 9: no body at all
      agent().post('/api/cypher').set('content-type', 'text/plain').send('{"query":"RETURN 1 AS x"}'),
      agent().post('/api/queries').set('content-type', 'text/plain; charset=utf-8').send(JSON.stringify(SAVED)),
      agent()
        .put('/api/workspaces/planted')
        .set('content-type', 'text/plain;application/json')
        .send(JSON.stringify(WORKSPACE)),
      agent().post('/api/import').attach('files', Buffer.from(CENTRE_CSV), 'Centre.csv'), // multipart, no header
      agent().delete('/api/workspaces/planted'),
    ];
    for (const res of await Promise.all(forms)) expectError(res, 403, 'cross_origin');
    expect(await state()).toEqual(before);
  });

  it('the own origin with a form, text/plain, ping or type-less body is still refused (415), multipart without the header too (403)', async () => {
    const before = await state();
    const cases = [
      agent()
        .post('/api/cypher')
        .set('Origin', own())
        .set('content-type', 'text/plain')
        .send('{"query":"RETURN 1 AS x"}'),
      agent().post('/api/queries/convergence-centres/run').set('Origin', own()).type('form').send('params=x'),
      agent()
        .post('/api/queries/convergence-centres/run')
        .set('Origin', own())
        .set('content-type', 'text/ping')
        .send('PING'),
      agent()
        .put('/api/workspaces/planted')
        .set('Origin', own())
        .set('content-type', 'application/json-patch+json')
        .send(JSON.stringify(WORKSPACE)),
      // a fetch of a Blob with no type sends no Content-Type at all
      agent()
        .put('/api/workspaces/planted')
        .set('Origin', own())
        .set('content-type', '')
        .send(Buffer.from(JSON.stringify(WORKSPACE))),
    ];
    for (const res of await Promise.all(cases)) expectError(res, 415, 'unsupported_content_type');
    expectError(
      await agent().post('/api/import').set('Origin', own()).attach('files', Buffer.from(CENTRE_CSV), 'Centre.csv'),
      403,
      'cross_origin',
    );
    expect(await state()).toEqual(before);
  });
});

describe('what must keep working', () => {
  it('JSON without Origin (curl, the CLIs, the existing tests) and the own origin', async () => {
    expect((await agent().post('/api/cypher').send({ query: 'RETURN 1 AS x' })).status).toBe(200);
    expect((await agent().post('/api/cypher').set('Origin', own()).send({ query: 'RETURN 1 AS x' })).status).toBe(200);
    expect(
      (
        await agent()
          .post('/api/cypher')
          .set('Origin', own().toUpperCase().replace('HTTP', 'http'))
          .send({ query: 'RETURN 1 AS x' })
      ).status,
    ).toBe(200);
    expect(
      (
        await agent()
          .post('/api/cypher')
          .set('Referer', `${own()}/?nodes=centre:alpha`)
          .send({ query: 'RETURN 1 AS x' })
      ).status,
    ).toBe(200);
    expect(
      (
        await agent()
          .post('/api/cypher')
          .set('content-type', 'Application/JSON; charset=utf-8')
          .send('{"query":"RETURN 1 AS x"}')
      ).status,
    ).toBe(200);
    // a bodiless request that says it is the client's
    expect((await agent().post('/api/queries/convergence-centres/run').set('X-Scamnet-Request', '1')).status).toBe(200);
  });

  it('an origin listed in ALLOWED_ORIGINS may write; the import with the client’s header plants its rows', async () => {
    const res = await agent().put('/api/workspaces/from-portal').set('Origin', ALLOWED).send(WORKSPACE);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const before = await graphCounts(h.store);
    const imported = await agent()
      .post('/api/import')
      .set('Origin', own())
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(CENTRE_CSV), 'Centre.csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(await graphCounts(h.store)).toEqual({ ...before, nodes: before.nodes + 1 });
    // a listed origin is compared as an origin, not as a prefix
    expectError(
      await agent().put('/api/workspaces/from-portal').set('Origin', `${ALLOWED}.evil.example`).send(WORKSPACE),
      403,
      'cross_origin',
    );
    expect((await agent().delete('/api/workspaces/from-portal').set('Origin', ALLOWED)).status).toBe(204);
  });
});

describe('Host names this server does not answer to get 421 misdirected_request, for every path', () => {
  const refused = () => [
    'evil.example',
    `evil.example:${port}`,
    'EVIL.EXAMPLE.',
    `localhost.evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `localhost@evil.example:${port}`,
    `localhost:${port}@evil.example`,
    `localhost:${port}:1`,
    'localhost..',
    '[::2]',
    '[::1',
    '127.1', // the same address to a resolver, but not a name this server was told about
    `localhost:99999`,
    'scamnet.lan.evil.example',
  ];
  const accepted = () => [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    `LOCALHOST:${port}`,
    `localhost.:${port}`,
    'localhost', // any port, including none
    `[::1]:${port}`,
    'scamnet.lan', // ALLOWED_HOSTS
    `SCAMNET.LAN.:8443`,
  ];

  it('refuses rebinding-style Host headers on the API, static files and unknown paths', async () => {
    for (const host of refused()) {
      for (const path of ['/api/health', '/', '/status', '/assets/nothing.js', '/api/nodes/centre:alpha']) {
        expectError(await agent().get(path).set('Host', host), 421, 'misdirected_request');
      }
      expectError(
        await agent().post('/api/cypher').set('Host', host).send({ query: 'RETURN 1 AS x' }),
        421,
        'misdirected_request',
      );
    }
  });

  it('serves the loopback names in any case, with a trailing dot, any port, and ALLOWED_HOSTS', async () => {
    for (const host of accepted()) {
      const res = await agent().get('/api/health').set('Host', host);
      expect(res.status, host).toBe(200);
      expect(res.body.status).toBe('ok');
    }
  });

  it('the name the server is bound to is accepted; without ALLOWED_HOSTS, another is not', async () => {
    const bound = createApp({
      store: h.store,
      logger: createLogger('silent'),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: true,
      dataDir: h.dataDir,
      serveClient: false,
      network: { host: 'scamnet.internal' },
    });
    expect((await request(bound).get('/api/health').set('Host', 'scamnet.internal:3000')).status).toBe(200);
    expectError(await request(bound).get('/api/health').set('Host', 'scamnet.lan'), 421, 'misdirected_request');
    // the default (no network options) is loopback only
    const plain = createApp({
      store: h.store,
      logger: createLogger('silent'),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: true,
      dataDir: h.dataDir,
      serveClient: false,
    });
    expectError(await request(plain).get('/api/health').set('Host', 'evil.example'), 421, 'misdirected_request');
  });
});

describe('configuration of the new variables', () => {
  it('reads comma-separated ALLOWED_ORIGINS and ALLOWED_HOSTS and names the variable that is wrong', () => {
    const config = loadConfig({
      ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080',
      ALLOWED_HOSTS: 'scamnet.lan,10.0.0.5',
    });
    expect(config.ALLOWED_ORIGINS).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.ALLOWED_HOSTS).toEqual(['scamnet.lan', '10.0.0.5']);
    expect(loadConfig({}).ALLOWED_ORIGINS).toEqual([]);
    for (const [variable, value] of [
      ['ALLOWED_ORIGINS', 'a.example'],
      ['ALLOWED_ORIGINS', 'https://a.example/path'],
      ['ALLOWED_ORIGINS', 'ftp://a.example'],
      ['ALLOWED_HOSTS', 'http://a.example'],
      ['ALLOWED_HOSTS', 'a.example:80'],
    ] as const) {
      expect(() => loadConfig({ [variable]: value }), `${variable}=${value}`).toThrow(variable);
    }
  });
});
