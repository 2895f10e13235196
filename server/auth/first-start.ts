/**
 * Zero-setup start with accounts on: when AUTH_DIR holds no account, the server makes `admin`
 * (role admin, clearance RED, raw Cypher, no password) and a one-time sign-in link for it, as
 * Jupyter prints its token URL. Following the link signs the admin in; they then set a password
 * (POST /api/auth/password asks for no current one while the account has none), or the operator
 * does with `npm run user -- passwd admin`.
 */
import { AppError } from '../errors.ts';
import type { AuditSink } from '../model/audit.ts';
import { AccountStore } from './account-store.ts';
import { SessionStore } from './session-store.ts';
import { SignInLinks } from './sign-in-links.ts';
import { UserAdmin, type Who } from './user-admin.ts';

export const FIRST_ADMIN = 'admin';

/** Makes the first admin when there is no account; returns its link token, or undefined when accounts exist. */
export async function createFirstAdmin(dir: string, audit: AuditSink, by: Who): Promise<string | undefined> {
  const accounts = new AccountStore(dir);
  if (accounts.all().length > 0) return undefined;
  const links = new SignInLinks(dir);
  const admin = new UserAdmin(accounts, new SessionStore(dir, { idleMs: 1, maxMs: 1 }), links, audit);
  try {
    await admin.add({ name: FIRST_ADMIN, role: 'admin', clearance: 'RED', rawCypher: true, password: 'none' }, by);
  } catch (error) {
    // another server on the same AUTH_DIR made it first: that one prints the link
    if (error instanceof AppError && error.code === 'conflict') return undefined;
    throw error;
  }
  return admin.createLink(FIRST_ADMIN, by);
}

/** `http://<host>:<port>/api/auth/link?token=…`, with a wildcard bind written as localhost. */
export function linkUrl(host: string, port: number, token: string): string {
  const name = host === '0.0.0.0' || host === '::' || host === '[::]' ? 'localhost' : host;
  const shown = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  return `http://${shown}:${port}/api/auth/link?token=${encodeURIComponent(token)}`;
}
