/**
 * The export's Server-Timing header over HTTP: how long reading the selection, preparing it and
 * writing the format took (the bench reads it to tell the GEXF writer's speed from the
 * selection's). It names steps and durations only: nothing of the data, and the audit event of the
 * export is recorded as before.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { exportGraph } from '../support/export-graph.ts';
import { binary } from '../support/export-request.ts';

let h: Harness;
const audit = new MemoryAudit();

beforeAll(async () => {
  h = await startHarness(exportGraph(), {
    actor: { name: 'Analyst One', role: 'analyst', clearance: 'RED', rawCypher: false, via: 'session' },
    audit,
  });
});
afterAll(async () => {
  await h?.close();
});

const DUR = String.raw`(\d+(?:\.\d+)?)`;
const TIMING = new RegExp(`^select;dur=${DUR}, prepare;dur=${DUR}, layout;dur=${DUR}, write;dur=${DUR}$`);

describe('Server-Timing of an export', () => {
  it.each(['gexf', 'json', 'csv'] as const)('%s: names the select, prepare, layout and write steps', async (format) => {
    const before = audit.events.length;
    const started = performance.now();
    const res = await request(h.app)
      .post('/api/export')
      .send({ format, selection: { kind: 'ego', id: 'centre:gamma', depth: 2 } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const elapsed = performance.now() - started;
    const match = TIMING.exec(String(res.headers['server-timing']));
    expect(match, String(res.headers['server-timing'])).not.toBeNull();
    const [select, prepare, layout, write] = match!.slice(1).map(Number) as [number, number, number, number];
    // the steps happen inside the request, one after another
    expect(select + prepare + layout + write).toBeLessThanOrEqual(elapsed);
    expect(select).toBeGreaterThan(0);
    // only GEXF draws: it lays out the nodes (no positions given), the others do not
    if (format === 'gexf') expect(layout).toBeGreaterThan(0);
    else expect(layout).toBe(0);
    const event = audit.events.slice(before).find((e) => e.action === 'export');
    expect(event?.details).toMatchObject({ format });
  });

  it('is not sent with a refusal', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'gexf', selection: { kind: 'ego', id: 'centre:nowhere', depth: 2 } })
      .expect(404);
    expect(res.headers['server-timing']).toBeUndefined();
    expect(res.body.error.code).toBe('not_found');
  });
});
