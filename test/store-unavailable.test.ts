// Which failures mean "PostgreSQL cannot be reached right now" (src/db/postgres/unavailable.ts),
// so the graph answers STORE_UNAVAILABLE with retryable: true. The shapes are the ones the
// gateways logged in test/scale-out-postgres-restart.test.ts (Prisma 7 over @prisma/adapter-pg,
// pg's own socket errors); that test shows the answer end to end on a real restart.
import { describe, expect, it } from 'vitest';
import { storeUnavailability } from '../src/db/postgres/unavailable.ts';

const prisma = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error('prisma'), { name: 'PrismaClientKnownRequestError', code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('storeUnavailability', () => {
  it('no connection, or the server refusing them while it starts: nothing was applied', () => {
    expect(storeUnavailability(prisma('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toBe('not-applied');
    expect(storeUnavailability(prisma('P2039', { kind: 'postgres', originalCode: '57P03', originalMessage: 'the database system is starting up' }))).toBe('not-applied');
    expect(storeUnavailability(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('not-applied');
  });

  it('the connection lost mid-transaction (shutdown, crash, reset): maybe applied', () => {
    expect(storeUnavailability(new Error('Connection terminated unexpectedly'))).toBe('unknown');
    expect(storeUnavailability(prisma('P2039', { kind: 'postgres', originalCode: '57P01', originalMessage: 'terminating connection due to administrator command' }))).toBe('unknown');
    expect(storeUnavailability(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('unknown');
    expect(storeUnavailability(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe('unknown');
  });

  it('anything else is not an outage (a constraint, a bug)', () => {
    expect(storeUnavailability(prisma('P2002', { kind: 'UniqueConstraintViolation', constraint: { fields: ['id'] } }))).toBeNull();
    expect(storeUnavailability(prisma('P2039', { kind: 'postgres', originalCode: '23505' }))).toBeNull();
    expect(storeUnavailability(new TypeError('cannot read properties of undefined'))).toBeNull();
    expect(storeUnavailability(undefined)).toBeNull();
  });
});
