/**
 * `npm run audit -- verify`: walks each chain line by line, checking every line's `seq` (one more
 * than the line before) and `prev` (the SHA-256 of the line before), and names the first line that
 * breaks it, with what it looks like: an edited line (its hash no longer matches the next line's
 * `prev`, or it does not parse), an inserted line (the lines either side of it fit each other), a
 * deleted line (a gap in `seq`), two lines swapped, a cut-off tail (head.json is ahead of the
 * files), or a chain that starts later than seq 1 without an `audit.retention` event saying why.
 */
import path from 'node:path';
import { GENESIS_HASH, chainDirs, chainFiles, chainName, sha256, type TrailFile } from './chain.ts';
import { fileLines, parseLine } from './lines.ts';
import { readHead } from './audit-log.ts';

export type ProblemKind = 'edited' | 'inserted' | 'deleted' | 'swapped' | 'truncated' | 'torn' | 'missing-start';

export interface Problem {
  kind: ProblemKind;
  /** the file's name in the chain's folder */
  file: string;
  /** 1-based line in that file */
  line: number;
  message: string;
}

export interface ChainReport {
  chain: string;
  dir: string;
  files: number;
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  firstTime: string | null;
  lastTime: string | null;
  /** what an inspector should know that is not a fault: where the chain starts, the head */
  notes: string[];
  problem?: Problem;
}

interface Entry {
  file: string;
  line: number;
  seq: number;
  prev: string;
  hash: string;
  time: string;
}

type Read =
  | { ok: true; entry: Entry; record: Record<string, unknown> }
  | { ok: false; file: string; line: number; complete: boolean; last: boolean };

/** Every line of the chain's files in order, with one line of look-ahead. */
class Cursor {
  private readonly source: AsyncGenerator<Read>;
  private ahead: Read[] = [];
  constructor(files: TrailFile[]) {
    this.source = Cursor.read(files);
  }
  private static async *read(files: TrailFile[]): AsyncGenerator<Read> {
    for (const [index, file] of files.entries()) {
      for await (const raw of fileLines(file.path)) {
        const record = raw.complete ? parseLine(raw.bytes) : undefined;
        if (!record) {
          yield {
            ok: false,
            file: file.name,
            line: raw.lineNo,
            complete: raw.complete,
            last: index === files.length - 1,
          };
          continue;
        }
        const entry = {
          file: file.name,
          line: raw.lineNo,
          seq: record.seq as number,
          prev: record.prev as string,
          hash: sha256(raw.bytes),
          time: String(record.time),
        };
        yield { ok: true, entry, record };
      }
    }
  }
  async next(): Promise<Read | undefined> {
    if (this.ahead.length > 0) return this.ahead.shift();
    const { value, done } = await this.source.next();
    return done ? undefined : value;
  }
  async peek(): Promise<Read | undefined> {
    if (this.ahead.length === 0) {
      const { value, done } = await this.source.next();
      if (done) return undefined;
      this.ahead.push(value);
    }
    return this.ahead[0];
  }
}

const at = (e: { file: string; line: number }) => `${e.file} line ${e.line}`;

/** What breaks at `line`, given the two accepted lines before it and the one after. */
function diagnose(line: Entry, prev: Entry, prev2: Entry | undefined, next: Entry | undefined): Problem {
  const expected = prev.seq + 1;
  const seqOk = line.seq === expected;
  const prevOk = line.prev === prev.hash;
  const here = { file: line.file, line: line.line };
  if (next && next.seq === expected && next.prev === prev.hash && line.seq === expected + 1 && line.prev === next.hash)
    return {
      kind: 'swapped',
      ...here,
      message: `${at(line)} and the line after it are swapped (seq ${line.seq} comes before seq ${next.seq})`,
    };
  if (next && next.seq === expected && next.prev === prev.hash)
    return {
      kind: 'inserted',
      ...here,
      message: `${at(line)} was inserted: the line after it follows on from the line before it (seq ${prev.seq})`,
    };
  if (prev2 && line.seq === prev2.seq + 1 && line.prev === prev2.hash)
    return {
      kind: 'inserted',
      file: prev.file,
      line: prev.line,
      message: `${at(prev)} was inserted: ${at(line)} follows on from the line before it (seq ${prev2.seq})`,
    };
  if (seqOk && !prevOk)
    return {
      kind: 'edited',
      file: prev.file,
      line: prev.line,
      message: `${at(prev)} (seq ${prev.seq}) was edited: its SHA-256 no longer matches the prev of ${at(line)} (or that prev was edited)`,
    };
  if (!seqOk && prevOk)
    return { kind: 'edited', ...here, message: `${at(line)} was edited: its seq is ${line.seq}, not ${expected}` };
  if (line.seq > expected) {
    const count = line.seq - expected;
    const across =
      line.line === 1 && prev.file !== line.file ? ` — between ${prev.file} and ${line.file}: a deleted file?` : '';
    return {
      kind: 'deleted',
      ...here,
      message: `${count} line(s) deleted before ${at(line)}: seq ${expected}${count > 1 ? `–${line.seq - 1}` : ''} missing${across}`,
    };
  }
  return {
    kind: 'inserted',
    ...here,
    message: `${at(line)} is out of order: seq goes back from ${prev.seq} to ${line.seq} (an inserted or copied line)`,
  };
}

/** A seq and hash kept elsewhere (a logged head): the chain must still hold that line. */
export interface Anchor {
  seq: number;
  hash: string;
}

