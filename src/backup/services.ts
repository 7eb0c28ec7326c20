// What the backup service needs from the process: the database, the blob store, config and
// the log. Commands (src/commands/backups/) call this service and record its results in the
// activity log; the service itself never calls a command, so imports flow one way.
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { BlobStore } from '../storage/blob-store.ts';

export interface BackupServices {
  config: Config;
  db: Database;
  blobs: BlobStore;
  logger: Logger;
}
