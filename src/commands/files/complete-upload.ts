// completeUpload: a PENDING file becomes AVAILABLE only if the object that arrived has the
// declared size and SHA-256 (hashed here by streaming it back; no store verifies SHA-256
// for us). On a mismatch the object is deleted, the row marked DELETED, and the client gets
// a ChecksumMismatchError.
import crypto from 'node:crypto';
import type { StoredFile } from '../../generated/prisma/client.ts';
import { ConflictError, NotFoundError, StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { ChecksumMismatchError, UploadTooLargeError } from './errors.ts';
import { ownerIdOf } from './file-rules.ts';

/** What completeUpload can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
// UploadTooLargeError is not thrown today; it stays in the union so clients' existing fragments on it stay valid.
export const completeUploadErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, ConflictError, StorageError, ChecksumMismatchError, UploadTooLargeError] as const;

export async function completeUpload(ctx: CommandContext, input: { fileId: string }): Promise<StoredFile> {
  const { blobs, db } = ctx.services;
  const pending = await db.reader.storedFile.findUnique({ where: { id: input.fileId } });
  if (!pending || pending.status === 'DELETED') throw new NotFoundError('StoredFile', input.fileId);
  if (pending.status === 'AVAILABLE') return pending; // completing twice is harmless
  const head = await blobs.head(pending.key);
  if (!head) throw new ConflictError('nothing has been uploaded to this file\'s URL yet');
  const expectedSize = Number(pending.size);
  let actualSha: string | null = null;
  if (head.size === expectedSize) {
    const hash = crypto.createHash('sha256');
    for await (const chunk of await blobs.get(pending.key)) hash.update(chunk as Buffer);
    actualSha = hash.digest('hex');
  }
  const ok = head.size === expectedSize && actualSha === pending.checksumSha256;
  const file = await db.write(async (tx, afterCommit) => {
    // Only the PENDING row moves: a concurrent complete or delete wins cleanly.
    const moved = await tx.storedFile.updateMany({
      where: { id: pending.id, status: 'PENDING' },
      data: ok ? { status: 'AVAILABLE' } : { status: 'DELETED', deletedAt: new Date() },
    });
    if (moved.count === 0) throw new ConflictError('the file is no longer pending');
    if (!ok) afterCommit(() => blobs.delete(pending.key));
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: pending.ownerType,
      subjectId: ownerIdOf(pending),
      activityType: ok ? 'file_uploaded' : 'file_upload_rejected',
      description: ok
        ? `${pending.fileType} file "${pending.filename}" uploaded (${expectedSize} bytes)`
        : `Upload of "${pending.filename}" rejected: size or checksum mismatch`,
      details: { fileId: pending.id, fileType: pending.fileType, filename: pending.filename, expectedSize, actualSize: head.size, checksumSha256: pending.checksumSha256, actualSha256: actualSha, key: pending.key },
    });
    return tx.storedFile.findUniqueOrThrow({ where: { id: pending.id } });
  });
  if (!ok) throw new ChecksumMismatchError(expectedSize, head.size, pending.checksumSha256 ?? '', actualSha);
  return file;
}
