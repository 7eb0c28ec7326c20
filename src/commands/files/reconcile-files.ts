// Compares the StoredFile rows with the objects under the file prefixes and reports (and,
// with `fix`, repairs) the two ways they can drift apart:
// - a live row whose object is missing (object deleted by hand, restore of an older store):
//   marked DELETED, with an activity entry, so no row points at nothing;
// - an object with no live row (a crash between commit and the after-commit delete, an
//   upload whose transaction failed and whose cleanup failed too): deleted.
// Objects younger than `minAgeMs` are left alone: they may belong to an upload in flight.
import { type CommandContext, recordActivity } from '../command-context.ts';
import { FILE_KEY_PREFIXES, ownerIdOf } from './file-rules.ts';

export interface ReconcileReport {
  rowsWithoutObjects: Array<{ id: string; key: string; status: string }>;
  objectsWithoutRows: Array<{ key: string; size: number }>;
  fixed: boolean;
}

export async function reconcileFiles(ctx: CommandContext, options: { fix?: boolean; minAgeMs?: number } = {}): Promise<ReconcileReport> {
  const { blobs, db, config } = ctx.services;
  const minAgeMs = options.minAgeMs ?? 60 * 60 * 1000;
  const objects = new Map<string, { size: number; lastModified?: Date }>();
  for (const prefix of FILE_KEY_PREFIXES) {
    let cursor: string | undefined;
    do {
      const page = await blobs.list(prefix, { cursor, limit: 1000 });
      for (const o of page.objects) objects.set(o.key, o);
      cursor = page.nextCursor;
    } while (cursor);
  }
  const rows = await db.reader.storedFile.findMany({ where: { status: { not: 'DELETED' } } });
  const liveKeys = new Set(rows.map((r) => r.key));
  const now = Date.now();
  // PENDING rows get until their upload URL expires before a missing object counts.
  const missing = rows.filter(
    (r) => !objects.has(r.key) && (r.status === 'AVAILABLE' || now - r.createdAt.getTime() > config.blobs.uploadUrlTtlMs),
  );
  const orphans = [...objects.entries()]
    .filter(([key, o]) => !liveKeys.has(key) && (!o.lastModified || now - o.lastModified.getTime() > minAgeMs))
    .map(([key, o]) => ({ key, size: o.size }));
  const report: ReconcileReport = {
    rowsWithoutObjects: missing.map((r) => ({ id: r.id, key: r.key, status: r.status })),
    objectsWithoutRows: orphans,
    fixed: false,
  };
  if (!options.fix) return report;
  if (missing.length) {
    await db.write(async (tx, afterCommit) => {
      for (const r of missing) {
        // Only if still live and unchanged: a concurrent completeUpload or delete wins.
        const moved = await tx.storedFile.updateMany({ where: { id: r.id, status: r.status }, data: { status: 'DELETED', deletedAt: new Date() } });
        if (!moved.count) continue;
        await recordActivity(tx, afterCommit, ctx, {
          subjectType: r.ownerType,
          subjectId: ownerIdOf(r),
          activityType: 'file_missing',
          description: `${r.fileType} file "${r.filename}" marked deleted: its object is missing from the store`,
          details: { fileId: r.id, key: r.key, previousStatus: r.status },
        });
      }
    });
  }
  for (const o of orphans) {
    // Re-check: a row may have been written for it since the listing.
    if (!(await db.reader.storedFile.count({ where: { key: o.key, status: { not: 'DELETED' } } }))) await blobs.delete(o.key);
  }
  report.fixed = true;
  return report;
}
