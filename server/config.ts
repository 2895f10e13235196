/**
 * Configuration: one zod schema over the environment, parsed once at start-up. A bad value stops
 * the server with a message naming the variable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { ROLES } from './model/access.ts';
import { TLP_LEVELS } from './model/markings.ts';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A comma-separated list; blanks between commas are ignored. */
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : value,
    z.array(item),
  );
/** An origin as browsers send it: scheme://host[:port], nothing after it. */
const Origin = z
  .string()
  .regex(/^https?:\/\/[^/?#@\s]+$/i, 'an origin such as https://scamnet.example (scheme://host[:port], no path)')
  .transform((value) => new URL(value).origin);
/** A host name or address a client may use for this server (any port). */
const HostName = z
  .string()
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)$/i, 'a host name or address without scheme or port, such as scamnet.example');

/** Addresses only this machine can reach: where AUTH=off is allowed. */
export function isLoopback(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

export const ConfigSchema = z
  .object({
    PORT: int(0, 65535).default(3000).describe('HTTP port'),
    HOST: z.string().min(1).default('127.0.0.1').describe('address to bind; 0.0.0.0 exposes the server'),
    GRAPH_BACKEND: z.enum(['embedded', 'neo4j']).default('embedded').describe('which graph store to use'),
    DATA_DIR: z.string().min(1).default('./data').describe('where the embedded store keeps its database'),
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, 'a bolt:// or neo4j:// URI')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    QUERY_TIMEOUT_MS: int(100, 600_000).default(10_000).describe('longest a query may run'),
    QUERY_MAX_ROWS: int(1, 1_000_000).default(5_000).describe('most rows a query returns'),
    QUERY_MAX_BYTES: int(10_000, 1_000_000_000).default(16_000_000).describe('about how much JSON a query returns'),
    QUERY_MAX_LENGTH: int(100, 100_000).default(20_000).describe("most characters in an analyst's statement"),
    QUERY_MAX_TOKENS: int(50, 50_000).default(4_000).describe("most tokens in an analyst's statement"),
    QUERY_MAX_DEPTH: int(2, 200)
      .default(16)
      .describe('deepest nesting of brackets, lists, maps and CASE in a statement'),
    STORE_MAX_MEMORY_MB: int(256, 1_000_000)
      .optional()
      .describe("most memory the embedded engine's process may use (MB); half of the machine's memory when unset"),
    SEED_ON_START: z.stringbool().default(true).describe('load the seed graph when the store is empty'),
    ANALYST_CYPHER: z
      .stringbool()
      .default(true)
      .describe("allow analysts' own Cypher: ad hoc, and saving their queries"),
    SEED: int(0, 2 ** 31 - 1)
      .default(42)
      .describe('generator seed for the synthetic network'),
    SEED_SCALE: z.coerce.number().positive().max(100).default(1).describe('size of the synthetic network'),
    EXPORT_MAX_NODES: int(1, 1_000_000).default(50_000).describe('most nodes one export may hold (413 past that)'),
    IMPORT_MAX_BYTES: int(1_000, 10_000_000_000)
      .default(100_000_000)
      .describe('most bytes one POST /api/import may upload, all files together (413 past that)'),
    ALLOWED_ORIGINS: csv(Origin)
      .default([])
      .describe(
        'other origins whose pages may send POST/PUT/PATCH/DELETE, comma-separated (e.g. https://scamnet.example)',
      ),
    ALLOWED_HOSTS: csv(HostName)
      .default([])
      .describe(
        'further Host names the server answers to, comma-separated; with HOST=0.0.0.0 name the public name here',
      ),
    WORKSPACE_MAX_BYTES: int(10_000, 1_000_000_000)
      .default(20_000_000)
      .describe('largest saved workspace, as JSON (413 past that)'),
    WORKSPACE_MAX_COUNT: int(1, 1_000_000)
      .default(1_000)
      .describe('most saved workspaces (409 workspace_limit past that)'),
    AUDIT_DIR: z
      .string()
      .min(1)
      .optional()
      .describe('where the audit trail is written, one folder per server (default <DATA_DIR>/audit)'),
    AUDIT_CHAIN: z
      .string()
      .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/, 'a folder name: letters, digits, . _ -')
      .optional()
      .describe("this server's folder under AUDIT_DIR (default <host name>-<PORT>); each server writes its own chain"),
    AUDIT_RETENTION_DAYS: int(1, 36_500)
      .default(365)
      .describe('audit files wholly older than this many days are deleted (CJIS asks for a year)'),
    AUDIT_ROTATE_BYTES: int(10_000, 100_000_000_000)
      .default(64_000_000)
      .describe('the audit trail starts a new file past this size (and each UTC day)'),
    AUTH: z
      .enum(['on', 'off'])
      .default('on')
      .describe('accounts and sign-in; off (every request fully cleared) is allowed only when HOST is loopback'),
    AUTH_DIR: z
      .string()
      .min(1)
      .optional()
      .describe(
        'where accounts, sessions and API tokens are kept (default <DATA_DIR>/auth); servers sharing one graph share it',
      ),
    CHANGES_DIR: z
      .string()
      .min(1)
      .optional()
      .describe(
        'where the history of hand edits is kept (default <DATA_DIR>/changes); servers sharing one graph share it',
      ),
    SOURCE_DOCUMENTS_DIR: z
      .string()
      .min(1)
      .optional()
      .describe(
        "the Source nodes' document files (`file`), served at /api/sources/{id}/document (default ../shared/seed-documents beside the repository, when there)",
      ),
    SESSION_IDLE_MINUTES: int(1, 7 * 24 * 60)
      .default(60)
      .describe('a session ends after this long without a request'),
    SESSION_MAX_HOURS: int(1, 24 * 30)
      .default(12)
      .describe('a session ends this long after sign-in, however busy'),
    SIGNIN_MAX_PER_ACCOUNT: int(1, 10_000)
      .default(5)
      .describe('failed sign-ins per account in 15 minutes before it answers 429'),
    SIGNIN_MAX_PER_ADDRESS: int(1, 100_000)
      .default(20)
      .describe('failed sign-ins from one address in 15 minutes before it answers 429'),
    TRUST_PROXY: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Express's trust proxy: the reverse proxy whose X-Forwarded-For/-Proto to believe (loopback, an address or subnet list, or a hop count)",
      ),
    OIDC_ISSUER: z
      .url({ protocol: /^https?$/, error: 'an issuer URL such as https://login.example.org/realms/scamnet' })
      .optional()
      .describe("the OpenID Provider's issuer URL; with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET turns on OIDC sign-in"),
    OIDC_CLIENT_ID: z.string().min(1).optional().describe('the client id registered with the provider'),
    OIDC_CLIENT_SECRET: z.string().min(1).optional().describe('the client secret registered with the provider'),
    OIDC_REDIRECT_URL: z
      .url({ protocol: /^https?$/, error: 'a URL such as https://scamnet.example/api/auth/oidc/callback' })
      .optional()
      .describe(
        'the callback URL registered with the provider (default: /api/auth/oidc/callback on the host the browser used)',
      ),
    OIDC_SCOPES: z
      .string()
      .regex(/(^|\s)openid(\s|$)/, 'a space-separated list of scopes that includes openid')
      .default('openid profile email')
      .describe('the scopes asked for, space-separated'),
    OIDC_ROLE_CLAIM: z.string().min(1).default('scamnet_role').describe('the claim naming the role'),
    OIDC_CLEARANCE_CLAIM: z.string().min(1).default('scamnet_clearance').describe('the claim naming the clearance'),
    OIDC_USERNAME_CLAIM: z
      .string()
      .min(1)
      .default('preferred_username')
      .describe("the claim whose value becomes the account's name"),
    OIDC_DEFAULT_ROLE: z
      .enum(ROLES)
      .optional()
      .describe('the role of a user whose token has no valid role claim (default: such a sign-in is refused)'),
    OIDC_DEFAULT_CLEARANCE: z
      .enum(TLP_LEVELS)
      .optional()
      .describe('the clearance of a user whose token has no valid clearance claim (default: refused)'),
    OIDC_NAME: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .describe("the provider's name on the sign-in button (default: the issuer's host)"),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((config, ctx) => {
    if (config.GRAPH_BACKEND === 'neo4j' && !config.NEO4J_URI) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_URI'], message: 'required when GRAPH_BACKEND=neo4j' });
    }
    if (config.AUTH === 'off' && !isLoopback(config.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH'],
        message: `off is allowed only when HOST is loopback (127.0.0.1, ::1, localhost), not ${config.HOST}: anyone who reaches the port would read everything`,
      });
    }
    // OIDC is on with all three or off with none: two of three is a typo that would silently turn it off
    const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
    const set = oidc.filter((name) => config[name] !== undefined);
    if (set.length > 0)
      for (const name of oidc.filter((n) => config[n] === undefined))
        ctx.addIssue({ code: 'custom', path: [name], message: `required with ${set.join(' and ')}` });
    // the issuer's keys and tokens are fetched from it: only over TLS, or on this machine's loopback
    if (config.OIDC_ISSUER && !isHttpsOrLoopback(config.OIDC_ISSUER))
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'must be https:// (http:// only for a loopback address)',
      });
  });

