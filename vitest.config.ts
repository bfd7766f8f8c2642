import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests import workspace packages from their TypeScript sources; end-to-end tests spawn the built
// CLI, which the global setup builds (incrementally) before any test runs.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@faultline\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
      { find: /^@faultline\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
    ],
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files and the tests in them run in a random order, so no test leans on another's leftovers;
    // the seed is printed ("Running tests with seed N"): `--sequence.seed=N` repeats an order.
    sequence: { shuffle: true },
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
