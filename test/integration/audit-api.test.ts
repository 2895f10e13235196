/**
 * The audit trail behind the real app over HTTP, on a real embedded store and real files: what a
 * search, a node, an export, a query and a refused request record; the filters of GET /api/audit;
 * its CSV; 200 requests at once give 200 events and an intact chain.
 *
 * Requests run as real accounts with API tokens (AUTH=on), made as the operator makes them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { MemoryAudit, type AuditTrail } from '../../server/audit/audit-log.ts';
import { AUDIT_CSV_COLUMNS } from '../../server/audit/csv.ts';
import { verifyTrail } from '../../server/audit/verify.ts';
import { createLogger } from '../../server/logger.ts';
import type { Role } from '../../server/model/access.ts';
import { AuditEventSchema, type AuditEvent } from '../../server/model/audit.ts';
import { openCatalogue } from '../../server/queries/catalogue.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { smallGraph } from '../support/small-graph.ts';
import { filesOf, openTrail, removeAll, tempDir } from '../support/audit-trail.ts';
import { OPERATOR } from '../support/auth-harness.ts';
import { AccountStore } from '../../server/auth/account-store.ts';
import { SessionStore } from '../../server/auth/session-store.ts';
import { SignInLinks } from '../../server/auth/sign-in-links.ts';
import { UserAdmin } from '../../server/auth/user-admin.ts';

let dataDir: string;
let auditDir: string;
let store: EmbeddedStore;
let trail: AuditTrail;
let app: express.Express;
const tokens = new Map<string, string>();
/** The Authorization header of an account made for the suite. */
const as = (name: string) => ({ authorization: `Bearer ${tokens.get(name)}` });
let asAdmin: Record<string, string>;

beforeAll(async () => {
  dataDir = tempDir('scamnet-audit-api-');
  auditDir = path.join(dataDir, 'audit');
  store = new EmbeddedStore({ dataDir, limits: { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000 } });
  await store.init();
  await writeBatch(store, smallGraph());
  trail = await openTrail(auditDir);
  const authDir = path.join(dataDir, 'auth');
  app = createApp({
    store,
    logger: createLogger('silent'),
    queries: openCatalogue(store, dataDir),
    analystCypher: true,
    dataDir,
    serveClient: false,
    auth: { mode: 'on', dir: authDir },
    audit: trail,
  });
  // accounts made as the operator does (`npm run user`), on the same AUTH_DIR
  const operator = new UserAdmin(
    new AccountStore(authDir),
    new SessionStore(authDir, { idleMs: 3_600_000, maxMs: 12 * 3_600_000 }),
    new SignInLinks(authDir),
    trail,
  );
  const accounts: [string, Role][] = [
    ['ada', 'admin'],
    ['alice', 'analyst'],
    ['vera', 'viewer'],
    ['load', 'viewer'],
  ];
  await operator.add({ name: 'rex', role: 'admin', clearance: 'RED', password: 'none', rawCypher: true }, OPERATOR);
  tokens.set('rex', (await operator.createToken('rex', 'audit suite', OPERATOR)).token);
  await operator.add({ name: 'greta', role: 'admin', clearance: 'GREEN', password: 'none' }, OPERATOR);
  tokens.set('greta', (await operator.createToken('greta', 'audit suite', OPERATOR)).token);
  for (const [name, role] of accounts) {
    await operator.add({ name, role, clearance: 'RED', password: 'none' }, OPERATOR);
    tokens.set(name, (await operator.createToken(name, 'audit suite', OPERATOR)).token);
  }
  asAdmin = as('ada');
}, 60_000);
afterAll(async () => {
  await trail?.close();
  await store?.close();
  removeAll([dataDir]);
});

const audit = async (query: Record<string, string | number>) => {
  const res = await request(app).get('/api/audit').query(query).set(asAdmin).expect(200);
  return res.body as { entries: AuditEvent[]; truncated: boolean };
};
/** What the files hold right now, read without the server. */
const onDisk = (): AuditEvent[] =>
  filesOf(auditDir).flatMap((f) =>
    readFileSync(f.path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AuditEvent),
  );

