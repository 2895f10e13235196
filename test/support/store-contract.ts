/**
 * The behaviour every GraphStore must share, as one vitest suite run against each backend
 * (test/integration/store-contract.embedded.test.ts, test/neo4j/store-contract.neo4j.test.ts).
 * Queries here are written in the Cypher both engines accept, or built with `store.dialect`.
 *
 * The batch below was written by hand for these tests; it is not drawn from any source.
 *
 *   country:NA -TRAFFICKED_TO-> centre:test-1 -LOCATED_IN-> country:KH
 *   facilitator:test-a -RECRUITS_FOR-> centre:test-1     facilitator:test-a -NATIONAL_OF-> country:NA
 *   centre:test-2 -LOCATED_IN-> country:MM               centre:test-1/2 -REPORTED_IN-> source:contract-report
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { relId } from '../../server/model/relationships.ts';
import {
  NODE_KINDS,
  REL_KINDS,
  nodeKindDef,
  parseBatch,
  type GraphBatch,
  type RelKind,
} from '../../server/model/schema.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import type { GraphStore, QueryResult } from '../../server/store/types.ts';
import { provWith } from './fixtures.ts';

const SOURCE = 'source:contract-report';
const prov = provWith({ grade: 'B2', tlp: 'AMBER', sourceIds: [SOURCE] });

const nodes = [
  {
    kind: 'Source',
    id: SOURCE,
    name: 'Contract test report',
    publisher: 'Test publisher',
    published: '2024-03',
    ...prov(),
  },
  {
    kind: 'Country',
    id: 'country:NA',
    name: 'Namibia',
    iso2: 'NA',
    iso3: 'NAM',
    region: 'Africa',
    lat: -22.5,
    lng: 17,
    firstSeen: '2024-01-15',
    ...prov(),
  },
  {
    kind: 'Country',
    id: 'country:KH',
    name: 'Cambodia',
    iso2: 'KH',
    iso3: 'KHM',
    region: 'Asia',
    subregion: 'South-eastern Asia',
    hubRegion: 'South-East Asia',
    ...prov(),
  },
  { kind: 'Country', id: 'country:MM', name: 'Myanmar', iso2: 'MM', iso3: 'MMR', region: 'Asia', ...prov() },
  {
    kind: 'Centre',
    id: 'centre:test-1',
    name: 'Test compound one',
    aliases: ['Compound Ñ'],
    status: 'active',
    workforce: 1200,
    city: 'Sihanoukville',
    firstSeen: '2024-01-15',
    ...prov(),
  },
  { kind: 'Centre', id: 'centre:test-2', name: 'Test compound two', status: 'raided', workforce: 300, ...prov() },
  { kind: 'Facilitator', id: 'facilitator:test-a', name: 'Grey Heron', role: 'recruiter', ...prov() },
];

const rel = (kind: RelKind, from: string, to: string, extra: object = {}) => ({
  kind,
  id: relId(kind, from, to),
  from,
  to,
  ...prov(),
  ...extra,
});

const TRAFFICKED = rel('TRAFFICKED_TO', 'country:NA', 'centre:test-1', {
  victims: 88,
  periodStart: '2024-01-15',
  periodEnd: '2024-06-30',
});
const LOCATED_1 = rel('LOCATED_IN', 'centre:test-1', 'country:KH');
const RECRUITS = rel('RECRUITS_FOR', 'facilitator:test-a', 'centre:test-1', { recruits: 12 });
const NATIONAL = rel('NATIONAL_OF', 'facilitator:test-a', 'country:NA');
const relationships = [
  TRAFFICKED,
  LOCATED_1,
  rel('LOCATED_IN', 'centre:test-2', 'country:MM'),
  RECRUITS,
  NATIONAL,
  rel('REPORTED_IN', 'centre:test-1', SOURCE),
  rel('REPORTED_IN', 'centre:test-2', SOURCE),
];

function parsed(input: { nodes?: unknown[]; relationships?: unknown[] }): GraphBatch {
  const result = parseBatch(input);
  if (!result.ok) throw new Error(`test batch is invalid: ${JSON.stringify(result.issues)}`);
  return result.batch;
}

/** The contract's batch, parsed (defaults filled in). */
export function contractBatch(): GraphBatch {
  return parsed({ nodes, relationships });
}

