/**
 * No stalls (issue 9, item 8): a large import is validated off the event loop, with the same
 * answer as inline validation, and /api/health keeps answering while it runs.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/counts.ts';
import { readFiles } from '../../server/import/read-files.ts';
import {
  INLINE_MAX_BYTES,
  readFilesOffThread,
  stopValidationWorker,
  warmValidationWorker,
} from '../../server/import/read-off-thread.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

const HEAD = 'id,name,status,grade,tlp,sourceIds\n';
/** `rows` Centre rows; every `badEvery`-th has an impossible grade. */
function centres(rows: number, badEvery = 0, prefix = 'big'): Buffer {
  const lines = [HEAD];
  for (let i = 0; i < rows; i++)
    lines.push(
      `centre:${prefix}-${i},Centre ${i},active,${badEvery && i % badEvery === 0 ? 'K9' : 'B2'},AMBER,source:doc-a\n`,
    );
  return Buffer.from(lines.join(''));
}

/** The longest gap between 5 ms timer ticks while `work` runs: how long the event loop was held. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
});
afterAll(async () => {
  await stopValidationWorker();
  await h.close();
});

describe('validation of a large import off the event loop', () => {
  it('gives the same records and issues as inline validation (good rows, bad rows, several files)', async () => {
    const files = [
      { name: 'Centre.csv', bytes: centres(3_000, 7) },
      {
        name: 'more.ndjson',
        bytes: Buffer.from(
          '{"kind":"Centre","id":"centre:nd1","name":"N","status":"active","grade":"B2","tlp":"AMBER","sourceIds":["source:doc-a"]}\n{"kind":"Nope"}\n',
        ),
      },
      { name: 'notes.txt', bytes: Buffer.from('x') },
    ];
    const inline = readFiles(files);
    const threaded = await readFilesOffThread(files, { recordsWanted: true, inlineMaxBytes: 0 });
    expect(threaded.issues.length).toBeGreaterThan(400);
    expect(threaded).toEqual({ ...inline, issueCount: inline.issues.length });
    // with onError=abort and issues, the records are not sent back (the import is refused anyway),
    // nor more issues than the report lists
    const refused = await readFilesOffThread(files, { recordsWanted: false, inlineMaxBytes: 0, maxIssues: 10 });
    expect(refused.issues).toEqual(inline.issues.slice(0, 10));
    expect(refused.issueCount).toBe(inline.issues.length);
    expect(refused.records).toEqual([]);
  });

  it('a warmed worker answers the first large import without its start-up (the server warms it once listening)', async () => {
    const small = [{ name: 'Centre.csv', bytes: centres(50, 0, 'warm') }];
    const timed = async () => {
      const t = performance.now();
      const read = await readFilesOffThread(small, { recordsWanted: true, inlineMaxBytes: 0 });
      expect(read.records).toHaveLength(50);
      return performance.now() - t;
    };
    await stopValidationWorker();
    const cold = await timed(); // starts the worker: tsx compiles the validator in the new thread
    await stopValidationWorker();
    await warmValidationWorker();
    const warm = await timed();
    console.log(`first threaded read: cold ${cold.toFixed(0)} ms, after warmValidationWorker ${warm.toFixed(0)} ms`);
    expect(warm).toBeLessThan(cold / 3);
  });

  it('keeps the event loop free where inline validation holds it', async () => {
    const files = [{ name: 'Centre.csv', bytes: centres(40_000, 1) }];
    expect(files[0]!.bytes.length).toBeGreaterThan(INLINE_MAX_BYTES * 20);
    await readFilesOffThread([{ name: 'Centre.csv', bytes: centres(2_000, 1) }], {
      recordsWanted: false,
      inlineMaxBytes: 0,
    }); // start the worker
    // threaded first, so the inline run's garbage is not collected during it
    const threaded = await longestStall(() => readFilesOffThread(files, { recordsWanted: false, maxIssues: 1000 }));
    const inline = await longestStall(async () => readFiles(files));
    console.log(`longest event-loop stall: inline ${inline.toFixed(0)} ms, in the worker ${threaded.toFixed(0)} ms`);
    // the inline figure shows the test can fail: the same work held the loop for all of its time
    expect(inline).toBeGreaterThan(300);
    // The target is 200 ms (the bench measures /api/health's p99); the margin is for timer ticks
    // delayed by other processes on a shared 2-core machine, where inline took seconds.
    expect(threaded).toBeLessThan(Math.min(400, inline / 5));
  });

  it('/api/health answers while a large failing import is validated, and the import is refused with its report', async () => {
    const before = await graphCounts(h.store);
    const body = centres(40_000, 3);
    let done = false;
    const upload = request(h.app)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', body, 'Centre.csv')
      .then((res) => {
        done = true;
        return res;
      });
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const res = await request(h.app).get('/api/health');
      expect(res.status).toBe(200);
      latencies.push(performance.now() - started);
    }
    const res = await upload;
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_import');
    expect(res.body.error.details.issueCount).toBe(Math.ceil(40_000 / 3));
    expect(res.body.error.details.issues).toHaveLength(1000);
    expect(latencies.length).toBeGreaterThan(3);
    // generous for a shared 2-core machine; the bench measures the p99 (target 200 ms)
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    expect(await graphCounts(h.store)).toEqual(before);
  });
});
