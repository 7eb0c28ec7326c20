// Prisma CLI configuration. The CLI is only used for `prisma generate` here; migrations
// are created and applied by src/db/migrate.ts through the Wasm schema engine (no native
// engine can be downloaded on these machines). On a connected machine `prisma migrate
// deploy` works on the same files.
import { defineConfig } from '@prisma/config';
import { EXTERNAL_TABLES } from './src/db/external-tables.ts';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/opsgraph.db' },
  experimental: { externalTables: true },
  // FTS5 tables and their shadow tables are created by hand-written SQL in a migration.
  tables: {
    external: EXTERNAL_TABLES,
  },
});
