/**
 * `npm run user -- <command>`: accounts, for the machine's operator, on AUTH_DIR (from the same
 * environment as the server: AUTH_DIR, or DATA_DIR/auth). It changes the files directly, under
 * the same lock as the servers, so a running server sees the change on its next request.
 *
 *   add <name> --role <viewer|analyst|admin> --clearance <CLEAR|GREEN|AMBER|AMBER+STRICT|RED>
 *       [--raw-cypher] [--password-stdin]      without --password-stdin a password is generated and printed once
 *   list                                       the accounts and their tokens
 *   disable <name> | enable <name>             disabling ends the account's sessions and tokens at once
 *   token <name> [--label <text>]              a new API token, printed once
 *   revoke <name> <token-id>
 *   passwd <name> [--password-stdin]           a new password (generated and printed without --password-stdin)
 *   link <name>                                a one-time sign-in link (24 h)
 *
 * Exit codes: 0 done, 1 refused or failed (no such account, name taken, …), 2 bad arguments.
 * Each change is recorded as the operator (the OS user, via `operator`).
 */
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AccountStore } from '../auth/account-store.ts';
import { linkUrl } from '../auth/first-start.ts';
import { generatePassword } from '../auth/secrets.ts';
import { SessionStore } from '../auth/session-store.ts';
import { LINK_HOURS, SignInLinks } from '../auth/sign-in-links.ts';
import { UserAdmin, type Who } from '../auth/user-admin.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import { openOperatorTrail } from '../audit/open-trail.ts';
import { authDirOf, loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { ROLES, type Role } from '../model/access.ts';
import { AccountNameSchema, PasswordSchema } from '../model/account.ts';
import type { AuditSink } from '../model/audit.ts';
import { TLP_LEVELS, type Tlp } from '../model/markings.ts';

const USAGE = `usage: npm run user -- <command>
  add <name> --role <${ROLES.join('|')}> --clearance <${TLP_LEVELS.join('|')}> [--raw-cypher] [--password-stdin]
  list
  disable <name>
  enable <name>
  token <name> [--label <text>]
  revoke <name> <token-id>
  passwd <name> [--password-stdin]
  link <name>`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** all of standard input (the password, for --password-stdin) */
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
}

export class UsageError extends Error {}

