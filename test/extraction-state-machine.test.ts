// The extraction workflow and the office rules as pure modules: no database.
import { describe, expect, it } from 'vitest';
import { normalizeOffice, officeChanged, officeIdFor } from '../src/domain/district-office.ts';
import {
  checkExtractionEvent,
  EXTRACTION_RULES,
  EXTRACTION_STATUSES,
  type ExtractionEvent,
  failureOutcome,
  isOpen,
  leaseExpired,
} from '../src/domain/extraction-state-machine.ts';
import { ValidationError } from '../src/errors.ts';

describe('extraction state machine', () => {
  const moves: Array<[string, ExtractionEvent, string]> = [
    ['PENDING', 'CLAIM', 'EXTRACTING'],
    ['EXTRACTING', 'COMPLETE', 'EXTRACTED'],
    ['EXTRACTING', 'FAIL', 'FAILED'],
    ['EXTRACTING', 'LEASE_EXPIRED', 'PENDING'],
    ['FAILED', 'RETRY', 'PENDING'],
    ['EXTRACTED', 'APPROVE', 'VALIDATED'],
    ['EXTRACTED', 'REJECT', 'REJECTED'],
  ];

  it('allows exactly the moves of the issue', () => {
    for (const [from, event, to] of moves) {
      const check = checkExtractionEvent(from as never, event);
      expect(check.ok && check.rule.to).toBe(to);
    }
    expect(EXTRACTION_RULES).toHaveLength(moves.length);
  });

  it('refuses every other move and names what is allowed', () => {
    const events: ExtractionEvent[] = ['CLAIM', 'COMPLETE', 'FAIL', 'LEASE_EXPIRED', 'RETRY', 'APPROVE', 'REJECT'];
    for (const from of EXTRACTION_STATUSES) {
      for (const event of events) {
        if (moves.some(([f, e]) => f === from && e === event)) continue;
        const check = checkExtractionEvent(from, event);
        expect(check.ok).toBe(false);
        if (!check.ok) expect(check.allowed).toEqual(moves.filter(([f]) => f === from).map(([, , t]) => t));
      }
    }
    // VALIDATED and REJECTED are terminal.
    expect(checkExtractionEvent('VALIDATED', 'CLAIM')).toEqual({ ok: false, allowed: [] });
    expect(checkExtractionEvent('REJECTED', 'APPROVE')).toEqual({ ok: false, allowed: [] });
  });

  it('sends a retryable failure back to PENDING while retries remain, then keeps it FAILED', () => {
    expect(failureOutcome(0, 3, true)).toEqual({ status: 'PENDING', retryCount: 1, events: ['FAIL', 'RETRY'] });
    expect(failureOutcome(2, 3, true)).toEqual({ status: 'PENDING', retryCount: 3, events: ['FAIL', 'RETRY'] });
    expect(failureOutcome(3, 3, true)).toEqual({ status: 'FAILED', retryCount: 3, events: ['FAIL'] });
    expect(failureOutcome(0, 3, false)).toEqual({ status: 'FAILED', retryCount: 0, events: ['FAIL'] });
    expect(failureOutcome(0, 0, true).status).toBe('FAILED');
  });

  it('counts PENDING, EXTRACTING and EXTRACTED as open', () => {
    expect(EXTRACTION_STATUSES.filter(isOpen)).toEqual(['PENDING', 'EXTRACTING', 'EXTRACTED']);
  });

  it('expires a lease only for EXTRACTING extractions past their time', () => {
    const now = new Date('2026-01-01T00:00:10Z');
    expect(leaseExpired('EXTRACTING', new Date('2026-01-01T00:00:09Z'), now)).toBe(true);
    expect(leaseExpired('EXTRACTING', new Date('2026-01-01T00:00:11Z'), now)).toBe(false);
    expect(leaseExpired('PENDING', new Date('2026-01-01T00:00:09Z'), now)).toBe(false);
    expect(leaseExpired('EXTRACTING', null, now)).toBe(false);
  });
});

describe('district offices', () => {
  const office = { address: ' 123  Main St ', city: 'Springfield', state: 'il', zip: '62701', phone: '555-0100' };

  it('normalizes whitespace, blank fields and the state', () => {
    const o = normalizeOffice('offices.0', { ...office, suite: '  ' });
    expect(o).toMatchObject({ address: '123 Main St', suite: null, state: 'IL', fax: null });
  });

  it("refuses values upstream's columns cannot hold, naming the field", () => {
    expect(() => normalizeOffice('offices.0', { ...office, zip: '62701-12345678' })).toThrow(ValidationError);
    expect(() => normalizeOffice('offices.0', { ...office, state: 'Illinois' })).toThrow(/offices\.0\.state/);
    expect(() => normalizeOffice('offices.1', { phone: '555' })).toThrow(/offices\.1/);
  });

  it('keeps the office id when only the phone, hours, case or spacing change', () => {
    const a = normalizeOffice('o', office);
    const b = normalizeOffice('o', { ...office, address: '123 MAIN ST.', phone: '555-0199', hours: '9-5', zip: '62701-0001' });
    expect(officeIdFor('A000001', a)).toBe(officeIdFor('A000001', b));
    expect(officeChanged(a, b)).toBe(true);
    expect(officeChanged(a, normalizeOffice('o', office))).toBe(false);
    expect(officeIdFor('A000001', a)).not.toBe(officeIdFor('B000002', a));
    expect(officeIdFor('A000001', a)).not.toBe(officeIdFor('A000001', normalizeOffice('o', { ...office, address: '9 Elm St' })));
  });
});
