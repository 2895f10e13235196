/**
 * JSON and Cypher exports are streamed: sent in chunks as they are written (no Content-Length,
 * chunked transfer), and what arrives is still one valid file holding the whole selection.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { exportGraph } from '../support/export-graph.ts';

let h: Harness;
const ids = exportGraph().nodes.map((n) => n.id);

beforeAll(async () => {
  h = await startHarness(exportGraph());
});
afterAll(async () => {
  await h?.close();
});

describe('streamed exports', () => {
  it('sends JSON in chunks, and the chunks make the whole graph', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', selection: { kind: 'ids', ids } })
      .expect(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    const doc = JSON.parse(res.text);
    expect(doc.nodes.map((n: { key: string }) => n.key).sort()).toEqual([...ids].sort());
    expect(doc.edges.length).toBeGreaterThan(0);
    expect(doc.edges.length).toBe(doc.attributes.manifest.counts.links);
    expect(doc.attributes.manifest.selection).toEqual({ kind: 'ids', ids });
  });

  it('sends a Cypher script in chunks, one statement a line', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'cypher', selection: { kind: 'ids', ids } })
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const script = res.body as string;
    expect(script.match(/^MERGE \(n:/gm)).toHaveLength(ids.length);
    expect(script.trimEnd().split('\n').at(-1)).toMatch(/^MATCH .* MERGE \(a\)-\[r:\w+ \{id: /);
  });

  it('still answers a bad request with a JSON error, before anything is streamed', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', selection: { kind: 'ids', ids: ['centre:nowhere'] } })
      .expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
