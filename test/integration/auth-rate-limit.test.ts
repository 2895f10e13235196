/**
 * Guessing passwords: failed sign-ins are limited per account name and per client address
 * (SIGNIN_MAX_PER_ACCOUNT, SIGNIN_MAX_PER_ADDRESS in 15 minutes), answered 429 rate_limited with
 * Retry-After, before any password is checked, so even the right one is refused meanwhile.
 * Addresses come from X-Forwarded-For behind a trusted proxy, so one test client can be many.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness(undefined, { signInMaxPerAccount: 3, signInMaxPerAddress: 5 });
  // the addresses come from X-Forwarded-For, believed from a proxy on loopback (TRUST_PROXY=loopback)
  h.app = h.another({ trustProxy: 'loopback' });
  await addUser(h, 'ada', 'analyst');
  await addUser(h, 'bob', 'viewer');
});
afterAll(async () => {
  await h?.close();
});

const attempt = (name: string, password: string, from: string) =>
  request(h.app).post('/api/auth/sign-in').set('X-Forwarded-For', from).send({ name, password });

describe('sign-in rate limits', () => {
  it('per account: after 3 failures from 3 addresses, even the right password from a fourth is 429', async () => {
    for (const from of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      expect((await attempt('ada', 'wrong password guess', from)).status).toBe(401);
    const limited = await attempt('ada', PASSWORD, '10.0.0.4');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', details: { limit: 'account' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(h.events.some((e) => e.action === 'auth.sign-in' && e.outcome === 'denied' && e.user === 'ada')).toBe(true);
    // another account is not held back by ada's count
    expect((await attempt('bob', PASSWORD, '10.0.0.4')).status).toBe(200);
  });

  it('per address: after 5 failures on different names, the address is 429 for every name', async () => {
    const from = '10.1.1.1';
    for (const name of ['n1', 'n2', 'n3', 'n4', 'n5'])
      expect((await attempt(name, 'wrong password guess', from)).status).toBe(401);
    const limited = await attempt('bob', PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(limited.body.error.details.limit).toBe('address');
    // bob from elsewhere is fine
    expect((await attempt('bob', PASSWORD, '10.1.1.2')).status).toBe(200);
  });

  it('a success clears the account count, so a typo now and then never locks anyone out', async () => {
    await addUser(h, 'cy', 'viewer');
    for (let round = 0; round < 3; round++) {
      expect((await attempt('cy', 'typo in the password', `10.2.${round}.1`)).status).toBe(401);
      expect((await attempt('cy', 'typo in the password', `10.2.${round}.2`)).status).toBe(401);
      expect((await attempt('cy', PASSWORD, `10.2.${round}.3`)).status).toBe(200);
    }
  });
});
