// Which children each parent's page shows, for lists of parents: the first N children per
// parent (in the list's order) in one statement. Prisma's nested `take` for many parents binds
// LIMIT -1 and slices in memory, so a page of five versions per model would read every version
// of every listed model — years of retraining make that thousands of rows of metrics. Callers
// then load just these ids (src/graphql/windowed-connection.ts).
//
// The statement is a correlated LIMIT per parent — `t.rowid IN (SELECT rowid … WHERE parent =
// j.value ORDER BY … LIMIT ?)`, one index range each — and one sort of the page's rows by
// (parent position, child order). A `row_number()` window over all the parents' children did
// the same in 25–40 % more SQLite time: it sorts every child row, with its columns, by
// partition (bench/lib/baseline-server.ts, docs/performance.md).
import { idList, type SqlReader, type SqlValue } from '../db/sql-reader.ts';
import { type Direction, groupByParent, type KeysetRequest, keysetClauses } from './keyset.ts';

/** A parent → children list. Identifiers are fixed in code, never user text. */
export interface ChildList {
  table: string;
  parentColumn: string;
  orderColumn: string;
  direction: Direction;
}

/**
 * The text and parameters of "up to `page.size + 1` children of every parent in a JSON list":
 * the first parameter is that list (`idList`), then the cursor's, then the limit. `columns`
 * name the child as `t` (e.g. `t.id, t.name`); `where` is an extra condition on the child as
 * `s` (fixed text). Rows come grouped by parent, in the parents' order, each group in page
 * order (the order read: reversed for backward pages, as keysetPage expects).
 */
export function childPageStatement(list: ChildList, columns: string, parentIds: readonly string[], page: KeysetRequest, where?: string) {
  const k = keysetClauses(list.table, list.orderColumn, list.direction, page, 's');
  const conditions = [`s."${list.parentColumn}" = j.value`, ...(where ? [where] : []), ...(k.where ? [k.where] : [])];
  const outer = keysetClauses(list.table, list.orderColumn, list.direction, { ...page, cursorId: null }, 't').orderBy;
  const sql = `SELECT ${columns} FROM json_each(?) j JOIN "${list.table}" t
      ON t.rowid IN (SELECT s.rowid FROM "${list.table}" s WHERE ${conditions.join(' AND ')} ORDER BY ${k.orderBy} LIMIT ?)
   ORDER BY j.key, ${outer}`;
  const params: SqlValue[] = [idList(parentIds), ...k.params, page.size + 1];
  return { sql, params };
}

/** Ids of up to `page.size + 1` children per parent, in page order (the extra one says "more"). */
export function childPageIds(sql: SqlReader, list: ChildList, parentIds: readonly string[], page: KeysetRequest): string[][] {
  const s = childPageStatement(list, `t.id, t."${list.parentColumn}"`, parentIds, page);
  const rows = sql.arrays<[id: string, parent: string]>(s.sql, s.params);
  return groupByParent(parentIds, rows, (r) => r[1]).map((children) => children.map((r) => r[0]));
}

export function childCounts(sql: SqlReader, list: ChildList, parentIds: readonly string[]): number[] {
  const rows = sql.arrays<[parent: string, n: number]>(
    `SELECT "${list.parentColumn}", count(*) FROM "${list.table}"
      WHERE "${list.parentColumn}" IN (SELECT value FROM json_each(?)) GROUP BY "${list.parentColumn}"`,
    [idList(parentIds)],
  );
  const counts = new Map(rows);
  return parentIds.map((id) => counts.get(id) ?? 0);
}
