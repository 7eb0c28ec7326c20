// Shared by the extraction commands: read the extraction inside the write transaction, apply
// the optimistic-concurrency check and the state machine there, and bump the version in the
// same UPDATE's WHERE so the check and the write see the same row.
import type { Tx } from '../../db/database.ts';
import { checkExtractionEvent, type ExtractionEvent, type ExtractionRule, isExtractionStatus, targetOf } from '../../domain/extraction-state-machine.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError } from '../../errors.ts';
import type { Extraction, Prisma } from '../../generated/prisma/client.ts';
import type { ActivityType } from '../../domain/activity-types.ts';
import type { ActivityInput } from '../command-context.ts';
import { LeaseConflictError } from './errors.ts';

export async function loadExtractionForEvent(
  tx: Tx,
  id: string,
  event: ExtractionEvent,
  options: { expectedVersion?: number | null; worker?: string | null } = {},
): Promise<{ extraction: Extraction; rule: ExtractionRule }> {
  const extraction = await tx.extraction.findUnique({ where: { id } });
  if (!extraction) throw new NotFoundError('Extraction', id);
  if (options.expectedVersion != null && options.expectedVersion !== extraction.version) {
    throw new StaleVersionError(options.expectedVersion, extraction.version);
  }
  const from = isExtractionStatus(extraction.status) ? extraction.status : 'PENDING';
  const check = checkExtractionEvent(from, event);
  if (!check.ok) throw new InvalidTransitionError(extraction.status, targetOf(event), check.allowed);
  if (options.worker && extraction.status === 'EXTRACTING' && extraction.worker !== options.worker) {
    throw new LeaseConflictError(extraction.id, extraction.worker);
  }
  return { extraction, rule: check.rule };
}

/** Applies `data` only if the row is still at the version that was checked. */
export async function updateAtVersion(tx: Tx, before: Extraction, data: Prisma.ExtractionUpdateManyMutationInput): Promise<Extraction> {
  const updated = await tx.extraction.updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new StaleVersionError(before.version, before.version + 1);
  return tx.extraction.findUniqueOrThrow({ where: { id: before.id } });
}

/** The activity entry of one move of an extraction (provenance: there is no second log). */
export function extractionActivity(
  extraction: Pick<Extraction, 'id' | 'bioguideId' | 'version'>,
  activityType: ActivityType,
  description: string,
  details: Record<string, unknown> = {},
): ActivityInput {
  return {
    subjectType: 'Extraction',
    subjectId: extraction.id,
    activityType,
    description,
    details: { bioguideId: extraction.bioguideId, version: extraction.version, ...details },
  };
}
