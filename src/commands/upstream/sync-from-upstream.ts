// syncFromUpstream / `opsgraph upstream pull`: upstream's current members and their contact
// pages into Member. Reads everything first inside one REPEATABLE READ snapshot (keyset
// batches, so progress can be shown), then writes in one local transaction with its activity
// entry: an unreachable upstream, a wrong password or a failure half-way changes nothing.
// Upserts, never deletes: a local member upstream no longer lists as current is marked so.
// Running it again with nothing changed upstream updates no row.
import { ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { SqlValue } from '../../db/writer-connection.ts';
import { selectRows, updateRows, upsertRows } from '../../db/write-transaction.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { upstreamTarget, withUpstream } from '../../upstream/client.ts';
import { UpstreamError, UpstreamNotConfiguredError } from '../extractions/errors.ts';

/** What syncFromUpstream can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const syncFromUpstreamErrors = [...WRITE_ERRORS, ValidationError, UpstreamError, UpstreamNotConfiguredError] as const;

export interface PullProgress {
  phase: 'read' | 'write';
  done: number;
  total: number;
}

export interface PullReport {
  upstream: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  markedNotCurrent: number;
  ms: number;
}

type UpstreamRow = [string, string | null, string | null, string | null, string | null, string | null];

/** What a pull overwrites on a member it already has (createdAt stays). */
const UPDATED_ON_PULL = ['currentMember', 'officialWebsiteUrl', 'firstName', 'lastName', 'name', 'state', 'contactPage', 'pulledAt', 'updatedAt'];
/** Rows written between two progress reports. */
const PROGRESS_EVERY = 1000;

function joinName(first: string | null, last: string | null): string {
  return `${first ?? ''} ${last ?? ''}`.trim();
}

export async function syncFromUpstream(ctx: CommandContext, options: { onProgress?: (p: PullProgress) => void; batchSize?: number | null } = {}): Promise<PullReport> {
  const started = Date.now();
  const target = upstreamTarget(ctx.services.config);
  const batch = options.batchSize ?? ctx.services.config.upstream.batchSize;
  if (!Number.isInteger(batch) || batch < 1 || batch > 50_000) throw new ValidationError('batchSize', 'must be between 1 and 50000');

  const rows = await withUpstream(target, 'reading members', async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const total = Number((await client.query('SELECT count(*) AS n FROM members WHERE currentmember')).rows[0].n);
    const out: UpstreamRow[] = [];
    // One server-side cursor over the whole snapshot, fetched `batch` rows per round trip: the
    // join is planned and run once (keyset batches ran it again per batch), and progress is
    // still reported per round trip. Rows as arrays: no object per row.
    // Planned for the whole result (a cursor is planned for its first 10 % by default, which
    // picks a nested loop over the join); no ORDER BY: the local write does not need one.
    await client.query('SET LOCAL cursor_tuple_fraction = 1.0');
    await client.query(`DECLARE upstream_members NO SCROLL CURSOR FOR
      SELECT m.bioguideid, m.officialwebsiteurl, m.firstname, m.lastname, m.state, c.contact_page
        FROM members m LEFT JOIN members_contact c ON c.bioguideid = m.bioguideid
       WHERE m.currentmember`);
    for (;;) {
      const res = await client.query<UpstreamRow>({ text: `FETCH FORWARD ${batch} FROM upstream_members`, rowMode: 'array' });
      for (const r of res.rows) out.push(r);
      options.onProgress?.({ phase: 'read', done: out.length, total });
      if (res.rows.length < batch) break;
    }
    await client.query('COMMIT');
    return out;
  });

  return ctx.services.db.write(
    async (tx, afterCommit) => {
      const now = new Date();
      // Plain cached statements on the write's transaction (src/db/write-transaction.ts): one
      // prepared upsert per changed member, like a hand-written loop, instead of Prisma raw
      // statements with thousands of parameters each.
      const existing = new Map<string, string>();
      for (const [id, ...values] of await selectRows(tx, 'Member', ['bioguideId', 'currentMember', 'officialWebsiteUrl', 'firstName', 'lastName', 'state', 'contactPage'])) {
        existing.set(id as string, JSON.stringify(values));
      }
      const report = { inserted: 0, updated: 0, unchanged: 0 };
      const changed: Array<Record<string, SqlValue>> = [];
      for (const [id, url, first, last, state, contact] of rows) {
        const before = existing.get(id);
        if (before !== undefined && before === JSON.stringify([1, url, first, last, state, contact])) {
          report.unchanged += 1;
          continue;
        }
        if (before === undefined) report.inserted += 1;
        else report.updated += 1;
        changed.push({ bioguideId: id, currentMember: true, officialWebsiteUrl: url, firstName: first, lastName: last, name: joinName(first, last), state, contactPage: contact, pulledAt: now, createdAt: now, updatedAt: now });
      }
      for (let i = 0; i < changed.length; i += PROGRESS_EVERY) {
        await upsertRows(tx, 'Member', changed.slice(i, i + PROGRESS_EVERY), ['bioguideId'], UPDATED_ON_PULL);
        options.onProgress?.({ phase: 'write', done: Math.min(i + PROGRESS_EVERY, changed.length), total: changed.length });
      }
      // Members upstream no longer lists as current (or no longer lists at all) are marked, not deleted.
      const seen = new Set(rows.map((r) => r[0]));
      const gone = [...existing.entries()].filter(([id, v]) => !seen.has(id) && JSON.parse(v)[0] === 1).map(([id]) => id);
      for (const id of gone) await updateRows(tx, 'Member', { currentMember: false, updatedAt: now }, { bioguideId: id });
      const result: PullReport = { upstream: target.label, read: rows.length, ...report, markedNotCurrent: gone.length, ms: Date.now() - started };
      await recordActivity(tx, afterCommit, ctx, {
        subjectType: 'UpstreamSync',
        subjectId: 'upstream',
        activityType: 'upstream_pulled',
        description: `pulled ${rows.length} current members from ${target.label}: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${gone.length} no longer current`,
        details: { ...result },
      });
      return result;
    },
    { timeoutMs: 10 * 60_000 },
  );
}
