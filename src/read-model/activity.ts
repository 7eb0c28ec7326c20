// Activity entries of many subjects at once, newest first (one window query per request and
// page shape), with prepared statements (src/db/sql-reader.ts).
import { idList, isoUtc, type SqlReader, type SqlValue } from '../db/sql-reader.ts';
import type { ActivityEvent } from '../events/activity-bus.ts';
import { groupByParent } from './keyset.ts';

/** An entry as the bus carries it, with the instant as an ISO string. */
export type ActivityRow = Omit<ActivityEvent, 'createdAt'> & { createdAt: string };

/**
 * Up to `take` newest entries of each subject (older than `beforeSeq` when given), grouped
 * by subject in the order of `subjectIds`.
 */
export function activityBySubject(sql: SqlReader, subjectIds: readonly string[], take: number, beforeSeq: number | null): ActivityRow[][] {
  const params: SqlValue[] = [idList(subjectIds)];
  if (beforeSeq !== null) params.push(beforeSeq);
  params.push(take);
  const rows = sql.all<ActivityRow>(
    `SELECT seq, id, subjectType, subjectId, activityType, description, details, actor, createdAt FROM (
       SELECT *, row_number() OVER (PARTITION BY subjectId ORDER BY seq DESC) AS rn
         FROM "ActivityLogEntry"
        WHERE subjectId IN (SELECT value FROM json_each(?)) ${beforeSeq === null ? '' : 'AND seq < ?'}
     ) WHERE rn <= ? ORDER BY subjectId, seq DESC`,
    params,
  );
  for (const r of rows) r.createdAt = isoUtc(r.createdAt);
  return groupByParent(subjectIds, rows, (r) => r.subjectId);
}
