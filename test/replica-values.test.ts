// PostgreSQL's text output → the values embedded mode stores (src/replica/values.ts), for the
// cases the parity test (test/replica-parity.test.ts) does not reach through the graph.
import { describe, expect, it } from 'vitest';
import { formatLsn, parseLsn } from '../src/replica/lsn.ts';
import { sqliteValue } from '../src/replica/values.ts';

describe('replica value mapping', () => {
  it('timestamps become Prisma\'s ISO text with milliseconds, whatever precision PostgreSQL prints', () => {
    expect(sqliteValue(1114, '2026-01-31 12:00:00')).toBe('2026-01-31T12:00:00.000+00:00');
    expect(sqliteValue(1114, '2026-01-31 12:00:00.1')).toBe('2026-01-31T12:00:00.100+00:00');
    expect(sqliteValue(1114, '2026-01-31 12:00:00.123456')).toBe('2026-01-31T12:00:00.123+00:00');
    expect(sqliteValue(1184, '2026-01-31 12:00:00.5+00')).toBe('2026-01-31T12:00:00.500+00:00');
    expect(sqliteValue(1184, '2026-01-31 14:00:00.5+02')).toBe('2026-01-31T12:00:00.500+00:00');
  });

  it('booleans, big integers, bytes, floats and nulls', () => {
    expect([sqliteValue(16, 't'), sqliteValue(16, 'f')]).toEqual([1, 0]);
    expect(sqliteValue(20, '9007199254740993')).toBe(9007199254740993n);
    expect(sqliteValue(17, '\\x0001ff')).toEqual(Buffer.from([0, 1, 255]));
    expect(sqliteValue(701, '0.30000000000000004')).toBe(0.1 + 0.2);
    expect(sqliteValue(23, '-42')).toBe(-42);
    expect(sqliteValue(25, '{"a":1}')).toBe('{"a":1}');
    expect(sqliteValue(23, null)).toBeNull();
  });

  it('WAL positions round-trip and order as numbers', () => {
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848');
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('nope')).toThrow(/not a WAL position/);
  });
});
