/**
 * Authentication for one server: who a session cookie or an API token is, signing in and out,
 * one-time links, and the users' administration (user-admin.ts), all on the files in AUTH_DIR.
 *
 * Every request looks its account up afresh (the accounts file is re-read when it changes), so a
 * disabled account, a revoked token or a lowered clearance takes effect on the next request, in
 * every server sharing the AUTH_DIR.
 */
import { AppError } from '../errors.ts';
import { fullActor, type Actor } from '../model/access.ts';
import type { AuditEventInput, AuditSink } from '../model/audit.ts';
import { actorOfAccount } from './account-file.ts';
import { AccountStore } from './account-store.ts';
import { OperatorToken } from './operator-token.ts';
import { checkPassword, hashPassword, prepareDummyHash } from './passwords.ts';
import { API_TOKEN_PATTERN, digest } from './secrets.ts';
import { SessionStore, type Session } from './session-store.ts';
import { SignInLimiter } from './sign-in-limiter.ts';
import { SignInLinks } from './sign-in-links.ts';
import { UserAdmin, whoOf } from './user-admin.ts';

export interface AuthSettings {
  /** AUTH: `off` runs every request as one fully cleared actor (loopback only, config.ts) */
  mode: 'on' | 'off';
  /** AUTH_DIR */
  dir: string;
  /** SESSION_IDLE_MINUTES */
  sessionIdleMinutes: number;
  /** SESSION_MAX_HOURS */
  sessionMaxHours: number;
  /** SIGNIN_MAX_PER_ACCOUNT, SIGNIN_MAX_PER_ADDRESS (failed attempts per 15 minutes) */
  signInMaxPerAccount: number;
  signInMaxPerAddress: number;
  /** OIDC sign-in is configured (OIDC_ISSUER…): GET /api/auth/options says so */
  oidc?: boolean;
  /** the clock (tests move it to expire sessions) */
  now?: () => number;
}

/** The actor of every request when AUTH=off. */
export const AUTH_OFF_ACTOR: Actor = fullActor('local', 'auth-off');

/** A CLI on this machine with the operator token (operator-token.ts). */
export const OPERATOR_ACTOR: Actor = fullActor('operator', 'operator');

/** The same answer for every failed sign-in, so it tells nothing about which part was wrong. */
const SIGN_IN_REFUSED = 'the name or password is wrong, or the account is disabled';

/** Expired session files are swept at most this often (on a sign-in). */
const SWEEP_EVERY_MS = 3_600_000;

/** lastUsedAt of a token is written at most this often. */
const TOKEN_TOUCH_MS = 5 * 60_000;

export class Auth {
  readonly off: boolean;
  readonly oidc: boolean;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly links: SignInLinks;
  readonly users: UserAdmin;
  private readonly limiter: SignInLimiter;
  private readonly operatorToken: OperatorToken;
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(
    settings: AuthSettings,
    private readonly audit: AuditSink,
  ) {
    this.off = settings.mode === 'off';
    this.oidc = settings.oidc ?? false;
    this.now = settings.now ?? Date.now;
    this.accounts = new AccountStore(settings.dir);
    this.sessions = new SessionStore(
      settings.dir,
      { idleMs: settings.sessionIdleMinutes * 60_000, maxMs: settings.sessionMaxHours * 3_600_000 },
      this.now,
    );
    this.links = new SignInLinks(settings.dir, this.now);
    this.operatorToken = new OperatorToken(settings.dir);
    this.users = new UserAdmin(this.accounts, this.sessions, this.links, audit, this.now);
    this.limiter = new SignInLimiter({
      perAccount: settings.signInMaxPerAccount,
      perAddress: settings.signInMaxPerAddress,
    });
    if (!this.off) prepareDummyHash();
  }

  /** The actor of a live session whose account exists and is enabled. */
  actorOfSession(id: string): { actor: Actor; session: Session } | undefined {
    const session = this.sessions.resolve(id);
    if (!session) return undefined;
    const account = this.accounts.get(session.user);
    if (!account || account.disabled) return undefined;
    return { actor: actorOfAccount(account, session.via), session };
  }

  /** The actor of an API token (`snt_…`) of an enabled account; its lastUsedAt moves on (at most every 5 min). */
  actorOfToken(token: string): { actor: Actor; tokenId: string } | undefined {
    if (!API_TOKEN_PATTERN.test(token)) return undefined;
    if (this.operatorToken.matches(token)) return { actor: OPERATOR_ACTOR, tokenId: 'operator' };
    const found = this.accounts.findToken(digest(token));
    if (!found || found.account.disabled) return undefined;
    const { account, token: record } = found;
    const now = this.now();
    if (!record.lastUsedAt || now - Date.parse(record.lastUsedAt) >= TOKEN_TOUCH_MS) {
      // not awaited: the request does not wait on the lock; a failure only leaves lastUsedAt older
      this.accounts
        .update((accounts) => {
          const t = accounts.find((a) => a.name === account.name)?.tokens.find((x) => x.id === record.id);
          if (t) t.lastUsedAt = new Date(now).toISOString();
        })
        .catch(() => undefined);
    }
    return { actor: actorOfAccount(account, 'token'), tokenId: record.id };
  }

