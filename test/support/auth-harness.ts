/**
 * The real app with accounts on (AUTH=on) over a real store, for the auth suites: its AUTH_DIR in
 * the harness's temp data dir, a clock the test can move (session expiry), the audit events it
 * records, and an operator's view of the same AUTH_DIR (what `npm run user` does: another
 * process's UserAdmin on the same files) to make accounts with.
 */
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { AccountStore } from '../../server/auth/account-store.ts';
import type { AuthSettings } from '../../server/auth/auth.ts';
import { SessionStore } from '../../server/auth/session-store.ts';
import { SignInLinks } from '../../server/auth/sign-in-links.ts';
import { UserAdmin, type Who } from '../../server/auth/user-admin.ts';
import type { Role } from '../../server/model/access.ts';
import type { AuditEventInput } from '../../server/model/audit.ts';
import type { Tlp } from '../../server/model/markings.ts';
import type { GraphBatch } from '../../server/model/schema.ts';
import { appFor, startHarness, type Harness } from './app-harness.ts';

export const OPERATOR: Who = { user: 'test-operator', role: null, via: 'operator', address: null };
export const PASSWORD = 'correct horse battery staple';

export interface AuthHarness extends Harness {
  authDir: string;
  events: AuditEventInput[];
  /** the clock the app reads; move `clock.now` to expire sessions */
  clock: { now: number };
  /** the operator's tools on the same AUTH_DIR, as a CLI in another process has them */
  operator: UserAdmin;
  /** another server on the same store and AUTH_DIR (several API servers in front of one graph) */
  another(options?: { trustProxy?: string }): Express;
}

export async function startAuthHarness(batch?: GraphBatch, settings: Partial<AuthSettings> = {}): Promise<AuthHarness> {
  // the trail in memory: its events are what the app recorded, stamped
  const audit = new MemoryAudit();
  const events: AuditEventInput[] = audit.events;
  const clock = { now: Date.now() };
  let authDir = '';
  const auth = (dir: string): AuthSettings => ({
    mode: 'on',
    dir,
    sessionIdleMinutes: 60,
    sessionMaxHours: 12,
    signInMaxPerAccount: 5,
    signInMaxPerAddress: 20,
    now: () => clock.now,
    ...settings,
  });
  // the data dir is made by the harness, so the app is made again on it once it is known
  const h = await startHarness(batch);
  authDir = path.join(h.dataDir, 'auth');
  const make = (options: { trustProxy?: string } = {}) =>
    appFor(h.store, h.dataDir, { auth: auth(authDir), audit, ...options });
  const app = make();
  const operator = new UserAdmin(
    new AccountStore(authDir),
    new SessionStore(authDir, { idleMs: 3_600_000, maxMs: 12 * 3_600_000 }),
    new SignInLinks(authDir),
    { record: () => {} },
  );
  return { ...h, app, authDir, events, clock, operator, another: make };
}

/** Makes an account with PASSWORD. */
export async function addUser(
  h: AuthHarness,
  name: string,
  role: Role,
  clearance: Tlp = 'RED',
  extra: { rawCypher?: boolean } = {},
): Promise<void> {
  await h.operator.add({ name, role, clearance, password: PASSWORD, ...extra }, OPERATOR);
}

/** The `scamnet_session=…` pair from a response's Set-Cookie, for the next request's Cookie header. */
export function sessionCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = cookies.find((c) => c.startsWith('scamnet_session='));
  expect(line, 'a scamnet_session cookie is set').toBeDefined();
  return line!.split(';')[0]!;
}

/** Signs in and returns the Cookie header value. */
export async function signIn(app: Express, name: string, password = PASSWORD): Promise<string> {
  const res = await request(app).post('/api/auth/sign-in').send({ name, password }).expect(200);
  return sessionCookie(res);
}
