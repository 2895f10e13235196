/**
 * Statements that were running when the engine's process died, kept by fingerprint so the same
 * text is refused at once afterwards (403 unsafe_query) instead of taking the engine down again —
 * across restarts: the list is a JSON file in DATA_DIR.
 *
 * Only analysts' own statements are fingerprinted (the API's and the built-in library's are ours
 * and fixed). When one analyst statement was in flight it is the cause; when several were, each
 * gets a strike and a statement is refused from its second strike, so an innocent query that
 * happened to run beside a crashing one is not refused for that alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.ts';

export type UnsafeReason = 'crash' | 'memory';

interface Entry {
  reason: UnsafeReason;
  strikes: number;
  blocked: boolean;
  firstSeen: string;
  /** the first 200 characters, for whoever reads the file */
  sample: string;
}

export const UNSAFE_FILE = 'unsafe-statements.json';

/** Same statement, same fingerprint: white space and letter case of the text do not matter. */
export function fingerprint(query: string): string {
  return createHash('sha256').update(query.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

export class UnsafeStatements {
  private readonly file: string;
  private readonly entries: Map<string, Entry>;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, UNSAFE_FILE);
    this.entries = new Map(Object.entries(this.load()));
  }

  private load(): Record<string, Entry> {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Entry>;
    } catch {
      return {}; // a damaged list only forgets; the statements on it are tried (and caught) again
    }
  }

  /** Throws unsafe_query when the statement is on the list. */
  refuse(query: string): void {
    const entry = this.entries.get(fingerprint(query));
    if (!entry?.blocked) return;
    throw new AppError(
      'unsafe_query',
      entry.reason === 'memory'
        ? 'this statement made the graph engine run out of memory before, so it is refused: narrow it down (fewer rows, smaller lists)'
        : 'this statement crashed the graph engine before, so it is refused: rephrase it',
      { reason: entry.reason, since: entry.firstSeen },
    );
  }

  /** Records the analyst statements in flight when the engine died; returns those now refused. */
  record(queries: string[], reason: UnsafeReason): string[] {
    const distinct = [...new Set(queries.map((q) => q.replace(/\s+/g, ' ').trim()))];
    const blocked: string[] = [];
    for (const query of distinct) {
      const key = fingerprint(query);
      const entry = this.entries.get(key) ?? {
        reason,
        strikes: 0,
        blocked: false,
        firstSeen: new Date().toISOString(),
        sample: query.slice(0, 200),
      };
      entry.strikes += 1;
      entry.blocked = distinct.length === 1 || entry.strikes >= 2;
      this.entries.set(key, entry);
      if (entry.blocked) blocked.push(query);
    }
    if (distinct.length > 0) this.save();
    return blocked;
  }

  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.entries), null, 2), { flush: true });
      renameSync(temporary, this.file);
    } catch {
      // Kept in memory for this run even when the disk refuses: the refusal still holds until restart.
    }
  }
}
