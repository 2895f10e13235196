/**
 * The machine's operator, for the CLIs that ask a running server (query, export, import, backup
 * while the server holds the embedded store): the server keeps a random token in
 * `<AUTH_DIR>/operator.token` (mode 0600), and a CLI that can read it sends it as
 * `Authorization: Bearer …`, running as the fully cleared `operator` (via `operator`). Reading
 * AUTH_DIR already lets one rewrite the accounts, so the file grants nothing its reader lacks.
 * A CLI run elsewhere uses a named account's token instead (SCAMNET_TOKEN).
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { writeFileDurably } from '../files/durable-write.ts';
import { ensurePrivateDir } from './account-store.ts';
import { API_TOKEN_PATTERN, newApiToken } from './secrets.ts';

export const OPERATOR_TOKEN_FILE = 'operator.token';

export function operatorTokenFile(dir: string): string {
  return path.join(dir, OPERATOR_TOKEN_FILE);
}

/** The operator token, made (0600) when there is none. */
export function ensureOperatorToken(dir: string): string {
  const existing = readOperatorToken(dir);
  if (existing) return existing;
  ensurePrivateDir(dir);
  const token = newApiToken();
  writeFileDurably(operatorTokenFile(dir), `${token}\n`, 'the operator token');
  // written through a temp file, so the mode is set on the result (AUTH_DIR itself is 0700)
  chmodSync(operatorTokenFile(dir), 0o600);
  return token;
}

/** The operator token in `dir`, or undefined when there is none (or it cannot be read). */
export function readOperatorToken(dir: string): string | undefined {
  try {
    const token = readFileSync(operatorTokenFile(dir), 'utf8').trim();
    return API_TOKEN_PATTERN.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Checks tokens against the file, re-read only when it changes. */
export class OperatorToken {
  private cached: { stamp: string; token: Buffer | undefined } | undefined;

  constructor(private readonly dir: string) {}

  matches(token: string): boolean {
    const current = this.current();
    const given = Buffer.from(token);
    return current !== undefined && current.length === given.length && timingSafeEqual(current, given);
  }

  private current(): Buffer | undefined {
    let stamp: string;
    try {
      const s = statSync(operatorTokenFile(this.dir), { bigint: true });
      stamp = `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch {
      return undefined;
    }
    if (this.cached?.stamp !== stamp) {
      const token = readOperatorToken(this.dir);
      this.cached = { stamp, token: token === undefined ? undefined : Buffer.from(token) };
    }
    return this.cached.token;
  }
}
