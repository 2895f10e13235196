/**
 * What a CLI sends when it asks a running server (the embedded store is the server's while it
 * runs): SCAMNET_TOKEN, a named account's API token (`npm run user -- token <name>`), or else the
 * operator token the server keeps in AUTH_DIR, for the machine's operator (operator-token.ts).
 * Without either, the request goes without credentials, and a server with AUTH=on answers 401.
 */
import { readOperatorToken } from '../auth/operator-token.ts';
import { authDirOf, type Config } from '../config.ts';

export function serverCredentials(
  config: Pick<Config, 'AUTH_DIR' | 'DATA_DIR'>,
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const token = env.SCAMNET_TOKEN || readOperatorToken(authDirOf(config));
  return token ? { authorization: `Bearer ${token}` } : {};
}
