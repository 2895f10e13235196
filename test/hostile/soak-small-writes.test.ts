/**
 * Soak of small writes: SOAK_WRITES (default 5,000) small write transactions through store.write,
 * interleaved with reads and a CHECKPOINT every SOAK_CHECKPOINT_EVERY writes (default 50), then
 * kill -9 of the process doing them, reopen, and verify every count: every acknowledged
 * transaction is there whole, the one in flight at the kill whole or not at all, nothing else.
 * Then one more write, CHECKPOINT and a clean reopen.
 *
 * The default takes ~50 s here (a small write commits in ~7 ms, a CHECKPOINT ~180 ms). The variant
 * for LadybugDB 0.19.1's reported corruption after ~700 insert + CHECKPOINT cycles
 * (LadybugDB/ladybug#843) is `SOAK_CHECKPOINT_EVERY=7` (714 checkpoints, ~170 s); larger still,
 * `SOAK_WRITES=50000`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { REPO_ROOT } from '../support/server-process.ts';

const WRITES = Number(process.env.SOAK_WRITES ?? 5_000);
/** the writer's interval (test/support/soak-writer.ts reads the same variable) */
const CHECKPOINT_EVERY = Number(process.env.SOAK_CHECKPOINT_EVERY ?? 50);
const LIMITS = { timeoutMs: 30_000, maxRows: 100_000, maxBytes: 1e9 };

/** Runs the soak writer until it has acknowledged `writes` transactions, then SIGKILLs it. */
function soak(
  dataDir: string,
  writes: number,
): Promise<{ acked: number; signal: string | null; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/soak-writer.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    let acked = -1;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ok (\d+)$/.exec(line);
        if (m) acked = Number(m[1]);
      }
      // killed while it writes: the next transaction is already on its way
      if (acked + 1 >= writes && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      resolve({ acked, signal, stderr, ms: Math.round(performance.now() - started) }),
    );
  });
}

describe('soak: small write transactions, checkpoints, kill -9', () => {
  it(
    `${WRITES} small writes with reads and ${Math.floor(WRITES / CHECKPOINT_EVERY)} CHECKPOINTs, kill -9, reopen: every count holds`,
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-soak-'));
      try {
        const run = await soak(dataDir, WRITES);
        expect(run.signal, `the writer stopped by itself: ${run.stderr}`).toBe('SIGKILL');
        expect(run.acked + 1).toBeGreaterThanOrEqual(WRITES);

        const store = new EmbeddedStore({ dataDir, limits: LIMITS });
        await store.init();
        try {
          const rows = (
            await store.read(
              "MATCH (s:ScamType) WHERE s.id STARTS WITH 'scamtype:soak-' RETURN s.id AS id",
              {},
              { maxRows: 1e6 },
            )
          ).rows;
          const ids = new Set(rows.map((r) => Number(String(r.id).slice('scamtype:soak-'.length))));
          // acknowledged: all of them; in flight: whole or not at all; nothing beyond
          const last = ids.has(run.acked + 1) ? run.acked + 1 : run.acked;
          expect(ids.size).toBe(last + 1);
          for (let i = 0; i <= last; i++)
            if (!ids.has(i)) expect.fail(`transaction ${i} was acknowledged but is missing`);
          const rels = Number(
            (await store.read("MATCH (:Centre {id: 'centre:soak'})-[r:RUNS_SCAM]->() RETURN count(r) AS c")).rows[0]!.c,
          );
          expect(rels).toBe(Math.floor(last / 5) + 1);
          const workforce = Number(
            (await store.read("MATCH (c:Centre {id: 'centre:soak'}) RETURN c.workforce AS w")).rows[0]!.w,
          );
          expect(workforce).toBe(last - (last % 5));
          // and it takes writes and checkpoints again
          await store.write(
            "CREATE (:ScamType {id: 'scamtype:after-soak', name: 'After', grade: 'C3', tlp: 'CLEAR', synthetic: true})",
          );
          await store.checkpoint();
        } finally {
          await store.close();
        }
        const again = new EmbeddedStore({ dataDir, limits: LIMITS });
        await again.init();
        const total = Number((await again.read('MATCH (s:ScamType) RETURN count(s) AS c')).rows[0]!.c);
        await again.close();
        expect(total).toBeGreaterThanOrEqual(WRITES + 1);
        const size = statSync(path.join(dataDir, 'scamnet.lbug')).size;
        console.info(
          `soak: ${run.acked + 1} acknowledged writes in ${run.ms} ms, killed; database ${size} bytes; reopened with every count intact`,
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    Math.max(120_000, WRITES * 40),
  );
});
