// uploadFile: stream the body into the store, then one transaction writes the AVAILABLE row
// and the owner's activity entry. A failed transaction removes the stored object.
import type { StoredFile } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { checkFilename, checkFileType, checkOwnerType, objectKey, type OwnerRef, ownerColumns } from './file-rules.ts';
import { createAvailableRow, storeObject, type Upload, writeOrRemove } from './store-object.ts';
import { NotFoundError, StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { UploadTooLargeError } from './errors.ts';

/** What uploadFile can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const uploadFileErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StorageError, UploadTooLargeError] as const;

export interface UploadFileInput {
  owner: OwnerRef;
  fileType: string;
  upload: Upload;
}

export async function uploadFile(ctx: CommandContext, input: UploadFileInput): Promise<StoredFile> {
  const ownerType = checkOwnerType(input.owner);
  const fileType = checkFileType(input.fileType);
  const filename = checkFilename(input.upload.filename);
  // Fail before streaming gigabytes when the owner is plainly missing (checked again in the tx).
  await ownerColumns(ctx.services.db.reader, ownerType, input.owner.id);
  const key = objectKey(ownerType, input.owner.id, fileType, filename);
  const stored = await storeObject(ctx, key, input.upload);
  return writeOrRemove(ctx, key, () =>
    ctx.services.db.write(async (tx, afterCommit) => {
      const owner = await ownerColumns(tx, ownerType, input.owner.id);
      const file = await createAvailableRow(tx, ctx, { owner, fileType, filename, contentType: input.upload.contentType, stored });
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: ownerType,
        subjectId: input.owner.id,
        activityType: 'file_uploaded',
        description: `${fileType} file "${filename}" uploaded (${stored.size} bytes)`,
        details: { fileId: file.id, fileType, filename, size: stored.size, checksumSha256: stored.checksumSha256, key },
      });
      return file;
    }),
  );
}
