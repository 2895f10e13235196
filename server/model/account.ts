/**
 * Accounts as the API shows them (GET /api/users, /api/auth/me) and the requests that change them.
 * The stored record, with its password hash and token hashes, is server/auth/account-file.ts and
 * never leaves the server.
 */
import { z } from 'zod';
import { PERMISSIONS, ROLES } from './access.ts';
import { TLP_LEVELS } from './markings.ts';

/** A short lower-case name: letters, digits, `.`, `_`, `-`; it names files, log lines and audit entries. */
export const ACCOUNT_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const AccountNameSchema = z
  .string()
  .regex(
    ACCOUNT_NAME_PATTERN,
    'a short name of a-z, 0-9, ".", "_" and "-" (at most 64, starting with a letter or digit)',
  )
  .describe('account name, e.g. j.smith');

/** Long enough that guessing is hopeless at the sign-in rate limit; no composition rules (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024, 'at most 1024 characters');

export const RoleSchema = z.enum(ROLES);
export const ClearanceSchema = z.enum(TLP_LEVELS).describe('the highest TLP the account may see');

export const ActorSchema = z.object({
  name: z.string(),
  role: RoleSchema,
  clearance: ClearanceSchema,
  rawCypher: z.boolean(),
  via: z.enum(['session', 'token', 'oidc', 'operator', 'auth-off']),
});

export const TokenViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const UserViewSchema = z.object({
  name: z.string(),
  role: RoleSchema,
  clearance: ClearanceSchema,
  rawCypher: z.boolean(),
  disabled: z.boolean(),
  /** false for an account that can sign in only by a one-time link or OIDC (the first admin) */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  tokens: z.array(TokenViewSchema),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const PermissionListSchema = z.array(z.enum(PERMISSIONS));

/** GET /api/auth/me, POST /api/auth/sign-in */
export const SignedInSchema = z.object({
  actor: ActorSchema,
  permissions: PermissionListSchema,
  authOff: z.boolean(),
});
export type SignedIn = z.infer<typeof SignedInSchema>;

export const AuthOptionsSchema = z.object({
  local: z.literal(true),
  oidc: z.boolean(),
  /** the OpenID Provider's name for the "Sign in with …" button (OIDC_NAME), when oidc is true */
  oidcName: z.string().optional(),
  authOff: z.boolean(),
});
