/**
 * The hash chain and the file layout of the audit trail, shared by the writer (audit-log.ts), the
 * reader (read-trail.ts) and the verifier (verify.ts).
 *
 * One chain is one folder, `AUDIT_DIR/<chain>/`, written by one server: files named
 * `audit-<first seq, 12 digits>-<UTC day>.jsonl`, one event per line, and `head.json`, the seq and
 * hash of the newest line. Every line is `{"seq":…,"prev":…,…event}` where `prev` is the SHA-256
 * (hex) of the previous line's bytes (without its newline) — of GENESIS for the very first line —
 * and `seq` counts lines from 1. The chain runs on across files: a new file's first line carries
 * the hash of the previous file's last line.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AuditEvent } from '../model/audit.ts';

/** What the first line of a chain hashes in place of a previous line. */
export const GENESIS = 'scamnet audit trail v1';

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

export const GENESIS_HASH = sha256(GENESIS);

/** One line as written: the chain fields first, then the event. */
export type ChainLine = { seq: number; prev: string } & AuditEvent;

export const HEAD_FILE = 'head.json';
export const LOCK_FILE = 'writer.lock';

export interface Head {
  seq: number;
  hash: string;
  file: string;
  time: string;
}

const FILE_NAME = /^audit-(\d{12})-(\d{4}-\d{2}-\d{2})\.jsonl$/;

export interface TrailFile {
  name: string;
  path: string;
  /** the seq its first line should carry */
  firstSeq: number;
  /** the UTC day (YYYY-MM-DD) every event in it belongs to */
  day: string;
}

export function fileName(firstSeq: number, day: string): string {
  return `audit-${String(firstSeq).padStart(12, '0')}-${day}.jsonl`;
}

/** The UTC day of an ISO time or a date. */
export const dayOf = (time: string | Date): string =>
  (typeof time === 'string' ? time : time.toISOString()).slice(0, 10);

/** A chain's files, oldest first (by the first seq in the name). */
export function chainFiles(chainDir: string): TrailFile[] {
  let names: string[];
  try {
    names = readdirSync(chainDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: TrailFile[] = [];
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (match) files.push({ name, path: path.join(chainDir, name), firstSeq: Number(match[1]), day: String(match[2]) });
  }
  return files.sort((a, b) => a.firstSeq - b.firstSeq || (a.name < b.name ? -1 : 1));
}

/**
 * The chains under an audit folder: each sub-folder holding trail files, or the folder itself when
 * it holds them (`--dir` naming one chain).
 */
export function chainDirs(auditDir: string): string[] {
  if (chainFiles(auditDir).length > 0) return [auditDir];
  let names: string[];
  try {
    names = readdirSync(auditDir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => path.join(auditDir, name))
    .filter((dir) => statSync(dir).isDirectory() && chainFiles(dir).length > 0);
}

/** A chain's name, from its folder. */
export const chainName = (chainDir: string): string => path.basename(chainDir);

/** A folder name made of what a host name and port give: letters, digits, `.`, `_`, `-`. */
export function safeChainName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '_');
  return clean.slice(0, 100) || 'server';
}