  /**
   * Checks a name and password (rate-limited per name and per address) and starts a new session.
   * Throws unauthenticated (one message for every cause) or rate_limited; records the attempt.
   */
  async signIn(name: string, password: string, address: string): Promise<{ actor: Actor; sessionId: string }> {
    try {
      await this.limiter.check(name, address);
    } catch (error) {
      this.record({ user: name, role: null, via: null, address }, 'auth.sign-in', [], 'denied', {
        reason: 'rate_limited',
      });
      throw error;
    }
    const account = this.accounts.get(name);
    // verified whatever the account: an unknown name costs one argon2 verification too
    const matches = await checkPassword(account?.passwordHash ?? null, password);
    if (!account || !matches || account.disabled) {
      await this.limiter.failed(name, address);
      this.record({ user: name, role: null, via: null, address }, 'auth.sign-in', [], 'failed', {
        reason: !account ? 'unknown account' : !matches ? 'wrong password' : 'disabled',
      });
      throw new AppError('unauthenticated', SIGN_IN_REFUSED);
    }
    await this.limiter.succeeded(name);
    this.sweepNowAndThen();
    const sessionId = this.sessions.create(account.name, 'session');
    const actor = actorOfAccount(account, 'session');
    this.record(whoOf(actor, address), 'auth.sign-in', [account.name], 'ok', {});
    return { actor, sessionId };
  }

  /** Uses a one-time link: a new session for its account. Throws unauthenticated for a used, expired or unknown one. */
  signInWithLink(token: string, address: string): { actor: Actor; sessionId: string } {
    const name = this.links.consume(token);
    const account = name === undefined ? undefined : this.accounts.get(name);
    if (!account || account.disabled) {
      this.record({ user: name ?? 'anonymous', role: null, via: null, address }, 'auth.sign-in', [], 'failed', {
        method: 'link',
      });
      throw new AppError('unauthenticated', 'this sign-in link was already used, has expired, or is not one of ours');
    }
    const sessionId = this.sessions.create(account.name, 'session');
    const actor = actorOfAccount(account, 'session');
    this.record(whoOf(actor, address), 'auth.sign-in', [account.name], 'ok', { method: 'link' });
    return { actor, sessionId };
  }

  /**
   * A new session for an account another proof of identity vouched for (OIDC): the account must
   * exist and be enabled. The caller records its own sign-in event.
   */
  startSession(name: string, via: Session['via']): { actor: Actor; sessionId: string } {
    const account = this.accounts.get(name);
    if (!account || account.disabled) throw new AppError('unauthenticated', SIGN_IN_REFUSED);
    return { actor: actorOfAccount(account, via), sessionId: this.sessions.create(account.name, via) };
  }

  /** Ends a session (idempotent). */
  signOut(sessionId: string, actor: Actor | undefined, address: string): void {
    this.sessions.delete(sessionId);
    if (actor) this.record(whoOf(actor, address), 'auth.sign-out', [actor.name], 'ok', {});
  }

  /**
   * An account changing its own password: the current one is checked (rate-limited like sign-in;
   * not asked for while the account has none, as the first admin after its link), and every
   * other session of the account ends.
   */
  async changeOwnPassword(
    actor: Actor,
    currentSession: string | undefined,
    current: string | undefined,
    next: string,
    address: string,
  ): Promise<void> {
    const account = this.accounts.get(actor.name);
    if (!account) throw new AppError('bad_request', `${actor.name} is not a local account with a password`);
    await this.limiter.check(actor.name, address);
    if (account.passwordHash !== null && !(await checkPassword(account.passwordHash, current ?? ''))) {
      await this.limiter.failed(actor.name, address);
      this.record(whoOf(actor, address), 'user.change', [actor.name], 'failed', { password: 'wrong current password' });
      throw new AppError('unauthenticated', 'the current password is wrong');
    }
    const passwordHash = await hashPassword(next);
    await this.accounts.update((accounts) => {
      const a = accounts.find((x) => x.name === actor.name);
      if (a) a.passwordHash = passwordHash;
    });
    this.sessions.deleteForUser(actor.name, currentSession);
    this.record(whoOf(actor, address), 'user.change', [actor.name], 'ok', { changes: { password: 'own' } });
  }

  /** Removes the files of sessions nobody came back to (they are refused when used anyway). */
  private sweepNowAndThen(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    try {
      this.sessions.sweep();
    } catch {
      // tidying only: a sign-in never fails for it
    }
  }

  /** Records that a request was made with an API token. */
  tokenUsed(actor: Actor, tokenId: string, address: string, request: { method: string; path: string }): void {
    this.record(whoOf(actor, address), 'auth.token-used', [actor.name, tokenId], 'ok', request);
  }

  /** Records a request with a token that is not valid (unknown, revoked, of a disabled account). */
  tokenRefused(address: string, request: { method: string; path: string }): void {
    this.record({ user: 'anonymous', role: null, via: 'token', address }, 'auth.token-used', [], 'failed', request);
  }

  private record(
    who: Pick<AuditEventInput, 'user' | 'role' | 'via' | 'address'>,
    action: string,
    targets: string[],
    outcome: AuditEventInput['outcome'],
    details: Record<string, unknown>,
  ): void {
    this.audit.record({ ...who, action, targets, outcome, details });
  }
}
