/**
 * Two scamnet servers in front of one Neo4j, as a team runs several API servers before a cluster:
 * what one imports, the other answers at once. Each server is its own Neo4jStore (its own driver
 * and bookmark manager), as two processes would be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.ts';
import { appFor, startHarness, type Harness } from '../support/app-harness.ts';
import { describeLive } from '../support/neo4j-live.ts';
import { smallGraph } from '../support/small-graph.ts';

const PROV = 'grade,tlp,sourceIds';

describeLive('two scamnet servers on one Neo4j', () => {
  let first: Harness;
  let second: Neo4jStore;
  let secondDir: string;
  beforeAll(async () => {
    first = await startHarness(smallGraph());
    second = new Neo4jStore({
      uri: process.env.NEO4J_URI!,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      limits: { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 16_000_000 },
    });
    await second.init();
    secondDir = mkdtempSync(path.join(tmpdir(), 'scamnet-second-'));
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    if (secondDir) rmSync(secondDir, { recursive: true, force: true });
  });

  it('reads through the second server what the first has just imported, every time', async () => {
    const other = appFor(second, secondDir);
    for (let i = 0; i < 20; i++) {
      const id = `centre:two-servers-${i}`;
      const csv = `id,name,status,${PROV}\n${id},Shared ${i},active,B2,AMBER,source:doc-a\n`;
      const imported = await request(first.app)
        .post('/api/import')
        .set('X-Scamnet-Request', '1')
        .attach('files', Buffer.from(csv), 'Centre.csv');
      expect(imported.status, imported.text).toBe(200);
      // no wait: the write has committed when the first server answers
      const read = await request(other).get(`/api/nodes/${encodeURIComponent(id)}`);
      expect(read.status, read.text).toBe(200);
      expect(read.body.node.attributes.name).toBe(`Shared ${i}`);
    }
    const health = await request(other).get('/api/health').expect(200);
    expect(health.body.backend).toBe('neo4j');
  });
});