const CENTRE_1_CELL = { key: 'centre:test-1', kind: 'Centre', label: 'Test compound one' };

/** What `RETURN c` of centre:test-1 must serialise to on every store. */
export const CENTRE_1_ATTRIBUTES = {
  kind: 'Centre',
  label: 'Test compound one',
  id: 'centre:test-1',
  name: 'Test compound one',
  aliases: ['Compound Ñ'],
  status: 'active',
  workforce: 1200,
  city: 'Sihanoukville',
  sourceIds: [SOURCE],
  grade: 'B2',
  tlp: 'AMBER',
  firstSeen: '2024-01-15',
  synthetic: false,
};

const BASE_IDS = [...nodes.map((n) => n.id)];
const BASE_REL_IDS = relationships.map((r) => r.id);

export async function countNodes(store: GraphStore, kind: string): Promise<number> {
  const result = await store.read(`MATCH (n:${nodeKindDef(kind)!.kind}) RETURN count(n) AS c`);
  return result.rows[0]!.c as number;
}

export async function countRels(store: GraphStore, kind: string): Promise<number> {
  const result = await store.read(`MATCH ()-[r:${kind}]->() RETURN count(r) AS c`);
  return result.rows[0]!.c as number;
}

async function countsOfEveryKind(store: GraphStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { kind } of NODE_KINDS) counts[kind] = await countNodes(store, kind);
  for (const { kind } of REL_KINDS) counts[kind] = await countRels(store, kind);
  return counts;
}

async function countMatching(store: GraphStore, idPrefix: string): Promise<number> {
  const result = await store.read('MATCH (n:ScamType) WHERE n.id STARTS WITH $p RETURN count(n) AS c', { p: idPrefix });
  return result.rows[0]!.c as number;
}

