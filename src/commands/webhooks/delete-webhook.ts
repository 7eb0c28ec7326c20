// deleteWebhook (admin). Its notifications stay (history); those still PENDING fail at their
// next attempt with "the webhook was deleted", since the secret to sign them is gone.
import { NotFoundError, WRITE_ERRORS } from '../../errors.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

/** What deleteWebhook can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const deleteWebhookErrors = [...WRITE_ERRORS, NotFoundError] as const;

export async function deleteWebhook(ctx: CommandContext, input: { id: string }): Promise<Webhook> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const webhook = await tx.webhook.findUnique({ where: { id: input.id } });
    if (!webhook) throw new NotFoundError('Webhook', input.id);
    await tx.webhook.delete({ where: { id: webhook.id } });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Webhook',
      subjectId: webhook.id,
      activityType: 'webhook_deleted',
      description: `webhook to ${new URL(webhook.url).origin} deleted`,
      details: { events: JSON.parse(webhook.events) as unknown },
    });
    return webhook;
  });
}
