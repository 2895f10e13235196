/**
 * `npm run bench [-- --sizes 10000,100000,1000000]` — the benchmark harness (not part of npm test).
 * For each size (relationships): writes CSV files, imports them with the product's importer and
 * with the raw engine's COPY FROM (rows/s, ratio), starts the real server on the imported data
 * (127.0.0.1 only) and measures search, node details, 1-hop, 2-hop and shortest path over HTTP
 * against the same Cypher on the raw engine in-process (p50/p95/p99, ratio), a 2-hop GEXF export,
 * 1/4/16 concurrent clients on expansion (autocannon), /api/health's latency while one large
 * request runs (a 32 MB import that fails validation; a slow analyst query; target p99 < 200 ms),
 * and the server's peak RSS. Prints a table and writes JSON to bench-results/ (git-ignored).
 * Targets are reported, never asserted. `--only health` measures the health case alone.
 */
import autocannon from 'autocannon';
import lbug from '@ladybugdb/core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../../server/import/run-import.ts';
import { ladybugDdl } from '../../server/store/embedded/ddl.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { nodeProperties, relProperties } from '../../server/model/schema.ts';
import { REPO_ROOT, startServer } from '../support/server-process.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000,1000000' }, requests: { type: 'string', default: '60' }, only: { type: 'string' }, 'import-mb': { type: 'string', default: '32' } },
});
const SIZES = values.sizes!.split(',').map(Number);
const REQUESTS = Number(values.requests);
const HEALTH_ONLY = values.only === 'health';
const IMPORT_MB = Number(values['import-mb']);

/** A CSV of about `mb` megabytes of Centre rows, every one with an impossible grade: it fails validation. */
function badCentres(mb: number): Buffer {
  const lines = ['id,name,status,grade,tlp,sourceIds\n'];
  let bytes = lines[0]!.length;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const line = `centre:bad-${i},Bad centre ${i},active,K9,AMBER,source:none\n`;
    lines.push(line);
    bytes += line.length;
  }
  return Buffer.from(lines.join(''));
}

/** /api/health's latency, sampled back to back, while `work` (one large request) runs. */
async function healthDuring(url: string, work: () => Promise<Response>) {
  const latencies: number[] = [];
  let done = false;
  const started = performance.now();
  const running = work().finally(() => (done = true));
  while (!done) {
    const t = performance.now();
    const res = await fetch(`${url}/api/health`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`/api/health answered ${res.status} during the load`);
    latencies.push(performance.now() - t);
  }
  const res = await running;
  await res.arrayBuffer();
  return { ...stats(latencies), max: +Math.max(...latencies).toFixed(2), samples: latencies.length, requestMs: Math.round(performance.now() - started), requestStatus: res.status };
}

/** Deterministic synthetic data: facilitators and centres; each facilitator recruits for 2 centres, is national of 1 country. */
function writeCsv(dir: string, rels: number) {
  const people = Math.ceil(rels / 3);
  const centres = Math.max(10, Math.ceil(people / 50));
  const countries = 100;
  const nodeFile = (kind: string, rows: (i: number) => Record<string, string>, n: number) => {
    const cols = nodeProperties.get(kind as never)!.map((p) => p.name);
    const lines = [cols.join(',')];
    for (let i = 0; i < n; i++) {
      const r = rows(i);
      lines.push(cols.map((c) => r[c] ?? '').join(','));
    }
    writeFileSync(path.join(dir, `${kind}.csv`), `${lines.join('\n')}\n`);
  };
  const prov = { grade: 'C3', tlp: 'AMBER', sourceIds: '[]', synthetic: 'true', firstSeen: '2024-01-01', lastSeen: '2024-12-31', aliases: '[]' };
  nodeFile('Country', (i) => ({ ...prov, id: `country:Z${i}`, name: `Country ${i}`, iso2: `Z${i % 10}`, iso3: `Z${String(i).padStart(2, '0')}`, region: 'Asia' }), countries);
  nodeFile('Centre', (i) => ({ ...prov, id: `centre:b${i}`, name: `Centre ${i}`, status: 'active', workforce: String(100 + (i % 900)) }), centres);
  nodeFile('Facilitator', (i) => ({ ...prov, id: `facilitator:b${i}`, name: `Facilitator ${i}`, role: 'recruiter' }), people);
  const relFile = (kind: string, n: number, ends: (i: number) => [string, string]) => {
    const cols = relProperties.get(kind as never)!.map((p) => p.name);
    const lines = [['from', 'to', ...cols].join(',')];
    for (let i = 0; i < n; i++) {
      const [a, b] = ends(i);
      const r: Record<string, string> = { ...prov, id: `${kind.toLowerCase()}-${i}` };
      lines.push([a, b, ...cols.map((c) => r[c] ?? '')].join(','));
    }
    writeFileSync(path.join(dir, `${kind}.csv`), `${lines.join('\n')}\n`);
  };
  const recruits = rels - people;
  relFile('RECRUITS_FOR', recruits, (i) => [`facilitator:b${i % people}`, `centre:b${(i * 7919) % centres}`]);
  relFile('NATIONAL_OF', people, (i) => [`facilitator:b${i}`, `country:Z${i % countries}`]);
  return { people, centres, countries, files: ['Country', 'Centre', 'Facilitator', 'RECRUITS_FOR', 'NATIONAL_OF'] };
}

