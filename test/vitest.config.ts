import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // paths below are relative to the repository root, not to this file
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts', 'client/test/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    // The embedded engine is a native addon: separate processes keep one crash from taking the run.
    pool: 'forks',
    globalSetup: ['test/support/build-client.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
