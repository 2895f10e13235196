/**
 * The audit trail's files and its verifier, on real files in temp dirs: a clean chain verifies;
 * copies of it with one byte edited, a line inserted, deleted or swapped, the tail cut off, or a
 * file removed are each caught and named by file and line; rotation keeps one chain across files;
 * retention removes old files and the kept chain still verifies; a torn last line is repaired.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GENESIS_HASH, fileName, sha256 } from '../../server/audit/chain.ts';
import { verifyChain } from '../../server/audit/verify.ts';
import {
  chainDir,
  copyOf,
  event,
  filesOf,
  linesOf,
  memoryLogger,
  openTrail,
  removeAll,
  tempDir,
  testClock,
  tornFiles,
  writeLines,
} from '../support/audit-trail.ts';

const cleanup: string[] = [];
afterAll(() => removeAll(cleanup));
const track = (dir: string) => {
  cleanup.push(dir);
  return dir;
};

/** A clean chain of ten events in one file. */
let clean: string;
let cleanFile: string;
beforeAll(async () => {
  clean = track(tempDir());
  const trail = await openTrail(clean);
  for (let n = 1; n <= 10; n++) trail.record(event(n));
  await trail.close();
  const files = filesOf(clean);
  expect(files).toHaveLength(1);
  cleanFile = files[0]!.name;
});

/** A copy of the clean chain with its one file changed by `change`, verified. */
async function tampered(change: (lines: string[]) => string[]) {
  const copy = track(copyOf(clean));
  const file = path.join(chainDir(copy), cleanFile);
  writeLines(file, change(linesOf(file)));
  return verifyChain(chainDir(copy));
}

describe('a clean chain', () => {
  it('is hash-chained from the genesis string, seq counting from 1, and verifies', async () => {
    const lines = linesOf(path.join(chainDir(clean), cleanFile)).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines[0].prev).toBe(GENESIS_HASH);
    const raw = linesOf(path.join(chainDir(clean), cleanFile));
    for (let i = 1; i < raw.length; i++) expect(lines[i].prev).toBe(sha256(raw[i - 1]!));
    expect(lines[3]).toMatchObject({ user: 'alice', action: 'graph.search', targets: ['centre:c4'], outcome: 'ok' });
    const report = await verifyChain(chainDir(clean));
    expect(report.problem).toBeUndefined();
    expect(report).toMatchObject({ files: 1, events: 10, firstSeq: 1, lastSeq: 10 });
  });

  it('goes on from where it ended when the trail is opened again', async () => {
    const dir = track(copyOf(clean));
    const trail = await openTrail(dir);
    trail.record(event(11));
    await trail.close();
    const report = await verifyChain(chainDir(dir));
    expect(report.problem).toBeUndefined();
    expect(report.lastSeq).toBe(11);
  });

  it('refuses a second writer on the same chain', async () => {
    const dir = track(copyOf(clean));
    const trail = await openTrail(dir);
    await expect(openTrail(dir)).rejects.toThrow(/already open/);
    await trail.close();
  });
});