async function existing(store: GraphStore, ids: string[]): Promise<string[]> {
  const result = await store.read('MATCH (n) WHERE n.id IN $ids RETURN n.id AS id', { ids });
  return result.rows.map((r) => r.id as string).sort();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

const keysOf = (result: QueryResult) => ({
  nodes: result.graph.nodes.map((n) => n.key).sort(),
  edges: result.graph.edges.map((e) => e.key).sort(),
});

/**
 * Runs the contract against the store `makeStore` opens (already initialised). When it gives
 * null the suite is skipped; the caller says why.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<GraphStore | null>): void {
  describe(`GraphStore contract: ${name}`, async () => {
    const store = await makeStore();
    if (!store) {
      console.log(`GraphStore contract: ${name}: no store was opened, so the contract suite is skipped`);
      // Skipped on purpose, and said so above: the live Neo4j suite has no server to run against
      // unless NEO4J_URI is set (`npm run test:neo4j`); the embedded suite always has its store.
      describe.skip(`${name} (no store)`, () => {
        it('runs the contract against a live store', () => undefined);
      });
      return;
    }
    const { dialect } = store;
    beforeAll(async () => {
      await writeBatch(store, contractBatch());
    });

    it('applies the schema: every node and relationship kind can be written and read back', async () => {
      await store.init(); // idempotent
      const probe = (prefix: string) => `${prefix}:contract-schema`;
      const nodeIds = new Map(NODE_KINDS.map((k) => [k.kind, probe(k.prefix)]));
      try {
        for (const [kind, id] of nodeIds) {
          const create = `CREATE (n:${kind} {id: $id, name: $name})`;
          await store.write(create, { id, name: `${kind} probe` });
          const read = await store.read(`MATCH (n:${kind} {id: $id}) RETURN n`, { id });
          expect(read.rows).toEqual([{ n: { $type: 'node', key: id, kind, label: `${kind} probe` } }]);
          // the id is the key of every kind: a second node with it is refused
          const duplicate = await rejection(store.write(create, { id, name: 'again' }));
          expect(duplicate).toBeInstanceOf(AppError);
          expect((duplicate as AppError).code).toBe('query_error');
        }
        for (const { kind, endpoints } of REL_KINDS) {
          const [fromKind, toKind] = endpoints[0]!;
          const from = nodeIds.get(fromKind)!;
          const to = nodeIds.get(toKind)!;
          const id = `${kind.toLowerCase()}:contract-schema`;
          const created = await store.write(
            `MATCH (a:${fromKind} {id: $from}) MATCH (b:${toKind} {id: $to}) ` +
              `CREATE (a)-[r:${kind} {id: $id}]->(b) RETURN r`,
            { from, to, id },
          );
          expect(created.rows).toEqual([{ r: { $type: 'edge', key: id, kind, source: from, target: to } }]);
          expect(await countRels(store, kind)).toBeGreaterThanOrEqual(1);
        }
      } finally {
        for (const [kind, id] of nodeIds) {
          await store.write(`MATCH (n:${kind}) WHERE n.id = $id DETACH DELETE n`, { id });
        }
      }
      expect(await existing(store, [...nodeIds.values()])).toEqual([]);
    });

    it('returns normalised JSON: node cells, integers as numbers, DATE properties as YYYY-MM-DD', async () => {
      const result = await store.read(
        'MATCH (c:Centre {id: $id}) ' +
          'RETURN c, c.workforce AS workforce, c.firstSeen AS firstSeen, c.aliases AS aliases, c.lastSeen AS lastSeen',
        { id: 'centre:test-1' },
      );
      expect(result.columns).toEqual(['c', 'workforce', 'firstSeen', 'aliases', 'lastSeen']);
      expect(result.rows).toEqual([
        {
          c: { $type: 'node', key: 'centre:test-1', kind: 'Centre', label: 'Test compound one' },
          workforce: 1200,
          firstSeen: '2024-01-15',
          aliases: ['Compound Ñ'],
          lastSeen: null,
        },
      ]);
      // exact: nulls dropped, the internal search key never exposed
      expect(result.graph).toEqual({ nodes: [{ key: 'centre:test-1', attributes: CENTRE_1_ATTRIBUTES }], edges: [] });
      expect(result.truncated).toBe(false);
      expect(typeof result.elapsedMs).toBe('number');

      const country = await store.read('MATCH (n:Country {id: $id}) RETURN n', { id: 'country:NA' });
      expect(country.graph.nodes[0]!.attributes).toMatchObject({ lat: -22.5, lng: 17, firstSeen: '2024-01-15' });

      const count = await store.read('MATCH (n:Country) WHERE n.id IN $ids RETURN count(n) AS c', { ids: BASE_IDS });
      expect(count.rows).toEqual([{ c: 3 }]);
      // an integer parameter stays an integer (Neo4j's range() refuses floats)
      const range = await store.read('UNWIND range(1, $n) AS i RETURN i', { n: 3 });
      expect(range.rows).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    });

    it('includes the end nodes in the graph of a relationship-only query', async () => {
      const result = await store.read('MATCH ()-[r:TRAFFICKED_TO]->() WHERE r.id = $id RETURN r', {
        id: TRAFFICKED.id,
      });
      const edge = { key: TRAFFICKED.id, kind: 'TRAFFICKED_TO', source: 'country:NA', target: 'centre:test-1' };
      expect(result.rows).toEqual([{ r: { $type: 'edge', ...edge } }]);
      expect(keysOf(result)).toEqual({ nodes: ['centre:test-1', 'country:NA'], edges: [TRAFFICKED.id] });
      expect(result.graph.edges[0]).toEqual({
        key: TRAFFICKED.id,
        source: 'country:NA',
        target: 'centre:test-1',
        attributes: {
          kind: 'TRAFFICKED_TO',
          id: TRAFFICKED.id,
          victims: 88,
          periodStart: '2024-01-15',
          periodEnd: '2024-06-30',
          sourceIds: [SOURCE],
          grade: 'B2',
          tlp: 'AMBER',
          synthetic: false,
        },
      });
      const centre = result.graph.nodes.find((n) => n.key === 'centre:test-1')!;
      expect(centre.attributes).toEqual(CENTRE_1_ATTRIBUTES);
    });

    it('returns shortest paths as path cells with their nodes and edges in the graph', async () => {
      const shortest = (relTypes: string[]) =>
        store.read(
          `MATCH (a:Country {id: $from}) MATCH (b:Country {id: $to}) ` +
            `${dialect.allShortestPaths('p', 'a', 'b', relTypes, 4, 'all')} RETURN p`,
          { from: 'country:NA', to: 'country:KH' },
        );
      const direct = await shortest([]);
      expect(direct.rows).toEqual([
        {
          p: {
            $type: 'path',
            nodes: ['country:NA', 'centre:test-1', 'country:KH'],
            edges: [TRAFFICKED.id, LOCATED_1.id],
          },
        },
      ]);
      expect(keysOf(direct)).toEqual({
        nodes: ['centre:test-1', 'country:KH', 'country:NA'],
        edges: [LOCATED_1.id, TRAFFICKED.id].sort(),
      });
      const viaFacilitator = await shortest(['NATIONAL_OF', 'RECRUITS_FOR', 'LOCATED_IN']);
      expect(viaFacilitator.rows).toEqual([
        {
          p: {
            $type: 'path',
            nodes: ['country:NA', 'facilitator:test-a', 'centre:test-1', 'country:KH'],
            edges: [NATIONAL.id, RECRUITS.id, LOCATED_1.id],
          },
        },
      ]);
    });

    it('keeps at most maxRows rows and says when it cut the result', async () => {
      const cut = await store.read('UNWIND range(1, 10) AS i RETURN i', {}, { maxRows: 4 });
      expect(cut.rows).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }]);
      expect(cut.truncated).toBe(true);
      const countries = 'MATCH (n:Country) WHERE n.id IN $ids RETURN n';
      const exact = await store.read(countries, { ids: BASE_IDS }, { maxRows: 3 });
      expect(exact.rows).toHaveLength(3);
      expect(exact.truncated).toBe(false);
      const nodesCut = await store.read(countries, { ids: BASE_IDS }, { maxRows: 2 });
      expect(nodesCut.rows).toHaveLength(2);
      expect(nodesCut.graph.nodes).toHaveLength(2);
      expect(nodesCut.truncated).toBe(true);
    });

    it('refuses a batch with a relationship to a missing node and leaves none of it behind', async () => {
      const broken = parsed({
        nodes: [
          { kind: 'Country', id: 'country:ZZ', name: 'Rollback', iso2: 'ZZ', iso3: 'ZZZ', region: 'None', ...prov() },
          { kind: 'Centre', id: 'centre:rollback-1', name: 'Rollback compound', status: 'suspected', ...prov() },
        ],
        relationships: [
          rel('LOCATED_IN', 'centre:rollback-1', 'country:ZZ'),
          rel('LOCATED_IN', 'centre:rollback-1', 'country:QQ'),
        ],
      });
      const error = await rejection(writeBatch(store, broken));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('missing_endpoint');
      expect((error as AppError).details).toEqual({
        relationships: [{ id: relId('LOCATED_IN', 'centre:rollback-1', 'country:QQ'), missing: ['country:QQ'] }],
      });
      expect(await existing(store, ['country:ZZ', 'centre:rollback-1'])).toEqual([]);
    });

    it('commits a transaction whose work resolves and leaves nothing when it throws', async () => {
      const create = 'CREATE (n:Country {id: $id, name: $name})';
      const failure = new Error('work failed after writing');
      const thrown = await rejection(
        store.transaction(async (tx) => {
          await tx.run(create, { id: 'country:XA', name: 'Never committed' });
          await tx.run(create, { id: 'country:XB', name: 'Never committed either' });
          const inside = await tx.run('MATCH (n:Country) WHERE n.id IN $ids RETURN n.id AS id', {
            ids: ['country:XA', 'country:XB'],
          });
          expect(inside.rows).toHaveLength(2); // visible inside the transaction
          throw failure;
        }),
      );
      expect(thrown).toBe(failure);
      expect(await existing(store, ['country:XA', 'country:XB'])).toEqual([]);

      const value = await store.transaction(async (tx) => {
        await tx.run(create, { id: 'country:XC', name: 'Committed' });
        return 'done';
      });
      expect(value).toBe('done');
      expect(await existing(store, ['country:XC'])).toEqual(['country:XC']);
      await store.write('MATCH (n:Country) WHERE n.id = $id DETACH DELETE n', { id: 'country:XC' });
      expect(await existing(store, ['country:XC'])).toEqual([]);
    });

    it('times each statement of a transaction, not the transaction: many quick ones commit, a runaway one leaves nothing', async () => {
      const timeoutMs = 1_000;
      const create = 'CREATE (n:ScamType {id: $id, name: $id, grade: $grade, tlp: $tlp, synthetic: true})';
      // Quick statements until the transaction as a whole has outlived the timeout twice over.
      const written = await store.transaction(
        async (tx) => {
          const started = performance.now();
          let i = 0;
          while (performance.now() - started < 2 * timeoutMs) {
            await tx.run(create, { id: `scamtype:slow-tx-${i++}`, grade: 'C3', tlp: 'GREEN' });
          }
          return i;
        },
        { timeoutMs },
      );
      expect(await countMatching(store, 'scamtype:slow-tx-')).toBe(written);
      await store.write("MATCH (n:ScamType) WHERE n.id STARTS WITH 'scamtype:slow-tx-' DETACH DELETE n");

      // 150^4 rows whose filter no engine can push down: runs until stopped.
      const runaway = store.transaction(
        async (tx) => {
          const ids = Array.from({ length: 150 }, (_, i) => `scamtype:filler-${i}`);
          await tx.run(
            'UNWIND $ids AS i CREATE (n:ScamType {id: i, name: i, grade: "C3", tlp: "GREEN", synthetic: true})',
            { ids },
          );
          await tx.run(
            "MATCH (a:ScamType), (b:ScamType), (c:ScamType), (d:ScamType) WHERE a.name + b.name + c.name + d.name = 'x' RETURN count(*) AS c",
          );
        },
        { timeoutMs },
      );
      const error = await rejection(runaway);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('timeout');
      expect(await countMatching(store, 'scamtype:filler-')).toBe(0);
    });

    it('upserts by id: writing the same batch again changes no count, a changed record is updated', async () => {
      const before = await countsOfEveryKind(store);
      const summary = await writeBatch(store, contractBatch());
      expect(summary).toEqual({ nodes: nodes.length, relationships: relationships.length });
      expect(await countsOfEveryKind(store)).toEqual(before);
      expect(await existing(store, BASE_IDS)).toEqual([...BASE_IDS].sort());
      const rels = await store.read('MATCH ()-[r]->() WHERE r.id IN $ids RETURN r.id AS id', { ids: BASE_REL_IDS });
      expect(rels.rows.map((r) => r.id).sort()).toEqual([...BASE_REL_IDS].sort());

      const changed = contractBatch();
      const centre = changed.nodes.find((n) => n.id === 'centre:test-1')! as { workforce: number | null };
      centre.workforce = 1500;
      await writeBatch(store, changed);
      const read = await store.read('MATCH (c:Centre {id: $id}) RETURN c.workforce AS w', { id: 'centre:test-1' });
      expect(read.rows).toEqual([{ w: 1500 }]);
      expect(await countsOfEveryKind(store)).toEqual(before);
      await writeBatch(store, contractBatch());
      const restored = await store.read('MATCH (c:Centre {id: $id}) RETURN c.workforce AS w', { id: 'centre:test-1' });
      expect(restored.rows).toEqual([{ w: 1200 }]);
    });

    it('keeps one relationship per id: writing an id again with other ends moves it', async () => {
      const moved = parseBatch({
        relationships: [{ ...LOCATED_1, to: 'country:MM' }],
      });
      if (!moved.ok) throw new Error(JSON.stringify(moved.issues));
      await writeBatch(store, moved.batch);
      const read = await store.read(
        'MATCH (c:Centre)-[r:LOCATED_IN]->(k:Country) WHERE r.id = $id RETURN c.id AS c, k.id AS k',
        {
          id: LOCATED_1.id,
        },
      );
      expect(read.rows).toEqual([{ c: 'centre:test-1', k: 'country:MM' }]);
      await writeBatch(store, contractBatch());
      const back = await store.read('MATCH ()-[r:LOCATED_IN]->(k:Country) WHERE r.id = $id RETURN k.id AS k', {
        id: LOCATED_1.id,
      });
      expect(back.rows).toEqual([{ k: 'country:KH' }]);
    });

    it('formats DATE values inside lists as YYYY-MM-DD too', async () => {
      const read = await store.read('MATCH (c:Centre {id: $id}) RETURN [c.firstSeen] AS dates', {
        id: 'centre:test-1',
      });
      expect(read.rows).toEqual([{ dates: ['2024-01-15'] }]);
    });

    it('turns a bad query into a query_error', async () => {
      const error = await rejection(store.read('MATCH (n RETURN n'));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('query_error');
      expect((error as AppError).status).toBe(400);
      const missingParam = await rejection(store.read('MATCH (n:Country {id: $id}) RETURN n'));
      expect(missingParam).toBeInstanceOf(AppError);
      expect((missingParam as AppError).code).toBe('query_error');
    });

    it('serves at least 100 concurrent reads and writes, every one succeeding, with exact counts', async () => {
      const before = {
        facilitators: await countNodes(store, 'Facilitator'),
        nationalOf: await countRels(store, 'NATIONAL_OF'),
        scamTypes: await countNodes(store, 'ScamType'),
      };
      const BATCHES = 40;
      const WRITES = 20;
      const READS = 60;
      const batchWrite = (i: number) =>
        writeBatch(
          store,
          parsed({
            nodes: [
              { kind: 'Facilitator', id: `facilitator:conc-${i}`, name: `Concurrent ${i}`, role: 'broker', ...prov() },
            ],
            relationships: [rel('NATIONAL_OF', `facilitator:conc-${i}`, 'country:NA')],
          }),
        );
      const statementWrite = (i: number) =>
        store.write(
          'MERGE (s:ScamType {id: $id}) ' +
            'SET s.name = $name, s.grade = $grade, s.tlp = $tlp, s.synthetic = $synthetic RETURN s.id AS id',
          { id: `scamtype:conc-${i}`, name: `Concurrent scam ${i}`, grade: 'C3', tlp: 'GREEN', synthetic: true },
        );
      const read = (i: number) =>
        i % 2 === 0
          ? store.read('MATCH (c:Centre {id: $id}) RETURN c', { id: 'centre:test-1' })
          : store.read('MATCH (n:Country) WHERE n.id IN $ids RETURN count(n) AS c', { ids: BASE_IDS });
      const ops: Array<() => Promise<unknown>> = [
        ...Array.from({ length: BATCHES }, (_, i) => () => batchWrite(i)),
        ...Array.from({ length: WRITES }, (_, i) => () => statementWrite(i)),
        ...Array.from({ length: READS }, (_, i) => () => read(i)),
      ];
      // interleave the kinds of work so reads overlap writes
      const shuffled = ops.map((op, i) => ({ op, order: (i * 37) % ops.length })).sort((a, b) => a.order - b.order);
      expect(shuffled).toHaveLength(120);
      const settled = await Promise.allSettled(shuffled.map(({ op }) => op()));
      const failures = settled
        .filter((s): s is PromiseRejectedResult => s.status === 'rejected')
        .map((s) => String(s.reason));
      expect(failures).toEqual([]);
      for (const s of settled) {
        const value = (s as PromiseFulfilledResult<unknown>).value;
        if (value && typeof value === 'object' && 'rows' in value) {
          const row = (value as QueryResult).rows[0]!;
          if ('c' in row && typeof row.c === 'number') expect(row.c).toBe(3);
          else if ('c' in row) expect(row.c).toEqual({ $type: 'node', ...CENTRE_1_CELL });
          else expect(String(row.id)).toMatch(/^scamtype:conc-\d+$/);
        } else {
          expect(value).toEqual({ nodes: 1, relationships: 1 });
        }
      }
      expect(await countNodes(store, 'Facilitator')).toBe(before.facilitators + BATCHES);
      expect(await countRels(store, 'NATIONAL_OF')).toBe(before.nationalOf + BATCHES);
      expect(await countNodes(store, 'ScamType')).toBe(before.scamTypes + WRITES);
    });
  });
}
