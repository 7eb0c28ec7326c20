// restoreDatabase / `opsgraph restore`: restore a backup into the live database, then record
// that in the activity log of the restored database (the log now continues from it).
import { restoreBackup, type RestoreResult } from '../../backup/restore.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

export async function restoreDatabase(
  ctx: CommandContext,
  input: { key: string; dryRun?: boolean | null; beforeSwap?: () => void },
): Promise<RestoreResult> {
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
