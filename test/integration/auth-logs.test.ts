/**
 * Credentials never reach the request log: pino-http writes every request's headers and URL, so
 * the session cookie (sent and set), API tokens and the one-time link's token are redacted.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { OPERATOR, PASSWORD, sessionCookie, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';

let h: AuthHarness;
const lines: string[] = [];
beforeAll(async () => {
  h = await startAuthHarness();
  await h.operator.add({ name: 'ada', role: 'analyst', clearance: 'RED', password: PASSWORD }, OPERATOR);
});
afterAll(async () => {
  await h?.close();
});

describe('the request log', () => {
  it('holds no session id, API token or link token', async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({
      store: h.store,
      logger: createLogger('info', sink),
      queries: openCatalogue(h.store, h.dataDir),
      analystCypher: true,
      dataDir: h.dataDir,
      auth: {
        mode: 'on',
        dir: path.join(h.dataDir, 'auth'),
        sessionIdleMinutes: 60,
        sessionMaxHours: 12,
        signInMaxPerAccount: 5,
        signInMaxPerAddress: 20,
      },
    });
    const cookie = sessionCookie(
      await request(app).post('/api/auth/sign-in').send({ name: 'ada', password: PASSWORD }).expect(200),
    );
    await request(app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    const { token } = await h.operator.createToken('ada', 'log test', OPERATOR);
    await request(app).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    const link = h.operator.createLink('ada', OPERATOR);
    await request(app).get(`/api/auth/link?token=${link}`).expect(303);

    const log = lines.join('');
    expect(log).toContain('/api/auth/me');
    expect(log).toContain('token=[Redacted]');
    for (const [what, secret] of Object.entries({ session: cookie.split('=')[1]!, token, link, password: PASSWORD }))
      expect(log, what).not.toContain(secret);
  });
});