describe('what requests record', () => {
  it('a search: user, role, via, address, the terms, kinds and results — on disk before the answer', async () => {
    const res = await request(app)
      .get('/api/search')
      .query({ q: 'alpha', kinds: 'Centre' })
      .set(as('alice'))
      .expect(200);
    const ids = (res.body.results as { id: string }[]).map((r) => r.id);
    expect(ids).toContain('centre:alpha');
    const event = onDisk().findLast((e) => e.action === 'graph.search');
    expect(event).toMatchObject({
      user: 'alice',
      role: 'analyst',
      via: 'token',
      action: 'graph.search',
      targets: ids,
      outcome: 'ok',
      details: { terms: 'alpha', kinds: ['Centre'], results: ids.length },
    });
    expect(event!.address).toMatch(/127\.0\.0\.1|::1/);
    expect(Date.parse(event!.time)).toBeGreaterThan(Date.now() - 60_000);
    // the API answers the same event, in the shared schema
    const { entries } = await audit({ action: 'graph.search', user: 'alice' });
    expect(AuditEventSchema.parse(entries[0])).toEqual(event && AuditEventSchema.parse(event));
  });

  it('a node opened, and one that is not there (failed, with the error code)', async () => {
    await request(app).get('/api/nodes/centre:beta').set(asAdmin).expect(200);
    await request(app).get('/api/nodes/centre:nowhere').set(asAdmin).expect(404);
    const { entries } = await audit({ action: 'graph.node' });
    expect(entries.slice(0, 2)).toMatchObject([
      { targets: ['centre:nowhere'], outcome: 'failed', details: { error: { code: 'not_found', status: 404 } } },
      { targets: ['centre:beta'], outcome: 'ok', user: 'ada', role: 'admin' },
    ]);
  });

  it('input that does not parse is recorded as failed, under the action it was for', async () => {
    await request(app).get('/api/search').set(asAdmin).expect(400);
    const { entries } = await audit({ action: 'graph.search', user: 'ada' });
    expect(entries[0]).toMatchObject({ outcome: 'failed', details: { error: { code: 'validation_error' } } });
  });

  it('neighbours and paths: the ids and the depth', async () => {
    await request(app).get('/api/nodes/centre:alpha/neighbors').query({ depth: 2 }).set(asAdmin).expect(200);
    await request(app).get('/api/paths').query({ from: 'centre:alpha', to: 'centre:gamma' }).set(asAdmin).expect(200);
    expect((await audit({ action: 'graph.neighbours' })).entries[0]).toMatchObject({
      targets: ['centre:alpha'],
      details: { depth: 2 },
    });
    expect((await audit({ action: 'graph.paths' })).entries[0]).toMatchObject({
      targets: ['centre:alpha', 'centre:gamma'],
    });
  });

  it('an export: format, recipient TLP, data version and what was withheld', async () => {
    const res = await request(app)
      .post('/api/export')
      .set(asAdmin)
      .send({ format: 'json', selection: { kind: 'ego', id: 'centre:alpha', depth: 1 }, recipientTlp: 'GREEN' })
      .expect(200);
    // the file is streamed before the event is recorded: wait for it to be there
    const event = await vi.waitFor(async () => {
      const found = (await audit({ action: 'export' })).entries[0];
      if (!found) throw new Error('no export event yet');
      return found;
    });
    expect(event).toMatchObject({
      user: 'ada',
      targets: ['centre:alpha'],
      outcome: 'ok',
      details: {
        format: 'json',
        recipientTlp: 'GREEN',
        dataVersion: res.headers['x-export-data-version'],
        highestTlp: res.headers['x-export-highest-tlp'],
        withheld: {
          nodes: Number(res.headers['x-export-withheld-nodes']),
          links: Number(res.headers['x-export-withheld-links']),
        },
        selection: { kind: 'ego', id: 'centre:alpha' },
      },
    });
    expect((event.details.withheld as { nodes: number }).nodes).toBeGreaterThan(0);
  });

  it('a library query run: its name and parameters', async () => {
    const { body } = await request(app).get('/api/queries').set(asAdmin).expect(200);
    const query = (body.queries as { name: string; params: { name: string }[] }[]).find((q) => q.params.length === 0)!;
    await request(app).post(`/api/queries/${query.name}/run`).set(asAdmin).send({ params: {} }).expect(200);
    expect((await audit({ action: 'query.run' })).entries[0]).toMatchObject({
      targets: [query.name],
      details: { name: query.name, params: {} },
    });
  });

  it('writes: an import with its files and counts, a workspace saved, opened and deleted', async () => {
    const csv = 'id,name,status,grade,tlp,sourceIds\ncentre:audited,Audited,active,B2,AMBER,source:doc-a\n';
    await request(app)
      .post('/api/import')
      .set(as('alice'))
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(csv), 'Centre.csv')
      .expect(200);
    expect((await audit({ action: 'import' })).entries[0]).toMatchObject({
      user: 'alice',
      outcome: 'ok',
      details: { onError: 'abort', files: [{ name: 'Centre.csv', rows: 1 }], nodes: { created: 1 } },
    });
    const workspace = {
      title: 'Case 7',
      graph: {
        nodes: [{ key: 'centre:alpha', attributes: { kind: 'Centre', label: 'Alpha', x: 0, y: 0 } }],
        edges: [],
      },
    };
    await request(app).put('/api/workspaces/case-7').set(as('alice')).send(workspace).expect(200);
    await request(app).get('/api/workspaces/case-7').set(as('alice')).expect(200);
    const del = await request(app).delete('/api/workspaces/case-7').set(as('alice')).set('X-Scamnet-Request', '1');
    expect(del.status, JSON.stringify(del.body)).toBe(204);
    const { entries } = await audit({ action: 'workspace.*', user: 'alice' });
    expect(entries.map((e) => [e.action, e.targets, e.outcome])).toEqual([
      ['workspace.delete', ['case-7'], 'ok'],
      ['workspace.open', ['case-7'], 'ok'],
      ['workspace.save', ['case-7'], 'ok'],
    ]);
  });

  it('raw Cypher: the text and its parameters', async () => {
    const query = 'MATCH (n:Centre) WHERE n.id = $id RETURN n.name AS name';
    await request(app)
      .post('/api/cypher')
      .set(as('rex'))
      .send({ query, params: { id: 'centre:alpha' } })
      .expect(200);
    expect((await audit({ action: 'cypher.run' })).entries[0]).toMatchObject({
      user: 'rex',
      outcome: 'ok',
      details: { query, params: { id: 'centre:alpha' }, rows: 1 },
    });
  });

  it('a refused request: access.denied with the permission, and the refused action is not done', async () => {
    await request(app).get('/api/audit').set(as('vera')).expect(403);
    await request(app).put('/api/workspaces/case-1').set(as('vera')).send({}).expect(403);
    const { entries } = await audit({ user: 'vera', action: 'access.denied' });
    expect(entries).toMatchObject([
      {
        action: 'access.denied',
        role: 'viewer',
        outcome: 'denied',
        details: { permission: 'workspaces:write', status: 403, route: 'PUT /api/workspaces/:name' },
      },
      { action: 'access.denied', outcome: 'denied', details: { permission: 'audit:read', route: 'GET /api/audit' } },
    ]);
  });

  it('an admin cleared below the highest marking may not read the trail: it names ids and terms at every level', async () => {
    const res = await request(app).get('/api/audit').set(as('greta')).expect(403);
    expect(res.body.error).toMatchObject({
      code: 'forbidden',
      details: { clearance: 'GREEN', highestMarking: expect.stringMatching(/AMBER|RED/) },
    });
    await request(app).get('/api/audit.csv').set(as('greta')).expect(403);
    const { entries } = await audit({ user: 'greta', action: 'audit.*' });
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['audit.export', 'denied'],
      ['audit.read', 'denied'],
    ]);
  });

  it('a request without an account: access.denied as anonymous, 401', async () => {
    await request(app).get('/api/search').query({ q: 'alpha' }).expect(401);
    expect((await audit({ user: 'anonymous', action: 'access.denied' })).entries[0]).toMatchObject({
      role: null,
      via: null,
      outcome: 'denied',
      details: { permission: 'graph:read', status: 401, route: 'GET /api/search' },
    });
  });

  it('a page of another origin or a rebound host name: access.refused, before any account is known', async () => {
    await request(app)
      .post('/api/cypher')
      .set(as('rex'))
      .set('Origin', 'https://evil.example')
      .send({ query: 'RETURN 1' })
      .expect(403);
    await request(app).get('/api/search').set('Host', 'rebound.example').query({ q: 'alpha' }).expect(421);
    const { entries } = await audit({ action: 'access.refused' });
    expect(entries.slice(0, 2)).toMatchObject([
      { user: 'anonymous', outcome: 'denied', details: { code: 'misdirected_request', path: '/api/search' } },
      {
        user: 'anonymous',
        outcome: 'denied',
        details: { code: 'cross_origin', method: 'POST', path: '/api/cypher', origin: 'https://evil.example' },
      },
    ]);
    // the refused statement never ran
    expect((await audit({ action: 'cypher.run' })).entries.every((e) => e.details.query !== 'RETURN 1')).toBe(true);
  });

  it('token use and account changes land in the same chain', async () => {
    const { entries } = await audit({ action: 'token.*', limit: 10_000 });
    expect(entries.map((e) => e.targets[0]).sort()).toEqual(expect.arrayContaining(['ada', 'alice', 'load', 'vera']));
    expect((await audit({ action: 'auth.token-used', user: 'ada' })).entries.length).toBeGreaterThan(0);
  });

  it('reading the trail is itself recorded, with the filter', async () => {
    await audit({ user: 'nobody-at-all' });
    const { entries } = await audit({ action: 'audit.read' });
    expect(entries.some((e) => (e.details.filter as { user?: string }).user === 'nobody-at-all')).toBe(true);
  });
});

