import type { Command } from 'commander';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (serve does this at start). --status only lists them.')
    .option('--status', 'show applied and pending migrations without applying')
    .option('--json', 'with --status: print {database, applied, latest, pending, failed} as JSON for scripts')
    .action(async (opts: { status?: boolean; json?: boolean }) => {
      const { loadConfig } = await import('../config.ts');
      const { applyMigrations, migrationStatus } = await import('../db/migrate.ts');
      const config = loadConfig();
      if (opts.status) {
        const s = await migrationStatus(config.databaseFile);
        if (opts.json) {
          console.log(JSON.stringify({ database: config.databaseFile, applied: s.applied, latest: s.latest, pending: s.pending, failed: s.failed }, null, 2));
          return;
        }
        console.log(`database: ${config.databaseFile}`);
        console.log(`applied: ${s.applied.length}${s.latest ? ` (latest ${s.latest})` : ''}`);
        console.log(`pending: ${s.pending.length ? s.pending.join(', ') : 'none'}`);
        return;
      }
      const { applied } = await applyMigrations(config.databaseFile, { log: (m) => console.error(m) });
      console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date');
      process.exit(0);
    });
}
