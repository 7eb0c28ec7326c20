// `opsgraph upstream status` / `upstreamStatus`: counts on both sides, what waits for a push,
// and the last runs (from the activity log: each pull and push records one entry).
import type { Services } from '../commands/command-context.ts';
import { UpstreamError, UpstreamNotConfiguredError } from '../commands/extractions/errors.ts';
import { type UpstreamTarget, upstreamTarget, withUpstream } from './client.ts';

export interface UpstreamStatus {
  /** host:port/database; null when UPSTREAM_DATABASE_URL is not set. */
  upstream: string | null;
  local: { members: number; currentMembers: number; validatedOffices: number; unsyncedOffices: number; extractionsByStatus: Record<string, number> };
  remote: { members: number; currentMembers: number; contactPages: number; districtOffices: number } | null;
  /** Why `remote` is null. */
  remoteError: string | null;
  lastPull: { at: string; details: Record<string, unknown> } | null;
  lastPush: { at: string; details: Record<string, unknown> } | null;
}

async function lastRun(services: Services, activityType: string) {
  const e = await services.db.reader.activityLogEntry.findFirst({ where: { subjectType: 'UpstreamSync', activityType }, orderBy: { seq: 'desc' } });
  return e ? { at: e.createdAt.toISOString(), details: JSON.parse(e.details) as Record<string, unknown> } : null;
}

async function remoteCounts(target: UpstreamTarget): Promise<Pick<UpstreamStatus, 'remote' | 'remoteError'>> {
  try {
    const remote = await withUpstream(target, 'counting', async (client) => {
      const r = await client.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM members WHERE currentmember) AS current,
                (SELECT count(*) FROM members_contact) AS contacts, (SELECT count(*) FROM district_offices) AS offices`,
      );
      const row = r.rows[0]!;
      return { members: Number(row.members), currentMembers: Number(row.current), contactPages: Number(row.contacts), districtOffices: Number(row.offices) };
    });
    return { remote, remoteError: null };
  } catch (err) {
    // Status is for finding out what is wrong: an unreachable upstream is part of the answer.
    if (!(err instanceof UpstreamError)) throw err;
    return { remote: null, remoteError: err.message };
  }
}

export async function upstreamStatus(services: Services): Promise<UpstreamStatus> {
  const target = services.config.upstream.url ? upstreamTarget(services.config) : null;
  const db = services.db.reader;
  const [members, currentMembers, validatedOffices, unsyncedOffices, byStatus, lastPull, lastPush] = await Promise.all([
    db.member.count(),
    db.member.count({ where: { currentMember: true } }),
    db.validatedOffice.count(),
    db.validatedOffice.count({ where: { syncedToUpstream: false } }),
    db.extraction.groupBy({ by: ['status'], _count: { _all: true } }),
    lastRun(services, 'upstream_pulled'),
    lastRun(services, 'upstream_pushed'),
  ]);
  const { remote, remoteError } = target ? await remoteCounts(target) : { remote: null, remoteError: new UpstreamNotConfiguredError().message };
  return {
    upstream: target?.label ?? null,
    local: { members, currentMembers, validatedOffices, unsyncedOffices, extractionsByStatus: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) },
    remote,
    remoteError,
    lastPull,
    lastPush,
  };
}
