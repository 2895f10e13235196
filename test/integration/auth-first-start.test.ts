/**
 * Zero-setup start with accounts on: `npm start` on an empty AUTH_DIR makes `admin` and prints
 * one line with a one-time sign-in link (as Jupyter prints its token URL); following it signs
 * in. A second start prints none. AUTH=off says loudly in the log that there is no sign-in.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.ts';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** `npm run query -- …` against the data dir a server holds, so it asks that server. */
function query(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['server/cli/query.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
  for (const s of started) s.cleanup();
});

describe('first start', () => {
  it('makes admin, prints one link line, and the link signs in once', async () => {
    const server = await startServer({ AUTH: 'on', SEED_ON_START: 'false' });
    started.push(server);
    // printed before the "listening" line the harness waits for
    expect(server.plain).toHaveLength(1);
    const url = /(http:\/\/\S+\/api\/auth\/link\?token=\S+)/.exec(server.plain[0]!)?.[1];
    expect(url, server.plain[0]).toBeDefined();
    expect(server.logs.some((l) => String(l.msg).includes('first start: made the account admin'))).toBe(true);
    // the secret is on the one plain line only, not in the log
    const token = new URL(url!).searchParams.get('token')!;
    expect(JSON.stringify(server.logs)).not.toContain(token);

    expect((await fetch(`${server.url}/api/search?q=a`)).status).toBe(401);
    const res = await fetch(url!.replace(/^http:\/\/[^/]+/, server.url), { redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      actor: { name: 'admin', role: 'admin', clearance: 'RED', rawCypher: true },
    });
    expect((await fetch(url!.replace(/^http:\/\/[^/]+/, server.url), { redirect: 'manual' })).status).toBe(401);

    // started again on the same data: the account exists, no new link
    expect(await server.stop()).toBe(0);
    const again = await startServer({ AUTH: 'on', SEED_ON_START: 'false' }, server.dataDir);
    started.push(again);
    const health = await fetch(`${again.url}/api/health`);
    expect(health.status).toBe(200);
    expect(again.plain).toEqual([]);

    // a CLI on this machine asks the server as the operator (the token in AUTH_DIR, 0600)
    const tokenFile = path.join(again.dataDir, 'auth', 'operator.token');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const env = { DATA_DIR: again.dataDir, PORT: new URL(again.url).port };
    const asOperator = await query(['--list', '--format', 'json'], env);
    expect(asOperator.stderr).toContain('in use by a running server');
    expect(asOperator.code, asOperator.stderr).toBe(0);
    // …and with no readable operator token and no SCAMNET_TOKEN, the server says 401
    const elsewhere = await query(['--list'], { ...env, AUTH_DIR: path.join(again.dataDir, 'nowhere') });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('unauthenticated');
    const bad = await query(['--list'], { ...env, SCAMNET_TOKEN: 'snt_' + 'x'.repeat(43) });
    expect(bad.stderr).toContain('unauthenticated');
  });

  it('with AUTH=off, warns in the log that anyone on this machine can read everything', async () => {
    const server = await startServer({ SEED_ON_START: 'false' });
    started.push(server);
    const warning = server.logs.find((l) => String(l.msg).startsWith('AUTH=off'));
    expect(warning).toMatchObject({ level: 40 });
    expect(String(warning!.msg)).toMatch(/anyone who can reach this port on this machine/);
    expect((await (await fetch(`${server.url}/api/auth/me`)).json()).authOff).toBe(true);
    expect(server.plain).toEqual([]);
  });
});
