/** Timing helpers: percentiles of sequential runs, and /api/health sampled while a large request runs. */

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
}

export const stats = (xs: number[]): Stats => ({
  p50: +pct(xs, 50).toFixed(2),
  p95: +pct(xs, 95).toFixed(2),
  p99: +pct(xs, 99).toFixed(2),
});

/** Runs `fn` n times one after another; the milliseconds of each run. */
export async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** /api/health's latency, sampled back to back, while `work` (one large request) runs. */
export async function healthDuring(url: string, work: () => Promise<Response>) {
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
  return {
    ...stats(latencies),
    max: +Math.max(...latencies).toFixed(2),
    samples: latencies.length,
    requestMs: Math.round(performance.now() - started),
    requestStatus: res.status,
  };
}

/** The 1-minute load average, recorded beside the figures: other work on the machine slows them. */
export async function loadAverage(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Milliseconds of each step a Server-Timing header names (`select;dur=12.5, write;dur=3`). */
export function serverTiming(header: string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*([\w-]+)(?:;[^,]*?)?;dur=(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (match) out[match[1]!] = Number(match[2]);
  }
  return out;
}
