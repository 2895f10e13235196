import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The live Neo4j suite: `NEO4J_URI=bolt://… npm run test:neo4j`. */
export default defineConfig({
  // paths below are relative to the repository root, not to this file
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/neo4j/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
