// A read-only better-sqlite3 connection with prepared statements, for the read model's hot
// paths (lists and their children, search). Prisma costs a fixed ~100 µs per query plus a few
// µs per row (argument mapping, re-preparing the statement, turning raw rows into objects,
// then into its result shape); on a 400-row nested list that was a third of the request. Here
// a statement is prepared once per connection and rows come straight from SQLite.
//
// Only fixed SQL text is ever prepared: every value is a bound parameter, and lists of ids
// are bound as one JSON array (`IN (SELECT value FROM json_each(?))`), so the text — and the
// cached statement — is the same for 1 id or 500.
//
// Statements are counted here (src/db/sql-counter.ts), not through better-sqlite3's
// `verbose` hook: that hook expands every bound parameter into the SQL text and hands the
// string to JS on each run — for a list of 50 ids bound as JSON, a few KB per statement.
// `arrays()` reads rows as arrays (`.raw()`): better-sqlite3 then builds no object per row;
// callers build their rows in their final shape (~25 % less than object rows on a 200-row page).
import BetterSqlite3 from 'better-sqlite3';
import { countStatement } from './sql-counter.ts';
import { applyPragmas } from './sqlite.ts';

export type SqlValue = string | number | bigint | null | Buffer;

/**
 * The statements' texts come from fixed fragments (filters, orders, cursor or not), a few
 * hundred variants at most. The cap only guards against a future caller that builds text
 * per request: the cache is dropped and refilled rather than growing without bound.
 */
const MAX_CACHED_STATEMENTS = 1000;

export class SqlReader {
  readonly #db: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #rawStatements = new Map<string, BetterSqlite3.Statement>();

  constructor(file: string, o: { busyTimeoutMs: number }) {
    this.#db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: o.busyTimeoutMs });
    applyPragmas(this.#db, { readonly: true, synchronous: 'FULL', busyTimeoutMs: o.busyTimeoutMs });
  }

  #statement(sql: string, raw: boolean): BetterSqlite3.Statement {
    const cache = raw ? this.#rawStatements : this.#statements;
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      stmt = this.#db.prepare(sql);
      if (raw) stmt.raw(true);
      cache.set(sql, stmt);
    }
    countStatement();
    return stmt;
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): T[] {
    return this.#statement(sql, false).all(...params) as T[];
  }

  /** Rows as arrays of column values, in the SELECT's column order. */
  arrays<T extends unknown[]>(sql: string, params: readonly SqlValue[] = []): T[] {
    return this.#statement(sql, true).all(...params) as T[];
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): T | undefined {
    return this.#statement(sql, false).get(...params) as T | undefined;
  }

  close(): void {
    this.#statements.clear();
    this.#rawStatements.clear();
    if (this.#db.open) this.#db.close();
  }
}

/** Binds a list of ids as one parameter for `IN (SELECT value FROM json_each(?))`. */
export function idList(ids: readonly string[]): string {
  return JSON.stringify(ids);
}

/**
 * Prisma (timestampFormat iso8601) stores instants as `2026-01-31T12:00:00.000+00:00`; the
 * graph's DateTime is the `…Z` form. A string edit, not a Date round trip per value.
 */
export function isoUtc(stored: string | number | Date): string {
  if (typeof stored === 'string') {
    if (stored.length === 29 && stored.endsWith('+00:00')) return `${stored.slice(0, 23)}Z`;
    if (stored.length === 24 && stored.endsWith('Z')) return stored;
  }
  return new Date(stored).toISOString();
}
