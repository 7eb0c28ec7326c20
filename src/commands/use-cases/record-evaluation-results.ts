import { jsonText } from '../../domain/validate.ts';
import { NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { UseCase } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { loadUseCaseForWrite, updateUseCaseAtVersion } from './load-for-write.ts';

/** What recordEvaluationResults can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const recordEvaluationResultsErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError] as const;

export interface RecordEvaluationResultsInput {
  useCaseId: string;
  summary: unknown;
  /** Raw StoredFile id of an AVAILABLE RESULTS file of this use case. */
  resultsFileId?: string | null;
  expectedVersion?: number | null;
}

/** Records an evaluation's summary and links its RESULTS file; allowed while the evaluation runs or after. */
export async function recordEvaluationResults(ctx: CommandContext, input: RecordEvaluationResultsInput): Promise<UseCase> {
  const summary = jsonText('summary', input.summary ?? {});
  return ctx.services.db.write(async (tx, afterCommit) => {
    const before = await loadUseCaseForWrite(tx, input.useCaseId, input.expectedVersion);
    if (!['EVALUATION_RUNNING', 'EVALUATION_COMPLETED', 'EVALUATION_FAILED'].includes(before.state)) {
      throw new ValidationError('useCaseId', `results can be recorded once the evaluation runs (state is ${before.state})`);
    }
    let resultsFileId = before.resultsFileId;
    if (input.resultsFileId) {
      const file = await tx.storedFile.findUnique({ where: { id: input.resultsFileId } });
      if (!file || file.status === 'DELETED') throw new NotFoundError('StoredFile', input.resultsFileId);
      if (file.useCaseId !== before.id || file.fileType !== 'RESULTS' || file.status !== 'AVAILABLE') {
        throw new ValidationError('resultsFileId', 'must be an AVAILABLE RESULTS file of this use case');
      }
      resultsFileId = file.id;
    }
    const useCase = await updateUseCaseAtVersion(tx, before, { evaluationSummary: summary, resultsFileId, resultsRecordedAt: new Date() });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'UseCase',
      subjectId: useCase.id,
      activityType: 'evaluation_results_recorded',
      description: `Evaluation results recorded${resultsFileId ? ' with a results file' : ''}`,
      details: { summary: JSON.parse(summary), resultsFileId, version: useCase.version },
    });
    return useCase;
  });
}
