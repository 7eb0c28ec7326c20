// Activity entries of many subjects at once, newest first, in one statement per request and
// page shape (a correlated LIMIT per subject; see child-pages.ts for why not a window).
import { idList, isoUtc, type SqlReader, type SqlValue } from '../db/sql-reader.ts';
import type { ActivityEvent } from '../events/activity-bus.ts';
import { groupByParent } from './keyset.ts';

/** An entry as the bus carries it, with the instant as an ISO string. */
export type ActivityRow = Omit<ActivityEvent, 'createdAt'> & { createdAt: string };

type Columns = [
  seq: number,
  id: string,
  subjectType: string,
  subjectId: string,
  activityType: string,
  description: string,
  actor: string,
  createdAt: string,
  details?: string,
];

const COLUMNS = 'a.seq, a.id, a.subjectType, a.subjectId, a.activityType, a.description, a.actor, a.createdAt';

/**
 * Up to `take` newest entries of each subject (older than `beforeSeq` when given), grouped
 * by subject in the order of `subjectIds`. `details` (JSON text, the largest column) is read
 * only when `withDetails`; otherwise rows carry `'{}'`, which no answer shows.
 */
export function activityBySubject(
  sql: SqlReader,
  subjectIds: readonly string[],
  take: number,
  beforeSeq: number | null,
  withDetails = true,
): ActivityRow[][] {
  const params: SqlValue[] = [idList(subjectIds)];
  if (beforeSeq !== null) params.push(beforeSeq);
  params.push(take);
  const rows = sql.arrays<Columns>(
    `SELECT ${COLUMNS}${withDetails ? ', a.details' : ''} FROM json_each(?) j JOIN "ActivityLogEntry" a
        ON a.seq IN (SELECT s.seq FROM "ActivityLogEntry" s
                      WHERE s.subjectId = j.value ${beforeSeq === null ? '' : 'AND s.seq < ?'} ORDER BY s.seq DESC LIMIT ?)
     ORDER BY j.key, a.seq DESC`,
    params,
  );
  const entries = rows.map(
    (r): ActivityRow => ({
      seq: r[0],
      id: r[1],
      subjectType: r[2],
      subjectId: r[3],
      activityType: r[4],
      description: r[5],
      details: r[8] ?? '{}',
      actor: r[6],
      createdAt: isoUtc(r[7]),
    }),
  );
  return groupByParent(subjectIds, entries, (e) => e.subjectId);
}
