// The activity table's tail, read synchronously on the read-only connection, for the bus
// that publishes what other processes committed (src/events/external-commits.ts).
import type { ActivityEvent } from '../events/activity-bus.ts';
import type { Database } from './database.ts';
import { isoUtc } from './sql-reader.ts';

type Row = Omit<ActivityEvent, 'createdAt'> & { createdAt: string | number };

export function activityTail(db: Database) {
  return {
    dataVersion(): number {
      return db.sql.get<{ data_version: number }>('PRAGMA data_version')!.data_version;
    },
    maxSeq(): number {
      return db.sql.get<{ seq: number | null }>('SELECT max(seq) AS seq FROM "ActivityLogEntry"')?.seq ?? 0;
    },
    after(afterSeq: number, limit: number, beforeSeq?: number): ActivityEvent[] {
      const rows = db.sql.all<Row>(
        `SELECT seq, id, subjectType, subjectId, activityType, description, details, actor, createdAt
           FROM "ActivityLogEntry" WHERE seq > ? AND seq < ? ORDER BY seq LIMIT ?`,
        [afterSeq, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map((r) => ({ ...r, createdAt: new Date(isoUtc(r.createdAt)) }));
    },
  };
}
