// Tables that exist on the PostgreSQL write store only, created by hand-written SQL in a
// PostgreSQL migration and unknown to the Prisma data model (so both generated clients, and
// the SQLite replica, stay the same). The schema engine gets them as `filters.externalTables`
// so a diff (migrate:create:postgres, test/postgres-schema.test.ts) neither drops them nor
// reports them. They are not opsgraph's data: logical replication must not publish them.
//   - ActivitySequence: the commit-ordered activity seq counter (src/db/commit-position.ts).
export const POSTGRES_ONLY_TABLES = ['ActivitySequence'];