export async function verifyChain(dir: string, anchors: readonly Anchor[] = []): Promise<ChainReport> {
  const files = chainFiles(dir);
  const report: ChainReport = {
    chain: chainName(dir),
    dir,
    files: files.length,
    events: 0,
    firstSeq: null,
    lastSeq: null,
    firstTime: null,
    lastTime: null,
    notes: [],
  };
  const head = readHead(dir);
  const cursor = new Cursor(files);
  const retentionStarts = new Map<string, number>();
  let first: Entry | undefined;
  let prev: Entry | undefined;
  let prev2: Entry | undefined;
  for (let read = await cursor.next(); read; read = await cursor.next()) {
    report.events += 1;
    if (!read.ok) {
      const torn = !read.complete && read.last && !(await cursor.peek());
      report.problem = torn
        ? {
            kind: 'torn',
            file: read.file,
            line: read.line,
            message: `${at(read)} is cut short, with no newline: an interrupted write (the server moves it aside when it next starts), or an edit`,
          }
        : {
            kind: 'edited',
            file: read.file,
            line: read.line,
            message: read.complete
              ? `${at(read)} was edited: it is not a trail line (not JSON with seq, prev, time, action)`
              : `${at(read)} was edited: the file ends without a newline in the middle of the chain`,
          };
      return report;
    }
    const { entry, record } = read;
    if (record.action === 'audit.retention') {
      const kept = (record.details as { keptFrom?: { seq?: unknown; prev?: unknown } } | undefined)?.keptFrom;
      if (kept) retentionStarts.set(`${String(kept.seq)}:${String(kept.prev)}`, entry.seq);
    }
    if (!prev) {
      first = entry;
      if (entry.seq === 1 && entry.prev !== GENESIS_HASH) {
        report.problem = {
          kind: 'edited',
          file: entry.file,
          line: entry.line,
          message: `${at(entry)} was edited: the first line's prev is not the hash of the genesis string`,
        };
        return report;
      }
    } else if (entry.seq !== prev.seq + 1 || entry.prev !== prev.hash) {
      const ahead = await cursor.peek();
      report.problem = diagnose(entry, prev, prev2, ahead?.ok ? ahead.entry : undefined);
      return report;
    }
    const anchor = anchors.find((a) => a.seq === entry.seq);
    if (anchor && anchor.hash !== entry.hash) {
      report.problem = {
        kind: 'edited',
        file: entry.file,
        line: entry.line,
        message: `${at(entry)} (seq ${entry.seq}) is not the line anchored: its SHA-256 is ${entry.hash}, the anchor says ${anchor.hash} — the chain was rewritten from here or before`,
      };
      return report;
    }
    if (head && entry.seq === head.seq && entry.hash !== head.hash) {
      report.problem = {
        kind: 'edited',
        file: entry.file,
        line: entry.line,
        message: `${at(entry)} (seq ${entry.seq}) was edited: its SHA-256 differs from the one head.json records`,
      };
      return report;
    }
    report.firstTime ??= entry.time;
    report.lastTime = entry.time;
    prev2 = prev;
    prev = entry;
  }
  report.firstSeq = first?.seq ?? null;
  report.lastSeq = prev?.seq ?? null;
  if (first && first.seq !== 1) {
    const by = retentionStarts.get(`${first.seq}:${first.prev}`);
    if (by === undefined) {
      report.problem = {
        kind: 'missing-start',
        file: first.file,
        line: first.line,
        message: `the chain starts at seq ${first.seq} (${at(first)}), not 1, and no audit.retention event accounts for it: the lines or files before it were deleted`,
      };
      return report;
    }
    report.notes.push(
      `starts at seq ${first.seq} (${first.file}): the files before it were removed by retention (the audit.retention event at seq ${by}); its first prev ${first.prev} is where the kept chain begins`,
    );
  }
  const lastSeq = prev?.seq ?? 0;
  const beyond = anchors.find((a) => a.seq > lastSeq);
  if (beyond) {
    const last = prev ?? { file: files[files.length - 1]?.name ?? '(no file)', line: 0, seq: 0 };
    report.problem = {
      kind: 'truncated',
      file: last.file,
      line: last.line + 1,
      message: `the chain ends at seq ${lastSeq}, before the anchored seq ${beyond.seq}: lines were deleted from the end`,
    };
    return report;
  }
  for (const a of anchors)
    if (first && a.seq < first.seq)
      report.notes.push(`anchor seq ${a.seq} is before the kept chain (removed by retention)`);
  if (!head) report.notes.push('no head.json: lines removed from the end could not be seen');
  else if (head.seq > (prev?.seq ?? 0)) {
    const last = prev ?? { file: files[files.length - 1]?.name ?? '(no file)', line: 0, seq: 0 };
    report.problem = {
      kind: 'truncated',
      file: last.file,
      line: last.line + 1,
      message: `the chain ends at seq ${last.seq} (${at(last)}) but head.json records seq ${head.seq}: the last ${head.seq - last.seq} line(s) were deleted`,
    };
  } else if (head.seq < (prev?.seq ?? 0))
    report.notes.push(`head.json is ${(prev?.seq ?? 0) - head.seq} line(s) behind the files (written before a crash?)`);
  return report;
}

/** Every chain under an audit folder (or the one chain it is). */
export async function verifyTrail(auditDir: string, anchors: readonly Anchor[] = []): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const dir of chainDirs(auditDir)) reports.push(await verifyChain(dir, anchors));
  return reports;
}

export function describeReport(report: ChainReport): string {
  const where = path.basename(report.dir);
  if (report.problem) return `chain ${where}: FAILED — ${report.problem.message}`;
  const span =
    report.events > 0 ? `, seq ${report.firstSeq}–${report.lastSeq}, ${report.firstTime} to ${report.lastTime}` : '';
  return [
    `chain ${where}: OK — ${report.files} file(s), ${report.events} event(s)${span}`,
    ...report.notes.map((n) => `  note: ${n}`),
  ].join('\n');
}
