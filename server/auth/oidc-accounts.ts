/**
 * The scamnet account of an OpenID Provider's user: found by the provider's issuer and `sub`
 * (stable, unlike a username), created on the first sign-in, its role and clearance brought in
 * line with the provider's claims on every later one.
 *
 * Two rules keep the provider from doing what it must not: a disabled account stays disabled (an
 * admin here said no), and an account it did not create — a local one, or another subject's — is
 * never taken over because a username claim happens to match its name.
 */
import { createHash } from 'node:crypto';
import { ACCOUNT_NAME_PATTERN } from '../model/account.ts';
import type { Account } from './account-file.ts';
import type { AccountStore } from './account-store.ts';
import { OidcSignInError, type OidcIdentity } from './oidc.ts';

/** What a username claim (`J.Smith@Agency.gov`) becomes as an account name (`j.smith-agency.gov`), if anything. */
export function accountNameFrom(claim: string): string | undefined {
  const name = claim
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
  return ACCOUNT_NAME_PATTERN.test(name) ? name : undefined;
}

/** The name for a new account: the username, else the subject, else one made from the subject's hash. */
function nameFor(identity: OidcIdentity): string {
  return (
    accountNameFrom(identity.username) ??
    accountNameFrom(identity.subject) ??
    `oidc-${createHash('sha256').update(identity.subject).digest('hex').slice(0, 16)}`
  );
}

/**
 * Creates or updates the identity's account under the accounts lock and returns it. Throws
 * OidcSignInError `account_disabled` or `account_conflict`; nothing is written then.
 */
export async function upsertOidcAccount(accounts: AccountStore, identity: OidcIdentity, now: Date): Promise<Account> {
  return accounts.update((all) => {
    const linked = all.find((a) => a.oidc?.issuer === identity.issuer && a.oidc.subject === identity.subject);
    if (linked) {
      if (linked.disabled)
        throw new OidcSignInError(
          'account_disabled',
          `the scamnet account ${linked.name} is disabled; an administrator of scamnet can enable it again`,
          { account: linked.name },
        );
      linked.role = identity.role;
      linked.clearance = identity.clearance;
      return structuredClone(linked);
    }
    const name = nameFor(identity);
    if (all.some((a) => a.name === name))
      throw new OidcSignInError(
        'account_conflict',
        `a scamnet account named ${name} already exists and does not belong to this sign-in; an administrator of scamnet must rename or remove one of them`,
        { account: name },
      );
    const account: Account = {
      name,
      role: identity.role,
      clearance: identity.clearance,
      rawCypher: false,
      disabled: false,
      passwordHash: null,
      createdAt: now.toISOString(),
      tokens: [],
      oidc: { issuer: identity.issuer, subject: identity.subject },
    };
    all.push(account);
    return structuredClone(account);
  });
}
