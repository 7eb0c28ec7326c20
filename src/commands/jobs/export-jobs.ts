// Every job as campaigns.yaml text (the `jobs:` form), oldest first. What is written is each
// job's stored `data`, so import → export → import changes nothing. With `store`, the text is
// also kept in the blob store as an EXPORT StoredFile (stored first, row written after, the
// object removed again if the row cannot be written).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseJobData } from '../../domain/job.ts';
import type { StoredFile } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { storeObject, writeOrRemove } from '../files/store-object.ts';
import { StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { UploadTooLargeError } from '../files/errors.ts';

/** What exportJobs can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const exportJobsErrors = [...WRITE_ERRORS, ValidationError, StorageError, UploadTooLargeError] as const;

export interface ExportJobsResult {
  yaml: string;
  count: number;
  file: StoredFile | null;
}

export async function exportJobs(ctx: CommandContext, input: { destination: string; store?: boolean }): Promise<ExportJobsResult> {
  const rows = await ctx.services.db.reader.job.findMany({ select: { data: true }, orderBy: { seq: 'asc' } });
  // The `yaml` package (~9 MB) loads with the first export or import, not at start.
  const { serializeJobsYaml } = await import('../../importers/jobs-yaml.ts');
  const yaml = serializeJobsYaml(rows.map((r) => parseJobData(r.data)));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const filename = `campaigns-${stamp}.yaml`;
  const key = `exports/jobs/${stamp}-${randomUUID()}.yaml`;
  const stored = input.store
    ? await storeObject(ctx, key, { filename, contentType: 'application/yaml', stream: Readable.from([Buffer.from(yaml)]) })
    : null;
  const write = () =>
    ctx.services.db.write(async (tx, afterCommit) => {
      const file = stored
        ? await tx.storedFile.create({
            data: {
              ownerType: 'Export',
              fileType: 'EXPORT',
              filename,
              contentType: 'application/yaml',
              size: BigInt(stored.size),
              checksumSha256: stored.checksumSha256,
              bucket: ctx.services.blobs.bucket,
              key: stored.key,
              status: 'AVAILABLE',
              createdBy: ctx.actor.label,
            },
          })
        : null;
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: 'JobExport',
        subjectId: file?.id ?? randomUUID(),
        activityType: 'jobs_exported',
        description: `Exported ${rows.length} jobs to ${input.destination}`,
        details: { destination: input.destination, count: rows.length, fileId: file?.id ?? null },
      });
      return file;
    });
  const file = stored ? await writeOrRemove(ctx, key, write) : await write();
  return { yaml, count: rows.length, file };
}
