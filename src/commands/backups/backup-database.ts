// backupDatabase / `opsgraph backup` / the schedule: take a backup, then record it in the
// activity log (subjectType "Backup": not a node, its subject resolves to null).
import { takeBackup, type BackupResult } from '../../backup/snapshot.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { StorageError, WRITE_ERRORS } from '../../errors.ts';
import { BackupError, backupsArePostgresqls } from '../../backup/errors.ts';

/** What backupDatabase can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const backupDatabaseErrors = [...WRITE_ERRORS, StorageError, BackupError] as const;

export async function backupDatabase(ctx: CommandContext, input: { label?: string | null } = {}): Promise<BackupResult> {
  if (ctx.services.db.backend === 'postgresql') throw backupsArePostgresqls('backup');
  const result = await takeBackup(ctx.services, { label: input.label });
  await ctx.services.db.write(async (tx, afterCommit) => {
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Backup',
      subjectId: result.key,
      activityType: 'backup_created',
      description: `Database backed up to ${result.key}${result.label ? ` (${result.label})` : ''}`,
      details: { key: result.key, size: result.size, sha256: result.checksumSha256, schemaVersion: result.schemaVersion, pruned: result.pruned },
    });
  });
  return result;
}

/**
 * "Backup before risky operations" (seed 000): imports call this first. On PostgreSQL there is
 * nothing for opsgraph to copy — point-in-time recovery covers the moment before the import —
 * so it answers null and the import goes ahead.
 */
export async function backupBefore(ctx: CommandContext, operation: string): Promise<BackupResult | null> {
  if (ctx.services.db.backend === 'postgresql') return null;
  return backupDatabase(ctx, { label: `before ${operation}` });
}
