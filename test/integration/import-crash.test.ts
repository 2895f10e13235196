/**
 * Crash safety: `npm run import` killed with SIGKILL while it writes leaves a database that opens
 * and holds all of that import or none of it; importing again then completes it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { REPO_ROOT } from '../support/server-process.ts';

const N = 150_000;

function writeFiles(dir: string): string[] {
  const sources = `id,name,publisher,published,grade,tlp,synthetic\nsource:doc,Doc,Publisher,2025-06-30,A1,CLEAR,true\n`;
  const people = ['id,name,role,grade,tlp,sourceIds'];
  const links = ['id,from,to,grade,tlp,sourceIds'];
  for (let i = 0; i < N; i++) {
    people.push(`facilitator:k${i},Person ${i},recruiter,C3,AMBER,source:doc`);
    links.push(`ri${i},facilitator:k${i},source:doc,C3,AMBER,source:doc`);
  }
  const files = { 'Source.csv': sources, 'Facilitator.csv': people.join('\n'), 'REPORTED_IN.csv': links.join('\n') };
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  });
}

async function counts(dataDir: string) {
  const store = new EmbeddedStore({ dataDir, limits: { timeoutMs: 30_000, maxRows: 10, maxBytes: 1e6 } });
  await store.init();
  try {
    const nodes = await store.read('MATCH (n:Facilitator) RETURN count(n) AS n');
    const rels = await store.read('MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS n');
    return { nodes: Number(nodes.rows[0]!.n), rels: Number(rels.rows[0]!.n) };
  } finally {
    await store.close();
  }
}

/** Runs the import CLI; with `killOn`, SIGKILLs it `delayMs` after a stderr line matches. */
function runImport(
  files: string[],
  dataDir: string,
  killOn?: RegExp,
  delayMs = 0,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    // node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process holding the database
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...files], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (killOn && !armed && killOn.test(stderr)) {
        armed = true;
        // not a wait: the kill lands delayMs into the write, to interrupt the import mid-way
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('import crash safety', () => {
  it('kill -9 during the write leaves all or none of the import, and the database opens', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-crash-'));
    const dataDir = path.join(dir, 'data');
    try {
      const files = writeFiles(dir);
      const outcomes: string[] = [];
      // Killed at two moments of the write phase: as the nodes are loaded, and later on.
      for (const delay of [50, 600]) {
        const killed = await runImport(files, dataDir, /import: write/, delay);
        const after = await counts(dataDir);
        const outcome =
          after.nodes === 0 && after.rels === 0
            ? 'none'
            : after.nodes === N && after.rels === N
              ? 'all'
              : `partial ${JSON.stringify(after)}`;
        outcomes.push(`${killed.signal ?? `exit ${killed.code}`}: ${outcome}`);
        expect(outcome === 'none' || outcome === 'all').toBe(true);
      }
      expect(outcomes.some((o) => o.startsWith('SIGKILL'))).toBe(true);
      const done = await runImport(files, dataDir);
      expect(done.code).toBe(0);
      expect(await counts(dataDir)).toEqual({ nodes: N, rels: N });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
