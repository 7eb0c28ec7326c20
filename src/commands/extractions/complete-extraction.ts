// completeExtraction: the worker's report. Artifacts arrive through the GraphQL multipart
// request (streamed, src/storage/multipart-upload.ts) and are compressed before the write;
// then one transaction stores the offices, the artifacts, EXTRACTING → EXTRACTED and the
// activity entry. A failure anywhere leaves no row behind.
import type { Readable } from 'node:stream';
import { normalizeOffices, type OfficeField } from '../../domain/district-office.ts';
import { optionalText } from '../../domain/validate.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Extraction } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { ARTIFACT_TYPES, type ArtifactType, checkArtifactFilename, checkContentType, DEFAULT_CONTENT_TYPE, packArtifact, type PackedArtifact } from './artifact-content.ts';
import { extractionActivity, loadExtractionForEvent, updateAtVersion } from './load-for-write.ts';
import { ArtifactTooLargeError, LeaseConflictError } from './errors.ts';

/** What completeExtraction can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const completeExtractionErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError, InvalidTransitionError, LeaseConflictError, ArtifactTooLargeError] as const;

export type OfficeInput = Partial<Record<OfficeField, string | null | undefined>>;

export interface ArtifactUpload {
  artifactType: string;
  /** Opens the upload (the multipart part); called in order, one at a time. */
  open(): Promise<{ filename: string; contentType: string; stream: Readable }>;
  contentType?: string | null;
}

export interface CompleteExtractionInput {
  id: string;
  worker?: string | null;
  sourceUrl?: string | null;
  offices: readonly OfficeInput[];
  artifacts?: readonly ArtifactUpload[] | null;
  expectedVersion?: number | null;
}

const MAX_ARTIFACTS = 20;

export async function completeExtraction(ctx: CommandContext, input: CompleteExtractionInput): Promise<Extraction> {
  const offices = normalizeOffices('offices', input.offices);
  const sourceUrl = optionalText('sourceUrl', input.sourceUrl, 2000);
  const uploads = input.artifacts ?? [];
  if (uploads.length > MAX_ARTIFACTS) throw new ValidationError('artifacts', `at most ${MAX_ARTIFACTS} artifacts`);
  // Fail before reading megabytes when the extraction plainly cannot be completed (checked again in the tx).
  const current = await ctx.services.db.reader.extraction.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!current) throw new NotFoundError('Extraction', input.id);
  const packed: PackedArtifact[] = [];
  const maxBytes = ctx.services.config.extraction.artifactMaxBytes;
  for (const [i, upload] of uploads.entries()) {
    if (!(ARTIFACT_TYPES as readonly string[]).includes(upload.artifactType)) {
      throw new ValidationError(`artifacts.${i}.artifactType`, `must be one of ${ARTIFACT_TYPES.join(', ')}`);
    }
    const artifactType = upload.artifactType as ArtifactType;
    const file = await upload.open();
    const filename = checkArtifactFilename(`artifacts.${i}.file`, file.filename);
    const contentType = checkContentType(`artifacts.${i}.contentType`, upload.contentType ?? file.contentType, DEFAULT_CONTENT_TYPE[artifactType]);
    packed.push(await packArtifact(file.stream, { artifactType, filename, contentType }, maxBytes));
  }

  return ctx.services.db.write(async (tx, afterCommit) => {
    const { extraction: before, rule } = await loadExtractionForEvent(tx, input.id, 'COMPLETE', { expectedVersion: input.expectedVersion, worker: input.worker });
    await tx.extractedOffice.deleteMany({ where: { extractionId: before.id } });
    if (offices.length) await tx.extractedOffice.createMany({ data: offices.map((o, position) => ({ ...o, extractionId: before.id, position })) });
    for (const a of packed) await tx.extractionArtifact.create({ data: { ...a, extractionId: before.id } });
    const extraction = await updateAtVersion(tx, before, {
      status: 'EXTRACTED',
      extractedAt: new Date(),
      leaseExpiresAt: null,
      errorMessage: null,
      ...(sourceUrl ? { sourceUrl } : {}),
    });
    await recordActivity(tx, afterCommit, ctx, extractionActivity(extraction, 'extraction_completed', `EXTRACTING → EXTRACTED: ${rule.description}; ${offices.length} office(s), ${packed.length} artifact(s)`, {
      from: 'EXTRACTING',
      to: 'EXTRACTED',
      worker: before.worker,
      offices: offices.length,
      artifacts: packed.map((a) => ({ artifactType: a.artifactType, filename: a.filename, size: a.size, storedSize: a.storedSize, checksumSha256: a.checksumSha256 })),
      sourceUrl: extraction.sourceUrl,
    }));
    return extraction;
  });
}
