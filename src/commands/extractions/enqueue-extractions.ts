// enqueueExtractions: PENDING extractions for the members asked for (by bioguide id, or every
// current member without validated offices — the seed's get_members_without_offices),
// skipping members that already have an open one. One transaction, one activity entry each.
import crypto from 'node:crypto';
import { OPEN_EXTRACTION_STATUSES } from '../../domain/extraction-state-machine.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Extraction } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import { extractionActivity } from './load-for-write.ts';
import { LeaseConflictError } from './errors.ts';

/** What enqueueExtractions can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const enqueueExtractionsErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError, InvalidTransitionError, LeaseConflictError] as const;

export interface EnqueueExtractionsInput {
  bioguideIds?: readonly string[] | null;
  withoutOffices?: boolean | null;
  priority?: number | null;
}

export interface EnqueueResult {
  extractions: Extraction[];
  /** Members that already had an open extraction. */
  skipped: string[];
}

const MAX_IDS = 10_000;

export async function enqueueExtractions(ctx: CommandContext, input: EnqueueExtractionsInput): Promise<EnqueueResult> {
  const byIds = input.bioguideIds != null;
  if (byIds === Boolean(input.withoutOffices)) throw new ValidationError('input', 'pass either bioguideIds or withoutOffices: true');
  const ids = byIds ? [...new Set(input.bioguideIds!.map((s) => s.trim()).filter(Boolean))] : [];
  if (byIds && !ids.length) throw new ValidationError('bioguideIds', 'must name at least one member');
  if (ids.length > MAX_IDS) throw new ValidationError('bioguideIds', `at most ${MAX_IDS} at once`);
  const priority = input.priority ?? 0;
  if (!Number.isInteger(priority) || Math.abs(priority) > 1_000_000) throw new ValidationError('priority', 'must be a whole number within ±1000000');

  return ctx.services.db.write(async (tx, afterCommit) => {
    let members: Array<{ bioguideId: string; contactPage: string | null; officialWebsiteUrl: string | null }>;
    const select = { bioguideId: true, contactPage: true, officialWebsiteUrl: true } as const;
    if (byIds) {
      members = await tx.member.findMany({ where: { bioguideId: { in: ids } }, select });
      const found = new Set(members.map((m) => m.bioguideId));
      const missing = ids.find((id) => !found.has(id));
      if (missing) throw new NotFoundError('Member', missing);
    } else {
      members = await tx.member.findMany({ where: { currentMember: true, validatedOffices: { none: {} } }, select, orderBy: { bioguideId: 'asc' } });
    }
    const open = await tx.extraction.findMany({
      where: { bioguideId: { in: members.map((m) => m.bioguideId) }, status: { in: [...OPEN_EXTRACTION_STATUSES] } },
      select: { bioguideId: true },
    });
    const busy = new Set(open.map((e) => e.bioguideId));
    const now = new Date();
    const rows = members
      .filter((m) => !busy.has(m.bioguideId))
      .map((m, i) => ({
        id: crypto.randomUUID(),
        bioguideId: m.bioguideId,
        priority,
        sourceUrl: m.contactPage ?? m.officialWebsiteUrl,
        // Distinct instants keep "oldest first" a total order within one batch.
        createdAt: new Date(now.getTime() + i),
      }));
    if (rows.length) await tx.extraction.createMany({ data: rows });
    const extractions = rows.length ? await tx.extraction.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: 'asc' } }) : [];
    for (const e of extractions) {
      await recordActivity(tx, afterCommit, ctx, extractionActivity(e, 'extraction_enqueued', `queued for ${e.bioguideId} (priority ${priority})`, { priority, sourceUrl: e.sourceUrl }));
    }
    return { extractions, skipped: [...busy].sort() };
  });
}
