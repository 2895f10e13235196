/**
 * Accounts on (AUTH=on), over real HTTP: sign-in, sessions, sign-out, API tokens, disabling,
 * one-time links, expiry, several servers on one AUTH_DIR, and the attacks on them (session
 * fixation, forged cross-origin requests, guessing, telling names apart).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, randomSecret } from '../../server/auth/secrets.ts';
import { apiRoutes } from '../../server/api/routes.ts';
import { smallGraph } from '../support/small-graph.ts';
import {
  addUser,
  OPERATOR,
  PASSWORD,
  sessionCookie,
  signIn,
  startAuthHarness,
  type AuthHarness,
} from '../support/auth-harness.ts';

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness(smallGraph());
  await addUser(h, 'ada', 'analyst', 'RED');
  await addUser(h, 'vic', 'viewer', 'GREEN');
  await addUser(h, 'root', 'admin', 'RED');
});
afterAll(async () => {
  await h?.close();
});

/** A URL for a route with its parameters filled in. */
const probe = (p: string) =>
  '/api' + p.replace(/:([A-Za-z0-9_]+)/g, (_, n) => (n === 'asset' ? 'swagger-ui.css' : 'x'));

describe('without a session or token', () => {
  it('every protected route answers 401 unauthenticated, with the standard error body', async () => {
    const protectedRoutes = apiRoutes.filter((r) => r.permission !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(15);
    for (const route of protectedRoutes) {
      for (const credentials of [
        {},
        { Cookie: `scamnet_session=${randomSecret()}` },
        { Authorization: 'Bearer snt_nope' },
      ]) {
        const res = await request(h.app)[route.method](probe(route.path)).set(credentials).send({});
        expect(res.status, `${route.method} ${route.path} ${JSON.stringify(credentials)}`).toBe(401);
        expect(res.body.error.code).toBe('unauthenticated');
      }
    }
  });

  it('GET /api/auth/me is 401; options and health answer, health without the graph size', async () => {
    expect((await request(h.app).get('/api/auth/me')).status).toBe(401);
    expect((await request(h.app).get('/api/auth/options').expect(200)).body).toEqual({
      local: true,
      oidc: false,
      authOff: false,
    });
    const health = (await request(h.app).get('/api/health').expect(200)).body;
    expect(health).toEqual({ status: 'ok', backend: expect.any(String) });
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict, Path=/ cookie (Secure over https), and the session works', async () => {
    const res = await request(h.app).post('/api/auth/sign-in').send({ name: 'ada', password: PASSWORD }).expect(200);
    expect(res.body).toEqual({
      actor: { name: 'ada', role: 'analyst', clearance: 'RED', rawCypher: false, via: 'session' },
      permissions: expect.arrayContaining(['graph:read', 'import', 'workspaces:write']),
      authOff: false,
    });
    expect(res.body.permissions).not.toContain('users:manage');
    const line = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('scamnet_session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Strict/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Secure/);
    const cookie = sessionCookie(res);
    const me = await request(h.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.actor.name).toBe('ada');
    await request(h.app).get('/api/search?q=a').set('Cookie', cookie).expect(200);

    // behind a TLS-terminating proxy named in TRUST_PROXY, the cookie is Secure
    const proxied = h.another({ trustProxy: 'loopback' });
    const secure = await request(proxied)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .send({ name: 'ada', password: PASSWORD })
      .expect(200);
    expect(([] as string[]).concat(secure.headers['set-cookie'] ?? []).join()).toMatch(/; Secure/);
  });

  it('keeps only the SHA-256 of the session id on disk, never the id', async () => {
    const cookie = await signIn(h.app, 'ada');
    const id = cookie.split('=')[1]!;
    const files = readdirSync(path.join(h.authDir, 'sessions'));
    expect(files).toContain(`${digest(id)}.json`);
    expect(files.join()).not.toContain(id);
  });

  it('answers a wrong password, an unknown name and a disabled account alike', async () => {
    await addUser(h, 'gone', 'viewer', 'CLEAR');
    await h.operator.change('gone', { disabled: true }, OPERATOR);
    const answers = [];
    for (const body of [
      { name: 'ada', password: 'not the password at all' },
      { name: 'nobody-here', password: PASSWORD },
      { name: 'gone', password: PASSWORD },
      { name: '../../etc/passwd', password: PASSWORD },
    ]) {
      const res = await request(h.app).post('/api/auth/sign-in').set('X-Forwarded-For', '10.9.9.9').send(body);
      expect(res.status, body.name).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      answers.push(res.body);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const failed = h.events.filter((e) => e.action === 'auth.sign-in' && e.outcome === 'failed').map((e) => e.user);
    expect(failed).toEqual(expect.arrayContaining(['ada', 'nobody-here', 'gone']));
  });

  it('records the sign-in, with the address', async () => {
    await signIn(h.app, 'vic');
    const ok = h.events.filter((e) => e.action === 'auth.sign-in' && e.outcome === 'ok' && e.user === 'vic');
    expect(ok.at(-1)).toMatchObject({ role: 'viewer', via: 'session', targets: ['vic'], address: expect.any(String) });
  });
});

describe('session fixation', () => {
  it('never promotes a cookie the browser had before sign-in: a new random id every time', async () => {
    const planted = `scamnet_session=${randomSecret()}`;
    const res = await request(h.app)
      .post('/api/auth/sign-in')
      .set('Cookie', planted)
      .send({ name: 'ada', password: PASSWORD })
      .expect(200);
    const issued = sessionCookie(res);
    expect(issued).not.toBe(planted);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', planted)).status).toBe(401);
    await request(h.app).get('/api/auth/me').set('Cookie', issued).expect(200);

    // signing in again over a live session ends the old one and starts another
    const again = sessionCookie(
      await request(h.app).post('/api/auth/sign-in').set('Cookie', issued).send({ name: 'ada', password: PASSWORD }),
    );
    expect(again).not.toBe(issued);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', issued)).status).toBe(401);
    await request(h.app).get('/api/auth/me').set('Cookie', again).expect(200);
  });
});

describe('forged cross-origin requests (CSRF)', () => {
  it('refuses a POST from another origin even with a valid session cookie', async () => {
    const cookie = await signIn(h.app, 'ada');
    const forged = await request(h.app)
      .put('/api/workspaces/forged')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send({ nodes: [] });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('cross_origin');
    // a form post carries no JSON type: refused as well, before any session is looked at
    const form = await request(h.app)
      .post('/api/auth/sign-out')
      .set('Cookie', cookie)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('a=1');
    expect(form.status).toBe(403);
    await request(h.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    // nor can another site sign a browser in (login CSRF)
    const login = await request(h.app)
      .post('/api/auth/sign-in')
      .set('Origin', 'https://evil.example')
      .send({ name: 'ada', password: PASSWORD });
    expect(login.status).toBe(403);
  });
});

describe('sign-out', () => {
  it('ends the session on the server at once and clears the cookie', async () => {
    const cookie = await signIn(h.app, 'ada');
    const res = await request(h.app).post('/api/auth/sign-out').set('Cookie', cookie).send({}).expect(204);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join()).toMatch(
      /scamnet_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect((await request(h.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await request(h.app).get('/api/search?q=a').set('Cookie', cookie)).status).toBe(401);
    expect(h.events.some((e) => e.action === 'auth.sign-out' && e.user === 'ada')).toBe(true);
  });
});

describe('API tokens', () => {
  it('a token works as Bearer; revoked, it is 401 at once; only its hash is stored', async () => {
    await addUser(h, 'script', 'viewer', 'RED');
    const admin = await signIn(h.app, 'root');
    const made = await request(h.app)
      .post('/api/users/script/tokens')
      .set('Cookie', admin)
      .send({ label: 'nightly' })
      .expect(201);
    const { id, token } = made.body as { id: string; token: string };
    expect(token).toMatch(/^snt_[A-Za-z0-9_-]{43}$/);
    const bearer = { Authorization: `Bearer ${token}` };
    const me = await request(h.app).get('/api/auth/me').set(bearer).expect(200);
    expect(me.body.actor).toMatchObject({ name: 'script', via: 'token' });
    await request(h.app).get('/api/search?q=a').set(bearer).expect(200);
    expect(h.events.some((e) => e.action === 'auth.token-used' && e.user === 'script' && e.targets.includes(id))).toBe(
      true,
    );

    const file = await import('node:fs').then((fs) => fs.readFileSync(path.join(h.authDir, 'accounts.json'), 'utf8'));
    expect(file).not.toContain(token);
    expect(file).toContain(digest(token));

    // a bad token is not rescued by a good cookie
    expect(
      (await request(h.app).get('/api/auth/me').set('Cookie', admin).set('Authorization', 'Bearer snt_x')).status,
    ).toBe(401);

    const listed = await request(h.app).get('/api/users').set('Cookie', admin).expect(200);
    const script = listed.body.users.find((u: { name: string }) => u.name === 'script');
    expect(script.tokens).toEqual([
      { id, label: 'nightly', createdAt: expect.any(String), lastUsedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/hash|argon2/);

    await request(h.app)
      .delete(`/api/users/script/tokens/${id}`)
      .set('Cookie', admin)
      .set('X-Scamnet-Request', '1')
      .expect(204);
    expect((await request(h.app).get('/api/search?q=a').set(bearer)).status).toBe(401);
    expect(h.events.map((e) => e.action)).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
  });
});

describe('disabling an account', () => {
  it('ends its sessions and tokens at once, whether an admin or the operator (another process) does it', async () => {
    await addUser(h, 'temp', 'analyst', 'AMBER');
    const session = await signIn(h.app, 'temp');
    const { token } = await h.operator.createToken('temp', 'x', OPERATOR);
    const admin = await signIn(h.app, 'root');
    await request(h.app).get('/api/auth/me').set('Cookie', session).expect(200);

    await request(h.app).patch('/api/users/temp').set('Cookie', admin).send({ disabled: true }).expect(200);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', session)).status).toBe(401);
    expect((await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await request(h.app).post('/api/auth/sign-in').send({ name: 'temp', password: PASSWORD })).status).toBe(
      401,
    );

    // enabled again by the operator, the token works; the old session stays ended
    await h.operator.change('temp', { disabled: false }, OPERATOR);
    await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', session)).status).toBe(401);

    // disabled by the operator's CLI (another process on the same files): the running server sees it on the next request
    const fresh = await signIn(h.app, 'temp');
    await h.operator.change('temp', { disabled: true }, OPERATOR);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', fresh)).status).toBe(401);
    expect((await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('a lowered clearance applies to the live session on its next request', async () => {
    await addUser(h, 'lower', 'viewer', 'RED');
    const session = await signIn(h.app, 'lower');
    await h.operator.change('lower', { clearance: 'CLEAR' }, OPERATOR);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', session).expect(200)).body.actor.clearance).toBe(
      'CLEAR',
    );
  });

  it('refuses to disable or demote the last enabled admin', async () => {
    const other = await startAuthHarness();
    try {
      await addUser(other, 'only', 'admin');
      const admin = await signIn(other.app, 'only');
      const res = await request(other.app).patch('/api/users/only').set('Cookie', admin).send({ role: 'viewer' });
      expect(res.status).toBe(409);
      expect(
        (await request(other.app).patch('/api/users/only').set('Cookie', admin).send({ disabled: true })).status,
      ).toBe(409);
    } finally {
      await other.close();
    }
  });
});

describe('users admin', () => {
  it('adds an account with a generated password shown once, which signs in', async () => {
    const admin = await signIn(h.app, 'root');
    const res = await request(h.app)
      .post('/api/users')
      .set('Cookie', admin)
      .send({ name: 'new.one', role: 'viewer', clearance: 'GREEN' })
      .expect(201);
    expect(res.body.user).toMatchObject({ name: 'new.one', role: 'viewer', clearance: 'GREEN', hasPassword: true });
    await signIn(h.app, 'new.one', res.body.password);
    expect(
      (
        await request(h.app)
          .post('/api/users')
          .set('Cookie', admin)
          .send({ name: 'new.one', role: 'viewer', clearance: 'GREEN' })
      ).status,
    ).toBe(409);
    expect(
      (
        await request(h.app)
          .post('/api/users')
          .set('Cookie', admin)
          .send({ name: 'Bad Name', role: 'viewer', clearance: 'GREEN' })
      ).status,
    ).toBe(400);
    expect(h.events.some((e) => e.action === 'user.add' && e.targets[0] === 'new.one' && e.user === 'root')).toBe(true);
    const changed = await request(h.app)
      .patch('/api/users/new.one')
      .set('Cookie', admin)
      .send({ role: 'analyst' })
      .expect(200);
    expect(changed.body.role).toBe('analyst');
    expect(h.events.find((e) => e.action === 'user.change' && e.targets[0] === 'new.one')?.details).toEqual({
      changes: { role: { from: 'viewer', to: 'analyst' } },
    });
  });
});

describe('own password', () => {
  it('needs the current one, and ends the other sessions but not this one', async () => {
    await addUser(h, 'pat', 'viewer', 'GREEN');
    const here = await signIn(h.app, 'pat');
    const elsewhere = await signIn(h.app, 'pat');
    const wrong = await request(h.app)
      .post('/api/auth/password')
      .set('Cookie', here)
      .send({ currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(401);
    await request(h.app)
      .post('/api/auth/password')
      .set('Cookie', here)
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })
      .expect(204);
    await request(h.app).get('/api/auth/me').set('Cookie', here).expect(200);
    expect((await request(h.app).get('/api/auth/me').set('Cookie', elsewhere)).status).toBe(401);
    expect((await request(h.app).post('/api/auth/sign-in').send({ name: 'pat', password: PASSWORD })).status).toBe(401);
    await signIn(h.app, 'pat', 'a brand new passphrase');
    expect((await request(h.app).post('/api/auth/password').send({ newPassword: 'whatever it is now' })).status).toBe(
      401,
    );
  });
});

describe('one-time sign-in link', () => {
  it('signs in once and redirects to /; a second use, or a made-up token, is 401', async () => {
    await h.operator.add(
      { name: 'first', role: 'admin', clearance: 'RED', rawCypher: true, password: 'none' },
      OPERATOR,
    );
    const token = h.operator.createLink('first', OPERATOR);
    const res = await request(h.app).get(`/api/auth/link?token=${token}`).expect(303);
    expect(res.headers.location).toBe('/');
    const cookie = sessionCookie(res);
    const me = await request(h.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.actor).toMatchObject({ name: 'first', role: 'admin', rawCypher: true });
    const again = await request(h.app).get(`/api/auth/link?token=${token}`);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('unauthenticated');
    expect((await request(h.app).get(`/api/auth/link?token=${randomSecret()}`)).status).toBe(401);
    // an account with no password cannot be signed into by guessing one
    expect((await request(h.app).post('/api/auth/sign-in').send({ name: 'first', password: '' })).status).toBe(400);
    expect((await request(h.app).post('/api/auth/sign-in').send({ name: 'first', password: 'x' })).status).toBe(401);
    // …and sets its first password without a current one
    await request(h.app)
      .post('/api/auth/password')
      .set('Cookie', cookie)
      .send({ newPassword: 'the first admin pass' })
      .expect(204);
    await signIn(h.app, 'first', 'the first admin pass');
  });

  it('answers JSON with the new session to a client that asks for JSON', async () => {
    const token = h.operator.createLink('vic', OPERATOR);
    const res = await request(h.app).get(`/api/auth/link?token=${token}`).set('Accept', 'application/json').expect(200);
    expect(res.body.actor).toMatchObject({ name: 'vic', via: 'session' });
    await request(h.app).get('/api/auth/me').set('Cookie', sessionCookie(res)).expect(200);
  });

  it('expires after 24 hours unused', async () => {
    const token = h.operator.createLink('ada', OPERATOR);
    const saved = h.clock.now;
    h.clock.now = Date.now() + 24 * 3_600_000 + 1_000;
    try {
      expect((await request(h.app).get(`/api/auth/link?token=${token}`)).status).toBe(401);
    } finally {
      h.clock.now = saved;
    }
  });
});

describe('session expiry', () => {
  it('ends a session after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after sign-in', async () => {
    const start = h.clock.now;
    try {
      const idle = await signIn(h.app, 'vic');
      h.clock.now = start + 59 * 60_000;
      await request(h.app).get('/api/auth/me').set('Cookie', idle).expect(200);
      // the request moved lastSeenAt on: another 59 minutes is still inside the idle limit
      h.clock.now = start + 118 * 60_000;
      await request(h.app).get('/api/auth/me').set('Cookie', idle).expect(200);
      h.clock.now = start + 179 * 60_000;
      expect((await request(h.app).get('/api/auth/me').set('Cookie', idle)).status).toBe(401);

      h.clock.now = start;
      const busy = await signIn(h.app, 'vic');
      for (let minutes = 50; minutes < 12 * 60; minutes += 50) {
        h.clock.now = start + minutes * 60_000;
        await request(h.app).get('/api/auth/me').set('Cookie', busy).expect(200);
      }
      h.clock.now = start + 12 * 3_600_000;
      expect((await request(h.app).get('/api/auth/me').set('Cookie', busy)).status).toBe(401);
    } finally {
      h.clock.now = start;
    }
  });
});

describe('abandoned sessions', () => {
  it('are swept from AUTH_DIR once expired (on a later sign-in)', async () => {
    const start = h.clock.now;
    try {
      const abandoned = await signIn(h.app, 'vic');
      const file = `${digest(abandoned.split('=')[1]!)}.json`;
      expect(readdirSync(path.join(h.authDir, 'sessions'))).toContain(file);
      h.clock.now = start + 13 * 3_600_000;
      await signIn(h.app, 'ada');
      expect(readdirSync(path.join(h.authDir, 'sessions'))).not.toContain(file);
    } finally {
      h.clock.now = start;
    }
  });
});

describe('several servers on one AUTH_DIR', () => {
  it('a session begun on one is good on the other, and signing out on either ends it on both', async () => {
    const a = h.app;
    const b = h.another();
    const cookie = await signIn(a, 'ada');
    await request(b).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(b).post('/api/auth/sign-out').set('Cookie', cookie).send({}).expect(204);
    expect((await request(a).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('two servers adding accounts at once lose neither (the lock)', async () => {
    const a = h.another();
    const b = h.another();
    const admin = await signIn(a, 'root');
    const adds = Array.from({ length: 6 }, (_, i) =>
      request(i % 2 ? a : b)
        .post('/api/users')
        .set('Cookie', admin)
        .send({ name: `racer-${i}`, role: 'viewer', clearance: 'CLEAR' }),
    );
    for (const res of await Promise.all(adds)) expect(res.status).toBe(201);
    const names = (await request(a).get('/api/users').set('Cookie', admin).expect(200)).body.users.map(
      (u: { name: string }) => u.name,
    );
    for (let i = 0; i < 6; i++) expect(names).toContain(`racer-${i}`);
  });
});
