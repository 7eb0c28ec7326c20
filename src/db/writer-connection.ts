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

/** A value for a plain statement: Dates are stored as Prisma's adapter stores them (iso8601). */
export type SqlValue = string | number | bigint | boolean | Date | Buffer | null;

/** Statements kept prepared per connection (the fast path's INSERTs are a handful of shapes). */
const STATEMENT_CACHE_SIZE = 64;

export class WriterConnection {
  readonly #raw: BetterSqlite3.Database;
  readonly #adapter: SqlDriverAdapter;
  readonly #lockWaitMs: number;
  // One transaction at a time on this connection (a promise chain used as a mutex).
  #tail: Promise<void> = Promise.resolve();
  #holders = 0;
  #waitingSince: number | null = null;
  // The transaction Database.write() opened itself (see begin()); Prisma joins it.
  #session: WriteSession | null = null;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

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
    // Inside a write that begin() opened, Prisma's transaction is that same transaction.
    if (this.#session) return new JoinedTransaction(this.#adapter);
    const release = await this.#acquire();
    try {
      await this.#beginImmediate();
    } catch (err) {
      release();
      throw err;
    }
    return new WriterTransaction(this.#adapter, this.#raw, release);
  }

  /**
   * Takes the lock and opens a transaction that the caller commits or rolls back: the write
   * path of Database.write(), which needs no Prisma transaction for plain INSERTs (Prisma's
   * interactive transaction costs more CPU than the statements of a small write). While it is
   * open, a Prisma transaction started on this connection joins it (see JoinedTransaction).
   */
  async begin(timeoutMs: number): Promise<WriteSession> {
    const release = await this.#acquire();
    try {
      await this.#beginImmediate();
    } catch (err) {
      release();
      throw err;
    }
    const session = new WriteSession(this.#raw, (sql) => this.#prepared(sql), Date.now() + timeoutMs, () => {
      this.#session = null;
      release();
    });
    this.#session = session;
    return session;
  }

  #prepared(sql: string): BetterSqlite3.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      // Numbers as numbers: the adapter turns on safe integers (BigInt) for the whole connection.
      stmt = this.#raw.prepare(sql);
      if (stmt.reader) stmt.safeIntegers(false);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, stmt);
    }
    return stmt;
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

/** Dates as Prisma's better-sqlite3 adapter writes them (timestampFormat iso8601), booleans as 0/1. */
let lastDate: Date | null = null;
let lastTime = Number.NaN;
let lastDateText = '';

function toSqlite(v: SqlValue): string | number | bigint | Buffer | null {
  if (v instanceof Date) {
    // Bulk writes stamp every row with one `now`: format it once (a Date's time can be changed
    // in place, so the time is compared too).
    const time = v.getTime();
    if (v !== lastDate || time !== lastTime) {
      lastDateText = v.toISOString().replace('Z', '+00:00');
      lastDate = v;
      lastTime = time;
    }
    return lastDateText;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/**
 * The transaction begin() opened: plain statements on the connection through a cache of
 * prepared statements, then commit() or rollback(), which always release the lock.
 */
export class WriteSession {
  readonly #raw: BetterSqlite3.Database;
  readonly #prepare: (sql: string) => BetterSqlite3.Statement;
  readonly #release: () => void;
  readonly #deadline: number;
  #done = false;

  constructor(raw: BetterSqlite3.Database, prepare: (sql: string) => BetterSqlite3.Statement, deadline: number, release: () => void) {
    this.#raw = raw;
    this.#prepare = prepare;
    this.#deadline = deadline;
    this.#release = release;
  }

  /** Runs a statement that returns rows (a SELECT, or RETURNING); returns the first. */
  get(sql: string, args: readonly SqlValue[]): Record<string, unknown> | undefined {
    return this.#statement(sql).raw(false).get(args.map(toSqlite)) as Record<string, unknown> | undefined;
  }

  /** Runs a statement that returns rows; returns them all, each as an array of its columns. */
  all(sql: string, args: readonly SqlValue[]): unknown[][] {
    return this.#statement(sql).raw(true).all(args.map(toSqlite)) as unknown[][];
  }

  /** Runs a statement that returns no rows; returns the number of rows it changed. `args` is converted in place. */
  run(sql: string, args: SqlValue[]): number {
    const stmt = this.#statement(sql);
    for (let i = 0; i < args.length; i++) args[i] = toSqlite(args[i]!) as SqlValue;
    return stmt.run(args).changes;
  }

  #statement(sql: string): BetterSqlite3.Statement {
    if (this.#done) throw new Error('write session is finished');
    // The same bound as Prisma's interactive-transaction timeout (WriteOptions.timeoutMs).
    if (Date.now() > this.#deadline) throw new Error('write transaction timed out');
    return this.#prepare(sql);
  }

  commit(): void {
    try {
      this.#raw.exec('COMMIT');
    } finally {
      this.#finish();
    }
  }

  rollback(): void {
    this.#finish();
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    // Rolls back what is left: everything on rollback(), a failed COMMIT's open transaction, or
    // nothing when SQLite already rolled back by itself (SQLITE_FULL, SQLITE_IOERR).
    if (this.#raw.inTransaction) {
      try {
        this.#raw.exec('ROLLBACK');
      } catch {
        // The connection has no transaction any more either way.
      }
    }
    this.#release();
  }
}

/**
 * Prisma's view of a WriteSession: its statements run on the connection inside the session's
 * transaction; its BEGIN, COMMIT and ROLLBACK are the session's business, so they are no-ops.
 */
class JoinedTransaction implements Transaction {
  readonly options: TransactionOptions = { usePhantomQuery: false };
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  readonly #connection: SqlDriverAdapter;

  constructor(connection: SqlDriverAdapter) {
    this.#connection = connection;
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    if (query.sql === 'COMMIT' || query.sql === 'ROLLBACK' || query.sql.startsWith('BEGIN')) return Promise.resolve(0);
    return this.#connection.executeRaw(query);
  }

  commit(): Promise<void> {
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    return Promise.resolve();
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
