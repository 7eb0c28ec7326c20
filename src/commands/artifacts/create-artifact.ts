// createArtifact (seed 001): name, type, optional URL and metadata, optionally with a file.
// With a file, the object is stored first under artifacts/<new id>/…, then one transaction
// writes the artifact, its StoredFile row and the activity entry.
import crypto from 'node:crypto';
import { jsonText, optionalText, requiredText } from '../../domain/validate.ts';
import { NotFoundError, StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Artifact } from '../../generated/prisma/client.ts';
import type { PutResult } from '../../storage/blob-store.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { checkFilename, objectKey } from '../files/file-rules.ts';
import { createAvailableRow, storeObject, type Upload, writeOrRemove } from '../files/store-object.ts';
import { ChecksumMismatchError, UploadTooLargeError } from '../files/errors.ts';

/** What createArtifact can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
// ChecksumMismatchError is not thrown today; it stays in the union so clients' existing fragments on it stay valid.
export const createArtifactErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StorageError, UploadTooLargeError, ChecksumMismatchError] as const;

export interface CreateArtifactInput {
  name: string;
  type: string;
  url?: string | null;
  metadata?: unknown;
  upload?: Upload | null;
}

export async function createArtifact(ctx: CommandContext, input: CreateArtifactInput): Promise<Artifact> {
  const name = requiredText('name', input.name);
  if (name === '*') throw new ValidationError('name', '"*" is reserved (it matches every name in queries)');
  const type = requiredText('type', input.type, 100);
  const url = optionalText('url', input.url, 2048);
  const metadata = jsonText('metadata', input.metadata ?? {});
  const id = crypto.randomUUID();
  let stored: PutResult | null = null;
  let filename = '';
  if (input.upload) {
    filename = checkFilename(input.upload.filename);
    stored = await storeObject(ctx, objectKey('Artifact', id, 'ARTIFACT', filename), input.upload);
  }
  const write = () =>
    ctx.services.db.write(async (tx, afterCommit) => {
      let artifact = await tx.artifact.create({ data: { id, name, type, url, metadata, createdBy: ctx.actor.label } });
      let fileId: string | null = null;
      if (stored && input.upload) {
        const owner = { ownerType: 'Artifact' as const, useCaseId: null, modelVersionId: null, artifactId: id };
        const file = await createAvailableRow(tx, ctx, { owner, fileType: 'ARTIFACT', filename, contentType: input.upload.contentType, stored });
        fileId = file.id;
        artifact = await tx.artifact.update({ where: { id }, data: { fileId } });
      }
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: 'Artifact',
        subjectId: id,
        activityType: 'artifact_created',
        description: `Artifact "${name}" (${type}) created${stored ? ` with file "${filename}"` : ''}`,
        details: { name, type, url, fileId, size: stored?.size ?? null, checksumSha256: stored?.checksumSha256 ?? null },
      });
      return artifact;
    });
  return stored ? writeOrRemove(ctx, stored.key, write) : write();
}
