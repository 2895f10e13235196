/**
 * A trail file's lines as their exact bytes. Not `readline`: it folds `\r\n` into a line end, so a
 * `\r` slipped in before a newline would change nothing it hashes, and an edit would go unseen.
 */
import { createReadStream } from 'node:fs';

export interface RawLine {
  /** the line's bytes, without the newline */
  bytes: Buffer;
  /** 1-based */
  lineNo: number;
  /** false for a last line with no newline after it (an interrupted write, or an edit) */
  complete: boolean;
}

const NEWLINE = 0x0a;

export async function* fileLines(file: string): AsyncGenerator<RawLine> {
  let rest: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
      yield { bytes: data.subarray(start, end), lineNo: ++lineNo, complete: true };
      start = end + 1;
    }
    rest = Buffer.from(data.subarray(start));
  }
  if (rest.length > 0) yield { bytes: rest, lineNo: lineNo + 1, complete: false };
}

/** A line's chain fields and event, or undefined when it is not a trail line. */
export function parseLine(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    if (!Number.isSafeInteger(record.seq) || (record.seq as number) < 1) return undefined;
    if (typeof record.prev !== 'string' || !/^[0-9a-f]{64}$/.test(record.prev)) return undefined;
    if (typeof record.time !== 'string' || typeof record.action !== 'string') return undefined;
    return record;
  } catch {
    return undefined;
  }
}
