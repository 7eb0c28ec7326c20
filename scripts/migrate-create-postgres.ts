// `npm run migrate:create:postgres -- NAME [--url postgresql://…]`: writes the next
// PostgreSQL migration (prisma/postgres/migrations) from the difference between that folder
// and prisma/postgres/schema.prisma. Run it after `npm run migrate:create` whenever
// prisma/schema.prisma changes (test/postgres-schema.test.ts fails until both exist).
//
// The engine needs a scratch database and a server that lets it create a shadow database:
// without --url a throw-away local PostgreSQL is started (Debian's postgresql-15).
import { createPostgresMigration } from '../src/db/postgres/migrate.ts';
import { startPostgres } from '../test/support/postgres.ts';

const usage = 'usage: npm run migrate:create:postgres -- NAME [--url postgresql://…]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const at = args.indexOf('--url');
const url = at >= 0 ? args[at + 1] : undefined;
const names = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
if (names.length !== 1 || (at >= 0 && !url)) {
  console.error(usage);
  process.exit(2);
}
const server = url ? null : await startPostgres();
try {
  await createPostgresMigration(names[0]!, url ?? server!.url);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await server?.stop();
}
