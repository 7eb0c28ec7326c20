// validateExtraction: a reviewer's decision on an EXTRACTED extraction. APPROVE writes the
// offices (the reviewer's corrections, or what the worker found) as ValidatedOffice rows under
// their stable ids: a new office is created unsynced, a changed one is updated and becomes
// unsynced again, an unchanged one keeps its sync state. REJECT records the notes. One
// transaction with the activity entry either way.
import { normalizeOffices, officeChanged, officeIdFor, type OfficeFields, OFFICE_FIELDS } from '../../domain/district-office.ts';
import { optionalText } from '../../domain/validate.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError, WRITE_ERRORS } from '../../errors.ts';
import type { Extraction, ValidatedOffice } from '../../generated/prisma/client.ts';
import { type CommandContext, recordActivity } from '../command-context.ts';
import type { OfficeInput } from './complete-extraction.ts';
import { extractionActivity, loadExtractionForEvent, updateAtVersion } from './load-for-write.ts';
import { LeaseConflictError } from './errors.ts';

/** What validateExtraction can fail with: its mutation's result union (test/error-unions.test.ts checks both). */
export const validateExtractionErrors = [...WRITE_ERRORS, ValidationError, NotFoundError, StaleVersionError, InvalidTransitionError, LeaseConflictError] as const;

export interface ValidateExtractionInput {
  id: string;
  decision: 'APPROVE' | 'REJECT';
  offices?: readonly OfficeInput[] | null;
  notes?: string | null;
  expectedVersion?: number | null;
}

export interface ValidateResult {
  extraction: Extraction;
  offices: ValidatedOffice[];
}

function fieldsOf(row: OfficeFields): OfficeFields {
  return Object.fromEntries(OFFICE_FIELDS.map((f) => [f, row[f] ?? null])) as OfficeFields;
}

export async function validateExtraction(ctx: CommandContext, input: ValidateExtractionInput): Promise<ValidateResult> {
  const notes = optionalText('notes', input.notes, 4000);
  const corrected = input.offices != null ? normalizeOffices('offices', input.offices) : null;
  if (input.decision === 'REJECT' && corrected?.length) throw new ValidationError('offices', 'a rejection takes no offices');

  return ctx.services.db.write(async (tx, afterCommit) => {
    const event = input.decision === 'APPROVE' ? 'APPROVE' : 'REJECT';
    const { extraction: before, rule } = await loadExtractionForEvent(tx, input.id, event, { expectedVersion: input.expectedVersion });
    const now = new Date();
    if (event === 'REJECT') {
      const extraction = await updateAtVersion(tx, before, { status: 'REJECTED', validatedAt: now });
      await recordActivity(tx, afterCommit, ctx, extractionActivity(extraction, 'extraction_rejected', `EXTRACTED → REJECTED: ${rule.description}`, {
        from: 'EXTRACTED',
        to: 'REJECTED',
        notes,
      }));
      return { extraction, offices: [] };
    }

    const found = await tx.extractedOffice.findMany({ where: { extractionId: before.id }, orderBy: { position: 'asc' } });
    const offices = corrected ?? found.map(fieldsOf);
    if (!offices.length) throw new ValidationError('offices', 'an approval needs at least one office (reject the extraction instead)');
    const byId = new Map<string, OfficeFields>();
    for (const [i, o] of offices.entries()) {
      const officeId = officeIdFor(before.bioguideId, o);
      if (byId.has(officeId)) throw new ValidationError(`offices.${i}`, 'the same office is listed twice');
      byId.set(officeId, o);
    }
    const existing = new Map((await tx.validatedOffice.findMany({ where: { officeId: { in: [...byId.keys()] } } })).map((r) => [r.officeId, r]));
    const counts = { created: 0, changed: 0, unchanged: 0 };
    for (const [officeId, o] of byId) {
      const prior = existing.get(officeId);
      if (!prior) {
        await tx.validatedOffice.create({ data: { officeId, bioguideId: before.bioguideId, extractionId: before.id, ...o, validatedAt: now } });
        counts.created += 1;
      } else if (officeChanged(fieldsOf(prior), o)) {
        await tx.validatedOffice.update({
          where: { officeId },
          data: { ...o, extractionId: before.id, validatedAt: now, syncedToUpstream: false, syncedAt: null },
        });
        counts.changed += 1;
      } else {
        counts.unchanged += 1;
      }
    }
    const extraction = await updateAtVersion(tx, before, { status: 'VALIDATED', validatedAt: now });
    await recordActivity(tx, afterCommit, ctx, extractionActivity(extraction, 'extraction_validated', `EXTRACTED → VALIDATED: ${rule.description}; ${counts.created} new, ${counts.changed} changed, ${counts.unchanged} unchanged office(s)`, {
      from: 'EXTRACTED',
      to: 'VALIDATED',
      corrected: corrected !== null,
      officeIds: [...byId.keys()],
      ...counts,
      notes,
    }));
    const rows = await tx.validatedOffice.findMany({ where: { officeId: { in: [...byId.keys()] } }, orderBy: { officeId: 'asc' } });
    return { extraction, offices: rows };
  });
}
