// createWebhook (admin): a receiver of activity entries. The URL is checked against the
// destination policy now (scheme, allowed hosts, literal private addresses) and again, on the
// resolved address, at every delivery. The signing secret is generated unless given, and is
// returned only by this mutation.
import { NOTIFYING_ACTIVITY_TYPES } from '../../domain/notifications.ts';
import { ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import { DestinationPolicy } from '../../notifications/destination-policy.ts';
import { newWebhookSecret } from '../../notifications/signature.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

/** What createWebhook can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const createWebhookErrors = [...WRITE_ERRORS, ValidationError] as const;

export interface CreateWebhookInput {
  url: string;
  events: readonly string[];
  secret?: string | null;
}

export async function createWebhook(ctx: CommandContext, input: CreateWebhookInput): Promise<Webhook> {
  const config = ctx.services.config.notifications;
  const url = input.url.trim();
  if (url.length > 2000) throw new ValidationError('url', 'must be at most 2000 characters');
  const refused = new DestinationPolicy({ allowedHosts: config.webhookAllowedHosts, allowedPrivate: config.webhookAllowedPrivate }).refuseUrl(url);
  if (refused) throw new ValidationError('url', refused);
  const known = new Set<string>(NOTIFYING_ACTIVITY_TYPES);
  const events = [...new Set(input.events)];
  if (!events.length) throw new ValidationError('events', `name at least one of ${NOTIFYING_ACTIVITY_TYPES.join(', ')}`);
  const unknown = events.filter((e) => !known.has(e));
  if (unknown.length) throw new ValidationError('events', `${unknown.join(', ')}: not a notifying activity type (${NOTIFYING_ACTIVITY_TYPES.join(', ')})`);
  const secret = input.secret ?? newWebhookSecret();
  if (secret.length < 16 || secret.length > 200) throw new ValidationError('secret', 'must be 16 to 200 characters');
  return ctx.services.db.write(async (tx, afterCommit) => {
    const webhook = await tx.webhook.create({ data: { url, events: JSON.stringify(events), secret, createdBy: ctx.actor.label } });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Webhook',
      subjectId: webhook.id,
      activityType: 'webhook_created',
      description: `webhook to ${new URL(url).origin} for ${events.join(', ')}`,
      details: { events, origin: new URL(url).origin },
    });
    return webhook;
  });
}
