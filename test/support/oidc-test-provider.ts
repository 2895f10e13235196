/**
 * A real OpenID Provider for the sign-in tests: `oidc-provider` listening on a loopback port in
 * the test process, with one confidential client registered and accounts whose claims the test
 * sets. Its development interactions (a login form that takes any account id, then a consent
 * form) stand in for the provider's own sign-in pages; the test posts them as a browser would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import { oidcSettingsFrom, type OidcSettings } from '../../server/auth/oidc.ts';
import { loadConfig } from '../../server/config.ts';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the claims each account id carries, beyond `sub`; edited by tests between sign-ins */
  accounts: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/** The custom claims ride on the `profile` scope, as an IdP's claim mapper would add them. */
const CLAIMS: Configuration['claims'] = {
  openid: ['sub'],
  profile: ['name', 'preferred_username', 'scamnet_role', 'scamnet_clearance'],
  email: ['email', 'email_verified'],
};

/**
 * A provider on `port` (default: any free one) that sends the browser back to `redirectUri`.
 * `host` names it in its issuer URL: `localhost` makes it another site than an app on 127.0.0.1,
 * as a real provider is (SameSite rules apply between sites, not ports).
 */
export async function startTestProvider(
  redirectUri: string,
  port = 0,
  host: '127.0.0.1' | 'localhost' = '127.0.0.1',
): Promise<TestProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  const clientId = 'scamnet-test';
  const clientSecret = 'a-client-secret-long-enough-for-hs256-0123456789';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: CLAIMS,
    // explicit lifetimes (the provider nags about each default otherwise)
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
    // signed cookies for the provider's own login session and interactions
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  });
  // the dev interactions warn on stderr when they start; nothing else of the provider logs
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** scamnet's OIDC settings for this provider, as OIDC_* in the environment would give them. */
export function settingsFor(provider: TestProvider, name = 'Test IdP'): OidcSettings {
  const settings = oidcSettingsFrom(
    loadConfig({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: name,
    }),
  );
  if (!settings) throw new Error('OIDC settings did not parse');
  return settings;
}
