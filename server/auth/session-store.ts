/**
 * Server-side sessions: one small JSON file per session under `<AUTH_DIR>/sessions/`, named by
 * the SHA-256 of the random session id (the cookie's value), never by the id itself. Any server
 * on the same AUTH_DIR sees a session begin and end at once; deleting the file ends it.
 *
 * A session ends SESSION_IDLE_MINUTES after its last request or SESSION_MAX_HOURS after sign-in,
 * whichever comes first. `lastSeenAt` is written at most once a minute, so a busy client does not
 * turn every request into a disk write.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { removeStrayTemps, writeFileDurably } from '../files/durable-write.ts';
import { ensurePrivateDir } from './account-store.ts';
import { digest, randomSecret, SECRET_PATTERN } from './secrets.ts';

const SessionSchema = z.object({
  user: z.string(),
  via: z.enum(['session', 'oidc']),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** createdAt + SESSION_MAX_HOURS */
  expiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

const TOUCH_EVERY_MS = 60_000;

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export class SessionStore {
  readonly dir: string;

  constructor(
    private readonly authDir: string,
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(authDir, 'sessions');
  }

  /** Starts a session for `user`; returns the new random id (the cookie's value), shown nowhere else. */
  create(user: string, via: Session['via']): string {
    const id = randomSecret();
    const now = this.now();
    const session: Session = {
      user,
      via,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.limits.maxMs).toISOString(),
    };
    ensurePrivateDir(this.authDir);
    writeFileDurably(this.fileOf(id), JSON.stringify(session), 'the session');
    return id;
  }

  /** The live session with this id, its lastSeenAt moved on; undefined (and the file removed) once it has expired. */
  resolve(id: string): Session | undefined {
    if (!SECRET_PATTERN.test(id)) return undefined;
    const file = this.fileOf(id);
    const session = readSession(file);
    if (!session) return undefined;
    const now = this.now();
    if (this.expired(session, now)) {
      rmSync(file, { force: true });
      return undefined;
    }
    if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      const touched = { ...session, lastSeenAt: new Date(now).toISOString() };
      try {
        writeFileDurably(file, JSON.stringify(touched), 'the session');
      } catch {
        // a full disk must not sign people out: the session stays valid until its older lastSeenAt runs out
      }
      return touched;
    }
    return session;
  }

  delete(id: string): void {
    if (SECRET_PATTERN.test(id)) rmSync(this.fileOf(id), { force: true });
  }

  /** Ends every session of `user` (but `keep`, the caller's own, when given). */
  deleteForUser(user: string, keep?: string): number {
    const kept = keep && SECRET_PATTERN.test(keep) ? `${digest(keep)}.json` : undefined;
    let ended = 0;
    for (const name of this.files()) {
      if (name === kept) continue;
      const file = path.join(this.dir, name);
      if (readSession(file)?.user === user) {
        rmSync(file, { force: true });
        ended++;
      }
    }
    return ended;
  }

  /** Removes expired sessions and stray temp files. */
  sweep(): void {
    removeStrayTemps(this.dir);
    const now = this.now();
    for (const name of this.files()) {
      const file = path.join(this.dir, name);
      const session = readSession(file);
      if (!session || this.expired(session, now)) rmSync(file, { force: true });
    }
  }

  private expired(session: Session, now: number): boolean {
    return now >= Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) >= this.limits.idleMs;
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${digest(id)}.json`);
  }

  private files(): string[] {
    try {
      return readdirSync(this.dir).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
    } catch {
      return [];
    }
  }
}

function readSession(file: string): Session | undefined {
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
