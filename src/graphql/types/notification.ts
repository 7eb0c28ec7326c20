// Notifications (the outbox, src/notifications/): the Notification node and its attempt log,
// `notifications(filter)`, `notificationSettings` (is email on?), `retryNotification`, and the
// `notifications` list of use cases and models. Nested lists are loaded for all parents of a
// request in one statement (DataLoader), as `activity` is.
import { retryNotification, retryNotificationErrors } from '../../commands/notifications/retry-notification.ts';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '../../domain/notifications.ts';
import { roleAtLeast } from '../../domain/roles.ts';
import type { Notification } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import type { GraphQLContext } from '../context.ts';
import { loaderFor } from '../loaders.ts';
import { decodeSeqCursor, pageSize, seqPage } from '../page.ts';
import { addActivityField } from './activity.ts';
import { mutationErrors } from './errors.ts';
import { ModelRef } from './model.ts';
import { UseCaseRef } from './use-case.ts';

function webhookOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

export const NotificationChannelEnum = builder.enumType('NotificationChannel', { values: NOTIFICATION_CHANNELS });
export const NotificationStatusEnum = builder.enumType('NotificationStatus', {
  values: NOTIFICATION_STATUSES,
  description: 'PENDING: waiting for its next attempt (or being delivered); DELIVERED; FAILED: attempts used up or refused for good.',
});

export const NotificationRef = builder.prismaNode('Notification', {
  id: { field: 'id' },
  nullable: true,
  description: 'One email or webhook call from the outbox. Its id is the idempotency key: the Message-ID of the mail, the x-opsgraph-delivery header of the webhook call.',
  fields: (t) => ({
    channel: t.field({ type: NotificationChannelEnum, resolve: (n) => n.channel as never }),
    target: t.string({
      description: 'The recipient address, or the webhook URL (only its origin below the admin role: such URLs often carry a token).',
      resolve: (n, _args, ctx) => (n.channel === 'WEBHOOK' && !roleAtLeast(ctx.actor?.role, 'admin') ? webhookOrigin(n.target) : n.target),
    }),
    subject: t.exposeString('subject'),
    idempotencyKey: t.string({
      description: 'The same on every attempt: the mail\'s Message-ID is <idempotencyKey@MAIL_FROM domain>; a webhook call carries it as x-opsgraph-delivery.',
      resolve: (n) => n.id,
    }),
    status: t.field({ type: NotificationStatusEnum, resolve: (n) => n.status as never }),
    attempts: t.exposeInt('attempts'),
    maxAttempts: t.exposeInt('maxAttempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When a PENDING notification is tried next.', resolve: (n) => (n.status === 'PENDING' ? n.nextAttemptAt : null) }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    source: t.relation('source', { nullable: true, description: 'The activity entry that caused it.' }),
    history: t.relation('history', { description: 'Every delivery attempt, oldest first.', query: { orderBy: { number: 'asc' } } }),
  }),
});

addActivityField(NotificationRef);

