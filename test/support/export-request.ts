/**
 * Asking the real app for an export over HTTP and getting its bytes as they were sent: every
 * format, binary ones (zip, PDF, XLSX) included.
 */
import request from 'supertest';
import { expect } from 'vitest';
import type { GraphBatch } from '../../server/model/schema.ts';
import type { Harness } from './app-harness.ts';

/** A supertest parser that keeps the body as a Buffer, whatever its content type. */
export const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** POST /api/export, expecting 200 (the body's start in the message when it is not). */
export async function exportFrom(app: Harness['app'], body: object): Promise<{ bytes: Buffer; res: request.Response }> {
  const res = await request(app).post('/api/export').send(body).buffer(true).parse(binary);
  expect(res.status, res.body.toString().slice(0, 300)).toBe(200);
  return { bytes: res.body as Buffer, res };
}

/** A selection of every node of the batch. */
export const allOf = (batch: GraphBatch) => ({ kind: 'ids', ids: batch.nodes.map((n) => n.id) }) as const;
