import { applyJobChanges, type JobChanges, newJobId } from '../../domain/job.ts';
import { ConflictError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Job } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { columnsFromInput } from './job-input.ts';

/** What createJob can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const createJobErrors = [...WRITE_ERRORS, ValidationError, ConflictError] as const;

export interface CreateJobInput extends JobChanges {
  /** The job's id; a short random one when absent (imported jobs keep their own). */
  id?: string | null;
}

export async function createJob(ctx: CommandContext, input: CreateJobInput): Promise<Job> {
  const { id, ...changes } = input;
  if (id != null && !id.trim()) throw new ValidationError('id', 'must not be empty');
  const columns = columnsFromInput(applyJobChanges({ id: id?.trim() ?? newJobId() }, changes));
  return ctx.services.db.write(async (tx, afterCommit) => {
    if (await tx.job.findUnique({ where: { id: columns.id }, select: { seq: true } })) {
      throw new ConflictError(`a job with id "${columns.id}" already exists`);
    }
    const job = await tx.job.create({ data: columns });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Job',
      subjectId: job.id,
      activityType: 'job_created',
      description: `Job "${job.jobName}" created`,
      details: { jobName: job.jobName, product: job.product, enabled: job.enabled },
    });
    return job;
  });
}
