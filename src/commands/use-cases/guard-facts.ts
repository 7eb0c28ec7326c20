// The facts the state machine's guards need, read from the database in one query.
import type { Tx } from '../../db/database.ts';
import type { GuardFacts } from '../../domain/use-case-state-machine.ts';

export async function readGuardFacts(tx: Tx, useCaseId: string, resultsFileId: string | null): Promise<GuardFacts> {
  const files = await tx.storedFile.groupBy({
    by: ['fileType'],
    where: { useCaseId, status: 'AVAILABLE', fileType: { in: ['CONFIG', 'DATASET'] } },
    _count: { _all: true },
  });
  const has = (type: string) => files.some((f) => f.fileType === type && f._count._all > 0);
  return { hasConfigFile: has('CONFIG'), hasDatasetFile: has('DATASET'), hasResults: resultsFileId !== null };
}