describe('tampering is found and named', () => {
  it('one byte edited in a line: that line', async () => {
    const report = await tampered((lines) => lines.map((l, i) => (i === 3 ? l.replace('"alice"', '"alicf"') : l)));
    expect(report.problem).toMatchObject({ kind: 'edited', file: cleanFile, line: 4 });
  });

  it('one byte edited so the line no longer parses: that line', async () => {
    const report = await tampered((lines) => lines.map((l, i) => (i === 6 ? l.replace('{', '[') : l)));
    expect(report.problem).toMatchObject({ kind: 'edited', line: 7 });
  });

  it('a line inserted (a copy of another): that line', async () => {
    const report = await tampered((lines) => [...lines.slice(0, 5), lines[1]!, ...lines.slice(5)]);
    expect(report.problem).toMatchObject({ kind: 'inserted', line: 6 });
  });

  it('a line inserted with a forged seq and prev: that line', async () => {
    const report = await tampered((lines) => {
      const before = JSON.parse(lines[4]!);
      const forged = JSON.stringify({
        ...JSON.parse(lines[4]!),
        seq: before.seq + 1,
        prev: sha256(lines[4]!),
        user: 'mallory',
      });
      return [...lines.slice(0, 5), forged, ...lines.slice(5)];
    });
    expect(report.problem).toMatchObject({ kind: 'inserted', line: 6 });
  });

  it('a line deleted: the line after the gap, with the seq missing', async () => {
    const report = await tampered((lines) => lines.filter((_, i) => i !== 4));
    expect(report.problem).toMatchObject({ kind: 'deleted', line: 5 });
    expect(report.problem?.message).toMatch(/seq 5 missing/);
  });

  it('two lines swapped: the first of them', async () => {
    const report = await tampered((lines) => [...lines.slice(0, 3), lines[4]!, lines[3]!, ...lines.slice(5)]);
    expect(report.problem).toMatchObject({ kind: 'swapped', line: 4 });
  });

  it('the last line deleted: seen by head.json, and only by it', async () => {
    const report = await tampered((lines) => lines.slice(0, -1));
    expect(report.problem).toMatchObject({ kind: 'truncated', file: cleanFile, line: 10 });
    expect(report.problem?.message).toMatch(/head\.json records seq 10/);
    // without the head there is no anchor: a shorter chain is a valid chain, and the report says so
    const copy = track(copyOf(clean));
    const file = path.join(chainDir(copy), cleanFile);
    writeLines(file, linesOf(file).slice(0, -1));
    unlinkSync(path.join(chainDir(copy), 'head.json'));
    const unanchored = await verifyChain(chainDir(copy));
    expect(unanchored.problem).toBeUndefined();
    expect(unanchored.notes.join(' ')).toMatch(/no head\.json/);
  });

  it('the last line edited: seen by head.json', async () => {
    const report = await tampered((lines) => lines.map((l, i) => (i === 9 ? l.replace('term 10', 'term 99') : l)));
    expect(report.problem).toMatchObject({ kind: 'edited', line: 10 });
  });

  it('the first line deleted: the chain starts late with no retention event to say why', async () => {
    const report = await tampered((lines) => lines.slice(1));
    expect(report.problem).toMatchObject({ kind: 'missing-start', line: 1 });
  });

  it('a cut-short last line: an interrupted write, repaired when the trail next opens', async () => {
    const copy = track(copyOf(clean));
    const file = path.join(chainDir(copy), cleanFile);
    appendFileSync(file, '{"seq":11,"prev":"ab');
    const report = await verifyChain(chainDir(copy));
    expect(report.problem).toMatchObject({ kind: 'torn', line: 11 });
    const logger = memoryLogger();
    const trail = await openTrail(copy, { logger });
    trail.record(event(12));
    await trail.close();
    expect(logger.lines.some((l) => l.level === 'error' && /cut short/.test(l.msg))).toBe(true);
    expect(tornFiles(copy)).toHaveLength(1);
    const after = await verifyChain(chainDir(copy));
    expect(after.problem).toBeUndefined();
    const last = linesOf(file).map((l) => JSON.parse(l));
    expect(last.map((l) => l.action).slice(-2)).toEqual(['audit.recovered', 'graph.search']);
  });
});

