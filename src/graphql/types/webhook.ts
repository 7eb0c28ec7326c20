// Webhooks (admin only): signed HTTP POSTs of activity entries, delivered from the outbox.
import { createWebhook, createWebhookErrors } from '../../commands/webhooks/create-webhook.ts';
import { deleteWebhook, deleteWebhookErrors } from '../../commands/webhooks/delete-webhook.ts';
import { WEBHOOK_EVENT_TYPES } from '../../domain/activity-types.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import { encodeId } from '../global-id.ts';
import { addActivityField } from './activity.ts';
import { mutationErrors } from './errors.ts';
import { addNotificationsField } from './notification.ts';

export const WebhookRef = builder.prismaNode('Webhook', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { admin: true },
  description: 'A receiver of activity entries. Each call is signed: see the README, "Verifying a webhook".',
  fields: (t) => ({
    url: t.exposeString('url'),
    events: t.stringList({ resolve: (w) => JSON.parse(w.events) as string[] }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

addActivityField(WebhookRef);
addNotificationsField(WebhookRef, 'webhookId');

builder.queryField('webhooks', (t) =>
  t.prismaField({
    type: ['Webhook'],
    authScopes: { admin: true },
    description: 'Every webhook, oldest first (admin).',
    resolve: (query, _root, _args, ctx) => ctx.reader.webhook.findMany({ ...query, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1000 }),
  }),
);

builder.queryField('webhookEventTypes', (t) =>
  t.stringList({
    authScopes: { admin: true },
    description:
      'The activity types a webhook can subscribe to: every type opsgraph records but the deliveries\' own outcomes (notification_delivered, notification_failed).',
    resolve: () => [...WEBHOOK_EVENT_TYPES],
  }),
);

builder.relayMutationField(
  'createWebhook',
  {
    inputFields: (t) => ({
      url: t.string({ required: true, description: 'http: or https:; checked against WEBHOOK_ALLOWED_HOSTS and the private-address policy.' }),
      events: t.stringList({ required: true, description: 'Activity types, e.g. ["state_changed", "job_created"]; any of webhookEventTypes.', extensions: { maxItems: 20 } }),
      secret: t.string({ description: 'The HMAC key; generated when absent.' }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(createWebhookErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ webhook: await createWebhook(commandContext(ctx), input) }),
  },
  {
    outputFields: (t) => ({
      webhook: t.field({ type: WebhookRef, resolve: (p) => p.webhook }),
      secret: t.string({ description: 'The signing secret. Shown only here: store it with the receiver.', resolve: (p) => p.webhook.secret }),
    }),
  },
);

builder.relayMutationField(
  'deleteWebhook',
  { inputFields: (t) => ({ id: t.globalID({ required: true, for: WebhookRef }) }) },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(deleteWebhookErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ deleted: await deleteWebhook(commandContext(ctx), { id: input.id.id }) }),
  },
  { outputFields: (t) => ({ deletedWebhookId: t.id({ resolve: (p) => encodeId('Webhook', p.deleted.id) }) }) },
);
