// The activity log: the root `activity` connection and `activityConnection()`, which every
// subject type (UseCase, Job, Model, …) uses for its own `activity` field. Nested lists are
// loaded for all parents at once with a window query, so `useCases { activity }` costs one
// statement however many use cases there are.
import type { ActivityLogEntry } from '../../generated/prisma/client.ts';
import { type ActivityColumns, activityBySubject } from '../../read-model/activity.ts';
import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { decodeId } from '../global-id.ts';
import { loaderFor } from '../loaders.ts';
import { decodeSeqCursor, encodeSeqCursor, pageSize, seqPage } from '../page.ts';
import { connectionSelectsNodeField } from '../selection.ts';

/** Subject types that are Relay nodes; an entry about anything else has a null `subject`. */
export const NODE_SUBJECT_TYPES = new Set<string>();

export const ActivityLogEntryRef = builder.prismaNode('ActivityLogEntry', {
  id: { field: 'id' },
  description: 'One thing that happened, written in the same transaction as the change it records.',
  fields: (t) => ({
    activityType: t.exposeString('activityType'),
    description: t.exposeString('description'),
    details: t.field({ type: 'JSON', resolve: (e) => JSON.parse(e.details) }),
    actor: t.exposeString('actor'),
    subjectType: t.exposeString('subjectType'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    cursor: t.string({
      description: 'Pass as `after` to `activity` or `activityAdded` to continue after this entry.',
      resolve: (e) => encodeSeqCursor(e.seq),
    }),
    subject: t.node({
      description: 'What the entry is about; null when that record no longer exists or is not a node.',
      id: (e) => (NODE_SUBJECT_TYPES.has(e.subjectType) ? { id: e.subjectId, type: e.subjectType } : null),
    }),
  }),
});

const ActivityConnection = builder.connectionObject({ type: ActivityLogEntryRef, name: 'ActivityConnection' });

const ActivityFilter = builder.inputType('ActivityFilter', {
  fields: (t) => ({
    subjectId: t.id({ description: 'Global ID of the subject.' }),
    types: t.stringList({ description: 'Activity types, e.g. ["state_changed"].' }),
    since: t.field({ type: 'DateTime', description: 'Only entries created at or after this instant.' }),
  }),
});

builder.queryField('activity', (t) =>
  t.field({
    type: ActivityConnection,
    description: 'The activity log, newest first.',
    args: {
      filter: t.arg({ type: ActivityFilter }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const subjectId = args.filter?.subjectId ? decodeId(args.filter.subjectId).id : undefined;
      const rows = await ctx.reader.activityLogEntry.findMany({
        where: {
          subjectId,
          activityType: args.filter?.types?.length ? { in: args.filter.types } : undefined,
          createdAt: args.filter?.since ? { gte: args.filter.since } : undefined,
          seq: args.after ? { lt: decodeSeqCursor(args.after) } : undefined,
        },
        orderBy: { seq: 'desc' },
        take: size + 1,
      });
      return seqPage(rows, size, Boolean(args.after));
    },
  }),
);

/** One page of activity per subject, for all subjects of a request at once. */
function loadActivityPages(ctx: GraphQLContext, subjectIds: readonly string[], size: number, afterSeq: number | null, columns: ActivityColumns) {
  const lists = activityBySubject(ctx.sql, subjectIds, size + 1, afterSeq, columns);
  // Read-model rows carry instants as ISO strings; the DateTime scalar takes both.
  return Promise.resolve(lists.map((rows) => seqPage(rows as unknown as ActivityLogEntry[], size, afterSeq !== null)));
}

/**
 * Adds `activity(first, after)` to a node type whose `id` is the subject id its commands
 * record, and lets `ActivityLogEntry.subject` resolve to it.
 */
export function addActivityField<T, P extends { id: string }>(ref: ObjectRef<typeof builder.$inferSchemaTypes, T, P>): void {
  NODE_SUBJECT_TYPES.add(ref.name);
  builder.objectField(ref, 'activity', (t) =>
    t.field({
      type: ActivityConnection,
      description: 'Activity about this record, newest first.',
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (parent, args, ctx, info) => {
        const size = pageSize(args.first);
        const afterSeq = args.after ? decodeSeqCursor(args.after) : null;
        // Only the columns the selection shows (the JSON details are the widest).
        const columns: ActivityColumns = {
          details: connectionSelectsNodeField(info, 'details'),
          subject: connectionSelectsNodeField(info, 'subject') || connectionSelectsNodeField(info, 'subjectType'),
          id: connectionSelectsNodeField(info, 'id'),
        };
        const loader = loaderFor<string, ReturnType<typeof seqPage<ActivityLogEntry>>>(
          ctx,
          `activity:${size}:${afterSeq}:${columns.details}:${columns.subject}:${columns.id}`,
          (ids) => loadActivityPages(ctx, ids, size, afterSeq, columns),
        );
        return loader.load(parent.id);
      },
    }),
  );
}
