import { defineConfig } from 'vitest/config';

/** The live Neo4j suite: `NEO4J_URI=bolt://… npm run test:neo4j`. */
export default defineConfig({
  test: {
    include: ['test/neo4j/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