describe('the answer waits for the trail', () => {
  it('a JSON answer is not sent before its event is on disk (flushed)', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = new (class extends MemoryAudit {
      override flushed() {
        return gate;
      }
    })();
    const gatedApp = createApp({
      store,
      logger: createLogger('silent'),
      queries: openCatalogue(store, dataDir),
      analystCypher: true,
      dataDir,
      serveClient: false,
      audit: gated,
    });
    let answered = false;
    const pending = request(gatedApp)
      .get('/api/nodes/centre:alpha')
      .then((res) => {
        answered = true;
        return res;
      });
    await vi.waitFor(() => expect(gated.events.map((e) => e.action)).toEqual(['graph.node']));
    // the handler is done and the event recorded; the answer waits on flushed()
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    open();
    expect((await pending).status).toBe(200);
  });
});

describe('GET /api/audit filters', () => {
  it('by action prefix, target, time and limit, newest first, saying when it cut', async () => {
    const all = await audit({ action: 'graph.*', limit: 10_000 });
    expect(all.entries.length).toBeGreaterThan(3);
    expect(all.entries.every((e) => e.action.startsWith('graph.'))).toBe(true);
    const times = all.entries.map((e) => e.time);
    expect([...times].sort().reverse()).toEqual(times);
    const two = await audit({ action: 'graph.*', limit: 2 });
    expect(two).toMatchObject({ truncated: true, entries: all.entries.slice(0, 2) });
    const alpha = await audit({ target: 'centre:alpha' });
    expect(alpha.entries.length).toBeGreaterThan(0);
    expect(alpha.entries.every((e) => e.targets.includes('centre:alpha'))).toBe(true);
    const future = await audit({ from: '2999-01-01' });
    expect(future.entries).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit({ from: today, to: today, action: 'graph.*' })).entries).toHaveLength(all.entries.length);
    await request(app).get('/api/audit').query({ limit: 10_001 }).set(asAdmin).expect(400);
    await request(app).get('/api/audit').query({ from: 'yesterday' }).set(asAdmin).expect(400);
  });
});

