// Opens SQLite connections for Prisma's better-sqlite3 adapter with the pragmas this
// project depends on. The adapter exposes no hook for pragmas, so we wrap its factory and
// configure the raw better-sqlite3 handle the moment it is opened.
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { countStatement } from './sql-counter.ts';
import { keepSqliteCodes, WriterConnection } from './writer-connection.ts';

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
 * The writer's transactions are opened by WriterConnection (BEGIN IMMEDIATE, waiting for the
 * lock on a timer instead of in SQLite's blocking busy handler); `onWriter` receives it for
 * each connection opened, so the database can probe it (/readyz).
 */
export function sqliteAdapterFactory(o: ConnectionOptions, onWriter?: (writer: WriterConnection) => void): SqlDriverAdapterFactory {
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
      keepSqliteCodes(adapter);
      if (!o.readonly) onWriter?.(new WriterConnection(raw, adapter, o.busyTimeoutMs));
      return adapter;
    },
  };
}
