// Presigned uploads that were never completed expire with their URL: once a PENDING row is
// older than UPLOAD_URL_TTL plus UPLOAD_EXPIRY_GRACE (room for a PUT that started just
// before the URL expired), the row becomes DELETED with a `file_upload_expired` activity
// entry and whatever arrived at its key is deleted after commit, as completeUpload does
// for a mismatch. Each row moves only if it is still PENDING, so a concurrent
// completeUpload, a second sweeper (another server on the same file) or a rerun after a
// restart never expires a row twice or one that completed. A crash between the commit and
// the object delete leaves an object with no live row: `opsgraph files reconcile --fix`
// removes those. The store's own leftovers of interrupted writes under the file prefixes go
// too (the fs store's temp parts; S3's multipart uploads left open for over a day).
import { type CommandContext, recordActivity } from '../command-context.ts';
import { FILE_KEY_PREFIXES, ownerIdOf } from './file-rules.ts';

const BATCH = 200;

export interface ExpireReport {
  expired: number;
  partialsRemoved: number;
}

export async function expirePendingUploads(ctx: CommandContext, options: { now?: number } = {}): Promise<ExpireReport> {
  const { blobs, db, config } = ctx.services;
  const cutoff = new Date((options.now ?? Date.now()) - config.blobs.uploadUrlTtlMs - config.blobs.uploadExpiryGraceMs);
  let expired = 0;
  for (;;) {
    const rows = await db.reader.storedFile.findMany({ where: { status: 'PENDING', createdAt: { lt: cutoff } }, orderBy: { createdAt: 'asc' }, take: BATCH });
    if (!rows.length) break;
    const moved = await db.write(async (tx, afterCommit) => {
      let n = 0;
      for (const r of rows) {
        const m = await tx.storedFile.updateMany({ where: { id: r.id, status: 'PENDING' }, data: { status: 'DELETED', deletedAt: new Date() } });
        if (!m.count) continue;
        n += 1;
        afterCommit(() => blobs.delete(r.key));
        await recordActivity(tx, afterCommit, ctx, {
          subjectType: r.ownerType,
          subjectId: ownerIdOf(r),
          activityType: 'file_upload_expired',
          description: `Upload of "${r.filename}" expired: it was not completed before its URL expired`,
          details: { fileId: r.id, fileType: r.fileType, filename: r.filename, key: r.key, createdAt: r.createdAt.toISOString() },
        });
      }
      return n;
    });
    expired += moved;
    if (rows.length < BATCH) break;
  }
  const partialsRemoved = (await blobs.sweepPartial?.(cutoff, FILE_KEY_PREFIXES)) ?? 0;
  return { expired, partialsRemoved };
}
