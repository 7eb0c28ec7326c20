import type { Command } from 'commander';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (serve does this at start). --status only lists them.')
    .option('--status', 'show applied and pending migrations without applying')
    .option('--json', 'with --status: print {database, applied, latest, pending, failed} as JSON for scripts')
    .action(async (opts: { status?: boolean; json?: boolean }) => {
      const { describeDatabase, loadConfig } = await import('../config.ts');
      const { migrateWriteStore, writeStoreMigrationStatus } = await import('../db/migrate-write-store.ts');
      const config = loadConfig();
      const database = describeDatabase(config); // a PostgreSQL URL without its credentials
      if (opts.status) {
        const s = await writeStoreMigrationStatus(config);
        if (opts.json) {
          console.log(JSON.stringify({ database, applied: s.applied, latest: s.latest, pending: s.pending, failed: s.failed }, null, 2));
          return;
        }
        console.log(`database: ${database}`);
        console.log(`applied: ${s.applied.length}${s.latest ? ` (latest ${s.latest})` : ''}`);
        console.log(`pending: ${s.pending.length ? s.pending.join(', ') : 'none'}`);
        return;
      }
      const { applied } = await migrateWriteStore(config, (m) => console.error(m));
      console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date');
      process.exit(0);
    });
}
