// Activity entries of many subjects at once, newest first (one window query per request and
// page shape), with prepared statements (src/db/sql-reader.ts).
import { idList, isoUtc, type SqlReader, type SqlValue } from '../db/sql-reader.ts';

export interface ActivityRow {
  seq: number;
  id: string;
  subjectType: string;
  subjectId: string;
  activityType: string;
  description: string;
  /** JSON text. */
  details: string;
  actor: string;
  createdAt: string;
}

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
  const bySubject = new Map<string, ActivityRow[]>();
  for (const r of rows) {
    r.createdAt = isoUtc(r.createdAt);
    let list = bySubject.get(r.subjectId);
    if (!list) bySubject.set(r.subjectId, (list = []));
    list.push(r);
  }
  return subjectIds.map((id) => bySubject.get(id) ?? []);
}
