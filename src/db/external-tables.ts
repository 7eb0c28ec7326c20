// Tables Prisma must leave alone: FTS5 and its shadow tables, created by hand-written SQL in
// a migration. prisma.config.ts gives them to Prisma's CLI; src/db/migrate.ts gives them to
// the Wasm schema engine directly, because importing prisma.config.ts (@prisma/config and
// its `effect` dependency) takes most of a second of a first start.
export const EXTERNAL_TABLES = ['job_fts', 'job_fts_data', 'job_fts_idx', 'job_fts_docsize', 'job_fts_config'];
