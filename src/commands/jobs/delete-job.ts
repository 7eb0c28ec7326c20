import { NotFoundError, WRITE_ERRORS } from '../../errors.ts';
import type { Job } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

/** What deleteJob can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const deleteJobErrors = [...WRITE_ERRORS, NotFoundError] as const;

export async function deleteJob(ctx: CommandContext, input: { id: string }): Promise<Job> {
  return ctx.services.db.write(async (tx, afterCommit) => {
    const job = await tx.job.findUnique({ where: { id: input.id } });
    if (!job) throw new NotFoundError('Job', input.id);
    await tx.job.delete({ where: { id: job.id } });
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'Job',
      subjectId: job.id,
      activityType: 'job_deleted',
      description: `Job "${job.jobName}" deleted`,
      // The whole job, so the entry alone is enough to recreate it.
      details: { data: JSON.parse(job.data) },
    });
    return job;
  });
}
