// restoreDatabase / `opsgraph restore`: restore a backup into the live database, then record
// that in the activity log of the restored database (the log now continues from it).
import { restoreBackup, type RestoreResult } from '../../backup/restore.ts';
import { BACKUP_PREFIX } from '../../backup/store.ts';
import { assertValidKey } from '../../storage/blob-store.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { BackupError, backupsArePostgresqls } from '../../backup/errors.ts';

/** What restoreDatabase can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const restoreDatabaseErrors = [...WRITE_ERRORS, ValidationError, StorageError, BackupError] as const;

export async function restoreDatabase(
  ctx: CommandContext,
  input: { key: string; dryRun?: boolean | null; beforeSwap?: () => void },
): Promise<RestoreResult> {
  if (ctx.services.db.backend === 'postgresql') throw backupsArePostgresqls('restore');
  checkBackupKey(input.key);
  const result = await restoreBackup(ctx.services, { key: input.key, dryRun: input.dryRun ?? false, beforeSwap: input.beforeSwap });
  if (!result.dryRun) {
    await ctx.services.db.write(async (tx, afterCommit) => {
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: 'Backup',
        subjectId: result.backup.key,
        activityType: 'database_restored',
        description: `Database restored from ${result.backup.key}; the state before it is in ${result.preRestoreBackup?.key}`,
        details: { key: result.backup.key, preRestoreBackup: result.preRestoreBackup?.key, migrationsApplied: result.migrationsApplied },
      });
    });
  }
  return result;
}

/** "latest" or a key the backups query lists; anything else is bad input, not a store failure. */
function checkBackupKey(key: string): void {
  if (key === 'latest') return;
  let valid = key.startsWith(BACKUP_PREFIX);
  try {
    assertValidKey(key);
  } catch {
    valid = false;
  }
  if (!valid) throw new ValidationError('key', `not a backup key: give "latest" or a key under ${BACKUP_PREFIX} (the backups query lists them)`);
}
