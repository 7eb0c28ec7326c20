// `npm run migrate:create -- NAME [--db FILE]`: writes the next migration from the difference
// between prisma/migrations and prisma/schema.prisma (what `prisma migrate dev --create-only`
// does, without the native engine). The migration is applied at the next server start.
//
// --db checks the change against a real database (e.g. ./data/opsgraph.db) so data-loss
// warnings reflect its rows; pending migrations are applied to it first. Without --db a
// scratch database is used.
import { createMigration } from '../src/db/migrate.ts';

const usage = 'usage: npm run migrate:create -- NAME [--db FILE]';
const args = process.argv.slice(2).filter((a) => a !== '--'); // an extra separator from `npm run x -- -- ...`
if (args.includes('-h') || args.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
const db = args.indexOf('--db');
const databaseFile = db >= 0 ? args[db + 1] : undefined;
const names = db >= 0 ? args.filter((_, i) => i !== db && i !== db + 1) : args;
const name = names[0];
if (names.length !== 1 || name === undefined || (db >= 0 && !databaseFile)) {
  console.error(usage);
  process.exit(2);
}

try {
  // createMigration prints "created <file>" or "no changes" itself.
  await createMigration(name, { databaseFile });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
