/**
 * One-time sign-in links (`/api/auth/link?token=…`): printed on first start for the new admin,
 * and by `npm run user -- link <name>`. Each is a file under `<AUTH_DIR>/links/` named by the
 * SHA-256 of its token; using it renames the file away first, which only one process can do, so
 * a link signs in once even with several servers on one AUTH_DIR.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../files/durable-write.ts';
import { ensurePrivateDir } from './account-store.ts';
import { digest, randomSecret, SECRET_PATTERN } from './secrets.ts';

const LinkSchema = z.object({ user: z.string(), createdAt: z.string(), expiresAt: z.string() });

/** How long a link stays usable. */
export const LINK_HOURS = 24;

export class SignInLinks {
  readonly dir: string;

  constructor(
    private readonly authDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(authDir, 'links');
  }

  /** A new link token for `user`, valid LINK_HOURS. */
  create(user: string): string {
    const token = randomSecret();
    const now = this.now();
    const link = {
      user,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + LINK_HOURS * 3_600_000).toISOString(),
    };
    ensurePrivateDir(this.authDir);
    writeFileDurably(path.join(this.dir, `${digest(token)}.json`), JSON.stringify(link), 'the sign-in link');
    return token;
  }

  /** The user the link signs in, once; undefined for an unknown, used or expired token. */
  consume(token: string): string | undefined {
    if (!SECRET_PATTERN.test(token)) return undefined;
    const file = path.join(this.dir, `${digest(token)}.json`);
    const claimed = `${file}.used-${process.pid}-${randomSecret().slice(0, 8)}`;
    try {
      renameSync(file, claimed);
    } catch {
      return undefined;
    }
    try {
      const link = LinkSchema.safeParse(JSON.parse(readFileSync(claimed, 'utf8')));
      if (!link.success || this.now() >= Date.parse(link.data.expiresAt)) return undefined;
      return link.data.user;
    } catch {
      return undefined;
    } finally {
      rmSync(claimed, { force: true });
    }
  }
}
