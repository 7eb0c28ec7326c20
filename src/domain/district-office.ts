// A district office as workers report it and reviewers correct it: the address fields of
// upstream's `district_offices`, checked against that table's column widths (so a push never
// fails on a value PostgreSQL would refuse), and the office's stable id.
import crypto from 'node:crypto';
import { ValidationError } from '../errors.ts';

export const OFFICE_FIELDS = ['address', 'suite', 'building', 'city', 'state', 'zip', 'phone', 'fax', 'hours'] as const;
export type OfficeField = (typeof OFFICE_FIELDS)[number];
export type OfficeFields = Record<OfficeField, string | null>;

/** Upstream's varchar widths; the text columns get a generous cap of our own. */
const MAX_LENGTH: Record<OfficeField, number> = {
  address: 500,
  suite: 200,
  building: 200,
  city: 200,
  state: 2,
  zip: 10,
  phone: 20,
  fax: 20,
  hours: 1000,
};

export const MAX_OFFICES_PER_EXTRACTION = 50;

/** Trims every field (blank → null), upper-cases the state, and checks the widths. */
export function normalizeOffice(field: string, input: Partial<Record<OfficeField, string | null | undefined>>): OfficeFields {
  const out = {} as OfficeFields;
  for (const name of OFFICE_FIELDS) {
    const raw = input[name];
    const text = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : null;
    const value = text ? (name === 'state' ? text.toUpperCase() : text) : null;
    if (value !== null && value.length > MAX_LENGTH[name]) {
      throw new ValidationError(`${field}.${name}`, `must be at most ${MAX_LENGTH[name]} characters (got ${value.length})`);
    }
    out[name] = value;
  }
  if (out.state !== null && !/^[A-Z]{2}$/.test(out.state)) throw new ValidationError(`${field}.state`, 'must be a two-letter state code');
  if (!out.address && !out.city) throw new ValidationError(field, 'an office needs at least an address or a city');
  return out;
}

export function normalizeOffices(field: string, list: ReadonlyArray<Partial<Record<OfficeField, string | null | undefined>>>): OfficeFields[] {
  if (list.length > MAX_OFFICES_PER_EXTRACTION) throw new ValidationError(field, `at most ${MAX_OFFICES_PER_EXTRACTION} offices`);
  return list.map((o, i) => normalizeOffice(`${field}.${i}`, o));
}

/** What makes two reports the same office: the member and the place, not phone or hours. */
function identity(bioguideId: string, o: OfficeFields): string {
  const key = (v: string | null) => (v ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return [bioguideId, key(o.address), key(o.suite), key(o.city), key(o.state), key(o.zip).slice(0, 5)].join('|');
}

/**
 * The office's id: the member's bioguide id and a hash of the normalized place. The same
 * office validated again (other phone, other hours, other spacing or case) gets the same id,
 * so re-validation updates the row and the upstream upsert lands on the same key.
 */
export function officeIdFor(bioguideId: string, o: OfficeFields): string {
  const hash = crypto.createHash('sha256').update(identity(bioguideId, o)).digest('hex').slice(0, 16);
  return `${bioguideId}-${hash}`;
}

/** Whether a stored office differs from a new report in any field that upstream holds. */
export function officeChanged(before: OfficeFields, after: OfficeFields): boolean {
  return OFFICE_FIELDS.some((f) => (before[f] ?? null) !== (after[f] ?? null));
}
