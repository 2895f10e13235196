/**
 * Random secrets and their digests: session ids, API tokens and sign-in link tokens are 256
 * random bits; only their SHA-256 is ever written down, so a copy of AUTH_DIR signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** API tokens start with this, so a leaked one is easy to recognise (secret scanners, logs). */
export const TOKEN_PREFIX = 'snt_';

/** 32 random bytes, base64url: 43 characters. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return TOKEN_PREFIX + randomSecret();
}

/** What a secret looks like on the way in: anything else is not looked up at all. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const API_TOKEN_PATTERN = /^snt_[A-Za-z0-9_-]{43}$/;

/** Hex SHA-256: the name a secret is stored under. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A short id for lists (token ids): 8 random bytes, hex. */
export function randomId(): string {
  return randomBytes(8).toString('hex');
}

/** A generated password: 18 random bytes, base64url (24 characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
