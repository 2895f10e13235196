/**
 * The bench's verdicts on issue 14's targets (test/bench/targets.ts) and how the report prints
 * them: each target met or missed at its boundary, missing figures said as such (never "met"), and
 * the stores side by side with the load each figure was taken under.
 */
import { describe, expect, it } from 'vitest';
import { serverTiming } from '../../test/bench/measure.ts';
import { targetTable, type SizeResult, type StoreResult } from '../../test/bench/report.ts';
import { judgeTargets, type TargetVerdict } from '../../test/bench/targets.ts';

const LOAD = '3.10 2.00 1.50';
const lat = (apiP50: number, apiP95: number, rawP50: number, rawP95: number) => ({
  api: { p50: apiP50, p95: apiP95, p99: apiP95 },
  raw: { p50: rawP50, p95: rawP95, p99: rawP95 },
  load: LOAD,
});

/** A result that meets every target exactly at its boundary. */
function atBoundary(): StoreResult {
  return {
    store: 'embedded',
    import: { productRowsPerS: 50, rawRowsPerS: 100, ratio: 0.5, load: LOAD },
    latency: {
      search: lat(6, 15, 4, 9),
      'node details': lat(7, 9, 5, 7),
      '1-hop': lat(10, 10, 8, 9),
      '2-hop': lat(22, 60, 20, 30),
      'shortest path': lat(12, 20, 10, 20),
      'saved: facilitator-network': lat(102, 150, 100, 140),
      // not a lookup of ≤ 1k rows: no p50 target, however slow
      'saved: shared-facilitators': lat(9000, 9500, 100, 120),
    },
    exportGexf2hop: { ms: 50, bytes: 1_000_000, mbPerS: 20, writerMbPerS: 80, load: LOAD },
    concurrency: {
      1: { rps: 10, errors: 0, requests: 50, load: LOAD },
      2: { rps: 15, errors: 0, requests: 75, load: LOAD },
      4: { rps: 20, errors: 0, requests: 100, load: LOAD },
      16: { rps: 21, errors: 0, requests: 105, load: LOAD },
    },
  };
}

const byTarget = (verdicts: TargetVerdict[]) => Object.fromEntries(verdicts.map((v) => [v.target, v]));

