// Which versions of each model a page shows: the first N (newest first) per model, found by
// one window query over the (modelId, versionNumber) index. Prisma's nested `take` for many
// parents reads every version of every listed model and slices in memory — years of
// retraining make that thousands of rows of metrics for a page of five.
import { idList, type SqlReader } from '../db/sql-reader.ts';
import { groupByParent, type KeysetRequest, keysetClauses } from './keyset.ts';

/** Ids of up to `page.size + 1` versions per model, in page order (the extra one says "more"). */
export function versionPageIds(sql: SqlReader, modelIds: readonly string[], page: KeysetRequest): string[][] {
  const k = keysetClauses('ModelVersion', 'versionNumber', 'DESC', page, 'v');
  const rows = sql.all<{ id: string; modelId: string }>(
    `SELECT id, modelId FROM (
       SELECT v.id, v.modelId, row_number() OVER (PARTITION BY v.modelId ORDER BY ${k.orderBy}) AS rn
         FROM "ModelVersion" v
        WHERE v.modelId IN (SELECT value FROM json_each(?)) ${k.where ? `AND ${k.where}` : ''}
     ) WHERE rn <= ? ORDER BY modelId, rn`,
    [idList(modelIds), ...k.params, page.size + 1],
  );
  return groupByParent(modelIds, rows, (r) => r.modelId).map((list) => list.map((r) => r.id));
}

export function versionCounts(sql: SqlReader, modelIds: readonly string[]): number[] {
  const rows = sql.all<{ modelId: string; n: number }>(
    `SELECT modelId, count(*) AS n FROM "ModelVersion" WHERE modelId IN (SELECT value FROM json_each(?)) GROUP BY modelId`,
    [idList(modelIds)],
  );
  const counts = new Map(rows.map((r) => [r.modelId, r.n]));
  return modelIds.map((id) => counts.get(id) ?? 0);
}
