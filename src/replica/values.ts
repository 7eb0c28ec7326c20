// PostgreSQL's text form of a column value → the value the embedded SQLite file holds for it.
//
// Both the snapshot copy (a query whose type parsers are switched off) and the pgoutput stream
// (text format) hand over PostgreSQL's text output, so one mapping serves both. The targets
// are what Prisma's better-sqlite3 adapter writes in embedded mode (src/db/sqlite.ts,
// timestampFormat iso8601), so Prisma and the read model read a replica exactly as they read
// an embedded file:
//   - DateTime (timestamp(3), UTC wall clock) → '2026-01-31T12:00:00.000+00:00' text;
//   - Boolean → 1 / 0;
//   - BigInt (int8) → an SQLite INTEGER (bound as a bigint: no precision lost);
//   - Int, Float → numbers; Bytes (bytea, hex output) → a BLOB;
//   - Json columns are TEXT on both (prisma/schema.prisma), so they pass through unchanged.
// The copy and stream connections set DateStyle=ISO and TimeZone=UTC (see ./connections.ts),
// so the timestamp text has one shape.

export type SqliteValue = string | number | bigint | Buffer | null;

const OID = { bool: 16, bytea: 17, int8: 20, int2: 21, int4: 23, oid: 26, float4: 700, float8: 701, numeric: 1700, timestamp: 1114, timestamptz: 1184 } as const;

export function sqliteValue(typeOid: number, text: string | null | undefined): SqliteValue {
  if (text === null || text === undefined) return null;
  switch (typeOid) {
    case OID.bool:
      return text === 't' ? 1 : 0;
    case OID.int2:
    case OID.int4:
    case OID.oid:
    case OID.float4:
    case OID.float8:
    case OID.numeric:
      return Number(text);
    case OID.int8:
      return BigInt(text);
    case OID.bytea:
      return Buffer.from(text.startsWith('\\x') ? text.slice(2) : text, 'hex');
    case OID.timestamp:
      return prismaInstant(text, false);
    case OID.timestamptz:
      return prismaInstant(text, true);
    default:
      return text;
  }
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?([+-]\d{2}(?::?\d{2})?)?$/;

/** '2026-01-31 12:00:00.12' (UTC) → '2026-01-31T12:00:00.120+00:00', Prisma's SQLite form. */
function prismaInstant(text: string, zoned: boolean): string {
  const m = TIMESTAMP.exec(text);
  if (m && (!zoned || m[4] === '+00' || m[4] === '+00:00')) return `${m[1]}T${m[2]}.${((m[3] ?? '') + '000').slice(0, 3)}+00:00`;
  // Another offset, a year past 9999, BC, infinity: let Date decide (rare; never written by Prisma).
  const d = new Date(zoned ? text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00') : `${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime())) return text;
  return `${d.toISOString().slice(0, 23)}+00:00`;
}
