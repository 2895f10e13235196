/**
 * The stored account record: one JSON file (`<AUTH_DIR>/accounts.json`) holding every account,
 * its argon2id password hash and the SHA-256 of each API token. Kept outside the graph store so
 * that no Cypher an analyst writes can reach it.
 */
import { z } from 'zod';
import { AccountNameSchema, ClearanceSchema, RoleSchema, type UserView } from '../model/account.ts';
import type { Actor } from '../model/access.ts';

export const TokenRecordSchema = z.object({
  /** a short random id, shown in lists and used to revoke; not a secret */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  /** hex SHA-256 of the whole token (`snt_…`): the token itself is shown once and never stored */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  label: z.string().max(200),
  createdAt: z.string(),
  lastUsedAt: z.string().optional(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

export const AccountSchema = z.object({
  name: AccountNameSchema,
  role: RoleSchema,
  clearance: ClearanceSchema,
  rawCypher: z.boolean(),
  disabled: z.boolean(),
  /** argon2id PHC string; null for an account with no usable password (the first admin, OIDC users) */
  passwordHash: z.string().nullable(),
  createdAt: z.string(),
  tokens: z.array(TokenRecordSchema),
  /**
   * the OpenID Provider's user this account belongs to (OIDC sign-in, server/auth/oidc-accounts.ts):
   * only that issuer's `sub` signs in to it; absent for a local account
   */
  oidc: z.object({ issuer: z.string(), subject: z.string() }).optional(),
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountsFileSchema = z.object({
  version: z.literal(1),
  accounts: z.array(AccountSchema),
});
export type AccountsFile = z.infer<typeof AccountsFileSchema>;

/** What the API may show of an account: no hashes. */
export function userView(account: Account): UserView {
  return {
    name: account.name,
    role: account.role,
    clearance: account.clearance,
    rawCypher: account.rawCypher,
    disabled: account.disabled,
    hasPassword: account.passwordHash !== null,
    createdAt: account.createdAt,
    tokens: account.tokens.map((t) => ({
      id: t.id,
      label: t.label,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt ?? null,
    })),
  };
}

export function actorOfAccount(account: Account, via: Actor['via']): Actor {
  return { name: account.name, role: account.role, clearance: account.clearance, rawCypher: account.rawCypher, via };
}
