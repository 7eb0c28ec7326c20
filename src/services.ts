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
import { createLogger, type Logger } from './logger.ts';
import { createBlobStore } from './storage/create-blob-store.ts';

export interface OpenOptions {
  logger?: Logger;
  /** Skip migrations (they ran already in this process). */
  skipMigrations?: boolean;
  /** Create or register admin keys (the server does; one-shot CLI commands don't). */
  bootstrapKeys?: boolean;
}

export async function openServices(config: Config, options: OpenOptions = {}): Promise<Services & { close(): Promise<void> }> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (!options.skipMigrations) {
    const { applied } = await migrateWriteStore(config, (msg) => logger.info(msg));
    if (applied.length) logger.info({ applied }, 'applied database migrations');
  }
  const db = new Database({
    file: config.databaseFile,
    // pg and the PostgreSQL client load only in that mode.
    postgres: config.postgresUrl ? { url: config.postgresUrl, client: (await import('./db/postgres/clients.ts')).postgresClient } : undefined,
    synchronous: config.sqlite.synchronous,
    busyTimeoutMs: config.sqlite.busyTimeoutMs,
    onAfterCommitError: (err) => logger.error({ err }, 'after-commit task failed'),
  });
  await db.connect();
  // Live subscribers also get what other processes commit to the SQLite file
  // (src/events/external-commits.ts). On PostgreSQL that tail is the replication stream
  // (scale-out milestone 2); until then subscribers see this gateway's own writes.
  const bus =
    db.backend === 'sqlite'
      ? new SequencedActivityBus({
          inner: new InProcessActivityBus(),
          tail: activityTail(db),
          onError: (err) => logger.warn({ err }, 'reading activity committed by other processes failed'),
        })
      : new InProcessActivityBus();
  if (bus instanceof SequencedActivityBus) db.onReplaced(() => bus.resync());
  const closeBus = () => (bus instanceof SequencedActivityBus ? bus.close() : undefined);
  const services: Services = { config, db, logger, bus, progress: progressOf(db, bus), blobs: await createBlobStore(config) };
  if (options.bootstrapKeys) {
    await bootstrapKeys(db, { dataDir: config.dataDir, bootstrapKey: config.auth.bootstrapAdminKey, logger });
  }
  return {
    ...services,
    close: async () => {
      closeBus();
      await db.close();
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
  // REPLICA PLUGS IN HERE (issue 16, milestone 2): once reads run on the local replica
  // (src/replica/), return the replica's ReplicaProgress instead; until then this stand-in.
  return postgresReadsProgress((listener) => bus.subscribe((event) => listener(event.seq)));
}
