// syncFromUpstream / `opsgraph upstream pull`: upstream's current members and their contact
// pages into Member. Reads everything first inside one REPEATABLE READ snapshot (keyset
// batches, so progress can be shown), then writes in one local transaction with its activity
// entry: an unreachable upstream, a wrong password or a failure half-way changes nothing.
// Upserts, never deletes: a local member upstream no longer lists as current is marked so.
// Running it again with nothing changed upstream updates no row.
import { valueGroups } from '../../db/dialect.ts';
import { ValidationError, WRITE_ERRORS } from '../../errors.ts';
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

const COLUMNS = ['bioguideId', 'currentMember', 'officialWebsiteUrl', 'firstName', 'lastName', 'name', 'state', 'contactPage', 'pulledAt', 'createdAt', 'updatedAt'] as const;
const QUOTED_COLUMNS = COLUMNS.map((c) => `"${c}"`).join(',');
/** Rows per INSERT statement (11 parameters each; SQLite allows 32766, PostgreSQL 65535). */
const ROWS_PER_STATEMENT = 500;

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
    let after = '';
    for (;;) {
      // rowMode 'array': rows as arrays, no per-row objects; the keyset keeps each batch an index range scan.
      const res = await client.query<UpstreamRow>({
        text: `SELECT m.bioguideid, m.officialwebsiteurl, m.firstname, m.lastname, m.state, c.contact_page
                 FROM members m LEFT JOIN members_contact c ON c.bioguideid = m.bioguideid
                WHERE m.currentmember AND m.bioguideid > $1 ORDER BY m.bioguideid LIMIT $2`,
        values: [after, batch],
        rowMode: 'array',
      });
      for (const r of res.rows) out.push(r);
      options.onProgress?.({ phase: 'read', done: out.length, total });
      if (res.rows.length < batch) break;
      after = res.rows.at(-1)![0];
    }
    await client.query('COMMIT');
    return out;
  });

  return ctx.services.db.write(
    async (tx, afterCommit) => {
      const now = new Date().toISOString();
      const sql = ctx.services.db.dialect; // the same statements on SQLite and PostgreSQL, but for this
      const existing = new Map<string, string>();
      const local = await tx.$queryRawUnsafe<Array<{ k: string; cm: unknown; url: string | null; f: string | null; l: string | null; s: string | null; c: string | null }>>(
        `SELECT "bioguideId" AS k, "currentMember" AS cm, "officialWebsiteUrl" AS url, "firstName" AS f, "lastName" AS l, "state" AS s, "contactPage" AS c FROM "Member"`,
      );
      // A fingerprint per member, compared with upstream's row below (SQLite hands back 1/0, PostgreSQL a boolean).
      for (const r of local) existing.set(r.k, JSON.stringify([r.cm ? 1 : 0, r.url, r.f, r.l, r.s, r.c]));
      const report = { inserted: 0, updated: 0, unchanged: 0 };
      const changed: unknown[][] = [];
      for (const [id, url, first, last, state, contact] of rows) {
        const before = existing.get(id);
        const after = JSON.stringify([1, url, first, last, state, contact]);
        if (before === after) {
          report.unchanged += 1;
          continue;
        }
        if (before === undefined) report.inserted += 1;
        else report.updated += 1;
        changed.push([id, sql.bool(true), url, first, last, joinName(first, last), state, contact, now, now, now]);
      }
      for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
        const chunk = changed.slice(i, i + ROWS_PER_STATEMENT);
        await tx.$executeRawUnsafe(
          `INSERT INTO "Member" (${QUOTED_COLUMNS}) VALUES ${valueGroups(sql, chunk.length, COLUMNS.length)}
           ON CONFLICT ("bioguideId") DO UPDATE SET "currentMember" = excluded."currentMember", "officialWebsiteUrl" = excluded."officialWebsiteUrl",
             "firstName" = excluded."firstName", "lastName" = excluded."lastName", "name" = excluded."name", "state" = excluded."state",
             "contactPage" = excluded."contactPage", "pulledAt" = excluded."pulledAt", "updatedAt" = excluded."updatedAt"`,
          ...chunk.flat(),
        );
        options.onProgress?.({ phase: 'write', done: Math.min(i + ROWS_PER_STATEMENT, changed.length), total: changed.length });
      }
      // Members upstream no longer lists as current (or no longer lists at all) are marked, not deleted.
      const seen = new Set(rows.map((r) => r[0]));
      const gone = [...existing.entries()].filter(([id, v]) => !seen.has(id) && JSON.parse(v)[0] === 1).map(([id]) => id);
      for (let i = 0; i < gone.length; i += ROWS_PER_STATEMENT) {
        const chunk = gone.slice(i, i + ROWS_PER_STATEMENT);
        const ids = chunk.map((_, k) => sql.param(k + 3)).join(',');
        await tx.$executeRawUnsafe(`UPDATE "Member" SET "currentMember" = ${sql.param(1)}, "updatedAt" = ${sql.param(2)} WHERE "bioguideId" IN (${ids})`, sql.bool(false), now, ...chunk);
      }
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
