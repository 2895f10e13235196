/**
 * The sign-in gate's state without a browser (a fake of its four calls), the words for a refused
 * sign-in, the reasons a control is off, and how a 403 reads in a notice.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, type AuthOptions, type Me } from '../src/api/client.ts';
import { AuthSession, SESSION_ENDED, signInError, type AuthApi } from '../src/state/auth.ts';
import { deniedReason } from '../src/core/access/denied.ts';
import { errorText } from '../src/state/notices.ts';
import type { Actor } from '../../server/model/access.ts';

const viewer: Actor = { name: 'vera', role: 'viewer', clearance: 'GREEN', rawCypher: false, via: 'session' };
const options: AuthOptions = { local: true, oidc: false, authOff: false };
const unauthenticated = () => new ApiError('unauthenticated', 'sign in', 401);

/** A server with one account, vera/secret: `me` answers 401 until signed in. */
function fakeServer(): AuthApi & { signedIn: boolean } {
  const fake = {
    signedIn: false,
    authOptions: () => Promise.resolve(options),
    me: (): Promise<Me> =>
      fake.signedIn
        ? Promise.resolve({ actor: viewer, permissions: [], authOff: false })
        : Promise.reject(unauthenticated()),
    signIn: (name: string, password: string) => {
      if (name !== 'vera' || password !== 'secret') return Promise.reject(unauthenticated());
      fake.signedIn = true;
      return Promise.resolve({});
    },
    signOut: () => {
      fake.signedIn = false;
      return Promise.resolve(null);
    },
  };
  return fake;
}

describe('the sign-in gate', () => {
  it('shows sign-in, then the account, then sign-in again after sign-out', async () => {
    const server = fakeServer();
    const auth = new AuthSession(server);
    const seen: string[] = [];
    auth.subscribe(() => seen.push(auth.getSnapshot().kind));
    expect(auth.getSnapshot().kind).toBe('loading');
    await auth.load();
    expect(auth.getSnapshot()).toEqual({ kind: 'signed-out', options, reason: null });
    await expect(auth.signIn('vera', 'wrong')).rejects.toThrow(ApiError);
    expect(auth.getSnapshot().kind).toBe('signed-out');
    await auth.signIn('vera', 'secret');
    const state = auth.getSnapshot();
    expect(state.kind === 'signed-in' && state.me.actor.name).toBe('vera');
    await auth.signOut();
    expect(auth.getSnapshot()).toEqual({ kind: 'signed-out', options, reason: null });
    expect(server.signedIn).toBe(false);
    expect(seen).toEqual(['signed-out', 'signed-in', 'signed-out']);
  });

  it('says the session ended when a call is refused mid-session, and only then', async () => {
    const server = fakeServer();
    const auth = new AuthSession(server);
    await auth.load();
    auth.ended();
    expect(auth.getSnapshot()).toEqual({ kind: 'signed-out', options, reason: null });
    await auth.signIn('vera', 'secret');
    auth.ended();
    expect(auth.getSnapshot()).toEqual({ kind: 'signed-out', options, reason: SESSION_ENDED });
  });

  it('runs as everyone, saying sign-in is off, on a server without accounts (404)', async () => {
    const auth = new AuthSession({
      ...fakeServer(),
      authOptions: () => Promise.reject(new ApiError('not_found', 'no', 404)),
      me: () => Promise.reject(new ApiError('not_found', 'no', 404)),
    });
    await auth.load();
    const state = auth.getSnapshot();
    expect(state.kind).toBe('signed-in');
    expect(state.kind === 'signed-in' && state.options.authOff).toBe(true);
  });

  it('reports an unreachable server rather than asking for a password', async () => {
    const auth = new AuthSession({ ...fakeServer(), me: () => Promise.reject(new ApiError('network', 'down', 0)) });
    await auth.load();
    expect(auth.getSnapshot()).toEqual({ kind: 'unreachable', message: 'down' });
  });
});

describe('words for a refused sign-in', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('one message for a wrong name, a wrong password and a disabled account', () => {
    expect(signInError(unauthenticated(), now)).toBe('Wrong name or password (or the account is disabled).');
  });
  it('too many attempts, with when to try again from Retry-After or the details', () => {
    expect(signInError(new ApiError('rate_limited', 'slow down', 429, null, 30), now)).toMatch(
      /^Too many sign-in attempts\. Try again in 30 seconds \(at .+\)\.$/,
    );
    expect(signInError(new ApiError('rate_limited', 'slow down', 429, { retryAfterSeconds: 600 }), now)).toContain(
      'in 10 minutes',
    );
    expect(signInError(new ApiError('rate_limited', 'slow down', 429), now)).toBe(
      'Too many sign-in attempts. Wait a while, then try again.',
    );
  });
});

describe('denied controls and 403s', () => {
  it('names the permission the role lacks, and none it has', () => {
    expect(deniedReason(viewer, 'graph:read')).toBeNull();
    expect(deniedReason(viewer, 'workspaces:write')).toBe(
      'Needs the workspaces:write permission (your role, viewer, does not have it)',
    );
    expect(deniedReason(viewer, 'cypher:raw')).toContain('cypher:raw');
    const analyst: Actor = { ...viewer, role: 'analyst' };
    expect(deniedReason(analyst, 'import')).toBeNull();
    expect(deniedReason(analyst, 'cypher:raw')).toContain('an admin grants per account');
    expect(deniedReason({ ...analyst, rawCypher: true }, 'cypher:raw')).toBeNull();
  });

  it('a 403 notice says not allowed and names the permission', () => {
    const isApi = (e: unknown): e is ApiError => e instanceof ApiError;
    const refusal = new ApiError('forbidden', 'this needs the import permission, which vera lacks', 403, {
      permission: 'import',
    });
    expect(errorText(refusal, isApi)).toBe('Not allowed: this needs the import permission, which vera lacks');
    expect(errorText(new ApiError('forbidden', 'clearance too low', 403, { permission: 'cypher:raw' }), isApi)).toBe(
      'Not allowed: clearance too low (needs cypher:raw)',
    );
    expect(errorText(new ApiError('not_found', 'no such node', 404), isApi)).toBe('no such node (not_found)');
  });
});