builder.prismaObject('NotificationAttempt', {
  fields: (t) => ({
    number: t.exposeInt('number'),
    worker: t.exposeString('worker', { description: 'The dispatcher (host:pid:random) that made the attempt.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime' }),
    outcome: t.exposeString('outcome', { description: 'DELIVERED, RETRY or FAILED.' }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

export const NotificationConnection = builder.connectionObject({ type: NotificationRef, name: 'NotificationConnection' });

const NotificationFilter = builder.inputType('NotificationFilter', {
  fields: (t) => ({
    status: t.field({ type: NotificationStatusEnum }),
    channel: t.field({ type: NotificationChannelEnum }),
  }),
});

builder.queryField('notifications', (t) =>
  t.field({
    type: NotificationConnection,
    description: 'The outbox, newest first.',
    args: { filter: t.arg({ type: NotificationFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const rows = await ctx.reader.notification.findMany({
        where: {
          status: args.filter?.status ?? undefined,
          channel: args.filter?.channel ?? undefined,
          seq: args.after ? { lt: decodeSeqCursor(args.after) } : undefined,
        },
        orderBy: { seq: 'desc' },
        take: size + 1,
      });
      return seqPage(rows, size, Boolean(args.after));
    },
  }),
);

type OwnerColumn = 'useCaseId' | 'modelId' | 'webhookId';

/** One page per parent for all parents of the request in one statement. */
async function notificationPages(ctx: GraphQLContext, column: OwnerColumn, ids: readonly string[], size: number, afterSeq: number | null) {
  const rows = await ctx.reader.notification.findMany({
    where: { [column]: { in: [...ids] }, seq: afterSeq === null ? undefined : { lt: afterSeq } },
    orderBy: { seq: 'desc' },
  });
  const byParent = new Map<string, Notification[]>();
  for (const row of rows) {
    const key = row[column]!;
    const list = byParent.get(key) ?? [];
    if (list.length <= size) list.push(row);
    byParent.set(key, list);
  }
  return ids.map((id) => seqPage(byParent.get(id) ?? [], size, afterSeq !== null));
}

/** Adds `notifications(first, after)` to a type whose rows the outbox links through `column`. */
export function addNotificationsField(ref: Parameters<typeof builder.objectField>[0], column: OwnerColumn): void {
  builder.objectField(ref, 'notifications', (t) =>
    t.field({
      type: NotificationConnection,
      description: 'Notifications about this record, newest first.',
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (parent, args, ctx) => {
        const size = pageSize(args.first);
        const afterSeq = args.after ? decodeSeqCursor(args.after) : null;
        return loaderFor<string, ReturnType<typeof seqPage<Notification>>>(ctx, `notifications:${column}:${size}:${afterSeq}`, (ids) =>
          notificationPages(ctx, column, ids, size, afterSeq),
        ).load((parent as { id: string }).id);
      },
    }),
  );
}

addNotificationsField(UseCaseRef, 'useCaseId');
addNotificationsField(ModelRef, 'modelId');

// ------------------------------------------------------------------ settings

const EmailRuleRef = builder.objectRef<{ state: string; template: string }>('EmailRule').implement({
  fields: (t) => ({ state: t.exposeString('state'), template: t.exposeString('template') }),
});

builder.queryField('notificationSettings', (t) =>
  t.field({
    type: builder.objectRef<object>('NotificationSettings').implement({
      fields: (f) => ({
        emailEnabled: f.boolean({ description: 'False when SMTP_URL is not set: no email is queued.', resolve: (_p, _a, ctx) => Boolean(ctx.services.config.notifications.smtpUrl) }),
        mailFrom: f.string({ resolve: (_p, _a, ctx) => ctx.services.config.notifications.mailFrom }),
        emailRules: f.field({
          type: [EmailRuleRef],
          description: 'Which use-case states mail the team, with which template (NOTIFY_EMAIL_RULES).',
          resolve: (_p, _a, ctx) => Object.entries(ctx.services.config.notifications.emailRules).map(([state, template]) => ({ state, template })),
        }),
        maxAttempts: f.int({ resolve: (_p, _a, ctx) => ctx.services.config.notifications.maxAttempts }),
        dispatcherRunning: f.boolean({ description: 'Whether this process delivers the outbox (NOTIFY_DISPATCHER).', resolve: (_p, _a, ctx) => ctx.services.config.notifications.dispatcher }),
        webhookAllowedHosts: f.stringList({ description: 'Empty: any public host.', resolve: (_p, _a, ctx) => ctx.services.config.notifications.webhookAllowedHosts }),
        webhookAllowedPrivateAddresses: f.stringList({ resolve: (_p, _a, ctx) => ctx.services.config.notifications.webhookAllowedPrivate }),
      }),
    }),
    resolve: () => ({}),
  }),
);

// ------------------------------------------------------------------ mutations

builder.relayMutationField(
  'retryNotification',
  { inputFields: (t) => ({ id: t.globalID({ required: true, for: NotificationRef }) }) },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(retryNotificationErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ notification: await retryNotification(commandContext(ctx), { id: input.id.id }) }),
  },
  { outputFields: (t) => ({ notification: t.field({ type: NotificationRef, resolve: (p) => p.notification }) }) },
);
