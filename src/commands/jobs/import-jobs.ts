// Upserts the valid entries of a parsed campaigns.yaml in ONE transaction, with one activity
// entry summarising it. Entries already stored with the same `data` are counted as unchanged
// and not written, so importing an export of this database writes nothing.
import { randomUUID } from 'node:crypto';
import { backupBefore } from '../backups/backup-database.ts';
import type { JobColumns } from '../../domain/job.ts';
import { StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { ParsedJobsFile, RejectedEntry } from '../../importers/jobs-yaml.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { BackupError } from '../../backup/errors.ts';

/** What importJobs can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const importJobsErrors = [...WRITE_ERRORS, ValidationError, StorageError, BackupError] as const;

export interface ImportJobsInput {
  parsed: ParsedJobsFile;
  /** Refuse the whole file (write nothing) when any entry is rejected. */
  strict?: boolean;
  /** Where the jobs came from, for the activity entry (a file name). */
  source: string;
  /** Called after each chunk with the number of entries handled so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportJobsReport {
  found: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedEntry[];
}

const CHUNK = 500;

export async function importJobs(ctx: CommandContext, input: ImportJobsInput): Promise<ImportJobsReport> {
  const { parsed } = input;
  if (input.strict && parsed.rejected.length) {
    const first = parsed.rejected[0]!;
    throw new ValidationError(
      'file',
      `${parsed.rejected.length} of ${parsed.found} entries rejected (strict: nothing imported); first: entry ${first.index + 1}${first.line ? ` (line ${first.line})` : ''}: ${first.reason}`,
    );
  }
  // Seed 000: back the database up before a risky bulk write. A failed backup stops the import.
  if (parsed.valid.length) await backupBefore(ctx, 'jobs import');
  const report: ImportJobsReport = { found: parsed.found, imported: 0, updated: 0, unchanged: 0, rejected: parsed.rejected };
  // About 1 s per 10k jobs here; the bound is generous because a slow disk must not abort it.
  const timeoutMs = 60_000 + parsed.valid.length * 5;
  await ctx.services.db.write(
    async (tx, afterCommit) => {
      for (let start = 0; start < parsed.valid.length; start += CHUNK) {
        const chunk = parsed.valid.slice(start, start + CHUNK).map(({ index: _index, ...columns }) => columns as JobColumns);
        const existing = await tx.job.findMany({ where: { id: { in: chunk.map((j) => j.id) } }, select: { id: true, data: true } });
        const stored = new Map(existing.map((j) => [j.id, j.data]));
        const fresh = chunk.filter((j) => !stored.has(j.id));
        if (fresh.length) await tx.job.createMany({ data: fresh });
        report.imported += fresh.length;
        for (const job of chunk) {
          const data = stored.get(job.id);
          if (data === undefined) continue;
          if (data === job.data) {
            report.unchanged += 1;
          } else {
            const { id, ...columns } = job;
            await tx.job.update({ where: { id }, data: columns });
            report.updated += 1;
          }
        }
        input.onProgress?.(Math.min(start + CHUNK, parsed.valid.length), parsed.valid.length);
      }
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: 'JobImport',
        subjectId: randomUUID(),
        activityType: 'jobs_imported',
        description: `Imported jobs from ${input.source}: ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`,
        details: { source: input.source, ...report, rejected: report.rejected.slice(0, 100) },
      });
    },
    { timeoutMs },
  );
  return report;
}