describe('rotation and retention', () => {
  it('rotates past AUDIT_ROTATE_BYTES and each UTC day; the chain runs on across ≥ 3 files', async () => {
    const dir = track(tempDir());
    const clock = testClock('2026-03-01T22:00:00Z');
    const trail = await openTrail(dir, { clock, rotateBytes: 2_000 });
    for (let n = 1; n <= 20; n++) trail.record(event(n, { details: { padding: 'x'.repeat(200), n } }));
    await trail.flushed();
    clock.set('2026-03-02T01:00:00Z');
    trail.record(event(21));
    await trail.close();
    const files = filesOf(dir);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files[files.length - 1]!.day).toBe('2026-03-02');
    for (const file of files) expect(readFileSync(file.path).length).toBeLessThanOrEqual(2_000);
    // each file's first line carries the hash of the previous file's last line
    for (let i = 1; i < files.length; i++) {
      const before = linesOf(files[i - 1]!.path);
      expect(JSON.parse(linesOf(files[i]!.path)[0]!).prev).toBe(sha256(before[before.length - 1]!));
    }
    const report = await verifyChain(chainDir(dir));
    expect(report.problem).toBeUndefined();
    expect(report).toMatchObject({ files: files.length, events: 21, firstSeq: 1, lastSeq: 21 });

    // a middle file removed is found, at the first line after the gap
    const copy = track(copyOf(dir));
    const copied = filesOf(copy);
    rmSync(copied[1]!.path);
    const broken = await verifyChain(chainDir(copy));
    expect(broken.problem).toMatchObject({ kind: 'deleted', file: copied[2]!.name, line: 1 });
    expect(broken.problem?.message).toMatch(/a deleted file/);
  });

  it('removes files wholly older than the retention, records it, and the kept chain verifies', async () => {
    const dir = track(tempDir());
    const clock = testClock('2026-05-01T12:00:00Z');
    const trail = await openTrail(dir, { clock, retentionDays: 2 });
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) {
      clock.set(`${day}T12:00:00Z`);
      trail.record(event(1));
      trail.record(event(2));
      await trail.flushed();
    }
    await trail.close();
    expect(filesOf(dir).map((f) => f.day)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);

    // two days on, the first two days' files are wholly older than two days
    clock.set('2026-05-04T12:00:00Z');
    const logger = memoryLogger();
    const again = await openTrail(dir, { clock, retentionDays: 2, logger });
    await again.close();
    const kept = filesOf(dir);
    // the newest file is today's: the retention event itself
    expect(kept.map((f) => f.day)).toEqual(['2026-05-02', '2026-05-03', '2026-05-04']);
    expect(logger.lines.some((l) => /retention removed/.test(l.msg))).toBe(true);
    const retention = linesOf(kept[kept.length - 1]!.path)
      .map((l) => JSON.parse(l))
      .find((l) => l.action === 'audit.retention');
    expect(retention.details.removed).toEqual(['audit-000000000001-2026-05-01.jsonl']);
    expect(retention.details.keptFrom).toMatchObject({ seq: 3, file: kept[0]!.name });
    const report = await verifyChain(chainDir(dir));
    expect(report.problem).toBeUndefined();
    expect(report.firstSeq).toBe(3);
    expect(report.notes.join(' ')).toMatch(/removed by retention/);

    // deleting the oldest kept file is not retention: the start no longer matches the event
    const copy = track(copyOf(dir));
    rmSync(filesOf(copy)[0]!.path);
    const broken = await verifyChain(chainDir(copy));
    expect(broken.problem).toMatchObject({ kind: 'missing-start' });
  });
});

describe('faults', () => {
  it('a write that fails is logged loudly, does not hold the request, and is written once it can be', async () => {
    const dir = track(tempDir());
    const logger = memoryLogger();
    const clock = testClock('2026-07-01T12:00:00Z');
    const trail = await openTrail(dir, { logger, clock });
    trail.record(event(1));
    await trail.flushed();
    // the next day's file cannot be created: a folder stands where it would go
    clock.set('2026-07-02T12:00:00Z');
    const blocker = path.join(chainDir(dir), fileName(2, '2026-07-02'));
    mkdirSync(blocker);
    trail.record(event(2));
    await trail.flushed();
    expect(logger.lines.some((l) => l.level === 'error' && /AUDIT TRAIL WRITE FAILED/.test(l.msg))).toBe(true);
    rmdirSync(blocker);
    await vi.waitFor(
      async () => {
        const report = await verifyChain(chainDir(dir));
        if (report.lastSeq !== 2) throw new Error(`not yet written: ${report.lastSeq}`);
      },
      { timeout: 10_000, interval: 50 },
    );
    await trail.close();
    const report = await verifyChain(chainDir(dir));
    expect(report.problem).toBeUndefined();
    expect(filesOf(dir).map((f) => f.name)).toEqual([fileName(1, '2026-07-01'), fileName(2, '2026-07-02')]);
  });

  it('a process killed mid-stream loses no event it acknowledged, and the chain verifies', async () => {
    const dir = track(tempDir());
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/audit-writer.ts', dir], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
        // well past a rotation (4,000 bytes a file), then killed without warning
        if (acknowledged >= 150) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the writer ended early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    const report = await verifyChain(chainDir(dir));
    expect(report.problem).toBeUndefined();
    expect(report.files).toBeGreaterThan(2);
    expect(report.lastSeq).toBeGreaterThanOrEqual(acknowledged);
    // and the next start goes on from there
    const trail = await openTrail(dir);
    trail.record(event(1));
    await trail.close();
    expect((await verifyChain(chainDir(dir))).problem).toBeUndefined();
  });
});
