/**
 * The printed tables: issue 14's targets for every store side by side (a table per size), one
 * table per store (a column per size), then the ratio between the stores. Each figure carries the
 * 1-minute load average it was taken under (`load 3.1`): the machine is shared.
 */
import { CASE_NAMES } from './cases.ts';
import type { StoreName } from './store-side.ts';
import { verdictWord, type TargetVerdict } from './targets.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the results are the JSON the bench writes */
export type StoreResult = Record<string, any>;
export interface SizeResult {
  relationships: number;
  rows: number;
  stores: Partial<Record<StoreName, StoreResult>>;
  /** neo4j / embedded, when both ran */
  ratio?: Record<string, number | null>;
}

/** The concurrent clients the harness runs on the expansion. */
export const CLIENTS = [1, 2, 4, 16];

/** The 1-minute figure of a `/proc/loadavg` reading (`2.31 1.80 1.52`). */
const load1 = (load: unknown) => (typeof load === 'string' && load ? `load ${load.split(' ')[0]}` : '');
const withLoad = (figure: string, load: unknown) => (load1(load) ? `${figure} (${load1(load)})` : figure);

const healthRow = (h: any) =>
  `${h.p50}/${h.p95}/${h.p99}, max ${h.max} (${h.samples} samples over ${h.requestMs} ms; answered ${h.requestStatus})`;

function table(results: SizeResult[], store: StoreName): string {
  const sized = results.filter((r) => r.stores[store]);
  const lines = [
    `| ${store} | ${sized.map((r) => `${r.relationships} rels`).join(' | ')} |`,
    `| --- |${sized.map(() => ' --- |').join('')}`,
  ];
  // a size whose import failed has no other figures: its cells say so
  const row = (label: string, f: (s: StoreResult) => string) =>
    lines.push(
      `| ${label} | ${sized
        .map((r) => r.stores[store]!)
        .map((s) => (s.importError && !label.startsWith('load') ? `import failed: ${s.importError}` : f(s)))
        .join(' | ')} |`,
    );
  row('load average (1/5/15 min) before / after', (s) => `${s.loadAverage.before} / ${s.loadAverage.after}`);
  const first = sized.map((r) => r.stores[store]!).find((s) => !s.importError);
  if (first?.healthUnderLoad) {
    row(
      '/api/health p50/p95/p99 ms during a failing import',
      (s) => `${healthRow(s.healthUnderLoad.import)}, ${s.healthUnderLoad.importMB} MB`,
    );
    row('/api/health p50/p95/p99 ms during a slow analyst query', (s) => healthRow(s.healthUnderLoad.analystQuery));
  }
  if (!first?.latency) return lines.join('\n');
  row('import rows/s (product / raw, ratio)', (s) =>
    withLoad(`${s.import.productRowsPerS} / ${s.import.rawRowsPerS} (${s.import.ratio})`, s.import.load),
  );
  for (const name of CASE_NAMES) {
    row(`${name} API p50/p95/p99 ms (raw p50/p95, ratio p50)`, (s) => {
      const l = s.latency[name];
      return l.error
        ? `failed: ${l.error}`
        : withLoad(`${l.api.p50}/${l.api.p95}/${l.api.p99} (${l.raw.p50}/${l.raw.p95}, ${l.ratioP50})`, l.load);
    });
  }
  row('GEXF export of a 2-hop ego (ms, MB/s; select / prepare / layout / write ms)', (s) => {
    const g = s.exportGexf2hop;
    if (!g || g.error) return `failed: ${g?.error ?? 'not run'}`;
    const steps = g.steps
      ? `; ${g.steps.select} / ${g.steps.prepare} / ${g.steps.layout ?? '–'} / ${g.steps.write} ms`
      : '';
    const writer = g.writerMbPerS ? `, writer ${g.writerMbPerS} MB/s` : '';
    return withLoad(`${g.ms} ms, ${g.mbPerS} MB/s${writer}${steps}`, g.load);
  });
  for (const c of CLIENTS)
    row(`expansion, ${c} clients: req/s (errors)`, (s) =>
      s.concurrency[c] ? withLoad(`${s.concurrency[c].rps} (${s.concurrency[c].errors})`, s.concurrency[c].load) : '–',
    );
  row('memory MB', (s) =>
    Object.entries(s.memory)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  );
  return lines.join('\n');
}

/** neo4j / embedded for each case's API p50 (and raw p50), import rate and throughput. */
export function storeRatio(embedded: StoreResult, neo: StoreResult): Record<string, number | null> {
  const r = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || !b ? null : +(a / b).toFixed(2);
  const out: Record<string, number | null> = {};
  if (embedded.import && neo.import) {
    out['import product rows/s'] = r(neo.import.productRowsPerS, embedded.import.productRowsPerS);
    out['import raw rows/s'] = r(neo.import.rawRowsPerS, embedded.import.rawRowsPerS);
  }
  for (const name of CASE_NAMES) {
    const e = embedded.latency?.[name];
    const n = neo.latency?.[name];
    if (!e || !n) continue;
    out[`${name} API p50`] = r(n.api?.p50, e.api?.p50);
    out[`${name} raw p50`] = r(n.raw?.p50, e.raw?.p50);
  }
  if (embedded.exportGexf2hop && neo.exportGexf2hop)
    out['GEXF export ms'] = r(neo.exportGexf2hop.ms, embedded.exportGexf2hop.ms);
  for (const c of CLIENTS)
    if (embedded.concurrency?.[c] && neo.concurrency?.[c])
      out[`expansion ${c} clients req/s`] = r(neo.concurrency[c].rps, embedded.concurrency[c].rps);
  if (embedded.healthUnderLoad && neo.healthUnderLoad)
    out['/api/health p99 during the import'] = r(neo.healthUnderLoad.import.p99, embedded.healthUnderLoad.import.p99);
  return out;
}

function ratioTable(results: SizeResult[]): string {
  const both = results.filter((r) => r.ratio);
  if (both.length === 0) return '';
  const keys = [...new Set(both.flatMap((r) => Object.keys(r.ratio!)))];
  const lines = [
    `| neo4j / embedded | ${both.map((r) => `${r.relationships} rels`).join(' | ')} |`,
    `| --- |${both.map(() => ' --- |').join('')}`,
  ];
  for (const k of keys) lines.push(`| ${k} | ${both.map((r) => String(r.ratio![k] ?? '–')).join(' | ')} |`);
  return lines.join('\n');
}

/** Issue 14's targets at one size, every store side by side: its figure, met or MISSED, and the load. */
export function targetTable(result: SizeResult, stores: StoreName[]): string {
  const judged = stores.filter((s) => result.stores[s]?.targets);
  if (judged.length === 0) return '';
  const verdicts = judged.map((s) => result.stores[s]!.targets as TargetVerdict[]);
  const lines = [
    `| target, at ${result.relationships} rels | ${judged.map((s) => `${s} | ${s} verdict`).join(' | ')} |`,
    `| --- |${judged.map(() => ' --- | --- |').join('')}`,
  ];
  for (const [i, { target }] of verdicts[0]!.entries()) {
    const cells = verdicts.map((v) => {
      const t = v[i];
      return t ? `${withLoad(t.figure, t.load)} | ${verdictWord(t.met)}` : '– | –';
    });
    lines.push(`| ${target} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function report(results: SizeResult[], stores: StoreName[]): string {
  return [...results.map((r) => targetTable(r, stores)), ...stores.map((s) => table(results, s)), ratioTable(results)]
    .filter(Boolean)
    .join('\n\n');
}
