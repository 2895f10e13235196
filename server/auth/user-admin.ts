/**
 * Changing accounts: add, change (role, clearance, raw Cypher, disabled, password), API tokens,
 * one-time links. The users API and `npm run user` both come through here, so the rules (no
 * duplicate names, never leave the server without an enabled admin, disabling ends sessions at
 * once) and the audit events are the same from either.
 */
import { AppError } from '../errors.ts';
import type { Actor, ActorVia, Role } from '../model/access.ts';
import type { UserView } from '../model/account.ts';
import type { AuditEventInput, AuditSink } from '../model/audit.ts';
import type { Tlp } from '../model/markings.ts';
import { userView, type Account } from './account-file.ts';
import type { AccountStore } from './account-store.ts';
import { hashPassword } from './passwords.ts';
import { digest, generatePassword, newApiToken, randomId } from './secrets.ts';
import type { SessionStore } from './session-store.ts';
import type { SignInLinks } from './sign-in-links.ts';

/** Who made a change, for the audit trail. */
export interface Who {
  user: string;
  role: Role | null;
  via: ActorVia | null;
  address: string | null;
}

export function whoOf(actor: Actor, address: string | null): Who {
  return { user: actor.name, role: actor.role, via: actor.via, address };
}

export interface NewAccount {
  name: string;
  role: Role;
  clearance: Tlp;
  rawCypher?: boolean;
  /** the password; `generate` makes one (returned once); `none` leaves the account without one (link or OIDC only) */
  password: string | 'generate' | 'none';
}

export interface AccountChange {
  role?: Role;
  clearance?: Tlp;
  rawCypher?: boolean;
  disabled?: boolean;
  password?: string;
}

export class UserAdmin {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: SessionStore,
    private readonly links: SignInLinks,
    private readonly audit: AuditSink,
    private readonly now: () => number = Date.now,
  ) {}

  list(): UserView[] {
    return this.accounts.all().map(userView);
  }

  get(name: string): UserView {
    const account = this.accounts.get(name);
    if (!account) throw noSuchAccount(name);
    return userView(account);
  }

  async add(input: NewAccount, by: Who): Promise<{ user: UserView; password?: string }> {
    const generated = input.password === 'generate' ? generatePassword() : undefined;
    const password = generated ?? (input.password === 'none' ? undefined : input.password);
    // hashed before the lock: argon2 is the slow part, and holds nothing
    const passwordHash = password === undefined ? null : await hashPassword(password);
    const account: Account = {
      name: input.name,
      role: input.role,
      clearance: input.clearance,
      rawCypher: input.rawCypher ?? false,
      disabled: false,
      passwordHash,
      createdAt: new Date(this.now()).toISOString(),
      tokens: [],
    };
    await this.accounts.update((accounts) => {
      if (accounts.some((a) => a.name === input.name))
        throw new AppError('conflict', `an account named ${input.name} already exists`, { name: input.name });
      accounts.push(account);
    });
    this.record(by, 'user.add', [input.name], {
      role: account.role,
      clearance: account.clearance,
      rawCypher: account.rawCypher,
      password: generated ? 'generated' : password === undefined ? 'none' : 'set',
    });
    return { user: userView(account), ...(generated && { password: generated }) };
  }

  async change(name: string, change: AccountChange, by: Who): Promise<UserView> {
    const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
    const { account, changes } = await this.accounts.update((accounts) => {
      const account = accounts.find((a) => a.name === name);
      if (!account) throw noSuchAccount(name);
      const hadAdmin = accounts.some(isEnabledAdmin);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['role', 'clearance', 'rawCypher', 'disabled'] as const) {
        const to = change[field];
        if (to !== undefined && to !== account[field]) {
          changes[field] = { from: account[field], to };
          Object.assign(account, { [field]: to });
        }
      }
      if (passwordHash !== undefined) {
        account.passwordHash = passwordHash;
        changes.password = { from: 'old', to: 'new' };
      }
      if (hadAdmin && !accounts.some(isEnabledAdmin))
        throw new AppError('conflict', 'this would leave no enabled admin account; add or enable another admin first', {
          name,
        });
      return { account: { ...account }, changes };
    });
    // the middleware already refuses a disabled account; removing its sessions tidies up after it
    // a password reset by an admin or the operator is often because the old one leaked: end what it opened
    if (changes.disabled?.to === true || changes.password) this.sessions.deleteForUser(name);
    if (Object.keys(changes).length > 0) this.record(by, 'user.change', [name], { changes });
    return userView(account);
  }

  /** A new API token for `name`: the token is returned once, only its SHA-256 is kept. */
  async createToken(name: string, label: string, by: Who): Promise<{ id: string; token: string }> {
    const token = newApiToken();
    const id = randomId();
    await this.accounts.update((accounts) => {
      const account = accounts.find((a) => a.name === name);
      if (!account) throw noSuchAccount(name);
      account.tokens.push({ id, hash: digest(token), label, createdAt: new Date(this.now()).toISOString() });
    });
    this.record(by, 'token.create', [name, id], { label });
    return { id, token };
  }

  async revokeToken(name: string, id: string, by: Who): Promise<void> {
    await this.accounts.update((accounts) => {
      const account = accounts.find((a) => a.name === name);
      if (!account) throw noSuchAccount(name);
      const before = account.tokens.length;
      account.tokens = account.tokens.filter((t) => t.id !== id);
      if (account.tokens.length === before) throw new AppError('not_found', `${name} has no token ${id}`, { name, id });
    });
    this.record(by, 'token.revoke', [name, id], {});
  }

  /** A one-time sign-in link token for `name` (LINK_HOURS). */
  createLink(name: string, by: Who): string {
    const account = this.accounts.get(name);
    if (!account) throw noSuchAccount(name);
    if (account.disabled) throw new AppError('conflict', `${name} is disabled; enable it first`, { name });
    const token = this.links.create(name);
    this.record(by, 'auth.link-create', [name], {});
    return token;
  }

  private record(by: Who, action: string, targets: string[], details: Record<string, unknown>): void {
    const event: AuditEventInput = { ...by, action, targets, outcome: 'ok', details };
    this.audit.record(event);
  }
}

const isEnabledAdmin = (a: Account) => a.role === 'admin' && !a.disabled;

export function noSuchAccount(name: string): AppError {
  return new AppError('not_found', `no account named ${name}`, { name });
}
