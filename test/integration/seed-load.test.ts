/**
 * Loading the seed graph into a real embedded store: the whole graph goes in, loading twice
 * changes nothing, and replacing the graph is one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/counts.ts';
import { createLogger } from '../../server/logger.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { loadSeed, seedIfEmpty } from '../../server/seed/load-seed.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const small = { seed: 3, scale: 0.2 };

describe('seed loading', () => {
  it('writes every node and relationship of the seed graph, once', async () => {
    const batch = buildSeedGraph(small);
    expect(await seedIfEmpty(h.store, small, createLogger('silent'))).toEqual({
      nodes: batch.nodes.length,
      relationships: batch.relationships.length,
    });
    expect(await graphCounts(h.store)).toEqual({
      nodes: batch.nodes.length,
      relationships: batch.relationships.length,
    });
    // a store that holds anything is left alone, and loading again upserts
    expect(await seedIfEmpty(h.store, small, createLogger('silent'))).toBeNull();
    await loadSeed(h.store, small);
    expect(await graphCounts(h.store)).toEqual({
      nodes: batch.nodes.length,
      relationships: batch.relationships.length,
    });
  });

  it('replaces the graph in one transaction: a failing replacement keeps the old graph', async () => {
    await writeBatch(h.store, smallGraph());
    const before = await graphCounts(h.store);
    const broken = parseBatch({
      nodes: [{ kind: 'ScamType', id: 'scamtype:x', name: 'X', grade: 'C3', tlp: 'GREEN', synthetic: true }],
      relationships: [
        {
          kind: 'RUNS_SCAM',
          id: 'r:x',
          from: 'centre:missing',
          to: 'scamtype:x',
          grade: 'C3',
          tlp: 'GREEN',
          synthetic: true,
        },
      ],
    });
    if (!broken.ok) throw new Error('test batch should be valid');
    await expect(writeBatch(h.store, broken.batch, { replaceAll: true })).rejects.toMatchObject({
      code: 'missing_endpoint',
    });
    expect(await graphCounts(h.store)).toEqual(before);

    const batch = buildSeedGraph(small);
    await loadSeed(h.store, { ...small, replaceAll: true });
    expect(await graphCounts(h.store)).toEqual({
      nodes: batch.nodes.length,
      relationships: batch.relationships.length,
    });
    const gone = await h.store.read("MATCH (c:Centre {id: 'centre:alpha'}) RETURN c");
    expect(gone.rows).toEqual([]);
  });
});
