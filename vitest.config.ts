import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Starts one real S3-compatible server (Ceph RGW) for the run; see test/support/s3-global-setup.ts.
    globalSetup: ['test/support/s3-global-setup.ts'],
  },
});
