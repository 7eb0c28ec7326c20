// deleteArtifact: removes the artifact, marks its files DELETED, and removes their objects
// after commit. The activity entry keeps what it was (the artifact row is gone).
import { NotFoundError, StorageError, WRITE_ERRORS } from '../../errors.ts';
import type { Artifact } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

/** What deleteArtifact can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const deleteArtifactErrors = [...WRITE_ERRORS, NotFoundError, StorageError] as const;

export async function deleteArtifact(ctx: CommandContext, input: { id: string }): Promise<Artifact> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const artifact = await tx.artifact.findUnique({ where: { id: input.id } });
    if (!artifact) throw new NotFoundError('Artifact', input.id);
    const files = await tx.storedFile.findMany({
      where: { OR: [{ artifactId: artifact.id }, ...(artifact.fileId ? [{ id: artifact.fileId }] : [])], status: { not: 'DELETED' } },
    });
    await tx.storedFile.updateMany({ where: { id: { in: files.map((f) => f.id) } }, data: { status: 'DELETED', deletedAt: new Date() } });
    await tx.artifact.delete({ where: { id: artifact.id } });
    for (const f of files) afterCommit(() => ctx.services.blobs.delete(f.key));
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Artifact',
      subjectId: artifact.id,
      activityType: 'artifact_deleted',
      description: `Artifact "${artifact.name}" (${artifact.type}) deleted`,
      details: { name: artifact.name, type: artifact.type, url: artifact.url, deletedFiles: files.map((f) => ({ id: f.id, key: f.key })) },
    });
    return artifact;
  });
}
