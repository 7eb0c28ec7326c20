// Stored files of many use cases at once (one statement per page shape, see child-pages.ts), with prepared
// statements (src/db/sql-reader.ts). Rows have the Prisma model's fields, instants as ISO strings.
import { idList, isoUtc, type SqlReader } from '../db/sql-reader.ts';
import { childPageStatement } from './child-pages.ts';
import { groupByParent, type KeysetPage, type KeysetRequest, keysetPage } from './keyset.ts';

export interface StoredFileRow {
  id: string;
  ownerType: string;
  useCaseId: string | null;
  modelVersionId: string | null;
  artifactId: string | null;
  fileType: string;
  filename: string;
  contentType: string;
  size: number | bigint;
  checksumSha256: string | null;
  bucket: string;
  key: string;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const FILE_COLUMNS =
  'id, ownerType, useCaseId, modelVersionId, artifactId, fileType, filename, contentType, size, checksumSha256, bucket, key, status, createdBy, createdAt, updatedAt, deletedAt';

const FILES = { table: 'StoredFile', parentColumn: 'useCaseId', orderColumn: 'createdAt', direction: 'ASC' } as const;

/** The page of not-deleted files (oldest first) of every given use case. */
export function useCaseFilePages(
  sql: SqlReader,
  useCaseIds: readonly string[],
  page: KeysetRequest,
  cursorOf: (id: string) => string,
): Array<KeysetPage<StoredFileRow>> {
  const s = childPageStatement(FILES, FILE_COLUMNS.replace(/(^|, )/g, '$1t.'), useCaseIds, page, "s.status <> 'DELETED'");
  const rows = sql.all<StoredFileRow>(s.sql, s.params);
  for (const r of rows) {
    r.createdAt = isoUtc(r.createdAt);
    r.updatedAt = isoUtc(r.updatedAt);
    if (r.deletedAt !== null) r.deletedAt = isoUtc(r.deletedAt);
  }
  return groupByParent(useCaseIds, rows, (r) => r.useCaseId!).map((list) => keysetPage(list, page, (r) => cursorOf(r.id)));
}

/** How many not-deleted files each use case has. */
export function useCaseFileCounts(sql: SqlReader, useCaseIds: readonly string[]): number[] {
  const rows = sql.all<{ useCaseId: string; n: number }>(
    `SELECT useCaseId, count(*) AS n FROM "StoredFile"
      WHERE useCaseId IN (SELECT value FROM json_each(?)) AND status <> 'DELETED' GROUP BY useCaseId`,
    [idList(useCaseIds)],
  );
  const counts = new Map(rows.map((r) => [r.useCaseId, r.n]));
  return useCaseIds.map((id) => counts.get(id) ?? 0);
}