describe('bench targets', () => {
  it('judges every issue-14 server target, each met at its boundary, with its load', () => {
    const verdicts = judgeTargets(atBoundary());
    expect(verdicts.map((v) => v.target)).toEqual([
      '1-hop p95 ≤ 10 ms',
      '2-hop p95 ≤ 60 ms',
      'search p95 ≤ 15 ms',
      'node details p95 ≤ raw p95 + 2 ms',
      'search API p50 ≤ raw p50 + 2 ms',
      'node details API p50 ≤ raw p50 + 2 ms',
      '1-hop API p50 ≤ raw p50 + 2 ms',
      '2-hop API p50 ≤ raw p50 + 2 ms',
      'shortest path API p50 ≤ raw p50 + 2 ms',
      'saved: facilitator-network API p50 ≤ raw p50 + 2 ms',
      'import ≥ 50% of the raw bulk load',
      '2-hop GEXF export ≥ 20 MB/s',
      'expansion at 4 clients ≥ 2× 1 client',
      'no errors at 16 clients',
    ]);
    for (const v of verdicts) {
      expect(v.met, v.target).toBe(true);
      expect(v.load, v.target).toBe(LOAD);
    }
  });

  it('misses each one just past its boundary', () => {
    const r = atBoundary();
    r.latency['1-hop'].api.p95 = 10.01;
    r.latency['2-hop'].api.p95 = 60.5;
    r.latency.search.api.p95 = 15.1;
    r.latency['node details'].api.p95 = 9.01; // raw p95 7 + 2
    r.latency['shortest path'].api.p50 = 12.01; // raw p50 10 + 2
    r.import.ratio = 0.499;
    r.exportGexf2hop.mbPerS = 19.99;
    r.concurrency[4].rps = 19;
    r.concurrency[16].errors = 1;
    const v = byTarget(judgeTargets(r));
    for (const target of [
      '1-hop p95 ≤ 10 ms',
      '2-hop p95 ≤ 60 ms',
      'search p95 ≤ 15 ms',
      'node details p95 ≤ raw p95 + 2 ms',
      'shortest path API p50 ≤ raw p50 + 2 ms',
      'import ≥ 50% of the raw bulk load',
      '2-hop GEXF export ≥ 20 MB/s',
      'expansion at 4 clients ≥ 2× 1 client',
      'no errors at 16 clients',
    ])
      expect(v[target]?.met, target).toBe(false);
    // the others are untouched
    expect(v['search API p50 ≤ raw p50 + 2 ms']?.met).toBe(true);
    expect(v['expansion at 4 clients ≥ 2× 1 client']?.figure).toBe('1.9× (19 against 10 req/s)');
    expect(v['2-hop GEXF export ≥ 20 MB/s']?.figure).toContain('the writer alone 80 MB/s');
  });

  it('says a figure is missing instead of judging it: a failed case, a failed import, nothing measured', () => {
    const r = atBoundary();
    r.latency['2-hop'] = { error: 'timeout' };
    delete r.exportGexf2hop;
    delete r.concurrency;
    delete r.import;
    r.importError = 'transaction memory';
    const v = byTarget(judgeTargets(r));
    expect(v['2-hop p95 ≤ 60 ms']).toMatchObject({ met: null, figure: 'failed: timeout' });
    expect(v['2-hop API p50 ≤ raw p50 + 2 ms']?.met).toBeNull();
    expect(v['import ≥ 50% of the raw bulk load']).toMatchObject({
      met: null,
      figure: 'import failed: transaction memory',
    });
    expect(v['2-hop GEXF export ≥ 20 MB/s']?.met).toBeNull();
    expect(v['expansion at 4 clients ≥ 2× 1 client']?.met).toBeNull();
    expect(v['no errors at 16 clients']?.met).toBeNull();
    // sixteen clients that finished no request have made no errors, and proved nothing either
    const idle = atBoundary();
    idle.concurrency[16] = { rps: 0, errors: 0, requests: 0, load: LOAD };
    expect(byTarget(judgeTargets(idle))['no errors at 16 clients']).toMatchObject({
      met: null,
      figure: 'no request completed during the run',
    });
    // a store that measured nothing has every target unjudged, none met
    expect(judgeTargets({ store: 'neo4j' }).every((t) => t.met === null)).toBe(true);
  });

  it('prints the stores side by side: figure, load and verdict for each', () => {
    const slow = atBoundary();
    slow.latency['1-hop'].api.p95 = 183;
    const result: SizeResult = {
      relationships: 1_000_000,
      rows: 1,
      stores: {
        embedded: { ...slow, targets: judgeTargets(slow) },
        neo4j: { ...atBoundary(), targets: judgeTargets(atBoundary()) },
      },
    };
    const lines = targetTable(result, ['embedded', 'neo4j']).split('\n');
    expect(lines[0]).toBe('| target, at 1000000 rels | embedded | embedded verdict | neo4j | neo4j verdict |');
    expect(lines).toContain('| 1-hop p95 ≤ 10 ms | p95 183 ms (load 3.10) | MISSED | p95 10 ms (load 3.10) | met |');
    expect(lines).toHaveLength(2 + 14);
  });
});

describe('Server-Timing', () => {
  it('reads each step’s duration, with or without a description', () => {
    expect(serverTiming('select;dur=12.5, prepare;dur=0.3, write;desc="GEXF";dur=4')).toEqual({
      select: 12.5,
      prepare: 0.3,
      write: 4,
    });
    expect(serverTiming(null)).toEqual({});
    expect(serverTiming('garbage, write;dur=abc')).toEqual({});
  });
});
