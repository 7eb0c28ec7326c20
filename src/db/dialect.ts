// The few things raw SQL must say differently on the two write stores. Everything else a
// command writes goes through Prisma, or through raw SQL written to run on both (quoted
// identifiers, ON CONFLICT … DO UPDATE, CASE instead of SUM over a boolean).
export interface SqlDialect {
  /** The n-th (1-based) bind parameter: `?` on SQLite, `$n` on PostgreSQL. */
  param(n: number): string;
  /** A boolean as a bind value: SQLite stores 1/0, PostgreSQL takes a boolean. */
  bool(value: boolean): number | boolean;
}

export const SQLITE_DIALECT: SqlDialect = { param: () => '?', bool: (v) => (v ? 1 : 0) };
export const POSTGRES_DIALECT: SqlDialect = { param: (n) => `$${n}`, bool: (v) => v };

/** `(p1, p2, …), (…)`: `rows` groups of `width` parameters, numbered from 1. */
export function valueGroups(dialect: SqlDialect, rows: number, width: number): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, c) => dialect.param(r * width + c + 1)).join(',')})`).join(',');
}
