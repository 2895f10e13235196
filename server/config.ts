/**
 * Configuration: one zod schema over the environment, parsed once at start-up. A bad value stops
 * the server with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

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
  });

export type Config = z.infer<typeof ConfigSchema>;

/** AUTH_DIR, or `<DATA_DIR>/auth` when unset. */
export function authDirOf(config: Pick<Config, 'AUTH_DIR' | 'DATA_DIR'>): string {
  return config.AUTH_DIR ?? path.join(config.DATA_DIR, 'auth');
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
