import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node loads the CJS copy for Pothos and Yoga;
    // Vite would give our sources the ESM copy, and two copies break instanceof checks.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Starts one real S3-compatible server (Ceph RGW) and one PostgreSQL for the run; see test/support/*-global-setup.ts.
    globalSetup: ['test/support/s3-global-setup.ts', 'test/support/postgres-global-setup.ts'],
    // A test file fails on any unhandled rejection or uncaught exception, its own or a spawned server's.
    setupFiles: ['test/support/no-unhandled-errors.ts'],
  },
});
