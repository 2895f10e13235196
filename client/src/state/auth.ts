/**
 * Who is signed in, as the server says: the gate in front of the app. On load it asks
 * GET /api/auth/me; a 401 there means the sign-in page, and a 401 to any later call means the
 * session ended (signed out elsewhere, expired, the account disabled), so back to the sign-in page
 * with that said. A plain module with `subscribe`, tested in node against a fake of its four calls.
 */
import { ApiError, type AuthOptions, type Me } from '../api/client.ts';

export type AuthState =
  | { kind: 'loading' }
  /** the server could not be asked (down, or an answer that is not the API's) */
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-out'; options: AuthOptions; reason: string | null }
  | { kind: 'signed-in'; me: Me; options: AuthOptions };

export interface AuthApi {
  authOptions(): Promise<AuthOptions>;
  me(): Promise<Me>;
  signIn(name: string, password: string): Promise<unknown>;
  signOut(): Promise<unknown>;
}

const NO_OPTIONS: AuthOptions = { local: true, oidc: false, authOff: false };
const NO_ACCOUNTS: Me = {
  actor: { name: 'anonymous', role: 'admin', clearance: 'RED', rawCypher: true, via: 'auth-off' },
  permissions: [],
  authOff: true,
};
export const SESSION_ENDED = 'Your session ended. Sign in again to go on.';

export class AuthSession {
  private state: AuthState = { kind: 'loading' };
  private options: AuthOptions = NO_OPTIONS;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: AuthApi) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AuthState => this.state;

  /** Asks the server who this browser is; signed out on a 401. */
  load = async (reason: string | null = null): Promise<void> => {
    try {
      this.options = await this.api.authOptions();
    } catch (error) {
      // an older server without the route has no sign-in at all; anything else is reported below
      if (!(error instanceof ApiError && error.status === 404)) return this.unreachable(error);
    }
    try {
      const me = await this.api.me();
      this.set({ kind: 'signed-in', me, options: { ...this.options, authOff: me.authOff || this.options.authOff } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        this.set({ kind: 'signed-out', options: this.options, reason });
      // a server from before accounts has no /api/auth: everyone is everything there, as under AUTH=off
      else if (error instanceof ApiError && error.status === 404)
        this.set({ kind: 'signed-in', me: NO_ACCOUNTS, options: { ...this.options, authOff: true } });
      else this.unreachable(error);
    }
  };

  /** Signs in; a refusal is thrown to the form, which words it (wrong password, too many tries). */
  signIn = async (name: string, password: string): Promise<void> => {
    await this.api.signIn(name, password);
    await this.load();
  };

  signOut = async (): Promise<void> => {
    try {
      await this.api.signOut();
    } finally {
      // even if the answer was lost, this page forgets the account; the cookie is the server's to clear
      this.set({ kind: 'signed-out', options: this.options, reason: null });
    }
  };

  /** A call answered 401 while signed in. */
  ended = (): void => {
    if (this.state.kind === 'signed-in') this.set({ kind: 'signed-out', options: this.options, reason: SESSION_ENDED });
  };

  private unreachable(error: unknown): void {
    this.set({ kind: 'unreachable', message: error instanceof Error ? error.message : String(error) });
  }

  private set(state: AuthState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** Words for a refused sign-in: the server's message, and for 429 when to try again. */
export function signInError(error: unknown, now: Date = new Date()): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 401) return 'Wrong name or password (or the account is disabled).';
  if (error.status === 429) {
    const seconds = error.retryAfter ?? retryFromDetails(error.details);
    if (seconds === null) return 'Too many sign-in attempts. Wait a while, then try again.';
    const at = new Date(now.getTime() + seconds * 1000);
    return `Too many sign-in attempts. Try again in ${waitText(seconds)} (at ${at.toLocaleTimeString()}).`;
  }
  return error.message;
}

function retryFromDetails(details: unknown): number | null {
  const d = details as { retryAfterSeconds?: unknown; retryAfter?: unknown } | null | undefined;
  const value = Number(d?.retryAfterSeconds ?? d?.retryAfter);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
