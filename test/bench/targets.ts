/**
 * Issue 14's server targets, judged from one store's results at one size: each target's measured
 * figure, whether it is met (null when the figure is missing: the case failed or was not run), and
 * the load average the figure was taken under (the machine is shared). The issue sets them at 1M
 * relationships; the bench judges every size it runs, and says which size each verdict is for.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the results are the JSON the bench writes */

export interface TargetVerdict {
  /** the target, as the issue words it */
  target: string;
  /** the measured figure, in words (`p95 8.1 ms`, `raw 4.2 + 2 ms`) */
  figure: string;
  met: boolean | null;
  /** the 1-minute load average when the figure was taken */
  load: string | null;
}

/** The cases whose API answer is a lookup of at most 1k rows: the `API p50 ≤ raw + 2 ms` target applies. */
export const LOOKUP_CASES = [
  'search',
  'node details',
  '1-hop',
  '2-hop',
  'shortest path',
  'saved: facilitator-network',
] as const;

export const P95_TARGETS: ReadonlyArray<{ name: string; ms: number }> = [
  { name: '1-hop', ms: 10 },
  { name: '2-hop', ms: 60 },
  { name: 'search', ms: 15 },
];

/** Milliseconds the API may add to the raw engine (node details p95, lookups' p50). */
export const API_OVERHEAD_MS = 2;
export const IMPORT_SHARE = 0.5;
export const GEXF_MB_PER_S = 20;
export const SCALING_AT_4 = 2;

const ms = (v: number) => `${+v.toFixed(1)} ms`;
const missing = (target: string, why: string, load: string | null = null): TargetVerdict => ({
  target,
  figure: why,
  met: null,
  load,
});

/** Every issue-14 server target for one store's result (StoreResult of report.ts). */
export function judgeTargets(s: Record<string, any>): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const latency = (name: string) => {
    const l = s.latency?.[name];
    return l && !l.error && l.api && l.raw ? l : undefined;
  };
  const why = (name: string) => (s.latency?.[name]?.error ? `failed: ${s.latency[name].error}` : 'not measured');
  for (const { name, ms: limit } of P95_TARGETS) {
    const target = `${name} p95 ≤ ${limit} ms`;
    const l = latency(name);
    out.push(
      l
        ? { target, figure: `p95 ${ms(l.api.p95)}`, met: l.api.p95 <= limit, load: l.load ?? null }
        : missing(target, why(name)),
    );
  }
  {
    const target = `node details p95 ≤ raw p95 + ${API_OVERHEAD_MS} ms`;
    const l = latency('node details');
    out.push(
      l
        ? {
            target,
            figure: `p95 ${ms(l.api.p95)} against raw ${ms(l.raw.p95)}`,
            met: l.api.p95 <= l.raw.p95 + API_OVERHEAD_MS,
            load: l.load ?? null,
          }
        : missing(target, why('node details')),
    );
  }
  for (const name of LOOKUP_CASES) {
    const target = `${name} API p50 ≤ raw p50 + ${API_OVERHEAD_MS} ms`;
    const l = latency(name);
    out.push(
      l
        ? {
            target,
            figure: `p50 ${ms(l.api.p50)} against raw ${ms(l.raw.p50)}`,
            met: l.api.p50 <= l.raw.p50 + API_OVERHEAD_MS,
            load: l.load ?? null,
          }
        : missing(target, why(name)),
    );
  }
  {
    const target = `import ≥ ${IMPORT_SHARE * 100}% of the raw bulk load`;
    const i = s.import;
    out.push(
      i && Number.isFinite(i.ratio)
        ? {
            target,
            figure: `${Math.round(i.ratio * 100)}% (${i.productRowsPerS} against ${i.rawRowsPerS} rows/s)`,
            met: i.ratio >= IMPORT_SHARE,
            load: i.load ?? null,
          }
        : missing(target, s.importError ? `import failed: ${String(s.importError).slice(0, 80)}` : 'not measured'),
    );
  }
  {
    const target = `2-hop GEXF export ≥ ${GEXF_MB_PER_S} MB/s`;
    const g = s.exportGexf2hop;
    out.push(
      g && Number.isFinite(g.mbPerS)
        ? {
            target,
            figure:
              `${g.mbPerS} MB/s (${g.bytes} bytes in ${g.ms} ms` +
              (Number.isFinite(g.writerMbPerS) ? `; the writer alone ${g.writerMbPerS} MB/s` : '') +
              ')',
            met: g.mbPerS >= GEXF_MB_PER_S,
            load: g.load ?? null,
          }
        : missing(target, g?.error ? `failed: ${g.error}` : 'not measured'),
    );
  }
  const c = s.concurrency;
  {
    const target = `expansion at 4 clients ≥ ${SCALING_AT_4}× 1 client`;
    const one = c?.[1]?.rps;
    const four = c?.[4]?.rps;
    out.push(
      one > 0 && Number.isFinite(four)
        ? {
            target,
            figure: `${+(four / one).toFixed(2)}× (${four} against ${one} req/s)`,
            met: four >= SCALING_AT_4 * one,
            load: c[4].load ?? null,
          }
        : missing(target, 'not measured'),
    );
  }
  {
    const target = 'no errors at 16 clients';
    const sixteen = c?.[16];
    out.push(
      sixteen && Number.isFinite(sixteen.errors) && sixteen.requests !== 0
        ? {
            target,
            figure: `${sixteen.errors} errors in ${sixteen.requests ?? '?'} requests`,
            met: sixteen.errors === 0,
            load: sixteen.load ?? null,
          }
        : // no answer at all within the run (e.g. a machine so loaded that each took longer) proves nothing
          missing(target, sixteen?.requests === 0 ? 'no request completed during the run' : 'not measured'),
    );
  }
  return out;
}

export const verdictWord = (met: boolean | null) => (met === null ? '–' : met ? 'met' : 'MISSED');
