// What every command receives: the long-lived services and who is acting. Each command is
// one function: validate → one db.write() transaction that makes the change AND records its
// activity entry → publish / clean up after commit.
import type { Config, Role } from '../config.ts';
import { randomUUID } from 'node:crypto';
import type { AfterCommit, Database, Tx } from '../db/database.ts';
import type { LocalReplicaHandle } from '../db/local-replica.ts';
import { insertRow } from '../db/write-transaction.ts';
import type { ActivityBus, ActivityEvent } from '../events/activity-bus.ts';
import type { Logger } from '../logger.ts';
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
  activityType: string;
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
  // interactive transaction.
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
  row.seq = Number(await insertRow(tx, 'ActivityLogEntry', columns, 'seq'));
  afterCommit(() => ctx.services.bus.publish(row));
  return row;
}
