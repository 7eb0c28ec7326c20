// Opens SQLite connections for Prisma's better-sqlite3 adapter with the pragmas this
// project depends on. The adapter exposes no hook for pragmas, so we wrap its factory and
// configure the raw better-sqlite3 handle the moment it is opened.
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { countStatement } from './sql-counter.ts';

export interface ConnectionOptions {
  file: string;
  readonly: boolean;
  synchronous: 'FULL' | 'NORMAL';
  busyTimeoutMs: number;
}

/** Pragmas every connection needs. WAL lets the reader see the last commit while a write is open. */
export function applyPragmas(db: BetterSqlite3.Database, o: Omit<ConnectionOptions, 'file'>): void {
  db.pragma(`busy_timeout = ${o.busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  if (o.readonly) {
    db.pragma('query_only = ON');
  } else {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${o.synchronous}`);
    // Bounded WAL growth under a steady write load; the reader never holds snapshots long.
    db.pragma('wal_autocheckpoint = 1000');
  }
}

/**
 * The adapter opens transactions with a plain (deferred) BEGIN. A deferred transaction that
 * reads first and writes later fails at once with SQLITE_BUSY when another process (a CLI
 * import, a restore) holds the write lock, instead of waiting for busy_timeout. BEGIN
 * IMMEDIATE takes the write lock up front and waits politely, so the writer uses it.
 */
function beginImmediate(db: BetterSqlite3.Database): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)) as typeof db.prepare;
}

export function sqliteAdapterFactory(o: ConnectionOptions): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3(
    { url: `file:${o.file}`, readonly: o.readonly, fileMustExist: o.readonly, timeout: o.busyTimeoutMs, verbose: countStatement },
    { timestampFormat: 'iso8601' },
  );
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      const raw = (adapter as unknown as { client: BetterSqlite3.Database }).client;
      applyPragmas(raw, o);
      if (!o.readonly) beginImmediate(raw);
      return adapter;
    },
  };
}
