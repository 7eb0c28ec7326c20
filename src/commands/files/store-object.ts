// The two halves of "the row is written only after the object is stored": stream the body
// into the store (size cap, checksum on the way), then run the transaction; if the
// transaction fails, remove the object so no orphan is left behind.
import type { Readable } from 'node:stream';
import type { Tx } from '../../db/database.ts';
import { ValidationError } from '../../errors.ts';
import { ObjectTooLargeError, type PutResult } from '../../storage/blob-store.ts';
import type { CommandContext } from '../command-context.ts';
import { UploadTooLargeError } from './errors.ts';
import type { FileType, OwnerType } from './file-rules.ts';

export interface Upload {
  filename: string;
  contentType: string;
  stream: Readable;
}

export async function storeObject(ctx: CommandContext, key: string, upload: Upload): Promise<PutResult> {
  const maxBytes = ctx.services.config.limits.maxUploadBytes;
  try {
    return await ctx.services.blobs.put(key, upload.stream, { contentType: upload.contentType, maxBytes });
  } catch (err) {
    // A body that failed on the client's side (cut off, disconnected) is the reason, not the
    // store: report that error (a ValidationError from multipart-upload.ts) instead.
    const bodyError = (upload.stream as Readable & { errored?: unknown }).errored;
    if (!upload.stream.destroyed) upload.stream.destroy();
    if (err instanceof ObjectTooLargeError) throw new UploadTooLargeError(maxBytes);
    if (bodyError instanceof ValidationError) throw bodyError;
    throw err;
  }
}

/** Runs the write; if it throws, deletes the already-stored object before rethrowing. */
export async function writeOrRemove<T>(ctx: CommandContext, key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    await ctx.services.blobs.delete(key).catch((cleanupErr) => ctx.services.logger.error({ err: cleanupErr, key }, 'could not remove an orphan object'));
    throw err;
  }
}

/** Inserts the AVAILABLE row for a stored object (inside the caller's transaction). */
export function createAvailableRow(
  tx: Tx,
  ctx: CommandContext,
  o: { owner: { ownerType: OwnerType; useCaseId: string | null; modelVersionId: string | null; artifactId: string | null }; fileType: FileType; filename: string; contentType: string; stored: PutResult },
) {
  return tx.storedFile.create({
    data: {
      ...o.owner,
      fileType: o.fileType,
      filename: o.filename,
      contentType: o.contentType,
      size: BigInt(o.stored.size),
      checksumSha256: o.stored.checksumSha256,
      bucket: ctx.services.blobs.bucket,
      key: o.stored.key,
      status: 'AVAILABLE',
      createdBy: ctx.actor.label,
    },
  });
}
