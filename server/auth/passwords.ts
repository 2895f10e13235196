/**
 * Password hashing: argon2id (@node-rs/argon2's default, with its default cost: 19 MiB, two
 * passes, the OWASP minimum). Checking a name that has no password, or no account, still runs
 * one verification against a dummy hash, so the time a sign-in takes does not tell an attacker
 * which names exist.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomSecret } from './secrets.ts';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first sign-in, so even that one takes the usual time. */
export function prepareDummyHash(): void {
  dummy ??= hash(randomSecret());
}

/** Whether `password` matches `passwordHash`; a null hash (no account, no password) costs the same and fails. */
export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    prepareDummyHash();
    if (dummy) await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // a hash that does not parse matches nothing
    return false;
  }
}
