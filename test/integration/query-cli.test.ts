/**
 * `npm run query` as a user runs it: on a data dir of its own, and through a running server
 * when that server holds the embedded store.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_CYPHER_OFF } from '../../server/cypher/analyst-switch.ts';
import { loadBuiltinQueries } from '../../server/queries/library.ts';
import { UserQueryStore } from '../../server/queries/user-queries.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { REPO_ROOT, startServer } from '../support/server-process.ts';
import { smallGraph } from '../support/small-graph.ts';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
let dataDir: string;

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['server/cli/query.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'scamnet-cli-'));
  const store = new EmbeddedStore({ dataDir, limits: { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000 } });
  await store.init();
  await writeBatch(store, smallGraph());
  await store.close();
  await new UserQueryStore(dataDir).save(
    {
      name: 'centre-status',
      title: 'Centres with a status',
      description: 'Centres by last known status.',
      params: [{ name: 'status', type: 'string', required: true, description: '' }],
      returns: 'centre names',
      query: "MATCH (c:Centre) WHERE c.status = $status RETURN c.name AS name, '=HYPERLINK(1)' AS note ORDER BY name",
    },
    'ladybug',
    false,
  );
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run query', () => {
  it('--list shows the built-in and the saved queries', async () => {
    const { code, stdout } = await cli(['--list']);
    expect(code).toBe(0);
    expect(stdout).toContain('centre-status');
    for (const q of loadBuiltinQueries()) expect(stdout).toContain(q.name);
    expect(stdout).toMatch(/saved/);
  });

  it('runs a saved query with --param and prints a table, JSON or CSV', async () => {
    const table = await cli(['centre-status', '--param', 'status=dismantled']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/name\s+note/);
    expect(table.stdout).toContain('Gamma Hub');
    expect(table.stdout).toMatch(/1 row,/);
    const json = await cli(['centre-status', '--param', 'status=active', '--format', 'json']);
    expect(JSON.parse(json.stdout).rows).toEqual([{ name: 'Alpha Compound', note: '=HYPERLINK(1)' }]);
    const csv = await cli(['centre-status', '--param', 'status=active', '--format', 'csv']);
    // the formula is neutralised for spreadsheets
    expect(csv.stdout).toBe("name,note\nAlpha Compound,'=HYPERLINK(1)\n");
  });

  it('runs ad-hoc Cypher and refuses writes with the reason and a non-zero exit', async () => {
    const ok = await cli(['--cypher', 'MATCH (c:Country) RETURN count(c) AS countries', '--format', 'json']);
    expect(JSON.parse(ok.stdout).rows).toEqual([{ countries: 4 }]);
    const refused = await cli(['--cypher', 'MATCH (c:Country) DETACH DELETE c']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('write_not_allowed');
    const again = await cli(['--cypher', 'MATCH (c:Country) RETURN count(c) AS countries', '--format', 'json']);
    expect(JSON.parse(again.stdout).rows).toEqual([{ countries: 4 }]);
  });

  it('neutralises formulas in CSV column names too', async () => {
    const csv = await cli(['--cypher', 'RETURN 1 AS `=cmd()`', '--format', 'csv']);
    expect(csv.stdout).toBe("'=cmd()\n1\n");
  });

  it('keeps to the built-in library when ANALYST_CYPHER=false', async () => {
    const saved = await cli(['centre-status', '--param', 'status=active'], { ANALYST_CYPHER: 'false' });
    expect(saved.code).toBe(1);
    expect(saved.stderr).toContain('operation_not_allowed');
    expect(saved.stderr).toContain(ANALYST_CYPHER_OFF);
    const adhoc = await cli(['--cypher', 'RETURN 1 AS one'], { ANALYST_CYPHER: 'false' });
    expect(adhoc.stderr).toContain('operation_not_allowed');
    expect(adhoc.stderr).toContain(ANALYST_CYPHER_OFF);
    const builtin = loadBuiltinQueries().find((q) => q.params.every((p) => !p.required))!;
    expect((await cli([builtin.name, '--format', 'json'], { ANALYST_CYPHER: 'false' })).code).toBe(0);
  });

  it('explains bad usage and bad parameters', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['centre-status', '--format', 'xml'])).code).toBe(2);
    const missing = await cli(['centre-status']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('validation_error');
    const unknown = await cli(['no-such-query']);
    expect(unknown.stderr).toContain('not_found');
  });

  it('asks the running server when the server holds the store', async () => {
    const server = await startServer({ SEED_ON_START: 'false' }, dataDir);
    try {
      const port = new URL(server.url).port;
      const res = await cli(['centre-status', '--param', 'status=raided', '--format', 'json'], { PORT: port });
      expect(res.stderr).toContain('in use by a running server');
      expect(res.code).toBe(0);
      expect(JSON.parse(res.stdout).rows).toEqual([]);
      const suspected = await cli(['centre-status', '--param', 'status=suspected', '--format', 'json'], { PORT: port });
      expect(JSON.parse(suspected.stdout).rows.map((r: { name: string }) => r.name)).toEqual(['Beta Park']);
    } finally {
      await server.stop();
    }
  });
});
