// Builds the long-lived services from config: migrations first (they need the database
// to themselves), then the connections, the blob store, the activity bus, and the keys.
import { bootstrapKeys } from './auth/api-keys.ts';
import type { Services } from './commands/command-context.ts';
import type { Config } from './config.ts';
import { Database } from './db/database.ts';
import { activityTail } from './db/activity-tail.ts';
import { embeddedProgress, postgresReadsProgress } from './db/caught-up-progress.ts';
import type { ReplicaProgress } from './db/commit-position.ts';
import { migrateWriteStore } from './db/migrate-write-store.ts';
import { InProcessActivityBus } from './events/activity-bus.ts';
import { SequencedActivityBus } from './events/external-commits.ts';
import { ReplicaFedActivityBus } from './events/replica-fed-bus.ts';
import type { LocalReplicaHandle } from './db/local-replica.ts';
import { createLogger, type Logger } from './logger.ts';
import { createBlobStore } from './storage/create-blob-store.ts';

export interface OpenOptions {
  logger?: Logger;
  /** Skip migrations (they ran already in this process). */
  skipMigrations?: boolean;
  /** Create or register admin keys (the server does; one-shot CLI commands don't). */
  bootstrapKeys?: boolean;
  /**
   * PostgreSQL mode: keep the local replica and serve reads from it (the server does).
   * One-shot CLI commands don't: each would need a slot of its own and a full copy.
   */
  replica?: boolean;
}

export async function openServices(config: Config, options: OpenOptions = {}): Promise<Services & { close(): Promise<void> }> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (!options.skipMigrations) {
    const { applied } = await migrateWriteStore(config, (msg) => logger.info(msg));
    if (applied.length) logger.info({ applied }, 'applied database migrations');
  }
  // The replica first: the reader opens its file. pg and the replica load only in this mode.
  let replica: LocalReplicaHandle | undefined;
  if (config.postgresUrl && options.replica) {
    const { LocalReplica, slotName } = await import('./replica/index.ts');
    const local = new LocalReplica({
      url: config.postgresUrl,
      slot: slotName(config.replica.id),
      file: config.replica.file,
      synchronous: config.sqlite.synchronous,
      busyTimeoutMs: config.sqlite.busyTimeoutMs,
      logger,
    });
    await local.start();
    replica = local;
  }
  const db = new Database({
    file: config.databaseFile,
    postgres: config.postgresUrl ? { url: config.postgresUrl, client: (await import('./db/postgres/clients.ts')).postgresClient, replica } : undefined,
    synchronous: config.sqlite.synchronous,
    busyTimeoutMs: config.sqlite.busyTimeoutMs,
    onAfterCommitError: (err) => logger.error({ err }, 'after-commit task failed'),
  });
  try {
    await db.connect();
  } catch (err) {
    await replica?.close();
    throw err;
  }
  // Live subscribers also get what other processes commit to the SQLite file
  // (src/events/external-commits.ts). In PostgreSQL mode the replica feeds them, right after
  // each transaction it applies (src/events/replica-fed-bus.ts); a one-shot CLI command has
  // no subscribers worth a tail.
  const sequenced = () =>
    new SequencedActivityBus({
      inner: new InProcessActivityBus(),
      tail: activityTail(db),
      onError: (err) => logger.warn({ err }, 'reading activity committed by other processes failed'),
    });
  let bus: SequencedActivityBus | ReplicaFedActivityBus | InProcessActivityBus;
  let stopFeed = () => {};
  if (db.backend === 'sqlite') {
    const b = sequenced();
    db.onReplaced(() => b.resync());
    bus = b;
  } else if (replica) {
    const b = new ReplicaFedActivityBus(sequenced());
    stopFeed = replica.onApplied(() => b.poll());
    bus = b;
  } else {
    bus = new InProcessActivityBus();
  }
  const closeBus = () => {
    stopFeed();
    if (!(bus instanceof InProcessActivityBus)) bus.close();
  };
  const progress = replica ? replica.progress : progressOf(db, bus);
  const services: Services = { config, db, logger, bus, progress, blobs: await createBlobStore(config), replica };
  if (options.bootstrapKeys) {
    await bootstrapKeys(db, { dataDir: config.dataDir, bootstrapKey: config.auth.bootstrapAdminKey, logger });
  }
  return {
    ...services,
    close: async () => {
      closeBus();
      await db.close();
      await replica?.close();
    },
  };
}

/**
 * What read-your-writes waits on (src/db/commit-position.ts). Embedded: the file's own
 * high-water mark, woken by every commit the bus sees (this process's and, through the tail,
 * other processes'). PostgreSQL: reads are still on PostgreSQL, which has every commit.
 */
function progressOf(db: Database, bus: Services['bus']): ReplicaProgress {
  const wake = (fn: () => void) => bus.subscribe(() => fn());
  if (db.backend === 'sqlite') {
    return embeddedProgress(
      () => Number(db.sql.get<{ seq: number | bigint }>(`SELECT seq FROM sqlite_sequence WHERE name = 'ActivityLogEntry'`)?.seq ?? 0),
      wake,
    );
  }
  // PostgreSQL without a local replica (one-shot CLI commands): reads go to PostgreSQL
  // itself, so they see every commit. Gateways use the replica's progress (openServices).
  return postgresReadsProgress((listener) => bus.subscribe((event) => listener(event.seq)));
}
