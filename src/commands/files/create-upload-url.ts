// createUploadUrl: the client uploads straight to the store. The row starts PENDING with
// the declared size and SHA-256; completeUpload checks what arrived before it counts, and
// an upload never completed expires with its URL (expire-uploads.ts).
import type { StoredFile } from '../../generated/prisma/client.ts';
import { NotFoundError, StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { PresignedRequest } from '../../storage/blob-store.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { checkFilename, checkFileType, checkOwnerType, checkSha256, objectKey, type OwnerRef, ownerColumns } from './file-rules.ts';
import { UploadTooLargeError } from './errors.ts';

/** What createUploadUrl can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
// UploadTooLargeError is not thrown today; it stays in the union so clients' existing fragments on it stay valid.
export const createUploadUrlErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StorageError, UploadTooLargeError] as const;

export interface CreateUploadUrlInput {
  owner: OwnerRef;
  fileType: string;
  filename: string;
  contentType?: string | null;
  size: bigint | number;
  checksumSha256: string;
}

export async function createUploadUrl(ctx: CommandContext, input: CreateUploadUrlInput): Promise<{ file: StoredFile; upload: PresignedRequest }> {
  const ownerType = checkOwnerType(input.owner);
  const fileType = checkFileType(input.fileType);
  const filename = checkFilename(input.filename);
  const checksumSha256 = checkSha256(input.checksumSha256);
  const contentType = (input.contentType ?? '').trim() || 'application/octet-stream';
  const size = Number(input.size);
  const max = ctx.services.config.limits.maxUploadBytes;
  if (!Number.isSafeInteger(size) || size < 0) throw new ValidationError('size', 'must be a whole number of bytes');
  if (size > max) throw new ValidationError('size', `exceeds the upload limit of ${max} bytes`);
  const key = objectKey(ownerType, input.owner.id, fileType, filename);
  // Signing is local: nothing is stored yet, so there is nothing to clean up if the write fails.
  // Size and checksum are signed in, so the store itself refuses other bytes where it can.
  const upload = await ctx.services.blobs.presign('PUT', key, { expiresInMs: ctx.services.config.blobs.uploadUrlTtlMs, contentType, contentLength: size, checksumSha256 });
  const file = await ctx.services.db.write(async (tx, afterCommit) => {
    const owner = await ownerColumns(tx, ownerType, input.owner.id);
    const row = await tx.storedFile.create({
      data: { ...owner, fileType, filename, contentType, size: BigInt(size), checksumSha256, bucket: ctx.services.blobs.bucket, key, status: 'PENDING', createdBy: ctx.actor.label },
    });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: ownerType,
      subjectId: input.owner.id,
      activityType: 'file_upload_started',
      description: `Upload URL issued for ${fileType} file "${filename}" (${size} bytes)`,
      details: { fileId: row.id, fileType, filename, size, checksumSha256, key, expiresAt: upload.expiresAt.toISOString() },
    });
    return row;
  });
  return { file, upload };
}
