/**
 * The role matrix as measured: every route in apiRoutes, called over HTTP by no one, a viewer,
 * an analyst and an admin (each cleared RED, so only the role decides), classified 401 / 403
 * (forbidden, naming the permission) / other (the route ran: 2xx, or its own 4xx for the probe's
 * made-up input). Each cell must be what ROLE_PERMISSIONS says; the table is printed for the
 * closing note.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/api/routes.ts';
import { can, ROLES, type Role } from '../../server/model/access.ts';
import { smallGraph } from '../support/small-graph.ts';
import { addUser, signIn, startAuthHarness, type AuthHarness } from '../support/auth-harness.ts';

/** Who calls: each role, and an admin granted raw Cypher (the account flag, not a role). */
const CALLERS = [
  ...ROLES.map((role) => ({ label: role, name: role, role, rawCypher: false })),
  { label: 'admin + raw Cypher', name: 'raw-admin', role: 'admin' as Role, rawCypher: true },
];

let h: AuthHarness;
const cookies = new Map<string, string>();
beforeAll(async () => {
  h = await startAuthHarness(smallGraph());
  for (const caller of CALLERS) {
    await addUser(h, caller.name, caller.role, 'RED', { rawCypher: caller.rawCypher });
    cookies.set(caller.name, await signIn(h.app, caller.name));
  }
  // an enabled admin other than the probe's, so the probe's PATCH cannot be refused as "the last admin"
  await addUser(h, 'spare-admin', 'admin');
});
afterAll(async () => {
  await h?.close();
});

const probeUrl = (p: string) =>
  '/api' + p.replace(/:([A-Za-z0-9_]+)/g, (_, n) => (n === 'asset' ? 'swagger-ui.css' : 'zz-probe'));

type Cell = '401' | '403' | 'ok' | string;

async function call(route: (typeof apiRoutes)[number], cookie?: string): Promise<{ cell: Cell; code?: string }> {
  let req = request(h.app)
    [route.method](probeUrl(route.path))
    .set('Content-Type', 'application/json')
    .set('X-Scamnet-Request', '1');
  if (cookie) req = req.set('Cookie', cookie);
  const res = await req.send('{}');
  const code = res.body?.error?.code as string | undefined;
  if (res.status === 401) return { cell: '401', code };
  if (res.status === 403 && code === 'forbidden') return { cell: '403', code };
  return { cell: res.status < 400 ? 'ok' : `ran (${res.status})`, code };
}

describe('role matrix', () => {
  it('every route × no account, viewer, analyst, admin, admin with raw Cypher answers as ROLE_PERMISSIONS says', async () => {
    const rows: string[] = [
      `| route | permission | none | ${CALLERS.map((c) => c.label).join(' | ')} |`,
      `| --- | --- | --- | ${CALLERS.map(() => '---').join(' | ')} |`,
    ];
    // signing out in the middle would leave the later rows without a session: it goes last
    const last = (r: (typeof apiRoutes)[number]) => Number(r.path === '/auth/sign-out');
    for (const route of [...apiRoutes].sort((a, b) => last(a) - last(b))) {
      const none = await call(route);
      const cells: string[] = [none.cell];
      if (route.permission === 'public') expect(none.cell, `${route.method} ${route.path}`).not.toBe('403');
      else expect(none.cell, `${route.method} ${route.path} without an account`).toBe('401');
      for (const caller of CALLERS) {
        const result = await call(route, cookies.get(caller.name));
        cells.push(result.cell);
        const allowed =
          route.permission === 'public' || can({ ...caller, clearance: 'RED', via: 'session' }, route.permission);
        const label = `${caller.label}: ${route.method} ${route.path} (${route.permission})`;
        if (allowed) {
          expect(result.cell, label).not.toBe('401');
          expect(result.cell, label).not.toBe('403');
        } else expect(result.cell, label).toBe('403');
      }
      rows.push(`| ${route.method.toUpperCase()} /api${route.path} | ${route.permission} | ${cells.join(' | ')} |`);
    }
    console.log(
      `\nrole matrix (measured; "ran (4xx)" is the route's own answer to the probe's made-up input):\n${rows.join('\n')}\n`,
    );
  });

  it('a forbidden answer names the missing permission', async () => {
    const res = await request(h.app)
      .get('/api/users')
      .set('Cookie', await signIn(h.app, 'analyst'));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'users:manage' } });
  });
});
