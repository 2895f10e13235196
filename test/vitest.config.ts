import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Suites that run on both stores: on the embedded store in the `scamnet` project, and again in
 * the `neo4j` project with TEST_BACKEND=neo4j, which makes test/support/app-harness.ts open the
 * live Neo4j (NEO4J_URI) instead of a LadybugDB in a temp dir.
 */
// Not here: cypher-safety (its hostile cases and state snapshot are LadybugDB's own statements;
// test/neo4j/cypher-safety.neo4j.test.ts holds Neo4j's), hostile/cypher-limits (its aggregate-bug
// group is LadybugDB's engine bug, which Neo4j does not have; the store-neutral length, token,
// depth and parameter cases are ported into test/neo4j/cypher-safety.neo4j.test.ts). Suites that
// need two stores at once share one (sideHarness) or open the other kind (export-cypher replays
// into Neo4j).
export const BOTH_STORES = [
  'test/integration/api.test.ts',
  // search through every write path, and hostile terms (issue 14)
  'test/integration/search-upkeep.test.ts',
  // every read endpoint at every clearance, and every library query at GREEN (issue 12)
  'test/integration/clearance.test.ts',
  'test/integration/neighbour-pages.test.ts',
  // the connecting network of several nodes (issue 13): over HTTP, and at each clearance
  'test/integration/connecting-api.test.ts',
  'test/integration/connecting-clearance.test.ts',
  // the saved query library, split to mirror server/queries/ (hand-made and seed graphs apart)
  'test/integration/queries/library.test.ts',
  'test/integration/queries/runner.test.ts',
  'test/integration/queries/clearance.test.ts',
  'test/integration/queries/param-kinds.test.ts',
  'test/integration/queries/hand-made/centres.test.ts',
  'test/integration/queries/hand-made/facilitators.test.ts',
  'test/integration/queries/hand-made/links.test.ts',
  'test/integration/queries/hand-made/routes.test.ts',
  'test/integration/queries/seed/facts.test.ts',
  'test/integration/queries/seed/synthetic-network.test.ts',
  'test/integration/queries/seed/synthetic-regions.test.ts',
  'test/integration/import-api.test.ts',
  'test/integration/import-store.test.ts',
  'test/integration/export-formats.test.ts',
  'test/integration/export-summary-charts.test.ts',
  'test/integration/export-stream.test.ts',
  'test/integration/client-api.test.ts',
  'test/integration/seed-load.test.ts',
  'test/integration/queries-api.test.ts',
  'test/integration/export-cypher.test.ts',
  'test/integration/export-interop.test.ts',
  'test/integration/export-pdf.test.ts',
  'test/integration/export-sigma.test.ts',
  'test/integration/export-stix.test.ts',
  'test/integration/export-xlsx.test.ts',
  // groups (combos) in exports and workspaces (issue 13)
  'test/integration/export-groups.test.ts',
  // the export's Server-Timing (issue 14: the bench tells the writer's speed from the selection's)
  'test/integration/export-timing.test.ts',
  'test/integration/import-graph-xml.test.ts',
  'test/hostile/exports.test.ts',
  'test/hostile/import-input.test.ts',
  'test/hostile/workspaces.test.ts',
  // editing the graph by hand (issue 13): records, the change log's transaction, the edit routes
  'test/integration/edit-records.test.ts',
  'test/integration/edit-api.test.ts',
  'test/integration/source-documents.test.ts',
  'test/integration/excerpt-roundtrip.test.ts',
  // notes and merging (issue 13)
  'test/integration/notes-api.test.ts',
  'test/integration/export-notes.test.ts',
  'test/integration/merge-api.test.ts',
  'test/integration/merge-suggestions.test.ts',
  // the expand-all preview of a hub (issue 14)
  'test/integration/neighbour-counts.test.ts',
  // a hub paged in each order and expanded all, through the client's actions and API module
  'test/integration/hub-expansion.test.ts',
];

const liveNeo4j = Boolean(process.env.NEO4J_URI);

export default defineConfig({
  // paths below are relative to the repository root, not to this file
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // The embedded engine is a native addon: separate processes keep one crash from taking the run.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'scamnet',
          include: [
            'test/unit/**/*.test.ts',
            'client/test/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/hostile/**/*.test.ts',
            'test/e2e/**/*.test.ts',
          ],
          globalSetup: ['test/support/build-client.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          // test/neo4j/ always runs: it skips and says why without NEO4J_URI, and fails under
          // CI=true; the shared suites need the server to load at all, so only with it.
          include: ['test/neo4j/**/*.test.ts', ...(liveNeo4j ? BOTH_STORES : [])],
          env: { TEST_BACKEND: 'neo4j' },
          // Community has one user database: each file empties it, so files run one at a time.
          fileParallelism: false,
          // A cold JVM plans every new statement the first time it sees it.
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
