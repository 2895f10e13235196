/**
 * `npm run copy-store` between the embedded store and the live Neo4j, both ways, as a process:
 * the round trip embedded → Neo4j → embedded keeps the data version (the export manifest's) and
 * every saved query and workspace; a non-empty Neo4j is refused without --replace; a wrong
 * password is refused; and a copy that fails mid-way (a list with a null, which Neo4j cannot
 * store; a value the embedded engine cannot cast) leaves the target's old graph whole.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { type EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import type { Neo4jStore } from '../../server/store/neo4j/neo4j-store.ts';
import {
  awkwardGraph,
  dataFilesOf,
  fillSource,
  printedDataVersion,
  runCopyStore,
  wholeDataVersion,
} from '../support/copy-fixtures.ts';
import { withEmbeddedStore } from '../support/copy-fixtures.ts';
import { clearLiveNeo4j, describeLive, openLiveNeo4j } from '../support/neo4j-live.ts';
import { smallGraph } from '../support/small-graph.ts';

const LIMITS = { timeoutMs: 600_000, maxRows: 10_000_000, maxBytes: 2_000_000_000 };
/** A CLI run against a loaded machine's Neo4j takes a minute or two. */
const SLOW = 600_000;

const withEmbedded = <T>(dataDir: string, work: (store: EmbeddedStore) => Promise<T>) =>
  withEmbeddedStore(dataDir, LIMITS, work);

