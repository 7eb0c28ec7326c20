// Database backups (seed 000): list the store, take a backup, restore one. Listing reads the
// blob store, never the database: after a restore the database knows nothing of later backups.
import type { BackupResult } from '../../backup/snapshot.ts';
import { BackupError } from '../../backup/errors.ts';
import type { RestoreResult } from '../../backup/restore.ts';
import { type BackupInfo, describeBackup, latestBackup, listBackupKeys } from '../../backup/store.ts';
import { backupDatabase, backupDatabaseErrors } from '../../commands/backups/backup-database.ts';
import { restoreDatabase, restoreDatabaseErrors } from '../../commands/backups/restore-database.ts';
import { releaseRequestReader } from '../../db/database.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import { pageSize } from '../page.ts';
import { DomainErrorInterface, mutationErrors } from './errors.ts';

builder.objectType(BackupError, {
  name: 'BackupError',
  interfaces: [DomainErrorInterface],
  description:
    'A backup or restore refused: BACKUP_FAILED (a check failed, nothing uploaded), BACKUP_NOT_FOUND, BACKUP_CORRUPT ' +
    '(checksum, decompression or integrity_check failed), BACKUP_TOO_NEW (schema newer than this build), RESTORE_FAILED, ' +
    'BACKUP_BY_POSTGRESQL (the gateway keeps its data in PostgreSQL: use pg_dump, base backups and PITR). ' +
    'The live database is unchanged.',
  isTypeOf: (v) => v instanceof BackupError,
  fields: () => ({}),
});

export const BackupRef = builder.objectRef<BackupInfo>('Backup').implement({
  description: 'A database backup object in the blob store (gzip of a SQLite file), described by its object metadata.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Object key; pass to restoreDatabase.' }),
    size: t.field({ type: 'BigInt', description: 'Bytes of the compressed object.', resolve: (b) => b.size }),
    checksumSha256: t.exposeString('checksumSha256', { description: 'SHA-256 of the compressed object, verified before a restore.' }),
    databaseBytes: t.field({ type: 'BigInt', nullable: true, resolve: (b) => b.databaseBytes }),
    schemaVersion: t.exposeString('schemaVersion', { nullable: true, description: 'Latest migration applied in the backup.' }),
    sqliteVersion: t.exposeString('sqliteVersion', { nullable: true }),
    label: t.exposeString('label', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const BackupConnection = builder.connectionObject({
  type: BackupRef,
  name: 'BackupConnection',
  fields: (t) => ({ totalCount: t.int({ resolve: (c) => (c as unknown as { totalCount: number }).totalCount }) }),
});

builder.queryFields((t) => ({
  backups: t.field({
    type: BackupConnection,
    description: 'Backups in the store, newest first.',
    authScopes: { admin: true },
    args: { first: t.arg.int(), after: t.arg.string({ description: 'A backup key (the edge cursor).' }) },
    resolve: async (_root, args, ctx) => {
      const keys = await listBackupKeys(ctx.services.blobs);
      const start = args.after ? keys.indexOf(args.after) + 1 : 0;
      const size = pageSize(args.first);
      const page = keys.slice(start, start + size);
      const nodes = (await Promise.all(page.map((k) => describeBackup(ctx.services.blobs, k)))).filter((b): b is BackupInfo => b !== null);
      return {
        totalCount: keys.length,
        edges: nodes.map((node) => ({ cursor: node.key, node })),
        pageInfo: {
          hasNextPage: start + size < keys.length,
          hasPreviousPage: start > 0,
          startCursor: nodes[0]?.key ?? null,
          endCursor: nodes.at(-1)?.key ?? null,
        },
      };
    },
  }),
  latestBackup: t.field({
    type: BackupRef,
    nullable: true,
    description: 'The newest backup in the store: the recovery point.',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => latestBackup(ctx.services.blobs),
  }),
}));

builder.relayMutationField(
  'backupDatabase',
  { inputFields: (t) => ({ label: t.string({ description: 'Free text stored with the backup.' }) }) },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(backupDatabaseErrors), directResult: true },
    resolve: (_root, { input }, ctx) => backupDatabase(commandContext(ctx), { label: input.label }),
  },
  {
    outputFields: (t) => ({
      backup: t.field({ type: BackupRef, resolve: (r: BackupResult) => r }),
      prunedKeys: t.stringList({ description: 'Older backups removed by retention (BACKUP_KEEP).', resolve: (r: BackupResult) => r.pruned }),
    }),
  },
);

builder.relayMutationField(
  'restoreDatabase',
  {
    inputFields: (t) => ({
      key: t.string({ required: true, description: 'A backup key, or "latest".' }),
      dryRun: t.boolean({ description: 'Download and verify only; change nothing.' }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(restoreDatabaseErrors), directResult: true },
    resolve: (_root, { input }, ctx) =>
      restoreDatabase(commandContext(ctx), {
        key: input.key,
        dryRun: input.dryRun,
        // This request must not hold up the swap it asked for (it reads nothing afterwards).
        beforeSwap: () => releaseRequestReader(ctx),
      }),
  },
  {
    outputFields: (t) => ({
      backup: t.field({ type: BackupRef, resolve: (r: RestoreResult) => r.backup }),
      dryRun: t.boolean({ resolve: (r: RestoreResult) => r.dryRun }),
      migrationsApplied: t.stringList({ resolve: (r: RestoreResult) => r.migrationsApplied }),
      preRestoreBackup: t.field({ type: BackupRef, nullable: true, resolve: (r: RestoreResult) => r.preRestoreBackup }),
    }),
  },
);
