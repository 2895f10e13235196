/**
 * Real audit trails in temp dirs for the audit suites: a trail with a clock the test moves, its
 * chain's files, and copies of a chain to tamper with.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditTrail } from '../../server/audit/audit-log.ts';
import { chainFiles } from '../../server/audit/chain.ts';
import type { AuditEventInput } from '../../server/model/audit.ts';

export const tempDir = (prefix = 'scamnet-audit-'): string => mkdtempSync(path.join(tmpdir(), prefix));

/** A logger that keeps what was logged, so a test can see the loud part. */
export function memoryLogger() {
  const lines: { level: string; msg: string; obj: unknown }[] = [];
  const at =
    (level: string) =>
    (obj: unknown, msg?: string): void => {
      lines.push({ level, msg: typeof obj === 'string' ? obj : (msg ?? ''), obj });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
}
export function testClock(iso: string): TestClock {
  let current = new Date(iso);
  return { now: () => current, set: (next) => (current = new Date(next)) };
}

export const CHAIN = 'test-server';

export function openTrail(
  dir: string,
  options: {
    clock?: TestClock;
    rotateBytes?: number;
    retentionDays?: number;
    logger?: ReturnType<typeof memoryLogger>;
  } = {},
): Promise<AuditTrail> {
  return AuditTrail.open({
    dir,
    chain: CHAIN,
    rotateBytes: options.rotateBytes ?? 64_000_000,
    retentionDays: options.retentionDays ?? 365,
    logger: options.logger ?? memoryLogger(),
    ...(options.clock && { now: options.clock.now }),
  });
}

export const event = (n: number, extra: Partial<AuditEventInput> = {}): AuditEventInput => ({
  user: 'alice',
  role: 'analyst',
  via: 'session',
  address: '127.0.0.1',
  action: 'graph.search',
  targets: [`centre:c${n}`],
  outcome: 'ok',
  details: { terms: `term ${n}`, n },
  ...extra,
});

export const chainDir = (dir: string): string => path.join(dir, CHAIN);

/** A copy of a whole audit dir, to tamper with. */
export function copyOf(dir: string): string {
  const copy = tempDir('scamnet-audit-copy-');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** The lines of a chain file (without the final newline's empty string). */
export function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').slice(0, -1);
}
export function writeLines(file: string, lines: string[]): void {
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
}

export const filesOf = (dir: string) => chainFiles(chainDir(dir));

export function removeAll(dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

export const tornFiles = (dir: string) => readdirSync(chainDir(dir)).filter((n) => n.includes('.torn-'));
