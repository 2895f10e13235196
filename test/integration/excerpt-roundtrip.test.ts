/**
 * Source excerpts through import and export over HTTP: a CSV import with an `excerpt` column
 * stores it, the node's details give it, and the JSON and CSV exports carry it back. On both stores.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { exportFrom } from '../support/export-request.ts';
import { smallGraph } from '../support/small-graph.ts';

const EXCERPT = 'Police found 88 young people, 163 computers and 350 phones; "held against their will".';
const CSV = `id,name,status,grade,tlp,sourceIds,excerpt\ncentre:cited,Cited Compound,active,B2,GREEN,source:doc-a,"${EXCERPT.replace(/"/g, '""')}"\n`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness(smallGraph());
});
afterAll(() => h.close());

describe('excerpts in import and export', () => {
  it('imports an excerpt column, shows it in the details, and exports it', async () => {
    const imported = await request(h.app)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(CSV), 'Centre.csv');
    expect(imported.status, imported.text).toBe(200);
    const details = await request(h.app).get('/api/nodes/centre:cited').expect(200);
    expect(details.body.provenance.excerpt).toBe(EXCERPT);
    const json = await exportFrom(h.app, { format: 'json', selection: { kind: 'ids', ids: ['centre:cited'] } });
    expect(json.bytes.toString()).toContain(JSON.stringify(EXCERPT).slice(1, -1));
    const csv = await exportFrom(h.app, { format: 'csv', selection: { kind: 'ids', ids: ['centre:cited'] } });
    const files = unzipSync(new Uint8Array(csv.bytes));
    const [row] = parseCsv(strFromU8(files['nodes.csv']!), { bom: true, columns: true }) as Record<string, string>[];
    expect(row?.excerpt).toBe(EXCERPT);
    // a node without one carries none
    const plain = await request(h.app).get('/api/nodes/centre:alpha').expect(200);
    expect(plain.body.provenance.excerpt).toBeNull();
    // past 5,000 characters the import refuses the row
    const long = `id,name,status,grade,tlp,sourceIds,excerpt\ncentre:long,Long,active,B2,GREEN,source:doc-a,${'x'.repeat(5_001)}\n`;
    const refused = await request(h.app)
      .post('/api/import')
      .set('X-Scamnet-Request', '1')
      .attach('files', Buffer.from(long), 'Centre.csv');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0]).toMatchObject({ column: 'excerpt' });
  });
});
