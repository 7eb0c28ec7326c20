// What every command receives: the long-lived services and who is acting. Each command is
// one function: validate → one db.write() transaction that makes the change AND records its
// activity entry → publish / clean up after commit.
import type { Config, Role } from '../config.ts';
import { randomUUID } from 'node:crypto';
import type { ReplicaProgress } from '../db/commit-position.ts';
import type { AfterCommit, Database, Tx } from '../db/database.ts';
import type { LocalReplicaHandle } from '../db/local-replica.ts';
import { insertActivityEntry } from '../db/write-transaction.ts';
import type { ActivityBus, ActivityEvent } from '../events/activity-bus.ts';
import type { ActivityType } from '../domain/activity-types.ts';
import type { Logger } from '../logger.ts';
import { queueWebhookDeliveries, readWebhooks } from '../notifications/outbox.ts';
import type { BlobStore } from '../storage/blob-store.ts';

export interface Actor {
  /** Shown in activity entries and promotion history: "key:<name>", "cli:<user>", "system". */
  label: string;
  role: Role;
  keyId?: string;
}

export const SYSTEM_ACTOR: Actor = { label: 'system', role: 'admin' };

export interface Services {
  config: Config;
  db: Database;
  bus: ActivityBus;
  logger: Logger;
  blobs: BlobStore;
  /** How far local reads have got, in commit positions (read-your-writes; src/db/commit-position.ts). */
  progress: ReplicaProgress;
  /** PostgreSQL mode, in a gateway: the local replica reads are served from (src/replica/). */
  replica?: LocalReplicaHandle;
}

export interface CommandContext {
  services: Services;
  actor: Actor;
}

export interface ActivityInput {
  subjectType: string;
  subjectId: string;
  activityType: ActivityType;
  description: string;
  details?: Record<string, unknown>;
}

/** Writes an activity entry inside the caller's transaction and publishes it after commit. */
export async function recordActivity(
  tx: Tx,
  afterCommit: AfterCommit,
  ctx: CommandContext,
  entry: ActivityInput,
): Promise<ActivityEvent> {
  // A plain INSERT (src/db/write-transaction.ts): the entry is built here, so nothing is read back
  // but its `seq`, and a command that writes only through insertRow() never pays for Prisma's
  // interactive transaction. The seq is the write's commit position (src/db/commit-position.ts):
  // in commit order and gapless on both stores, which insertActivityEntry() sees to.
  const row: ActivityEvent = {
    seq: 0,
    id: randomUUID(),
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    activityType: entry.activityType,
    description: entry.description,
    details: JSON.stringify(entry.details ?? {}),
    actor: ctx.actor.label,
    createdAt: new Date(),
  };
  const { seq: _assigned, ...columns } = row;
  // Webhooks can subscribe to any activity type: their outbox rows commit with the entry. The
  // table is read first: on PostgreSQL the entry's INSERT takes the activity counter's row lock
  // until COMMIT, and a statement after it would make every other write wait longer.
  const webhooks = await readWebhooks(tx, entry.activityType);
  row.seq = await insertActivityEntry(tx, columns);
  await queueWebhookDeliveries(tx, afterCommit, ctx, row, webhooks);
  afterCommit(() => ctx.services.bus.publish(row));
  return row;
}