/** Runs one command; resolves with the exit code. */
export async function runUserCli(argv: string[], io: CliIo, audit: AuditSink = { record: () => {} }): Promise<number> {
  try {
    await run(argv, io, audit);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`scamnet user: ${error.message}`);
      return 1;
    }
    io.stderr(`scamnet user: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function run(argv: string[], io: CliIo, audit: AuditSink): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        clearance: { type: 'string' },
        'raw-cypher': { type: 'boolean', default: false },
        'password-stdin': { type: 'boolean', default: false },
        label: { type: 'string', default: '' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new AppError('bad_request', (error as Error).message);
  }
  const dir = path.resolve(authDirOf(config));
  const accounts = new AccountStore(dir);
  const sessions = new SessionStore(dir, {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    maxMs: config.SESSION_MAX_HOURS * 3_600_000,
  });
  const admin = new UserAdmin(accounts, sessions, new SignInLinks(dir), audit);
  const by: Who = { user: userInfo().username, role: null, via: 'operator', address: null };

  const name = (): string => {
    const [value] = args;
    if (value === undefined) throw new UsageError(`${command} needs an account name`);
    const checked = AccountNameSchema.safeParse(value);
    if (!checked.success) throw new UsageError(`${value}: ${checked.error.issues[0]?.message ?? 'not a name'}`);
    return checked.data;
  };
  const expectArgs = (count: number) => {
    if (args.length !== count) throw new UsageError(`${command} takes ${count} argument(s), not ${args.length}`);
  };
  const password = async (): Promise<string | 'generate'> => {
    if (!values['password-stdin']) return 'generate';
    const text = (await io.readStdin()).replace(/\r?\n$/, '');
    const checked = PasswordSchema.safeParse(text);
    if (!checked.success)
      throw new AppError('bad_request', `the password on stdin: ${checked.error.issues[0]?.message ?? 'not valid'}`);
    return checked.data;
  };

  switch (command) {
    case 'add': {
      expectArgs(1);
      const role = values.role as Role | undefined;
      const clearance = values.clearance as Tlp | undefined;
      if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      if (!clearance || !TLP_LEVELS.includes(clearance))
        throw new UsageError(`--clearance must be one of ${TLP_LEVELS.join(', ')}`);
      const result = await admin.add(
        { name: name(), role, clearance, rawCypher: values['raw-cypher'], password: await password() },
        by,
      );
      io.stdout(
        `added ${result.user.name} (${role}, cleared ${clearance}${result.user.rawCypher ? ', raw Cypher' : ''})`,
      );
      if (result.password) io.stdout(`password (shown once): ${result.password}`);
      return;
    }
    case 'list': {
      expectArgs(0);
      const users = admin.list();
      if (users.length === 0) io.stdout(`no accounts in ${dir}`);
      for (const u of users) {
        const flags = [u.disabled && 'disabled', u.rawCypher && 'raw Cypher', !u.hasPassword && 'no password']
          .filter(Boolean)
          .join(', ');
        io.stdout(`${u.name}\t${u.role}\t${u.clearance}${flags ? `\t(${flags})` : ''}`);
        for (const t of u.tokens)
          io.stdout(`  token ${t.id}\t${t.label || '-'}\tmade ${t.createdAt}\tlast used ${t.lastUsedAt ?? 'never'}`);
      }
      return;
    }
    case 'disable':
    case 'enable': {
      expectArgs(1);
      const user = await admin.change(name(), { disabled: command === 'disable' }, by);
      io.stdout(`${user.name} is ${user.disabled ? 'disabled: its sessions and tokens stop working now' : 'enabled'}`);
      return;
    }
    case 'token': {
      expectArgs(1);
      const { id, token } = await admin.createToken(name(), values.label ?? '', by);
      io.stdout(`token ${id} for ${args[0]} (shown once; send it as Authorization: Bearer <token>):`);
      io.stdout(token);
      return;
    }
    case 'revoke': {
      expectArgs(2);
      const id = args[1] ?? '';
      if (!/^[0-9a-f]{16}$/.test(id)) throw new UsageError(`${id}: not a token id (16 hex digits, from list)`);
      await admin.revokeToken(name(), id, by);
      io.stdout(`revoked token ${id} of ${args[0]}`);
      return;
    }
    case 'passwd': {
      expectArgs(1);
      const chosen = await password();
      const next = chosen === 'generate' ? generatePassword() : chosen;
      await admin.change(name(), { password: next }, by);
      io.stdout(`password of ${args[0]} changed`);
      if (chosen === 'generate') io.stdout(`password (shown once): ${next}`);
      return;
    }
    case 'link': {
      expectArgs(1);
      const token = admin.createLink(name(), by);
      io.stdout(`one-time sign-in link for ${args[0]} (valid ${LINK_HOURS} h):`);
      io.stdout(linkUrl(config.HOST, config.PORT, token));
      return;
    }
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/cli/user.ts')) {
  // account changes go into the audit trail, in the operator's chain (server/audit/open-trail.ts)
  let trail: AuditTrail | undefined;
  try {
    const stderr = (obj: unknown, msg?: string) => process.stderr.write(`scamnet user: ${msg ?? String(obj)}\n`);
    trail = await openOperatorTrail(loadConfig(process.env), { info: () => {}, warn: stderr, error: stderr });
  } catch (error) {
    process.stderr.write(
      `scamnet user: WARNING: the audit trail could not be opened, this change is not recorded: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  const code = await runUserCli(
    process.argv.slice(2),
    {
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
      readStdin: readAllStdin,
      env: process.env,
    },
    trail,
  );
  await trail?.close();
  process.exit(code);
}
