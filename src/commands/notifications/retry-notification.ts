// retryNotification (admin): a FAILED notification (or a PENDING one waiting out its backoff)
// is tried again now, with a fresh allowance of NOTIFY_MAX_ATTEMPTS attempts. The attempt log
// is kept; a delivered notification is not sent twice.
import { ConflictError, NotFoundError, WRITE_ERRORS } from '../../errors.ts';
import type { Notification } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

/** What retryNotification can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const retryNotificationErrors = [...WRITE_ERRORS, NotFoundError, ConflictError] as const;

export async function retryNotification(ctx: CommandContext, input: { id: string }): Promise<Notification> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const current = await tx.notification.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError('Notification', input.id);
    if (current.status === 'DELIVERED') throw new ConflictError('the notification was delivered already; it is not sent twice');
    const notification = await tx.notification.update({
      where: { id: current.id },
      data: { status: 'PENDING', nextAttemptAt: new Date(), maxAttempts: current.attempts + ctx.services.config.notifications.maxAttempts },
    });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Notification',
      subjectId: current.id,
      activityType: 'notification_retried',
      description: `${current.channel} to ${current.target} queued again (was ${current.status}, ${current.attempts} attempt(s))`,
      details: { previousStatus: current.status, attempts: current.attempts, lastError: current.lastError },
    });
    return notification;
  });
}
