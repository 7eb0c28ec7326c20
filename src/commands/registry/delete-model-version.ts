// deleteModelVersion: removes a version; the active one only with `force`, and then the best
// remaining version takes over (a promotion event). The artifact object goes only when asked
// (seed 002, fix #7), and only after the commit: the file row is marked DELETED in the same
// transaction, so a row never claims an object that is gone; if the store delete fails after
// commit, what remains is an unreferenced object, which is logged, never a dangling row.
import type { Tx } from '../../db/database.ts';
import { bestVersion } from '../../domain/promotion.ts';
import { ConflictError, NotFoundError, StorageError, WRITE_ERRORS } from '../../errors.ts';
import type { Model, ModelVersion } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { changeActiveVersion, loadVersion } from './shared.ts';

/** What deleteModelVersion can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const deleteModelVersionErrors = [...WRITE_ERRORS, NotFoundError, ConflictError, StorageError] as const;

export interface DeleteModelVersionInput {
  id: string;
  force?: boolean | null;
  deleteArtifacts?: boolean | null;
}

export interface DeleteModelVersionResult {
  deletedVersionId: string;
  model: Model;
  /** The version that became active because the deleted one was active; else null. */
  newActiveVersion: ModelVersion | null;
  /** True when the stored artifact object is being removed. */
  artifactDeleted: boolean;
}

export async function deleteModelVersion(ctx: CommandContext, input: DeleteModelVersionInput): Promise<DeleteModelVersionResult> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const version = await loadVersion(tx, input.id);
    const model = await tx.model.findUniqueOrThrow({ where: { id: version.modelId } });
    const wasActive = model.activeVersionId === version.id;
    if (wasActive && !input.force) {
      throw new ConflictError(`v${version.versionNumber} is the active version of its model; pass force: true (admin) to delete it anyway`);
    }

    let newActiveVersion: ModelVersion | null = null;
    if (wasActive) {
      const remaining = await tx.modelVersion.findMany({ where: { modelId: model.id, id: { not: version.id } } });
      newActiveVersion = bestVersion(remaining);
      await changeActiveVersion(tx, { modelId: model.id, from: version, to: newActiveVersion, reason: 'ACTIVE_DELETED', actor: ctx.actor.label });
    }

    const artifact = input.deleteArtifacts && version.artifactFileId ? await artifactToDelete(tx, version) : null;
    if (artifact) {
      await tx.storedFile.update({ where: { id: artifact.id }, data: { status: 'DELETED', deletedAt: new Date() } });
      afterCommit(() => ctx.services.blobs.delete(artifact.key));
    }
    await tx.modelVersion.delete({ where: { id: version.id } });

    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Model',
      subjectId: model.id,
      activityType: 'model_version_deleted',
      description:
        `v${version.versionNumber} deleted` +
        (wasActive ? (newActiveVersion ? `; v${newActiveVersion.versionNumber} is now active` : '; the model has no active version') : '') +
        (artifact ? '; artifact removed' : ''),
      details: {
        versionId: version.id,
        versionNumber: version.versionNumber,
        wasActive,
        newActiveVersionId: newActiveVersion?.id ?? null,
        artifactFileId: version.artifactFileId,
        artifactDeleted: Boolean(artifact),
      },
    });
    return {
      deletedVersionId: version.id,
      model: await tx.model.findUniqueOrThrow({ where: { id: model.id } }),
      newActiveVersion,
      artifactDeleted: Boolean(artifact),
    };
  });
}

/** The artifact's file, unless it is gone already or another version still uses it. */
async function artifactToDelete(tx: Tx, version: ModelVersion) {
  const file = await tx.storedFile.findUnique({ where: { id: version.artifactFileId ?? '' } });
  if (!file || file.status === 'DELETED') return null;
  const sharedWith = await tx.modelVersion.count({ where: { artifactFileId: file.id, id: { not: version.id } } });
  if (sharedWith > 0) throw new ConflictError(`the artifact is also used by ${sharedWith} other version(s); delete without deleteArtifacts`);
  return file;
}