describeLive('npm run copy-store between the embedded store and Neo4j', () => {
  let neo4j: Neo4jStore;
  let dir: string;
  let sourceDir: string;
  let sourceVersion: string;

  beforeAll(async () => {
    neo4j = await openLiveNeo4j(LIMITS);
    dir = mkdtempSync(path.join(tmpdir(), 'scamnet-copy-neo4j-'));
    sourceDir = path.join(dir, 'source');
    sourceVersion = await withEmbedded(sourceDir, async (store) => {
      await fillSource(store, sourceDir);
      return wholeDataVersion(store);
    });
  }, SLOW);
  afterAll(async () => {
    await neo4j?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'embedded → Neo4j → embedded keeps the data version, the counts, the saved queries and the workspaces',
    async () => {
      const serverData = path.join(dir, 'server-data');
      const there = runCopyStore([
        '--from',
        'embedded',
        '--from-data',
        sourceDir,
        '--to',
        'neo4j',
        '--to-data',
        serverData,
      ]);
      expect(there.status, there.stderr).toBe(0);
      expect(printedDataVersion(there.stdout)).toBe(sourceVersion);
      expect(there.stdout).toMatch(/^relationships in all\s+(\d+)\s+\1$/m);
      expect(await wholeDataVersion(neo4j)).toBe(sourceVersion);
      expect(dataFilesOf(serverData)).toEqual(dataFilesOf(sourceDir));

      const backDir = path.join(dir, 'back');
      const back = runCopyStore([
        '--from',
        'neo4j',
        '--from-data',
        serverData,
        '--to',
        'embedded',
        '--to-data',
        backDir,
      ]);
      expect(back.status, back.stderr).toBe(0);
      expect(printedDataVersion(back.stdout)).toBe(sourceVersion);
      expect(back.stderr).toMatch(/through COPY FROM/);
      expect(await withEmbedded(backDir, wholeDataVersion)).toBe(sourceVersion);
      expect(dataFilesOf(backDir)).toEqual(dataFilesOf(sourceDir));
      expect(Object.keys(dataFilesOf(backDir))).toEqual(['queries/all-centres.json', 'workspaces/case-1.json']);
    },
    SLOW,
  );

  it(
    'refuses a Neo4j that holds anything without --replace, and one it cannot log in to; Neo4j is left as it was',
    async () => {
      await clearLiveNeo4j(neo4j);
      await writeBatch(neo4j, smallGraph());
      const before = await wholeDataVersion(neo4j);
      const refused = runCopyStore([
        '--from',
        'embedded',
        '--from-data',
        sourceDir,
        '--to',
        'neo4j',
        '--to-data',
        path.join(dir, 'refused-data'),
      ]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        /neo4j target is not empty \(14 nodes, 18 relationships\): nothing was copied\. Give --replace/,
      );
      expect(await wholeDataVersion(neo4j)).toBe(before);
      expect(existsSync(path.join(dir, 'refused-data'))).toBe(false);

      const denied = runCopyStore(
        [
          '--from',
          'embedded',
          '--from-data',
          sourceDir,
          '--to',
          'neo4j',
          '--to-data',
          path.join(dir, 'denied-data'),
          '--replace',
        ],
        {
          NEO4J_PASSWORD: 'not-the-password',
        },
      );
      expect(denied.status).toBe(1);
      expect(denied.stderr).toMatch(/cannot open the target store \(neo4j, bolt:\/\/.*nothing was copied/);
      expect(denied.stderr).not.toContain('not-the-password');
      expect(await wholeDataVersion(neo4j)).toBe(before);
      expect(existsSync(path.join(dir, 'denied-data'))).toBe(false);
    },
    SLOW,
  );

  it(
    'leaves Neo4j’s old graph whole when the copy fails mid-way, even with --replace',
    async () => {
      await clearLiveNeo4j(neo4j);
      await writeBatch(neo4j, awkwardGraph());
      const before = await wholeDataVersion(neo4j);
      // Ladybug lists may hold a null; Neo4j refuses to store one. Source is the last node kind
      // copied, so every other kind has been written when it fails.
      const nullInList = path.join(dir, 'null-in-list');
      await withEmbedded(nullInList, async (store) => {
        await writeBatch(store, smallGraph());
        await store.write("MATCH (s:Source {id: 'source:doc-b'}) SET s.aliases = ['kept', NULL]");
      });
      const run = runCopyStore([
        '--from',
        'embedded',
        '--from-data',
        nullInList,
        '--to',
        'neo4j',
        '--to-data',
        path.join(dir, 'null-data'),
        '--replace',
      ]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('emptied 624 nodes and 620 relationships');
      expect(run.stderr).toMatch(/wrote 1 Operation nodes/);
      expect(run.stderr).toMatch(/the copy failed and was rolled back; the target is as it was: .*null/i);
      expect(existsSync(path.join(dir, 'null-data'))).toBe(false);
      expect(await wholeDataVersion(neo4j)).toBe(before);
    },
    SLOW,
  );

  it(
    'leaves the embedded target’s old graph whole when the copy from Neo4j fails mid-way, even with --replace',
    async () => {
      await clearLiveNeo4j(neo4j);
      await writeBatch(neo4j, smallGraph());
      // Neo4j stores any type anywhere; the embedded table's INT64 column cannot take this one.
      await neo4j.write("MATCH ()-[r:TRAFFICKED_TO {id: 'e1'}]->() SET r.victims = 'many'");
      const targetDir = path.join(dir, 'old-target');
      const before = await withEmbedded(targetDir, async (store) => {
        await writeBatch(store, awkwardGraph());
        return wholeDataVersion(store);
      });
      const run = runCopyStore([
        '--from',
        'neo4j',
        '--from-data',
        path.join(dir, 'no-files'),
        '--to',
        'embedded',
        '--to-data',
        targetDir,
        '--replace',
      ]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('emptied');
      expect(run.stderr).toMatch(/wrote \d+ Centre nodes/);
      expect(run.stderr).toMatch(/the copy failed and was rolled back; the target is as it was/);
      expect(await withEmbedded(targetDir, wholeDataVersion)).toBe(before);
      const staging = path.join(targetDir, 'staging');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
      expect(readdirSync(targetDir).filter((f) => f.startsWith('.'))).toEqual([]);
    },
    SLOW,
  );
});
