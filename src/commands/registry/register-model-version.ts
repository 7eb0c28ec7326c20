// registerModelVersion: validate, then in ONE transaction create the model if needed, take
// the next version number, score, attach lineage and artifact, and auto-promote. The
// single writer serializes concurrent registrations, so numbers come out gap-free.
// An uploaded artifact is streamed to the store first and its row written in the same
// transaction; if that transaction fails, the object is removed (files' writeOrRemove).
import crypto from 'node:crypto';
import type { AfterCommit, Tx } from '../../db/database.ts';
import { shouldAutoPromote } from '../../domain/promotion.ts';
import { type RegisterVersionInput, type ValidRegistration, validateRegistration } from '../../domain/registry-validation.ts';
import { performanceScore, scoringMetrics } from '../../domain/score.ts';
import { ConflictError, NotFoundError, StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { DataLineage, Model, ModelVersion } from '../../generated/prisma/client.ts';
import type { PutResult } from '../../storage/blob-store.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { checkFilename, objectKey } from '../files/file-rules.ts';
import { createAvailableRow, storeObject, type Upload, writeOrRemove } from '../files/store-object.ts';
import { changeActiveVersion, readSettings } from './shared.ts';
import { UploadTooLargeError } from '../files/errors.ts';

/** What registerModelVersion can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const registerModelVersionErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, ConflictError, StorageError, UploadTooLargeError] as const;

export interface RegisterModelVersionInput extends RegisterVersionInput {
  /** Raw id of an existing StoredFile holding the model artifact. */
  artifactFileId?: string | null;
  /** Or the artifact itself, uploaded with the request. */
  artifact?: Upload | null;
}

export interface RegisterModelVersionResult {
  version: ModelVersion;
  model: Model;
  promoted: boolean;
}

export async function registerModelVersion(ctx: CommandContext, input: RegisterModelVersionInput): Promise<RegisterModelVersionResult> {
  const valid = validateRegistration(input);
  if (input.artifact && input.artifactFileId) throw new ValidationError('artifact', 'send either artifact or artifactFileId, not both');
  if (!input.artifact) return ctx.services.db.write((tx, afterCommit) => writeVersion(tx, afterCommit, ctx, valid, { fileId: input.artifactFileId ?? null }));
  // The version id is chosen here so the object key can name it before the row exists.
  const versionId = crypto.randomUUID();
  const filename = checkFilename(input.artifact.filename);
  const key = objectKey('ModelVersion', versionId, 'MODEL_ARTIFACT', filename);
  const stored = await storeObject(ctx, key, input.artifact);
  const upload = { versionId, filename, contentType: input.artifact.contentType, stored };
  return writeOrRemove(ctx, key, () => ctx.services.db.write((tx, afterCommit) => writeVersion(tx, afterCommit, ctx, valid, { upload })));
}

type ArtifactSource = { fileId: string | null } | { upload: { versionId: string; filename: string; contentType: string; stored: PutResult } };

