// `opsgraph backup`, `opsgraph backups`, `opsgraph restore KEY|latest [--dry-run]`.
// They work on the database and blob store from the environment, like the server does.
// A restore from the CLI swaps the file under this process only: stop the server first,
// or call the restoreDatabase mutation on the running server (which swaps it live).
import type { Command } from 'commander';
import { withCliContext } from './cli-context.ts';

const withContext = withCliContext;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Back the database up to the blob store (backups/database/): an online snapshot, integrity-checked, gzipped, ' +
        'SHA-256 recorded. Safe while the server runs; writers are not held up.',
    )
    .option('-l, --label <text>', 'free text stored with the backup')
    .action(async (opts: { label?: string }) => {
      const { backupDatabase } = await import('../commands/backups/backup-database.ts');
      await withContext(async (ctx) => {
        const b = await backupDatabase(ctx, { label: opts.label });
        console.log(b.key);
        console.error(`  ${mb(b.size)} compressed (${mb(b.databaseBytes ?? 0)} database), sha256 ${b.checksumSha256}, schema ${b.schemaVersion}`);
        if (b.pruned.length) console.error(`  retention removed ${b.pruned.length} older backup(s)`);
      });
    });

  program
    .command('backups')
    .description('List the backups in the blob store, newest first.')
    .option('-n, --limit <n>', 'how many to show', '20')
    .option('--json', 'print a JSON array of the backups (key, size, checksum, schema, label, …) for scripts')
    .action(async (opts: { limit: string; json?: boolean }) => {
      const { describeBackup, listBackupKeys } = await import('../backup/store.ts');
      await withContext(async ({ services }) => {
        const keys = (await listBackupKeys(services.blobs)).slice(0, Number(opts.limit));
        const backups = [];
        for (const key of keys) {
          const b = await describeBackup(services.blobs, key);
          if (b) backups.push(b);
        }
        if (opts.json) {
          console.log(JSON.stringify(backups, null, 2));
          return;
        }
        if (!backups.length) console.log('no backups');
        for (const b of backups) console.log([b.key, mb(b.size).padStart(10), b.schemaVersion ?? '?', b.label ?? ''].join('  '));
      });
    });

  program
    .command('restore')
    .description(
      'Restore a backup: download, verify SHA-256 and integrity_check, refuse a schema newer than this build, migrate an ' +
        'older one, back up the current database first, then replace it. Stop the server first (or use the ' +
        'restoreDatabase mutation, which swaps the database of a running server).',
    )
    .argument('<key>', 'a backup key, or "latest"')
    .option('--dry-run', 'download and verify only; change nothing')
    .action(async (key: string, opts: { dryRun?: boolean }) => {
      const { restoreDatabase } = await import('../commands/backups/restore-database.ts');
      await withContext(async (ctx) => {
        const r = await restoreDatabase(ctx, { key, dryRun: opts.dryRun });
        if (r.dryRun) {
          console.log(`ok: ${r.backup.key} verified (sha256, integrity_check, schema ${r.backup.schemaVersion}); nothing changed`);
          if (r.migrationsApplied.length) console.log(`  a restore would apply: ${r.migrationsApplied.join(', ')}`);
          return;
        }
        console.log(`restored ${r.backup.key}`);
        console.error(`  the database as it was before is in ${r.preRestoreBackup?.key}`);
        if (r.migrationsApplied.length) console.error(`  migrated: ${r.migrationsApplied.join(', ')}`);
      });
    });
}
