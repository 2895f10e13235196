/**
 * Crash isolation, proven with real engine crashes: the embedded engine runs in a child process of
 * its own (server/store/isolated/), the real Express app in front of it over real HTTP. The
 * statements that crash it are the engine's own aggregate bug (see engine-bugs.ts), reached here
 * only because these stores are opened with `engineBugChecks: false`; a plain `kill -9` of the
 * engine stands for every crash nobody has found yet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { seedIfEmpty } from '../../server/seed/load-seed.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { IsolatedStore } from '../../server/store/isolated/isolated-store.ts';
import type { StoreLimits } from '../../server/store/types.ts';

const limits: StoreLimits = { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000 };
/** Aborts or segfaults LadybugDB 0.19.1 every time it is the first statement of a fresh process (5 of 5 runs). */
const CRASHER = 'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, count(DISTINCT m.id) AS a, collect(m.id) AS b';
const POLL_MS = 50;

async function seededDir(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-crash-'));
  const seeding = new EmbeddedStore({ dataDir, limits });
  await seeding.init();
  await seedIfEmpty(seeding, { seed: 42, scale: 0.2 }, createLogger('silent'));
  await seeding.close();
  return dataDir;
}

/** Waits for `condition` to hold: vi.waitFor re-checks it every POLL_MS until the timeout. */
function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  return vi.waitFor(
    () => {
      if (!condition()) throw new Error('condition not met in time');
    },
    { timeout: timeoutMs, interval: POLL_MS },
  );
}

interface Served {
  url: string;
  store: IsolatedStore;
  close(): Promise<void>;
}

