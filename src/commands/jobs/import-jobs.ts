// Upserts the jobs of a campaigns.yaml as they are read, in batches: each batch is one
// transaction with its activity entry, so an import of any size holds the write lock for one
// batch at a time and its memory is one batch, not the file.
//
// The contract (README, "Campaign jobs"): an import is resumable, not all-or-nothing. Upserts
// are by id and an entry stored with the same `data` is counted unchanged and not written, so
// running the same import again after a crash or an error finishes the job and changes nothing
// that was already done. `strict` reads the entries twice: nothing is written unless every
// entry is valid.
import { randomUUID } from 'node:crypto';
import { backupBefore } from '../backups/backup-database.ts';
import type { JobColumns } from '../../domain/job.ts';
import { StorageError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { RejectedEntry } from '../../importers/jobs-yaml.ts';
import type { JobEntry } from '../../importers/jobs-yaml-stream.ts';
import { HeapBudget } from '../../importers/heap-budget.ts';
import type { Tx } from '../../db/database.ts';
import { insertRow, selectRow, updateRows } from '../../db/write-transaction.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { BackupError } from '../../backup/errors.ts';

/** What importJobs can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const importJobsErrors = [...WRITE_ERRORS, ValidationError, StorageError, BackupError] as const;

export interface ImportJobsInput {
  /** The file's entries, in order. Called once, or twice when `strict`. */
  entries: () => AsyncIterable<JobEntry>;
  /** Refuse the whole file (write nothing) when any entry is rejected. */
  strict?: boolean;
  /** Where the jobs came from, for the activity entries (a file name). */
  source: string;
  /** Called after each batch with the number of entries read so far. */
  onProgress?: (done: number) => void;
}

export interface ImportJobsReport {
  found: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedEntry[];
}

/** Entries per transaction: ~50 ms of writing here, and a few MB of memory. */
export const IMPORT_BATCH = 1000;
/** Rejections listed in an activity entry's details (the report has them all). */
const REJECTIONS_IN_DETAILS = 100;

export async function importJobs(ctx: CommandContext, input: ImportJobsInput): Promise<ImportJobsReport> {
  if (input.strict) await refuseIfAnyRejected(input.entries());
  const report: ImportJobsReport = { found: 0, imported: 0, updated: 0, unchanged: 0, rejected: [] };
  const importId = randomUUID();
  let batch: JobColumns[] = [];
  let batchNo = 0;
  let backedUp = false;
  const heap = new HeapBudget();

  const write = async (final: boolean) => {
    // Seed 000: back the database up before a risky bulk write. A failed backup stops the import.
    if (batch.length && !backedUp) {
      await backupBefore(ctx, 'jobs import');
      backedUp = true;
    }
    batchNo += 1;
    const jobs = batch;
    batch = [];
    await ctx.services.db.write(async (tx, afterCommit) => {
      const counts = await upsertBatch(tx, jobs);
      report.imported += counts.imported;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      const totals = final ? `; in all ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected of ${report.found}` : '';
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: 'JobImport',
        subjectId: importId,
        activityType: 'jobs_imported',
        description: `Imported jobs from ${input.source}, batch ${batchNo}: ${counts.imported} new, ${counts.updated} updated, ${counts.unchanged} unchanged${totals}`,
        details: {
          source: input.source,
          batch: batchNo,
          final,
          ...counts,
          ...(final ? { totals: { ...report, rejected: report.rejected.length }, rejected: report.rejected.slice(0, REJECTIONS_IN_DETAILS) } : {}),
        },
      });
    });
    heap.check();
    input.onProgress?.(report.found);
  };

  for await (const entry of input.entries()) {
    report.found += 1;
    if ('rejected' in entry) {
      report.rejected.push(entry.rejected);
      continue;
    }
    // The batch is written when the next entry arrives, so the last one can carry the totals.
    if (batch.length === IMPORT_BATCH) await write(false);
    batch.push(entry.job);
  }
  await write(true);
  heap.release();
  return report;
}

async function refuseIfAnyRejected(entries: AsyncIterable<JobEntry>): Promise<void> {
  let found = 0;
  let rejected = 0;
  let first: RejectedEntry | undefined;
  for await (const entry of entries) {
    found += 1;
    if (!('rejected' in entry)) continue;
    rejected += 1;
    first ??= entry.rejected;
  }
  if (first) {
    throw new ValidationError(
      'file',
      `${rejected} of ${found} entries rejected (strict: nothing imported); first: entry ${first.index + 1}${first.line ? ` (line ${first.line})` : ''}: ${first.reason}`,
    );
  }
}

/**
 * One batch, as plain statements on the write's transaction (src/db/write-transaction.ts):
 * per job a lookup by id, then an INSERT or an UPDATE, each a cached prepared statement.
 * Prisma's createMany/findMany would compile a 14,000-parameter query per batch, and its
 * query compiler's memory (WebAssembly) grows to the largest one and never shrinks.
 */
async function upsertBatch(tx: Tx, jobs: JobColumns[]): Promise<{ imported: number; updated: number; unchanged: number }> {
  const counts = { imported: 0, updated: 0, unchanged: 0 };
  const now = new Date();
  for (const job of jobs) {
    const stored = await selectRow(tx, 'Job', ['data'], { id: job.id });
    if (!stored) {
      await insertRow(tx, 'Job', { ...job, createdAt: now, updatedAt: now });
      counts.imported += 1;
    } else if (stored.data === job.data) {
      counts.unchanged += 1;
    } else {
      const { id, ...columns } = job;
      await updateRows(tx, 'Job', { ...columns, updatedAt: now }, { id });
      counts.updated += 1;
    }
  }
  return counts;
}
