// Subscription.activityAdded: committed activity entries, replayed from a cursor and then
// live (see src/events/activity-feed.ts for why there is no gap and no duplicate). Works
// over graphql-ws and over SSE; the key travels in connection_init or the Authorization
// header, and viewer is enough.
import type { ActivityEvent } from '../../events/activity-bus.ts';
import { ActivityFeed, type FeedFilter } from '../../events/activity-feed.ts';
import { CLOSE_CONNECTION, type ConnectionHooks, SLOW_CONSUMER_CLOSE_CODE } from '../../events/connection-hooks.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { decodeId } from '../global-id.ts';
import { decodeSeqCursor } from '../page.ts';
import { ActivityLogEntryRef } from './activity.ts';

builder.subscriptionType({ description: 'Live data over graphql-ws (same path as HTTP) or SSE (Accept: text/event-stream).' });

const ActivityAddedFilter = builder.inputType('ActivityAddedFilter', {
  fields: (t) => ({
    subjectId: t.id({ description: 'Global ID of the subject.' }),
    types: t.stringList({ description: 'Activity types, e.g. ["state_changed"].' }),
  }),
});

/** Live entries one subscription keeps in memory (beyond that it reads on from the database). */
export const MAX_QUEUED_PER_SUBSCRIPTION = 1000;
/** A subscriber that takes nothing for this long while entries wait is closed (code 1013). */
export const STALL_LIMIT_MS = 30_000;

function replayFrom(ctx: GraphQLContext) {
  return async (afterSeq: number, filter: FeedFilter, limit: number): Promise<ActivityEvent[]> =>
    // services.db.reader, not ctx.reader: a subscription outlives requests, and the reader is
    // replaced when a backup is restored.
    ctx.services.db.reader.activityLogEntry.findMany({
      where: {
        seq: { gt: afterSeq },
        subjectId: filter.subjectId,
        activityType: filter.types?.length ? { in: filter.types } : undefined,
      },
      orderBy: { seq: 'asc' },
      take: limit,
    });
}

builder.subscriptionField('activityAdded', (t) =>
  t.field({
    type: ActivityLogEntryRef,
    description:
      'Activity entries as they are committed. With `after` (an entry\'s `cursor`), entries committed after it are ' +
      'delivered first, in order, then live ones: reconnecting with the last cursor received misses nothing.',
    authScopes: { viewer: true },
    args: {
      filter: t.arg({ type: ActivityAddedFilter }),
      after: t.arg.string(),
    },
    subscribe: (_root, args, ctx) => {
      const filter: FeedFilter = {
        subjectId: args.filter?.subjectId ? decodeId(args.filter.subjectId).id : undefined,
        types: args.filter?.types ?? undefined,
      };
      const close = (ctx as GraphQLContext & ConnectionHooks)[CLOSE_CONNECTION];
      return new ActivityFeed({
        bus: ctx.services.bus,
        filter,
        afterSeq: args.after ? decodeSeqCursor(args.after) : null,
        replay: replayFrom(ctx),
        maxQueued: MAX_QUEUED_PER_SUBSCRIPTION,
        stallMs: STALL_LIMIT_MS,
        onOverflow: close ? (reason) => close(SLOW_CONSUMER_CLOSE_CODE, reason) : undefined,
      });
    },
    resolve: (event) => event,
  }),
);
