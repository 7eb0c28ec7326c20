// claimExtraction: hands the highest-priority, oldest PENDING extraction to one worker with a
// lease, or null when none is left. Atomic because every write runs in the one serialized
// write transaction (src/db/database.ts): two claims never see the same PENDING row, and the
// UPDATE's WHERE re-checks the status anyway. Expired leases go back to PENDING first.
import { leaseExpired } from '../../domain/extraction-state-machine.ts';
import { requiredText } from '../../domain/validate.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Extraction } from '../../generated/prisma/client.ts';
import type { AfterCommit, Tx } from '../../db/database.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { extractionActivity } from './load-for-write.ts';
import { LeaseConflictError } from './errors.ts';

/** What claimExtraction can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const claimExtractionErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError, InvalidTransitionError, LeaseConflictError] as const;

export interface ClaimExtractionInput {
  worker: string;
  leaseSeconds?: number | null;
}

const MAX_LEASE_SECONDS = 24 * 3600;

export async function claimExtraction(ctx: CommandContext, input: ClaimExtractionInput): Promise<Extraction | null> {
  const worker = requiredText('worker', input.worker, 200);
  const leaseMs = input.leaseSeconds != null ? input.leaseSeconds * 1000 : ctx.services.config.extraction.defaultLeaseMs;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0 || leaseMs > MAX_LEASE_SECONDS * 1000) {
    throw new ValidationError('leaseSeconds', `must be between 1 and ${MAX_LEASE_SECONDS}`);
  }
  return ctx.services.db.write(async (tx, afterCommit) => {
    const now = new Date();
    await releaseExpiredLeases(tx, afterCommit, ctx, now);
    const next = await tx.extraction.findFirst({
      where: { status: 'PENDING' },
      orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    if (!next) return null;
    const leaseExpiresAt = new Date(now.getTime() + leaseMs);
    const updated = await tx.extraction.updateMany({
      where: { id: next.id, status: 'PENDING', version: next.version },
      data: { status: 'EXTRACTING', worker, leaseExpiresAt, errorMessage: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Error(`extraction ${next.id} changed inside the claim transaction`);
    const claimed = await tx.extraction.findUniqueOrThrow({ where: { id: next.id } });
    await recordActivity(tx, afterCommit, ctx, extractionActivity(claimed, 'extraction_claimed', `PENDING → EXTRACTING: claimed by worker "${worker}"`, {
      from: 'PENDING',
      to: 'EXTRACTING',
      worker,
      leaseExpiresAt: leaseExpiresAt.toISOString(),
    }));
    return claimed;
  });
}

/** EXTRACTING extractions whose lease ran out go back to PENDING (their worker is presumed gone). */
export async function releaseExpiredLeases(tx: Tx, afterCommit: AfterCommit, ctx: CommandContext, now: Date): Promise<number> {
  const expired = await tx.extraction.findMany({ where: { status: 'EXTRACTING', leaseExpiresAt: { lte: now } } });
  for (const e of expired) {
    if (!leaseExpired(e.status, e.leaseExpiresAt, now)) continue;
    await tx.extraction.update({
      where: { id: e.id },
      data: { status: 'PENDING', worker: null, leaseExpiresAt: null, version: { increment: 1 } },
    });
    await recordActivity(tx, afterCommit, ctx, extractionActivity({ ...e, version: e.version + 1 }, 'extraction_lease_expired', `EXTRACTING → PENDING: the lease of worker "${e.worker}" expired`, {
      from: 'EXTRACTING',
      to: 'PENDING',
      worker: e.worker,
      leaseExpiresAt: e.leaseExpiresAt?.toISOString(),
    }));
  }
  return expired.length;
}
