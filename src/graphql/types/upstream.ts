// Upstream sync (seed 003; admin): syncFromUpstream (pull members), exportToUpstream (push
// validated offices) and upstreamStatus. Each mutation calls one command.
import { exportToUpstreamErrors } from '../../commands/upstream/export-to-upstream.ts';
import { syncFromUpstreamErrors } from '../../commands/upstream/sync-from-upstream.ts';
import { mutationErrors } from './errors.ts';
import { UpstreamError, UpstreamNotConfiguredError } from '../../commands/extractions/errors.ts';
import { exportToUpstream } from '../../commands/upstream/export-to-upstream.ts';
import { syncFromUpstream } from '../../commands/upstream/sync-from-upstream.ts';
import { upstreamStatus } from '../../upstream/status.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import { COMMON_ERRORS, DomainErrorInterface } from './errors.ts';

builder.objectType(UpstreamError, {
  name: 'UpstreamError',
  interfaces: [DomainErrorInterface],
  description: 'The upstream PostgreSQL was unreachable, refused the credentials, or failed a statement. Nothing changed locally.',
  isTypeOf: (v) => v instanceof UpstreamError,
  fields: (t) => ({ host: t.exposeString('host') }),
});

builder.objectType(UpstreamNotConfiguredError, {
  name: 'UpstreamNotConfiguredError',
  interfaces: [DomainErrorInterface],
  isTypeOf: (v) => v instanceof UpstreamNotConfiguredError,
  fields: () => ({}),
});


builder.relayMutationField(
  'syncFromUpstream',
  { inputFields: (t) => ({ batchSize: t.int({ description: 'Rows read per upstream round trip (default UPSTREAM_BATCH_SIZE).' }) }) },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(syncFromUpstreamErrors), directResult: true },
    resolve: (_root, { input }, ctx) => syncFromUpstream(commandContext(ctx), { batchSize: input.batchSize }),
  },
  {
    outputFields: (t) => ({
      upstream: t.string({ description: 'host:port/database (never the credentials).', resolve: (p) => p.upstream }),
      read: t.int({ description: 'Current members read upstream.', resolve: (p) => p.read }),
      inserted: t.int({ resolve: (p) => p.inserted }),
      updated: t.int({ resolve: (p) => p.updated }),
      unchanged: t.int({ resolve: (p) => p.unchanged }),
      markedNotCurrent: t.int({ description: 'Local members upstream no longer lists as current.', resolve: (p) => p.markedNotCurrent }),
    }),
  },
);

builder.relayMutationField(
  'exportToUpstream',
  { inputFields: (t) => ({ dryRun: t.boolean({ description: 'Report what would be written; write nothing.' }) }) },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(exportToUpstreamErrors), directResult: true },
    resolve: (_root, { input }, ctx) => exportToUpstream(commandContext(ctx), { dryRun: input?.dryRun }),
  },
  {
    outputFields: (t) => ({
      upstream: t.string({ resolve: (p) => p.upstream }),
      dryRun: t.boolean({ resolve: (p) => p.dryRun }),
      offices: t.int({ description: 'Unsynced validated offices sent (or, dry run, that would be).', resolve: (p) => p.offices }),
      inserted: t.int({ resolve: (p) => p.inserted }),
      updated: t.int({ resolve: (p) => p.updated }),
      batches: t.int({ resolve: (p) => p.batches }),
      officeIds: t.stringList({ resolve: (p) => p.officeIds }),
    }),
  },
);

builder.queryField('upstreamStatus', (t) =>
  t.field({
    type: 'JSON',
    authScopes: { admin: true },
    description: 'Counts on both sides, unsynced offices and the last pull and push (the same report as `opsgraph upstream status --json`).',
    resolve: (_root, _args, ctx) => upstreamStatus(ctx.services),
  }),
);
