// Turns the SQLite failures a client can do something about into typed errors. They reach
// us in three shapes: better-sqlite3's own SqliteError (`code: 'SQLITE_FULL'`), Prisma's
// DriverAdapterError (its `cause` is the adapter's payload, with `originalCode` set by
// src/db/writer-connection.ts), or a Prisma client error wrapping that payload in
// `meta.driverAdapterError`. Anything else is left alone (and masked as unexpected).
import fs from 'node:fs';
import path from 'node:path';
import { BusyError, DiskFullError } from '../errors.ts';

interface AdapterPayload {
  kind?: string;
  originalCode?: string;
  message?: string;
}

/** The SQLite result code name (e.g. "SQLITE_FULL", "SQLITE_IOERR_WRITE") behind an error, if any. */
export function sqliteCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const o = e as { code?: unknown; name?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: AdapterPayload } } };
    if (typeof o.code === 'string' && o.code.startsWith('SQLITE_')) return o.code;
    const payload: AdapterPayload | undefined =
      o.meta?.driverAdapterError?.cause ?? (o.name === 'DriverAdapterError' ? (o.cause as AdapterPayload) : undefined);
    if (payload) {
      if (payload.originalCode?.startsWith('SQLITE_')) return payload.originalCode;
      if (payload.kind === 'SocketTimeout') return 'SQLITE_BUSY';
      // sqlite3_errstr() texts, for payloads that lost the code on the way.
      if (payload.message?.includes('database or disk is full')) return 'SQLITE_FULL';
      if (payload.message?.includes('disk I/O error')) return 'SQLITE_IOERR';
    }
    e = o.cause;
  }
  return undefined;
}

/** Below this many free bytes an I/O error on the database's file system is taken to mean "no space". */
const NEARLY_FULL_BYTES = 1024 * 1024;

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/**
 * SQLITE_FULL always means no space (the disk, or the database's max_page_count). An I/O
 * error (SQLITE_IOERR_*) means no space only when the file system is out of it: SQLite
 * reports ENOSPC from some calls (fsync, truncate, mmap) as an I/O error.
 */
export function isDiskFull(err: unknown, databaseFile: string): boolean {
  const code = sqliteCodeOf(err);
  if (code === 'SQLITE_FULL') return true;
  if (code?.startsWith('SQLITE_IOERR')) {
    const free = freeBytes(path.dirname(databaseFile));
    return free !== null && free < NEARLY_FULL_BYTES;
  }
  return false;
}

/** A typed error for what the client can act on, else the error as it was. */
export function toDatabaseError(err: unknown, databaseFile: string, lockWaitMs: number): unknown {
  if (err instanceof BusyError || err instanceof DiskFullError) return err;
  if (isDiskFull(err, databaseFile)) return new DiskFullError({ cause: err });
  if (sqliteCodeOf(err)?.startsWith('SQLITE_BUSY')) return new BusyError(lockWaitMs);
  return err;
}
