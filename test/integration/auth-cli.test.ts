/**
 * `npm run user` as the operator runs it (tsx server/cli/user.ts in a child process, on
 * AUTH_DIR from the environment), checked against a real app on the same AUTH_DIR over HTTP:
 * what the CLI does applies to the running server on its next request.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server-process.ts';
import { sessionCookie, signIn, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run user -- …args` with AUTH_DIR set to the harness's, `stdin` piped in. */
function user(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['server/cli/user.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, AUTH_DIR: h.authDir, DATA_DIR: h.dataDir, PORT: '4321' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run user', () => {
  it('add --password-stdin makes an account that signs in; the password is never printed', async () => {
    const run = await user(
      ['add', 'j.smith', '--role', 'analyst', '--clearance', 'AMBER', '--password-stdin'],
      'a long pass phrase\n',
    );
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('added j.smith (analyst, cleared AMBER)');
    expect(run.stdout).not.toContain('a long pass phrase');
    const cookie = await signIn(h.app, 'j.smith', 'a long pass phrase');
    const me = await request(h.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.actor).toMatchObject({ name: 'j.smith', role: 'analyst', clearance: 'AMBER', rawCypher: false });
  });

  it('add without --password-stdin generates a password and prints it once', async () => {
    const run = await user(['add', 'gen', '--role', 'admin', '--clearance', 'RED', '--raw-cypher']);
    expect(run.code, run.stderr).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const cookie = await signIn(h.app, 'gen', password);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', cookie)).body.actor.rawCypher).toBe(true);
    expect(readFileSync(path.join(h.authDir, 'accounts.json'), 'utf8')).not.toContain(password!);
  });

  it('refuses with clear messages and exit codes: 1 refused, 2 bad arguments', async () => {
    const taken = await user(['add', 'gen', '--role', 'viewer', '--clearance', 'CLEAR']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/an account named gen already exists/);
    const badRole = await user(['add', 'x', '--role', 'boss', '--clearance', 'RED']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role must be one of viewer, analyst, admin/);
    expect(badRole.stderr).toMatch(/usage: npm run user/);
    expect((await user(['add', 'Not A Name', '--role', 'viewer', '--clearance', 'RED'])).code).toBe(2);
    expect((await user(['frobnicate'])).code).toBe(2);
    expect((await user(['disable', 'nobody'])).stderr).toMatch(/no account named nobody/);
    const weak = await user(['add', 'weak', '--role', 'viewer', '--clearance', 'CLEAR', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 12 characters/);
  });

  it('token prints a token once; it works as Bearer until revoke', async () => {
    const made = await user(['token', 'j.smith', '--label', 'nightly export']);
    expect(made.code, made.stderr).toBe(0);
    const token = /^(snt_\S+)$/m.exec(made.stdout)?.[1];
    const id = /token ([0-9a-f]{16})/.exec(made.stdout)?.[1];
    expect(token && id).toBeTruthy();
    await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);

    const list = await user(['list']);
    expect(list.stdout).toMatch(new RegExp(`j\\.smith\\tanalyst\\tAMBER`));
    expect(list.stdout).toContain(`token ${id}\tnightly export`);
    expect(list.stdout).not.toMatch(/argon2|snt_/);

    expect((await user(['revoke', 'j.smith', id!])).code).toBe(0);
    expect((await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await user(['revoke', 'j.smith', id!])).code).toBe(1);
  });

  it('disable ends the running server’s sessions at once; enable lets the account sign in again', async () => {
    const cookie = await signIn(h.app, 'j.smith', 'a long pass phrase');
    const run = await user(['disable', 'j.smith']);
    expect(run.code, run.stderr).toBe(0);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect(
      (await request(h.app).post('/api/auth/sign-in').send({ name: 'j.smith', password: 'a long pass phrase' })).status,
    ).toBe(401);
    expect((await user(['enable', 'j.smith'])).code).toBe(0);
    await signIn(h.app, 'j.smith', 'a long pass phrase');
  });

  it('passwd --password-stdin replaces the password and ends the sessions the old one opened', async () => {
    const before = await signIn(h.app, 'j.smith', 'a long pass phrase');
    expect((await user(['passwd', 'j.smith', '--password-stdin'], 'another long phrase\n')).code).toBe(0);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', before)).status).toBe(401);
    expect(
      (await request(h.app).post('/api/auth/sign-in').send({ name: 'j.smith', password: 'a long pass phrase' })).status,
    ).toBe(401);
    await signIn(h.app, 'j.smith', 'another long phrase');
  });

  it('link prints a one-time sign-in URL that signs the account in once', async () => {
    const run = await user(['link', 'gen']);
    expect(run.code, run.stderr).toBe(0);
    const url = new URL(/^(http:\/\/\S+)$/m.exec(run.stdout)![1]!);
    expect(url.host).toBe('127.0.0.1:4321');
    expect(url.pathname).toBe('/api/auth/link');
    const res = await request(h.app)
      .get(url.pathname + url.search)
      .expect(303);
    await request(h.app).get('/api/auth/me').set('Cookie', sessionCookie(res)).expect(200);
    expect((await request(h.app).get(url.pathname + url.search)).status).toBe(401);
  });
});
