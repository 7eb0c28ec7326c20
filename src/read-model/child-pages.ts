// Which children each parent's page shows, for lists of parents: the first N children per
// parent (in the list's order) by one window query over the (parent, order) index. Prisma's
// nested `take` for many parents binds LIMIT -1 and slices in memory, so a page of five
// versions per model would read every version of every listed model — years of retraining
// make that thousands of rows of metrics. Callers then load just these ids (src/graphql/
// windowed-connection.ts).
import { idList, type SqlReader } from '../db/sql-reader.ts';
import { type Direction, groupByParent, type KeysetRequest, keysetClauses } from './keyset.ts';

/** A parent → children list. Identifiers are fixed in code, never user text. */
export interface ChildList {
  table: string;
  parentColumn: string;
  orderColumn: string;
  direction: Direction;
}

/** Ids of up to `page.size + 1` children per parent, in page order (the extra one says "more"). */
export function childPageIds(sql: SqlReader, list: ChildList, parentIds: readonly string[], page: KeysetRequest): string[][] {
  const k = keysetClauses(list.table, list.orderColumn, list.direction, page, 'c');
  const rows = sql.all<{ id: string; parent: string }>(
    `SELECT id, parent FROM (
       SELECT c.id, c."${list.parentColumn}" AS parent, row_number() OVER (PARTITION BY c."${list.parentColumn}" ORDER BY ${k.orderBy}) AS rn
         FROM "${list.table}" c
        WHERE c."${list.parentColumn}" IN (SELECT value FROM json_each(?)) ${k.where ? `AND ${k.where}` : ''}
     ) WHERE rn <= ? ORDER BY parent, rn`,
    [idList(parentIds), ...k.params, page.size + 1],
  );
  return groupByParent(parentIds, rows, (r) => r.parent).map((children) => children.map((r) => r.id));
}

export function childCounts(sql: SqlReader, list: ChildList, parentIds: readonly string[]): number[] {
  const rows = sql.all<{ parent: string; n: number }>(
    `SELECT "${list.parentColumn}" AS parent, count(*) AS n FROM "${list.table}"
      WHERE "${list.parentColumn}" IN (SELECT value FROM json_each(?)) GROUP BY "${list.parentColumn}"`,
    [idList(parentIds)],
  );
  const counts = new Map(rows.map((r) => [r.parent, r.n]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
