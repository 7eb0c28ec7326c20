// Runs only the S3 smoke test, with the S3 global setup:
//   npx vitest run --config test/support/vitest.s3-smoke.config.ts
// (The main vitest config wires in ./s3-global-setup.ts for the full suite.)
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  test: {
    root,
    include: ['test/s3-server.test.ts'],
    globalSetup: ['test/support/s3-global-setup.ts'],
    // Start-up is ≈2 s, but a cold machine (first run after install) can be slower.
    hookTimeout: 120_000,
  },
});
