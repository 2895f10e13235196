/**
 * The accounts file (`<AUTH_DIR>/accounts.json`), shared by every server and CLI on one AUTH_DIR.
 *
 * - Reads are cached and re-read when the file's identity changes (inode, size, mtime: one
 *   `stat` per request), so an account disabled by the CLI or another server is disabled here on
 *   the next request.
 * - Changes take a lock (proper-lockfile: a `accounts.json.lock` directory, made atomically, with
 *   stale-lock recovery), re-read the file under it, apply the change and write it durably (temp
 *   file, fsync, rename), so two processes changing accounts at once never lose either change.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors.ts';
import { writeError, writeFileDurably } from '../files/durable-write.ts';
import { AccountsFileSchema, type Account, type TokenRecord } from './account-file.ts';

const FILE = 'accounts.json';

/** Makes AUTH_DIR readable by this OS user only (when it makes it: a shared one is the admin's to set up). */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw writeError(error, 'the accounts directory');
  }
}

export class AccountStore {
  readonly file: string;
  private cached: { stamp: string; accounts: Account[] } | undefined;

  constructor(readonly dir: string) {
    this.file = path.join(dir, FILE);
  }

  /** Every account, as the file says now. */
  all(): Account[] {
    const stamp = this.stamp();
    if (this.cached?.stamp !== stamp) this.cached = { stamp, accounts: stamp === 'missing' ? [] : this.read() };
    return this.cached.accounts;
  }

  get(name: string): Account | undefined {
    return this.all().find((a) => a.name === name);
  }

  /** The account and token whose hash is `hash` (hex SHA-256), compared in constant time. */
  findToken(hash: string): { account: Account; token: TokenRecord } | undefined {
    const wanted = Buffer.from(hash, 'hex');
    let found: { account: Account; token: TokenRecord } | undefined;
    // every token is compared, found or not, so the time taken says nothing about which matched
    for (const account of this.all())
      for (const token of account.tokens) {
        const stored = Buffer.from(token.hash, 'hex');
        if (stored.length === wanted.length && timingSafeEqual(stored, wanted) && !found) found = { account, token };
      }
    return found;
  }

  /**
   * Changes the accounts under the lock: `change` gets a fresh copy read under it, edits it in
   * place (or throws, and nothing is written) and returns what the caller wants back.
   */
  async update<T>(change: (accounts: Account[]) => T): Promise<T> {
    ensurePrivateDir(this.dir);
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.file, {
        realpath: false,
        stale: 10_000,
        retries: { retries: 100, minTimeout: 5, maxTimeout: 100 },
        // another process took a lock it thought stale: the write below is still atomic, so
        // the worst case is one lost change, which is what the lock guards against; say so
        onCompromised: (error) => console.error(`scamnet: the accounts lock was lost: ${error.message}`),
      });
    } catch {
      throw new AppError('internal', 'the accounts file is locked by another process; try again');
    }
    try {
      const stamp = this.stamp();
      const accounts = stamp === 'missing' ? [] : this.read();
      const result = change(accounts);
      const body = JSON.stringify(AccountsFileSchema.parse({ version: 1, accounts }), null, 2) + '\n';
      writeFileDurably(this.file, body, 'the accounts file');
      this.cached = undefined;
      return result;
    } finally {
      await release();
    }
  }

  private stamp(): string {
    try {
      const s = statSync(this.file, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw new AppError('internal', 'cannot read the accounts file');
    }
  }

  private read(): Account[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('internal', 'cannot read the accounts file');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = AccountsFileSchema.safeParse(json);
    // fail closed: a damaged file signs nobody in, and says so, rather than guessing
    if (!parsed.success) throw new AppError('internal', 'the accounts file is damaged; restore it from a backup');
    return parsed.data.accounts;
  }
}
