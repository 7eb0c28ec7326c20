// Shared by the use-case commands: read the row inside the write transaction and apply the
// optimistic-concurrency check there, then write only if the row is still at the version read.
import type { Tx } from '../../db/database.ts';
import { NotFoundError, StaleVersionError } from '../../errors.ts';
import type { Prisma, UseCase } from '../../generated/prisma/client.ts';

export async function loadUseCaseForWrite(tx: Tx, id: string, expectedVersion?: number | null): Promise<UseCase> {
  const useCase = await tx.useCase.findUnique({ where: { id } });
  if (!useCase) throw new NotFoundError('UseCase', id);
  if (expectedVersion != null && expectedVersion !== useCase.version) {
    throw new StaleVersionError(expectedVersion, useCase.version);
  }
  return useCase;
}

/**
 * Applies `data` and bumps the version, only if the row is still at `before.version`. On the
 * embedded SQLite file writes never interleave, so it always is. On PostgreSQL another gateway
 * may have committed since `before` was read (READ COMMITTED): its UPDATE holds the row until
 * it commits, ours then matches no row, and the caller gets the StaleVersionError it would
 * have got had it read a moment later.
 */
export async function updateUseCaseAtVersion(tx: Tx, before: UseCase, data: Prisma.UseCaseUncheckedUpdateManyInput): Promise<UseCase> {
  const updated = await tx.useCase.updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) {
    const now = await tx.useCase.findUnique({ where: { id: before.id }, select: { version: true } });
    if (!now) throw new NotFoundError('UseCase', before.id);
    throw new StaleVersionError(before.version, now.version);
  }
  return tx.useCase.findUniqueOrThrow({ where: { id: before.id } });
}
