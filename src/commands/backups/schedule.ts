// Scheduled backups (BACKUP_INTERVAL, retention BACKUP_KEEP): one run per interval, never
// two at once, each run an activity entry — a failed run too, so a silent gap in the
// recovery point shows up in the activity feed and the log.
import { backupDatabase } from './backup-database.ts';
import { type CommandContext, recordActivity, type Services, SYSTEM_ACTOR } from '../command-context.ts';
import { type Periodic, startPeriodic } from '../periodic.ts';

/** Stops the timer and waits for a run in progress. */
export type BackupSchedule = Periodic;

export function startBackupSchedule(services: Services, intervalMs: number): BackupSchedule {
  const ctx: CommandContext = { services, actor: SYSTEM_ACTOR };
  const runOnce = async () => {
    try {
      await backupDatabase(ctx, { label: 'scheduled' });
    } catch (err) {
      services.logger.error({ err }, 'scheduled backup failed');
      await services.db
        .write(async (tx, afterCommit) => {
          await recordActivity(tx, afterCommit, ctx, {
            subjectType: 'Backup',
            subjectId: 'scheduled',
            activityType: 'backup_failed',
            description: `Scheduled backup failed: ${(err as Error).message}`,
          });
        })
        .catch(() => {}); // the database itself may be what failed; the log has it
    }
  };
  const schedule = startPeriodic(intervalMs, runOnce);
  services.logger.info({ intervalMs, keep: services.config.backups.keep ?? 'all' }, 'scheduled backups on');
  return schedule;
}