async function rawCopy(dir: string, dataDir: string, files: string[]) {
  mkdirSync(dataDir, { recursive: true });
  const db = new lbug.Database(path.join(dataDir, 'raw.lbug'));
  await db.init();
  const c = new lbug.Connection(db, 2);
  await c.init();
  const q = async (s: string) => {
    const r = await c.query(s);
    for (const x of Array.isArray(r) ? r : [r]) x.close();
  };
  for (const s of ladybugDdl()) await q(s);
  const started = performance.now();
  for (const f of files) {
    const isNode = !!nodeProperties.get(f as never);
    const cols = isNode ? `(${nodeProperties.get(f as never)!.map((p) => p.name).join(', ')})` : '';
    await q(`COPY ${f}${cols} FROM '${path.join(dir, `${f}.csv`)}' (HEADER=true)`);
  }
  return { ms: performance.now() - started, db, c };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const stats = (xs: number[]) => ({ p50: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2), p99: +pct(xs, 99).toFixed(2) });

async function time(n: number, fn: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** The process and every process under it (npm start's tsx wrapper → supervisor → server). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* the process is gone */
  }
  return [pid, ...children.flatMap(descendants)];
}

/** The largest peak RSS among the server's processes: that is the server itself, not its wrappers. */
function peakRss(pid: number): number {
  return Math.max(
    ...descendants(pid).map((p) => {
      try {
        return Number(readFileSync(`/proc/${p}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)![1]) * 1024;
      } catch {
        return 0;
      }
    }),
  );
}

const results: Record<string, unknown>[] = [];
for (const size of SIZES) {
  const dir = mkdtempSync(path.join(tmpdir(), `scamnet-bench-${size}-`));
  const shape = writeCsv(dir, size);
  const rows = shape.people + shape.centres + shape.countries + size;
  const productDir = path.join(dir, 'product');
  const store = new EmbeddedStore({ dataDir: productDir, limits: { timeoutMs: 60_000, maxRows: 5000, maxBytes: 16e6 } });
  await store.init();
  const files = shape.files.map((f) => ({ name: `${f}.csv`, bytes: readFileSync(path.join(dir, `${f}.csv`)) }));
  let t = performance.now();
  await runImport(store, files);
  const productMs = performance.now() - t;
  await store.close();
  const raw = HEALTH_ONLY ? undefined! : await rawCopy(dir, path.join(dir, 'raw'), shape.files);
  const rawQuery = async (s: string, params: Record<string, unknown>) => {
    const st = await raw.c.prepare(s);
    const r = await raw.c.execute(st, params as never);
    const one = Array.isArray(r) ? r[0]! : r;
    await one.getAll();
    one.close();
  };

  // the saved queries scan much of a 1M graph: the bench measures them rather than stopping them
  const server = await startServer({ SEED_ON_START: 'false', LOG_LEVEL: 'info', QUERY_TIMEOUT_MS: '120000' }, productDir);
  const get = async (p: string, init?: RequestInit) => {
    const res = await fetch(`${server.url}${p}`, init);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.arrayBuffer();
  };
  const id = (i: number) => `facilitator:b${(i * 104729) % shape.people}`;
  const cases: [string, (i: number) => Promise<unknown>, string, (i: number) => Record<string, unknown>][] = [
    ['search', (i) => get(`/api/search?q=Facilitator%20${i}&limit=10`), "MATCH (n:Facilitator) WHERE n.searchKey CONTAINS $q RETURN n.id, n.name LIMIT 10", (i) => ({ q: `|facilitator ${i}` })],
    ['node details', (i) => get(`/api/nodes/${encodeURIComponent(id(i))}`), 'MATCH (n:Facilitator {id: $id})-[r]-(m) RETURN n, label(r), label(m), count(*)', (i) => ({ id: id(i) })],
    ['1-hop', (i) => get(`/api/nodes/${encodeURIComponent(id(i))}/neighbors?depth=1&limit=200`), 'MATCH (n:Facilitator {id: $id})-[r]-(m) RETURN n, r, m LIMIT 200', (i) => ({ id: id(i) })],
    ['2-hop', (i) => get(`/api/nodes/${encodeURIComponent(id(i))}/neighbors?depth=2&limit=200`), 'MATCH (n:Facilitator {id: $id})-[r*1..2]-(m) RETURN m.id LIMIT 200', (i) => ({ id: id(i) })],
    ['shortest path', (i) => get(`/api/paths?from=${encodeURIComponent(id(i))}&to=${encodeURIComponent(id(i + 1))}&maxHops=4`), 'MATCH (a:Facilitator {id: $a}), (b:Facilitator {id: $b}) MATCH p = (a)-[* ALL SHORTEST 1..4]-(b) RETURN p LIMIT 25', (i) => ({ a: id(i), b: id(i + 1) })],
  ];
  // two saved queries of the library, through HTTP and as the same text on the raw engine
  const savedText = async (name: string) => ((await (await fetch(`${server.url}/api/queries/${name}`)).json()) as { query: string }).query;
  const centre = (i: number) => `centre:b${i % shape.centres}`;
  const networkText = await savedText('facilitator-network');
  const sharedText = await savedText('shared-facilitators');
  const post = (name: string, params: Record<string, unknown>) =>
    get(`/api/queries/${name}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params }) });
  cases.push(
    ['saved: facilitator-network', (i) => post('facilitator-network', { centre: centre(i) }), networkText, (i) => ({ centre: centre(i) })],
    ['saved: shared-facilitators', () => post('shared-facilitators', { minCentres: 2 }), sharedText, () => ({ minCentres: 2 })],
  );
  // /api/health while one large request runs: the import is validated in a worker thread, the
  // analyst's query runs in the engine; neither should hold the event loop
  const bigImport = badCentres(IMPORT_MB);
  const healthUnderLoad = {
    import: await healthDuring(server.url, () => {
      const form = new FormData();
      form.append('files', new Blob([bigImport as Uint8Array<ArrayBuffer>]), 'Centre.csv');
      return fetch(`${server.url}/api/import`, { method: 'POST', headers: { 'X-Scamnet-Request': '1' }, body: form });
    }),
    analystQuery: await healthDuring(server.url, () =>
      fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'MATCH (a:Facilitator), (b:Facilitator) WHERE a.name < b.name RETURN count(*) AS pairs' }),
      }),
    ),
    importMB: +(bigImport.length / 1e6).toFixed(1),
  };
  console.log(JSON.stringify({ relationships: size, healthUnderLoad }));
  if (HEALTH_ONLY) {
    await server.stop();
    results.push({ relationships: size, healthUnderLoad });
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const latency: Record<string, unknown> = {};
  for (const [name, http, cypher, params] of cases) {
    try {
      await http(0);
    } catch (error) {
      latency[name] = { error: (error as Error).message.slice(0, 200) };
      continue;
    }
    // the saved queries scan much of the graph: fewer runs keep the 1M size within minutes
    const runs = name.startsWith('saved:') ? Math.min(REQUESTS, 10) : REQUESTS;
    const api = stats(await time(runs, http));
    const rawStats = stats(await time(runs, (i) => rawQuery(cypher, params(i))));
    latency[name] = { api, raw: rawStats, ratioP50: +(api.p50 / rawStats.p50).toFixed(2) };
  }
  t = performance.now();
  const gexf = await get('/api/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'gexf', selection: { kind: 'ego', id: 'centre:b0', depth: 2 } }) });
  const exportMs = performance.now() - t;
  const concurrency: Record<string, unknown> = {};
  for (const connections of [1, 4, 16]) {
    const r = await autocannon({ url: `${server.url}/api/nodes/${encodeURIComponent(id(3))}/neighbors?depth=1&limit=200`, connections, duration: 5 });
    concurrency[connections] = { rps: Math.round(r.requests.average), errors: r.errors + r.non2xx, p99ms: r.latency.p99 };
  }
  const rss = peakRss(server.child.pid!);
  await server.stop();
  await raw.c.close();
  await raw.db.close();
  const result = {
    relationships: size,
    rows,
    import: { productMs: Math.round(productMs), productRowsPerS: Math.round(rows / (productMs / 1000)), rawMs: Math.round(raw.ms), rawRowsPerS: Math.round(rows / (raw.ms / 1000)), ratio: +(raw.ms / productMs).toFixed(3) },
    latency,
    exportGexf2hop: { ms: Math.round(exportMs), bytes: gexf.byteLength, mbPerS: +(gexf.byteLength / 1e6 / (exportMs / 1000)).toFixed(2) },
    concurrency,
    healthUnderLoad,
    serverPeakRssMB: Math.round(rss / 1e6),
  };
  results.push(result);
  console.log(JSON.stringify(result));
  rmSync(dir, { recursive: true, force: true });
}

const lines = ['| measure | ' + results.map((r) => `${r.relationships} rels`).join(' | ') + ' |', '| --- |' + results.map(() => ' --- |').join('')];
const row = (label: string, f: (r: any) => string) => lines.push(`| ${label} | ${results.map(f).join(' | ')} |`);
const healthRow = (h: any) => `${h.p50}/${h.p95}/${h.p99}, max ${h.max} (${h.samples} samples over ${h.requestMs} ms; answered ${h.requestStatus})`;
row('/api/health p50/p95/p99 ms during a failing import', (r) => `${healthRow(r.healthUnderLoad.import)}, ${r.healthUnderLoad.importMB} MB`);
row('/api/health p50/p95/p99 ms during a slow analyst query', (r) => healthRow(r.healthUnderLoad.analystQuery));
if (HEALTH_ONLY) {
  console.log(lines.join('\n'));
  process.exit(0);
}
row('import rows/s (product / raw COPY, ratio)', (r) => `${r.import.productRowsPerS} / ${r.import.rawRowsPerS} (${r.import.ratio})`);
for (const name of ['search', 'node details', '1-hop', '2-hop', 'shortest path', 'saved: facilitator-network', 'saved: shared-facilitators']) {
  row(`${name} API p50/p95/p99 ms (raw p50/p95, ratio p50)`, (r) => {
    const l = r.latency[name];
    return l.error ? `failed: ${l.error}` : `${l.api.p50}/${l.api.p95}/${l.api.p99} (${l.raw.p50}/${l.raw.p95}, ${l.ratioP50})`;
  });
}
row('GEXF export of a 2-hop ego (ms, MB/s)', (r) => `${r.exportGexf2hop.ms} ms, ${r.exportGexf2hop.mbPerS} MB/s`);
for (const c of [1, 4, 16]) row(`expansion, ${c} clients: req/s (errors)`, (r) => `${r.concurrency[c].rps} (${r.concurrency[c].errors})`);
row('server peak RSS MB', (r) => String(r.serverPeakRssMB));
console.log(lines.join('\n'));
const outDir = path.join(REPO_ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine: { cores: (await import('node:os')).cpus().length, memGB: Math.round((await import('node:os')).totalmem() / 1e9) }, results }, null, 2));
console.log(`wrote ${file}`);
