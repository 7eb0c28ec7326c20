// Counts the SQL statements a request runs. better-sqlite3's `verbose` hook sees every
// statement on a connection; the AsyncLocalStorage store says which request it belongs to.
// Tests use the count to prove "statements bounded by depth, not by rows" (no N+1).
import { AsyncLocalStorage } from 'node:async_hooks';

interface SqlTally {
  statements: number;
}

const storage = new AsyncLocalStorage<SqlTally>();

export function withSqlCounter<T>(fn: () => T): { result: T; tally: SqlTally } {
  const tally: SqlTally = { statements: 0 };
  const result = storage.run(tally, fn);
  return { result, tally };
}

/** Starts counting for the rest of the current async context (used by the Yoga plugin). */
export function enterSqlCounter(): SqlTally {
  const tally: SqlTally = { statements: 0 };
  storage.enterWith(tally);
  return tally;
}

export function countStatement(): void {
  const tally = storage.getStore();
  if (tally) tally.statements += 1;
}