describe('GET /api/audit.csv', () => {
  it('parses with csv-parse, has the columns, and defuses formulas', async () => {
    // a name tried at sign-in is the caller's own text, and lands in the user column
    await request(app).post('/api/auth/sign-in').send({ name: '=HYPERLINK("http://evil")', password: 'x' });
    const res = await request(app).get('/api/audit.csv').set(asAdmin).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="scamnet-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...AUDIT_CSV_COLUMNS]);
    const evil = rows.find((r) => r.user!.includes('HYPERLINK'))!;
    expect(evil.user).toBe(`'=HYPERLINK("http://evil")`);
    expect(evil).toMatchObject({ action: 'auth.sign-in', outcome: 'failed' });
    expect(() => JSON.parse(evil.details!)).not.toThrow();
    const search = rows.find((r) => r.action === 'graph.search' && r.user === 'alice')!;
    expect(search).toMatchObject({ role: 'analyst', via: 'token', outcome: 'ok' });
    expect(JSON.parse(search.details!)).toMatchObject({ terms: 'alpha' });
    const filtered = parse((await request(app).get('/api/audit.csv?action=graph.node').set(asAdmin)).text, {
      columns: true,
    }) as Record<string, string>[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((r) => r.action === 'graph.node')).toBe(true);
  });
});

describe('load', () => {
  it('200 requests at once: 200 events, in one intact chain', async () => {
    const before = (await audit({ action: 'graph.node', user: 'load', limit: 10_000 })).entries.length;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request(app)
          .get(`/api/nodes/${i % 2 ? 'centre:alpha' : 'centre:beta'}`)
          .set(as('load')),
      ),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const after = await audit({ action: 'graph.node', user: 'load', limit: 10_000 });
    expect(after.entries.length - before).toBe(200);
    await trail.flushed();
    const reports = await verifyTrail(auditDir);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.problem).toBeUndefined();
    const seqs = onDisk().map((e) => (e as unknown as { seq: number }).seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
