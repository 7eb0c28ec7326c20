// createWebhook (admin): a receiver of activity entries. The URL is checked against the
// destination policy now (scheme, allowed hosts, literal private addresses) and again, on the
// resolved address, at every delivery. The signing secret is generated unless given, and is
// returned only by this mutation.
import { DELIVERY_OUTCOME_TYPES, isWebhookEventType } from '../../domain/activity-types.ts';
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
  const events = [...new Set(input.events)];
  if (!events.length) throw new ValidationError('events', 'name at least one activity type (webhookEventTypes lists them)');
  const outcomes = events.filter((e) => DELIVERY_OUTCOME_TYPES.includes(e as never));
  if (outcomes.length) throw new ValidationError('events', `${outcomes.join(', ')}: a delivery's own outcome cannot be delivered by webhook (each delivery would call for another)`);
  const unknown = events.filter((e) => !isWebhookEventType(e));
  if (unknown.length) throw new ValidationError('events', `${unknown.slice(0, 5).map((e) => JSON.stringify(e.slice(0, 64))).join(', ')}: not an activity type (webhookEventTypes lists them)`);
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
