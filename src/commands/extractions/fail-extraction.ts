// failExtraction: the worker gave up. A retryable failure with retries left goes back to the
// queue (EXTRACTING → FAILED → PENDING, both moves in the activity entry); otherwise it stays
// FAILED. The maximum is EXTRACTION_MAX_RETRIES.
import { failureOutcome } from '../../domain/extraction-state-machine.ts';
import { requiredText } from '../../domain/validate.ts';
import type { Extraction } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { extractionActivity, loadExtractionForEvent, updateAtVersion } from './load-for-write.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { LeaseConflictError } from './errors.ts';

/** What failExtraction can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const failExtractionErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError, InvalidTransitionError, LeaseConflictError] as const;

export interface FailExtractionInput {
  id: string;
  error: string;
  retryable?: boolean | null;
  worker?: string | null;
  expectedVersion?: number | null;
}

export async function failExtraction(ctx: CommandContext, input: FailExtractionInput): Promise<Extraction> {
  const error = requiredText('error', input.error, 4000);
  const maxRetries = ctx.services.config.extraction.maxRetries;
  return ctx.services.db.write(async (tx, afterCommit) => {
    const { extraction: before } = await loadExtractionForEvent(tx, input.id, 'FAIL', { expectedVersion: input.expectedVersion, worker: input.worker });
    const outcome = failureOutcome(before.retryCount, maxRetries, input.retryable ?? false);
    const extraction = await updateAtVersion(tx, before, {
      status: outcome.status,
      retryCount: outcome.retryCount,
      errorMessage: error,
      worker: null,
      leaseExpiresAt: null,
    });
    const path = outcome.status === 'PENDING' ? 'EXTRACTING → FAILED → PENDING' : 'EXTRACTING → FAILED';
    const note = outcome.status === 'PENDING' ? `retry ${outcome.retryCount} of ${maxRetries} queued` : input.retryable ? `no retries left (${maxRetries})` : 'not retryable';
    await recordActivity(tx, afterCommit, ctx, extractionActivity(extraction, 'extraction_failed', `${path}: ${note}`, {
      from: 'EXTRACTING',
      to: outcome.status,
      events: outcome.events,
      error,
      retryable: input.retryable ?? false,
      retryCount: outcome.retryCount,
      maxRetries,
      worker: before.worker,
    }));
    return extraction;
  });
}
