// Shared by the use-case commands: read the row inside the write transaction and apply the
// optimistic-concurrency check there, so the check and the write see the same state.
import type { Tx } from '../../db/database.ts';
import { NotFoundError, StaleVersionError } from '../../errors.ts';
import type { UseCase } from '../../generated/prisma/client.ts';

export async function loadUseCaseForWrite(tx: Tx, id: string, expectedVersion?: number | null): Promise<UseCase> {
  const useCase = await tx.useCase.findUnique({ where: { id } });
  if (!useCase) throw new NotFoundError('UseCase', id);
  if (expectedVersion != null && expectedVersion !== useCase.version) {
    throw new StaleVersionError(expectedVersion, useCase.version);
  }
  return useCase;
}
