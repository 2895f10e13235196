/**
 * `npm run audit -- verify` and `export --csv` as a process, on real trail files: exit 0 with a
 * summary on a clean trail, 1 naming the file and line of a tampered one, an anchor kept
 * elsewhere catching a chain rewritten whole, and the CSV export with its filters.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/audit/chain.ts';
import { verifyTrail } from '../../server/audit/verify.ts';
import {
  chainDir,
  copyOf,
  event,
  filesOf,
  linesOf,
  openTrail,
  removeAll,
  tempDir,
  testClock,
  writeLines,
} from '../support/audit-trail.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const audit = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

const cleanup: string[] = [];
let dir: string;
let head: { seq: number; hash: string };
beforeAll(async () => {
  dir = tempDir();
  cleanup.push(dir);
  const clock = testClock('2026-09-01T08:00:00Z');
  const trail = await openTrail(dir, { clock });
  for (let n = 1; n <= 6; n++) trail.record(event(n, { user: n % 2 ? 'alice' : 'bob' }));
  await trail.flushed();
  clock.set('2026-09-02T08:00:00Z');
  trail.record(event(7, { action: 'export', user: 'bob', targets: ['centre:alpha'] }));
  await trail.flushed();
  head = trail.head();
  await trail.close();
});
afterAll(() => removeAll(cleanup));

describe('npm run audit -- verify', () => {
  it('exits 0 on a clean trail with files, events and times', () => {
    const run = audit('verify', '--dir', dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /chain test-server: OK — 2 file\(s\), 7 event\(s\), seq 1–7, 2026-09-01T08:00:00\.000Z to 2026-09-02T08:00:00\.000Z/,
    );
  });

  it('exits 1 naming the file and line of an edited line', () => {
    const copy = copyOf(dir);
    cleanup.push(copy);
    const file = filesOf(copy)[0]!;
    writeLines(
      file.path,
      linesOf(file.path).map((l, i) => (i === 2 ? l.replace('term 3', 'term 4') : l)),
    );
    const run = audit('verify', '--dir', copy);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`FAILED — ${file.name} line 3 \\(seq 3\\) was edited`));
    expect(run.err).toContain(`${path.join(chainDir(copy), file.name)}:3: edited`);
  });

  it('an anchor kept elsewhere catches a chain rewritten whole, which the chain alone cannot', () => {
    const copy = copyOf(dir);
    cleanup.push(copy);
    // rewrite from line 3 on, recomputing every later prev and head.json: a consistent forgery
    const files = filesOf(copy);
    let prevHash = '';
    for (const file of files) {
      const lines = linesOf(file.path).map((l) => JSON.parse(l));
      const out: string[] = [];
      for (const line of lines) {
        if (line.seq === 3) line.user = 'mallory';
        if (line.seq > 1) line.prev = prevHash;
        const text = JSON.stringify(line);
        prevHash = sha256(text);
        out.push(text);
      }
      writeLines(file.path, out);
    }
    const headFile = path.join(chainDir(copy), 'head.json');
    writeLines(headFile, [JSON.stringify({ seq: 7, hash: prevHash, file: files[1]!.name, time: '' })]);
    expect(audit('verify', '--dir', copy).code).toBe(0);
    const anchored = audit('verify', '--dir', chainDir(copy), '--anchor', `${head.seq}:${head.hash}`);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toMatch(/seq 7\) is not the line anchored/);
    expect(audit('verify', '--dir', chainDir(dir), '--anchor', `${head.seq}:${head.hash}`).code).toBe(0);
    expect(audit('verify', '--dir', chainDir(dir), '--anchor', `99:${head.hash}`).out).toMatch(
      /before the anchored seq 99/,
    );
  });

  it('exits 1 for a folder with no chain, 2 for bad arguments', () => {
    const empty = tempDir();
    cleanup.push(empty);
    expect(audit('verify', '--dir', empty)).toMatchObject({ code: 1, err: expect.stringMatching(/no audit chain/) });
    expect(audit('verify', '--anchor', 'nonsense', '--dir', dir).code).toBe(2);
    expect(audit('frobnicate').code).toBe(2);
  });
});

describe('the operator’s command line', () => {
  it('npm run user records account changes in the operator’s own chain, which verifies', async () => {
    const data = tempDir();
    cleanup.push(data);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/user.ts', 'add', 'bob', '--role', 'viewer', '--clearance', 'GREEN'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: data } },
    );
    expect(run.status, run.stderr).toBe(0);
    const reports = await verifyTrail(path.join(data, 'audit'));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.chain).toMatch(/^operator-/);
    expect(reports[0]!.problem).toBeUndefined();
    const csv = parse(audit('export', '--csv', '--dir', path.join(data, 'audit')).out, { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv).toMatchObject([{ action: 'user.add', via: 'operator', targets: expect.stringContaining('bob') }]);
  });
});

describe('the data CLIs on the local store', () => {
  it('record each import, query and export run as the operator, in a chain that verifies', async () => {
    const data = tempDir();
    cleanup.push(data);
    const csvFile = path.join(data, 'Centre.csv');
    writeFileSync(csvFile, 'id,name,status,grade,tlp,sourceIds\ncentre:audited,Audited,active,B2,AMBER,source:doc-a\n');
    const cli = (script: string, ...args: string[]) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: path.join(data, 'store'), SCAMNET_URL: '' },
      });
      expect(run.status, `${script}: ${run.stderr}`).toBe(0);
    };
    cli('import', csvFile);
    cli('query', '--cypher', 'MATCH (c:Centre) RETURN count(c) AS n');
    cli('export', '--format', 'json', '--ego', 'centre:audited', '--depth', '1', '--out', path.join(data, 'x.json'));
    const trail = path.join(data, 'store', 'audit');
    const reports = await verifyTrail(trail);
    expect(reports.map((r) => [r.chain.startsWith('operator-'), r.problem])).toEqual([[true, undefined]]);
    const rows = parse(audit('export', '--csv', '--dir', trail).out, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.action, r.via, r.outcome])).toEqual([
      ['export', 'operator', 'ok'],
      ['cypher.run', 'operator', 'ok'],
      ['import', 'operator', 'ok'],
    ]);
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({ format: 'json', highestTlp: 'AMBER', counts: { nodes: 1 } });
    expect(JSON.parse(rows[1]!.details!)).toMatchObject({ query: 'MATCH (c:Centre) RETURN count(c) AS n' });
    expect(JSON.parse(rows[2]!.details!)).toMatchObject({ files: ['Centre.csv'], rows: 1 });
  }, 120_000);
});

describe('npm run audit -- export --csv', () => {
  it('writes the matching events, newest first, filtered by user, action and time', () => {
    const all = parse(audit('export', '--csv', '--dir', dir).out, { columns: true }) as Record<string, string>[];
    expect(all).toHaveLength(7);
    expect(all[0]).toMatchObject({ action: 'export', user: 'bob', targets: 'centre:alpha' });
    const bob = parse(audit('export', '--csv', '--dir', dir, '--user', 'bob', '--to', '2026-09-01').out, {
      columns: true,
    }) as Record<string, string>[];
    expect(bob.map((r) => JSON.parse(r.details!).n)).toEqual([6, 4, 2]);
    const exports = parse(audit('export', '--csv', '--dir', dir, '--action', 'exp*').out, { columns: true });
    expect(exports).toHaveLength(1);
    expect(audit('export', '--dir', dir).code).toBe(2);
  });
});
