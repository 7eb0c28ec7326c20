// exportToUpstream / `opsgraph upstream push`: unsynced validated offices into upstream's
// district_offices, one PostgreSQL transaction per batch with
// INSERT … ON CONFLICT (office_id) DO UPDATE, then the batch is marked synced locally (one
// transaction with the activity entry). The upsert is idempotent: if the process dies between
// the PostgreSQL commit and the local mark, the next push sends the same rows again and
// upstream ends up exactly the same. An office a reviewer changed while the push ran keeps
// its new content unsynced (the mark checks updatedAt).
import { OFFICE_FIELDS } from '../../domain/district-office.ts';
import type { ValidatedOffice } from '../../generated/prisma/client.ts';
import { updateRows } from '../../db/write-transaction.ts';
import { upstreamTarget, withUpstream } from '../../upstream/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { ValidationError, WRITE_ERRORS } from '../../errors.ts';
import { UpstreamError, UpstreamNotConfiguredError } from '../extractions/errors.ts';

/** What exportToUpstream can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const exportToUpstreamErrors = [...WRITE_ERRORS, ValidationError, UpstreamError, UpstreamNotConfiguredError] as const;

export interface PushReport {
  upstream: string;
  dryRun: boolean;
  /** Unsynced offices found (and, unless dryRun, written and marked). */
  offices: number;
  /** Of those, office_ids not yet in district_offices (dry run: would be inserted). */
  inserted: number;
  updated: number;
  batches: number;
  officeIds: string[];
  ms: number;
}

/** Test hook: OPSGRAPH_CRASH_POINT=after-upstream-commit kills the process right after the first batch's PostgreSQL COMMIT. */
const CRASH_POINT = 'after-upstream-commit';

const COLUMNS = ['office_id', 'bioguide_id', ...OFFICE_FIELDS] as const;

const UPSERT = `INSERT INTO district_offices (${COLUMNS.join(', ')})
  SELECT * FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')})
  ON CONFLICT (office_id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
  RETURNING office_id, (xmax = 0) AS inserted`;

function columnsOf(batch: ValidatedOffice[]): string[][] {
  return [batch.map((o) => o.officeId), batch.map((o) => o.bioguideId), ...OFFICE_FIELDS.map((f) => batch.map((o) => o[f] as string))];
}

export async function exportToUpstream(ctx: CommandContext, input: { dryRun?: boolean | null } = {}): Promise<PushReport> {
  const started = Date.now();
  const target = upstreamTarget(ctx.services.config);
  const size = ctx.services.config.upstream.batchSize;
  const dryRun = input.dryRun ?? false;
  const unsynced = await ctx.services.db.reader.validatedOffice.findMany({ where: { syncedToUpstream: false }, orderBy: { officeId: 'asc' } });
  const report: PushReport = { upstream: target.label, dryRun, offices: unsynced.length, inserted: 0, updated: 0, batches: 0, officeIds: unsynced.map((o) => o.officeId), ms: 0 };

  await withUpstream(target, dryRun ? 'checking district_offices' : 'writing district_offices', async (client) => {
    for (let i = 0; i < unsynced.length; i += size) {
      const batch = unsynced.slice(i, i + size);
      report.batches += 1;
      if (dryRun) {
        const res = await client.query<{ n: string }>('SELECT count(*) AS n FROM district_offices WHERE office_id = ANY($1::text[])', [batch.map((o) => o.officeId)]);
        const present = Number(res.rows[0]!.n);
        report.updated += present;
        report.inserted += batch.length - present;
        continue;
      }
      await client.query('BEGIN');
      let rows: Array<{ office_id: string; inserted: boolean }>;
      try {
        rows = (await client.query<{ office_id: string; inserted: boolean }>(UPSERT, columnsOf(batch))).rows;
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      if (process.env.OPSGRAPH_CRASH_POINT === CRASH_POINT) process.kill(process.pid, 'SIGKILL');
      const inserted = rows.filter((r) => r.inserted).length;
      report.inserted += inserted;
      report.updated += rows.length - inserted;
      await markSynced(ctx, batch, { target: target.label, batch: report.batches, rows: rows.length, inserted, updated: rows.length - inserted });
    }
  });
  if (!dryRun && unsynced.length === 0) await markSynced(ctx, [], { target: target.label, batch: 0, rows: 0, inserted: 0, updated: 0 });
  report.ms = Date.now() - started;
  return report;
}

async function markSynced(ctx: CommandContext, batch: ValidatedOffice[], counts: { target: string; batch: number; rows: number; inserted: number; updated: number }): Promise<void> {
  await ctx.services.db.write(async (tx, afterCommit) => {
    const now = new Date();
    let marked = 0;
    for (const o of batch) {
      // Only the version that was sent: a reviewer's change since then stays unsynced. A cached
      // prepared UPDATE per office (src/db/write-transaction.ts), not a Prisma query each.
      marked += await updateRows(tx, 'ValidatedOffice', { syncedToUpstream: true, syncedAt: now }, { officeId: o.officeId, updatedAt: o.updatedAt });
    }
    await recordActivity(tx, afterCommit, ctx, {
      subjectType: 'UpstreamSync',
      subjectId: 'upstream',
      activityType: 'upstream_pushed',
      description: `pushed ${counts.rows} validated office(s) to ${counts.target}: ${counts.inserted} new, ${counts.updated} updated; ${marked} marked synced`,
      details: { ...counts, marked, changedDuringPush: batch.length - marked, officeIds: batch.map((o) => o.officeId) },
    });
  });
}
