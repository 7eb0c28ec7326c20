// Every job as campaigns.yaml text (the `jobs:` form), oldest first. What is written is each
// job's stored `data`, so import → export → import changes nothing.
import { randomUUID } from 'node:crypto';
import { parseJobData } from '../../domain/job.ts';
import { serializeJobsYaml } from '../../importers/jobs-yaml.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';

export async function exportJobs(ctx: CommandContext, input: { destination: string }): Promise<{ yaml: string; count: number }> {
  const rows = await ctx.services.db.reader.job.findMany({ select: { data: true }, orderBy: { seq: 'asc' } });
  const yaml = serializeJobsYaml(rows.map((r) => parseJobData(r.data)));
  await ctx.services.db.write(async (tx, afterCommit) => {
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'JobExport',
      subjectId: randomUUID(),
      activityType: 'jobs_exported',
      description: `Exported ${rows.length} jobs to ${input.destination}`,
      details: { destination: input.destination, count: rows.length },
    });
  });
  return { yaml, count: rows.length };
}
