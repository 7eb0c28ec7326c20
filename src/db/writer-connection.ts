// How the writer connection takes SQLite's write lock. Prisma's better-sqlite3 adapter opens a
// transaction with a synchronous BEGIN that waits in SQLite's busy handler, so while another
// process (a CLI import, a restore, an operator's sqlite3 shell) holds the lock the whole
// event loop stops for up to busy_timeout: /healthz and every read stall with it. Worse, when
// that BEGIN fails, the adapter never releases its transaction mutex, and every later write
// waits for it until Prisma's maxWait ("Unable to start a transaction in the given time"),
// forever. So the writer's transactions are opened here instead:
//   - the connection's busy_timeout is a few milliseconds (one attempt barely blocks);
//   - BEGIN IMMEDIATE is retried on a timer with backoff until the configured wait is used
//     up, then the write fails with a BusyError, which the client may retry;
//   - whatever happens, the lock on this connection is released, and a transaction SQLite
//     left open after a failed COMMIT is rolled back, so the next write starts clean.
import type BetterSqlite3 from 'better-sqlite3';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils';
import { BusyError } from '../errors.ts';

/** busy_timeout of the writer connection: how long one lock attempt may block the event loop. */
export const LOCK_ATTEMPT_MS = 5;
const MAX_BACKOFF_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Keeps better-sqlite3's result code on the adapter's error payload (the adapter folds most
 * codes into a generic one), so src/db/sqlite-errors.ts can tell a full disk from a bug.
 */
export function keepSqliteCodes(adapter: SqlDriverAdapter): void {
  const a = adapter as unknown as { onError?: (err: unknown) => never };
  if (typeof a.onError !== 'function') return;
  const original = a.onError.bind(adapter);
  a.onError = (err: unknown): never => {
    try {
      original(err);
    } catch (wrapped) {
      const code = (err as { code?: unknown } | null)?.code;
      if (wrapped instanceof DriverAdapterError && typeof code === 'string') wrapped.cause.originalCode ??= code;
      throw wrapped;
    }
    throw err;
  };
}

export class WriterConnection {
  readonly #raw: BetterSqlite3.Database;
  readonly #adapter: SqlDriverAdapter;
  readonly #lockWaitMs: number;
  // One transaction at a time on this connection (a promise chain used as a mutex).
  #tail: Promise<void> = Promise.resolve();
  #holders = 0;
  #waitingSince: number | null = null;

  constructor(raw: BetterSqlite3.Database, adapter: SqlDriverAdapter, lockWaitMs: number) {
    this.#raw = raw;
    this.#adapter = adapter;
    this.#lockWaitMs = lockWaitMs;
    raw.pragma(`busy_timeout = ${Math.min(LOCK_ATTEMPT_MS, lockWaitMs)}`);
    // Prisma calls the adapter's method at call time, so replacing it on the instance is enough.
    adapter.startTransaction = (level?: IsolationLevel) => this.#startTransaction(level);
  }

  #acquire(): Promise<() => void> {
    this.#holders += 1;
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    let released = false;
    return previous.then(() => () => {
      if (released) return;
      released = true;
      this.#holders -= 1;
      release();
    });
  }

  async #startTransaction(level?: IsolationLevel): Promise<Transaction> {
    if (level && level !== 'SERIALIZABLE') throw new DriverAdapterError({ kind: 'InvalidIsolationLevel', level });
    const release = await this.#acquire();
    try {
      await this.#beginImmediate();
    } catch (err) {
      release();
      throw err;
    }
    return new WriterTransaction(this.#adapter, this.#raw, release);
  }

  async #beginImmediate(): Promise<void> {
    const started = Date.now();
    const deadline = started + this.#lockWaitMs;
    this.#waitingSince = started;
    try {
      for (let backoff = 1; ; backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)) {
        try {
          this.#raw.exec('BEGIN IMMEDIATE');
          return;
        } catch (err) {
          if (!isBusy(err)) throw err;
          const left = deadline - Date.now();
          if (left <= 0) throw new BusyError(Date.now() - started);
          await sleep(Math.min(backoff, left));
        }
      }
    } finally {
      this.#waitingSince = null;
    }
  }

  /**
   * Runs `fn` with SQLite's own (blocking) busy wait of the full lock wait: for maintenance
   * outside transactions (VACUUM from the CLI), where no event loop serves anyone else.
   */
  async withBlockingWait<T>(fn: () => Promise<T>): Promise<T> {
    this.#raw.pragma(`busy_timeout = ${this.#lockWaitMs}`);
    try {
      return await fn();
    } finally {
      this.#raw.pragma(`busy_timeout = ${Math.min(LOCK_ATTEMPT_MS, this.#lockWaitMs)}`);
    }
  }

  /**
   * Can this connection commit right now? Never waits: null when it can (or is in the middle
   * of its own transaction, i.e. holds the lock), else the reason it cannot.
   */
  probe(): string | null {
    if (this.#waitingSince !== null) {
      return `waiting ${Date.now() - this.#waitingSince} ms for the write lock, held by another process`;
    }
    if (this.#holders > 0 || this.#raw.inTransaction) return null;
    try {
      this.#raw.exec('BEGIN IMMEDIATE');
      this.#raw.exec('ROLLBACK');
      return null;
    } catch (err) {
      return isBusy(err) ? 'the write lock is held by another process' : (err as Error).message;
    }
  }
}

/**
 * A transaction on the writer connection. Statements run on the connection itself (the
 * adapter's own transaction class does the same); Prisma sends COMMIT and ROLLBACK as SQL and
 * then calls commit() or rollback() to say it is done with the connection.
 */
class WriterTransaction implements Transaction {
  readonly options: TransactionOptions = { usePhantomQuery: false };
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  readonly #connection: SqlDriverAdapter;
  readonly #raw: BetterSqlite3.Database;
  readonly #release: () => void;

  constructor(connection: SqlDriverAdapter, raw: BetterSqlite3.Database, release: () => void) {
    this.#connection = connection;
    this.#raw = raw;
    this.#release = release;
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    // SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR):
    // Prisma's ROLLBACK would then fail and hide the error that matters.
    if (query.sql === 'ROLLBACK' && !this.#raw.inTransaction) return Promise.resolve(0);
    return this.#connection.executeRaw(query);
  }

  commit(): Promise<void> {
    this.#finish();
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.#finish();
    return Promise.resolve();
  }

  #finish(): void {
    // A COMMIT that failed (e.g. SQLITE_FULL) can leave the transaction open.
    if (this.#raw.inTransaction) {
      try {
        this.#raw.exec('ROLLBACK');
      } catch {
        // The connection has no transaction any more either way.
      }
    }
    this.#release();
  }

  async createSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] });
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] });
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] });
  }
}
