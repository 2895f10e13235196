/**
 * What the server really sends where the wire schemas (server/model/wire.ts) allow null: a node
 * stored without grade or marking (a Neo4j graph written by other tools can hold one) comes back
 * with grade and tlp null; the client's types now say so, and its badges draw that
 * (client/test/components.test.ts). Before, the client's hand copy of NodeDetails said
 * `grade: string; tlp: string`, and TlpBadge called `tlp.replace` on the null.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDetails as ClientNodeDetails } from '../../client/src/api/client.ts';
import { NodeDetailsSchema, PathsResponseSchema } from '../../server/model/wire.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

let h: Harness;
beforeAll(async () => {
  const batch = smallGraph();
  // written around the import's validation, as another tool writing to the store would
  batch.nodes = batch.nodes.map((n) =>
    n.id === 'country:KE' ? ({ ...n, grade: undefined, tlp: undefined } as unknown as typeof n) : n,
  );
  h = await startHarness(batch);
});
afterAll(async () => {
  await h?.close();
});

describe('nullable fields on the wire', () => {
  it('sends grade and tlp null for a node stored without them, as the schema the client types come from says', async () => {
    const res = await request(h.app).get('/api/nodes/country:KE').expect(200);
    const body: ClientNodeDetails = NodeDetailsSchema.parse(res.body);
    expect(body.provenance.grade).toBeNull();
    expect(body.provenance.tlp).toBeNull();
  });

  it('sends weakestGrade as a string when the path’s relationships are graded', async () => {
    const res = await request(h.app).get('/api/paths?from=country:NA&to=centre:gamma').expect(200);
    const body = PathsResponseSchema.parse(res.body);
    expect(body.paths.map((p) => typeof p.weakestGrade)).toEqual(['string']);
  });
});
