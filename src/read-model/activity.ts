// Activity entries of many subjects at once, newest first, in one statement per request and
// page shape (a correlated LIMIT per subject; see child-pages.ts for why not a window).
import { idList, isoUtc, type SqlReader, type SqlValue } from '../db/sql-reader.ts';
import type { ActivityEvent } from '../events/activity-bus.ts';
import { groupByParent } from './keyset.ts';

/** An entry as the bus carries it, with the instant as an ISO string. */
export type ActivityRow = Omit<ActivityEvent, 'createdAt'> & { createdAt: string };

/** Which of the optional columns an answer shows (the others are always read). */
export interface ActivityColumns {
  /** The JSON details: the widest column. */
  details: boolean;
  /** subjectType (and the subject, with the parent's id). */
  subject: boolean;
  /** The entry's own id (its global ID). */
  id: boolean;
}

export const ALL_ACTIVITY_COLUMNS: ActivityColumns = { details: true, subject: true, id: true };

type Columns = [subjectId: string, seq: number, activityType: string, description: string, actor: string, createdAt: string, ...optional: string[]];

/**
 * Up to `take` newest entries of each subject (older than `beforeSeq` when given), grouped
 * by subject in the order of `subjectIds`. Columns left out by `columns` are empty strings
 * (`'{}'` for details) in the rows: no answer shows them. The subject id comes from the id
 * list, not from the table.
 */
export function activityBySubject(
  sql: SqlReader,
  subjectIds: readonly string[],
  take: number,
  beforeSeq: number | null,
  columns: ActivityColumns = ALL_ACTIVITY_COLUMNS,
): ActivityRow[][] {
  const params: SqlValue[] = [idList(subjectIds)];
  if (beforeSeq !== null) params.push(beforeSeq);
  params.push(take);
  const optional = [columns.id ? 'a.id' : "''", columns.subject ? 'a.subjectType' : "''", columns.details ? 'a.details' : "'{}'"];
  const rows = sql.arrays<Columns>(
    `SELECT j.value, a.seq, a.activityType, a.description, a.actor, a.createdAt, ${optional.join(', ')} FROM json_each(?) j JOIN "ActivityLogEntry" a
        ON a.seq IN (SELECT s.seq FROM "ActivityLogEntry" s
                      WHERE s.subjectId = j.value ${beforeSeq === null ? '' : 'AND s.seq < ?'} ORDER BY s.seq DESC LIMIT ?)
     ORDER BY j.key, a.seq DESC`,
    params,
  );
  const entries = rows.map(
    (r): ActivityRow => ({
      seq: r[1],
      id: r[6]!,
      subjectType: r[7]!,
      subjectId: r[0],
      activityType: r[2],
      description: r[3],
      details: r[8]!,
      actor: r[4],
      createdAt: isoUtc(r[5]),
    }),
  );
  return groupByParent(subjectIds, entries, (e) => e.subjectId);
}
