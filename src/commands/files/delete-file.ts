// deleteFile: the row is marked DELETED in the transaction (with the owner's activity
// entry); the object is removed only after commit, so a rollback never loses bytes that a
// row still points at. A crash between the two leaves an object without a live row, which
// `opsgraph files reconcile --fix` removes.
import type { StoredFile } from '../../generated/prisma/client.ts';
import { NotFoundError, StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { ownerIdOf } from './file-rules.ts';

/** What deleteFile can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const deleteFileErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StorageError] as const;

export async function deleteFile(ctx: CommandContext, input: { fileId: string }): Promise<StoredFile> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const row = await tx.storedFile.findUnique({ where: { id: input.fileId } });
    if (!row || row.status === 'DELETED') throw new NotFoundError('StoredFile', input.fileId);
    const file = await tx.storedFile.update({ where: { id: row.id }, data: { status: 'DELETED', deletedAt: new Date() } });
    afterCommit(() => ctx.services.blobs.delete(row.key));
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: row.ownerType,
      subjectId: ownerIdOf(row),
      activityType: 'file_deleted',
      description: `${row.fileType} file "${row.filename}" deleted`,
      details: { fileId: row.id, fileType: row.fileType, filename: row.filename, key: row.key },
    });
    return file;
  });
}