async function serve(dataDir: string, maxMemoryMb = 4096): Promise<Served> {
  const store = new IsolatedStore({ dataDir, limits, maxMemoryMb, engineBugChecks: false, backoffMs: 100 });
  await store.init();
  const app = createApp({
    store,
    logger: createLogger('silent'),
    queries: openCatalogue(store, dataDir),
    analystCypher: true,
    dataDir,
    serveClient: false,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

async function postCypher(url: string, query: string) {
  const res = await fetch(`${url}/api/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after') };
}

async function counts(url: string): Promise<{ nodes: number; relationships: number }> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { nodes: number; relationships: number };
  return { nodes: body.nodes, relationships: body.relationships };
}

/** Polls /api/health and a search while `work` runs; returns every latency and status seen. */
async function whileWatching<T>(url: string, work: () => Promise<T>) {
  let watching = true;
  const health: Array<{ ms: number; status: number; state: string }> = [];
  const others: number[] = [];
  const healthLoop = (async () => {
    while (watching) {
      const started = performance.now();
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { status: string };
      health.push({ ms: performance.now() - started, status: res.status, state: body.status });
      await pause(POLL_MS); // the sampling rate of the health watch, not a wait: it spaces the probes while `work` runs
    }
  })();
  const otherLoop = (async () => {
    while (watching) others.push((await fetch(`${url}/api/search?q=phil`)).status);
  })();
  try {
    return { value: await work(), health, others };
  } finally {
    watching = false;
    await Promise.all([healthLoop, otherLoop]);
  }
}

const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))]!;

describe('the engine crashes; the server does not', () => {
  let dataDir: string;
  let served: Served;
  beforeAll(async () => {
    dataDir = await seededDir();
    served = await serve(dataDir);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('one client sends a crashing statement ten times: health answers within 2 s throughout, the engine dies once, the statement is refused after', async () => {
    const before = await counts(served.url);
    const {
      value: answers,
      health,
      others,
    } = await whileWatching(served.url, async () => {
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await postCypher(served.url, CRASHER));
      await until(() => served.store.status() === 'ready');
      // a few more rounds of the other client's searches once the engine is back
      const seen = served.store.crashes;
      for (let i = 0; i < 5; i++) expect((await fetch(`${served.url}/api/search?q=phil`)).status).toBe(200);
      expect(served.store.crashes).toBe(seen);
      return answers;
    });
    // The bug corrupts the heap, so it kills the engine nearly always on the first try but not
    // always (1 run in 4 on a quiet machine once searches ran beside it): until it has killed it the
    // statement answers 200; the answer to the one in flight at the crash is 503, and every later
    // one is refused without reaching the engine.
    const died = answers.findIndex((a) => a.status === 503);
    expect(died, JSON.stringify(answers)).toBeGreaterThanOrEqual(0);
    for (const answer of answers.slice(0, died)) expect(answer.status).toBe(200);
    expect(answers[died]).toMatchObject({ status: 503, code: 'store_restarting' });
    expect(Number(answers[died]!.retryAfter)).toBeGreaterThanOrEqual(1);
    for (const answer of answers.slice(died + 1)) expect(answer).toMatchObject({ status: 403, code: 'unsafe_query' });
    expect(served.store.crashes).toBe(1);
    expect(health.length).toBeGreaterThan(3);
    expect(health.every((h) => h.status === 200)).toBe(true);
    expect(Math.max(...health.map((h) => h.ms))).toBeLessThan(2000);
    // every other request succeeded but the one in flight at the crash (the other client sends
    // one at a time): those sent while the engine restarted waited for it
    expect(others.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(others.filter((s) => s === 503).length).toBeLessThanOrEqual(1);
    expect(others.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await counts(served.url)).toEqual(before);
    console.info(
      `crash case: ${health.length} health probes, max ${Math.max(...health.map((h) => h.ms)).toFixed(0)} ms, p99 ${p99(health.map((h) => h.ms)).toFixed(0)} ms; other client ${others.filter((s) => s === 200).length} ok, ${others.filter((s) => s === 503).length} store_restarting`,
    );
  }, 120_000);

  it('any death of the engine fingerprints the analyst statement in flight, whatever killed it', async () => {
    const crashes = served.store.crashes;
    // every pair compared, so the engine cannot count the product without walking it (a factorised
    // count of a bare cross product came back in milliseconds, before the test could see it run)
    const slow =
      'MATCH (a), (b), (c), (d) WHERE a.id <> b.id AND b.id <> c.id AND c.id <> d.id AND d.id <> a.id RETURN count(*) AS n';
    const answer = postCypher(served.url, slow);
    await until(() => served.store.analystInFlight > 0);
    process.kill(served.store.enginePid!, 'SIGKILL');
    expect(await answer).toMatchObject({ status: 503, code: 'store_restarting' });
    await until(() => served.store.status() === 'ready');
    // white space and letter case do not make it a new statement
    for (const variant of [slow, `  ${slow.replace('RETURN', 'return\n')}  `, slow.toLowerCase()]) {
      expect(await postCypher(served.url, variant)).toMatchObject({ status: 403, code: 'unsafe_query' });
    }
    expect(served.store.crashes).toBe(crashes + 1);
    // an unrelated analyst query still runs
    expect((await postCypher(served.url, 'MATCH (c:Centre) RETURN count(c) AS n')).status).toBe(200);
  }, 60_000);

  it('a saved query that was running when the engine died is refused when run again', async () => {
    const save = await fetch(`${served.url}/api/queries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'crash-button',
        title: 'Crash button',
        query: 'MATCH (a), (b), (c), (d) WHERE a.id < b.id AND b.id < c.id AND c.id < d.id RETURN count(*) AS n',
      }),
    });
    expect(save.status).toBe(201);
    const run = () =>
      fetch(`${served.url}/api/queries/crash-button/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    const first = run();
    await until(() => served.store.analystInFlight > 0);
    process.kill(served.store.enginePid!, 'SIGKILL');
    expect((await first).status).toBe(503);
    await until(() => served.store.status() === 'ready');
    const again = await run();
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('unsafe_query');
  }, 60_000);

  it('a write in flight when the engine dies is rolled back, and the store reopens whole', async () => {
    const before = await counts(served.url);
    const write = served.store.transaction(async (tx) => {
      await tx.run("CREATE (:ScamType {id: 'scamtype:crash-probe', name: 'Crash probe'})");
      process.kill(served.store.enginePid!, 'SIGKILL');
      await tx.run('RETURN 1 AS one');
    });
    await expect(write).rejects.toMatchObject({ code: 'store_restarting' });
    await until(() => served.store.status() === 'ready');
    expect(await counts(served.url)).toEqual(before);
    const probe = await served.store.read("MATCH (s:ScamType {id: 'scamtype:crash-probe'}) RETURN count(s) AS c");
    expect(probe.rows[0]!.c).toBe(0);
  }, 60_000);

  it('the refusals outlive the server: a new server on the same data refuses without crashing', async () => {
    await served.close();
    served = await serve(dataDir);
    expect(await postCypher(served.url, CRASHER)).toMatchObject({ status: 403, code: 'unsafe_query' });
    expect(served.store.crashes).toBe(0);
  }, 60_000);
});

describe('the memory ceiling', () => {
  let dataDir: string;
  let served: Served;
  beforeAll(async () => {
    dataDir = await seededDir();
    // 768 MB: a 384 MB buffer pool, and the watchdog past 768 MB resident
    served = await serve(dataDir, 768);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a statement that fills the buffer pool is stopped with 413 too_large, and the engine lives on', async () => {
    const answer = await postCypher(served.url, 'MATCH (a), (b), (c) RETURN collect(a.id + b.id + c.id) AS x');
    expect(answer).toMatchObject({ status: 413, code: 'too_large' });
    expect(served.store.crashes).toBe(0);
  }, 60_000);

  it('a statement that grows the engine outside its pool is stopped at the ceiling (413), health answering meanwhile; then it is refused', async () => {
    for (const query of [
      'UNWIND range(1, 1000000000) AS x RETURN count(x) AS n',
      'UNWIND range(1, 30000000) AS x RETURN collect(x) AS y',
    ]) {
      const { value, health } = await whileWatching(served.url, async () => {
        const first = await postCypher(served.url, query);
        await until(() => served.store.status() === 'ready');
        return first;
      });
      expect(value).toMatchObject({ status: 413, code: 'too_large' });
      expect(Math.max(...health.map((h) => h.ms))).toBeLessThan(2000);
      expect(await postCypher(served.url, query)).toMatchObject({ status: 403, code: 'unsafe_query' });
      console.info(
        `memory case "${query}": ${health.length} health probes, max ${Math.max(...health.map((h) => h.ms)).toFixed(0)} ms`,
      );
    }
    expect(served.store.crashes).toBe(2);
  }, 120_000);
});