async function writeVersion(
  tx: Tx,
  afterCommit: AfterCommit,
  ctx: CommandContext,
  valid: ValidRegistration,
  artifact: ArtifactSource,
): Promise<RegisterModelVersionResult> {
  const artifactFileId = 'fileId' in artifact && artifact.fileId ? await checkArtifact(tx, artifact.fileId) : null;
  const lineage = await upsertLineage(tx, valid.lineage);
  const settings = await readSettings(tx);
  const score = performanceScore(scoringMetrics(valid.trainingMetrics, valid.validationMetrics, valid.validationPerformed), settings);

  const existing = await tx.model.findUnique({ where: { sensorId_modelType: { sensorId: valid.sensorId, modelType: valid.modelType } } });
  const model = existing ?? (await tx.model.create({ data: { sensorId: valid.sensorId, modelType: valid.modelType } }));
  const others = await tx.modelVersion.findMany({ where: { modelId: model.id }, select: { performanceScore: true } });
  const { nextVersionNumber: taken } = await tx.model.update({
    where: { id: model.id },
    data: { nextVersionNumber: { increment: 1 } },
    select: { nextVersionNumber: true },
  });
  let version = await tx.modelVersion.create({
    data: {
      id: 'upload' in artifact ? artifact.upload.versionId : undefined,
      ...versionData(valid, { modelId: model.id, versionNumber: taken - 1, score, lineageId: lineage.id, artifactFileId, createdBy: ctx.actor.label }),
    },
  });
  if ('upload' in artifact) {
    // The file row names its owner (the version), so it follows the version row.
    const owner = { ownerType: 'ModelVersion' as const, useCaseId: null, modelVersionId: version.id, artifactId: null };
    const file = await createAvailableRow(tx, ctx, { owner, fileType: 'MODEL_ARTIFACT', ...artifact.upload });
    version = await tx.modelVersion.update({ where: { id: version.id }, data: { artifactFileId: file.id } });
  }

  const promoted = shouldAutoPromote(score, others);
  if (promoted) {
    const from = model.activeVersionId
      ? await tx.modelVersion.findUnique({ where: { id: model.activeVersionId }, select: { id: true, versionNumber: true } })
      : null;
    await changeActiveVersion(tx, { modelId: model.id, from, to: version, reason: 'AUTOMATIC', actor: ctx.actor.label });
  }
  await recordActivity(tx, afterCommit, ctx, {
    subjectType: 'Model',
    subjectId: model.id,
    activityType: 'model_version_registered',
    description: `${valid.sensorId}/${valid.modelType} v${version.versionNumber} registered with score ${score.toFixed(4)}${promoted ? ', now active' : ''}`,
    details: { versionId: version.id, versionNumber: version.versionNumber, performanceScore: score, promoted, modelCreated: !existing, dataHash: lineage.dataHash },
  });
  return { version, model: await tx.model.findUniqueOrThrow({ where: { id: model.id } }), promoted };
}

function versionData(
  v: ValidRegistration,
  extra: { modelId: string; versionNumber: number; score: number; lineageId: string; artifactFileId: string | null; createdBy: string },
) {
  return {
    modelId: extra.modelId,
    versionNumber: extra.versionNumber,
    performanceScore: extra.score,
    validationPerformed: v.validationPerformed,
    trainingConfig: JSON.stringify(v.trainingConfig),
    trainingMetrics: JSON.stringify(v.trainingMetrics),
    validationMetrics: v.validationMetrics ? JSON.stringify(v.validationMetrics) : null,
    trainingTimeSeconds: v.trainingTimeSeconds,
    modelPath: v.modelPath,
    artifactFileId: extra.artifactFileId,
    lineageId: extra.lineageId,
    createdBy: extra.createdBy,
  };
}

/** The artifact must be a stored file that still exists (a version never points at nothing). */
async function checkArtifact(tx: Tx, id: string): Promise<string> {
  const file = await tx.storedFile.findUnique({ where: { id }, select: { id: true, status: true } });
  if (!file) throw new NotFoundError('StoredFile', id);
  if (file.status === 'DELETED') throw new ValidationError('artifactFileId', `file ${id} has been deleted`);
  return file.id;
}

/**
 * One lineage row per data hash. A second version trained on the same data shares it; it
 * may fill in what the first registration left out, but never contradict it.
 */
async function upsertLineage(tx: Tx, l: ValidRegistration['lineage']): Promise<DataLineage> {
  const found = await tx.dataLineage.findUnique({ where: { dataHash: l.dataHash } });
  if (!found) return tx.dataLineage.create({ data: l });
  const fill: Partial<DataLineage> = {};
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  for (const key of ['dataSource', 'dataStartDate', 'dataEndDate', 'numSamples'] as const) {
    const given = l[key];
    if (given === null) continue;
    if (found[key] === null) (fill as Record<string, unknown>)[key] = given;
    else if (!same(found[key], given)) {
      throw new ConflictError(`data ${l.dataHash} is already recorded with a different ${key}; the same hash cannot describe different data`);
    }
  }
  return Object.keys(fill).length ? tx.dataLineage.update({ where: { id: found.id }, data: fill }) : found;
}