/** https, or http to this machine (a provider run for development or a test). */
export function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

export type Config = z.infer<typeof ConfigSchema>;

/** AUTH_DIR, or `<DATA_DIR>/auth` when unset. */
export function authDirOf(config: Pick<Config, 'AUTH_DIR' | 'DATA_DIR'>): string {
  return config.AUTH_DIR ?? path.join(config.DATA_DIR, 'auth');
}

/** CHANGES_DIR, or `<DATA_DIR>/changes` when unset. */
export function changesDirOf(config: Pick<Config, 'CHANGES_DIR' | 'DATA_DIR'>): string {
  return config.CHANGES_DIR ?? path.join(config.DATA_DIR, 'changes');
}

/** The seed documents beside the repository (`../shared/seed-documents`), where the facts' Sources point. */
export const DEFAULT_SOURCE_DOCUMENTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
  'seed-documents',
);

/** SOURCE_DOCUMENTS_DIR, or the seed documents when they are there; null when there is none. */
export function sourceDocumentsDirOf(config: Pick<Config, 'SOURCE_DOCUMENTS_DIR'>): string | null {
  if (config.SOURCE_DOCUMENTS_DIR) return path.resolve(config.SOURCE_DOCUMENTS_DIR);
  return existsSync(DEFAULT_SOURCE_DOCUMENTS_DIR) ? DEFAULT_SOURCE_DOCUMENTS_DIR : null;
}

export class ConfigError extends AppError {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      'invalid_config',
      `Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`,
      {
        issues,
      },
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment; empty variables count as unset. Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
  );
}
