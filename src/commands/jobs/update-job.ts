import { applyJobChanges, differingKeys, type JobChanges, parseJobData } from '../../domain/job.ts';
import { NotFoundError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Job } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { columnsFromInput } from './job-input.ts';

/** What updateJob can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const updateJobErrors = [...WRITE_ERRORS, ValidationError, NotFoundError] as const;

export interface UpdateJobInput extends JobChanges {
  id: string;
}

/** Partial update: absent fields stay, null clears an optional field (language → English). */
export async function updateJob(ctx: CommandContext, input: UpdateJobInput): Promise<Job> {
  const { id, ...changes } = input;
  if (Object.values(changes).every((v) => v === undefined)) throw new ValidationError('input', 'nothing to update');
  return ctx.services.db.write(async (tx, afterCommit) => {
    const before = await tx.job.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('Job', id);
    const beforeData = parseJobData(before.data);
    const afterData = applyJobChanges(beforeData, changes);
    const changed = differingKeys(beforeData, afterData);
    if (changed.length === 0) return before; // nothing to write, nothing to record
    const { id: _unchanged, ...columns } = columnsFromInput(afterData);
    const job = await tx.job.update({ where: { id }, data: columns });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Job',
      subjectId: job.id,
      activityType: 'job_updated',
      description: `Job "${job.jobName}" updated (${changed.join(', ')})`,
      details: { changes: Object.fromEntries(changed.map((k) => [k, { from: beforeData[k] ?? null, to: afterData[k] ?? null }])) },
    });
    return job;
  });
}
