// "One writer, many readers" (DESIGN.md). The better-sqlite3 adapter has ONE connection and
// a plain query on it runs inside whatever transaction is open at that moment, so:
//   - `reader` is a separate read-only connection; queries never see uncommitted writes;
//   - the writer is private and used only through `write()`, which runs one transaction at
//     a time (FIFO) and then the after-commit hooks of that transaction.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { POSTGRES_DIALECT, SQLITE_DIALECT, type SqlDialect } from './dialect.ts';
import type { LocalReplicaHandle } from './local-replica.ts';
import type { PostgresClientFactory } from './postgres/clients.ts';
import { unavailableSqlReader } from './postgres/no-read-model.ts';
import { writeStoreOf, type PgWriteSession } from './postgres/write-session.ts';
import { SqlReader } from './sql-reader.ts';
import { toDatabaseError } from './sqlite-errors.ts';
import { sqliteAdapterFactory } from './sqlite.ts';
import type { WriterConnection, WriteSession } from './writer-connection.ts';
import { reportCommitted } from './commit-scope.ts';
import { commitPositionOf, LazyPrismaTransaction, writeTransaction } from './write-transaction.ts';

export type Tx = Prisma.TransactionClient;
export { insertRow, selectRow, selectRows, updateRows, upsertRow, upsertRows } from './write-transaction.ts';
export type { SqlValue } from './writer-connection.ts';
export type Reader = PrismaClient;

/** Work to run only once the transaction has committed (publish events, delete blobs). */
export type AfterCommit = (task: () => unknown | Promise<unknown>) => void;

export interface WriteOptions {
  /** Upper bound for the transaction itself; large imports raise it. */
  timeoutMs?: number;
}

export interface DatabaseOptions {
  file: string;
  /**
   * postgresql://…: PostgreSQL is the write store (scale-out). Writes are PostgreSQL
   * transactions through the same commands, and `file` is not opened. With `replica` (a
   * gateway, milestone 2), `reader` and `sql` open the replica's SQLite file read-only, as
   * the embedded mode opens its file, and a write returns once the replica shows it (this
   * gateway reads its own writes). Without it (one-shot CLI commands, which keep no
   * replica), `reader` is Prisma on PostgreSQL and the read model answers NO_LOCAL_REPLICA
   * (src/db/postgres/no-read-model.ts). The client factory comes from
   * src/db/postgres/clients.ts, loaded by the caller only in this mode, so the embedded
   * default never loads pg.
   */
  postgres?: { url: string; client: PostgresClientFactory; replica?: LocalReplicaHandle };
  synchronous?: 'FULL' | 'NORMAL';
  busyTimeoutMs?: number;
  onAfterCommitError?: (err: unknown) => void;
}

/** A request's hold on the current reader: a restore waits until every lease is released. */
export interface ReaderLease {
  readonly reader: Reader;
  /** The read model's prepared-statement connection on the same database file. */
  readonly sql: SqlReader;
  /** Idempotent. */
  release(): void;
  readonly released: boolean;
}

/** How long a write waits for the local replica to show it (PostgreSQL mode). */
const REPLICA_WAIT_MS = 10_000;

export class Database {
  readonly file: string;
  /** Which engine holds the data: the embedded SQLite file, or PostgreSQL. */
  readonly backend: 'sqlite' | 'postgresql';
  /** What raw SQL must say differently on this backend (src/db/dialect.ts). */
  readonly dialect: SqlDialect;
  readonly #postgres: DatabaseOptions['postgres'];
  #reader: Reader;
  #writer: PrismaClient;
  // The writer's connection, once Prisma has opened it (it owns the write lock's wait).
  #writerConnection: WriterConnection | null = null;
  // Opened by connect(), once the writer has created the file (it is opened read-only).
  #sql: SqlReader | null = null;
  readonly #common: Omit<Parameters<typeof sqliteAdapterFactory>[0], 'readonly'>;
  // Live swap (restore): while #gate is set, new leases wait for it; #leases counts the
  // requests still using the current reader.
  #gate: Promise<void> | null = null;
  #leases = 0;
  readonly #replacedListeners = new Set<() => void>();
  #tail: Promise<unknown> = Promise.resolve();
  // PostgreSQL's writes in progress (they are not queued on #tail), for drain().
  readonly #inFlight = new Set<Promise<unknown>>();
  #pendingWrites = 0;
  #closed = false;
  readonly #onAfterCommitError: (err: unknown) => void;

  constructor(o: DatabaseOptions) {
    this.file = path.resolve(o.file);
    this.#postgres = o.postgres;
    this.backend = o.postgres ? 'postgresql' : 'sqlite';
    this.dialect = o.postgres ? POSTGRES_DIALECT : SQLITE_DIALECT;
    if (!o.postgres) fs.mkdirSync(path.dirname(this.file), { recursive: true });
    this.#common = { file: this.file, synchronous: o.synchronous ?? 'FULL', busyTimeoutMs: o.busyTimeoutMs ?? 5000 };
    [this.#writer, this.#reader] = this.#clients();
    this.#onAfterCommitError = o.onAfterCommitError ?? ((err) => console.error('after-commit task failed', err));
  }

  #clients(): [PrismaClient, Reader] {
    if (this.#postgres) {
      const { url, client, replica } = this.#postgres;
      if (replica) {
        // Reads are local: the replica file, read-only, exactly as the embedded reader.
        return [client({ url, max: 4, writer: true }), new PrismaClient({ adapter: sqliteAdapterFactory({ ...this.#common, file: replica.file, readonly: true }) })];
      }
      // Two pools, as on SQLite: reads never wait behind the writer's open transaction.
      return [client({ url, max: 4, writer: true }), client({ url, max: 8 })];
    }
    // The writer connects first so the database file and WAL mode exist before the reader
    // (which is opened read-only and must find the file) connects.
    return [
      new PrismaClient({
        adapter: sqliteAdapterFactory({ ...this.#common, readonly: false }, (w) => (this.#writerConnection = w)),
      }),
      new PrismaClient({ adapter: sqliteAdapterFactory({ ...this.#common, readonly: true }) }),
    ];
  }

  /**
   * The current read-only client. Code that runs a whole request on it should take a
   * `leaseReader()` instead, so a restore never swaps the database under a request.
   */
  get reader(): Reader {
    return this.#reader;
  }

  /** The current read model connection (see `reader` about leases). */
  get sql(): SqlReader {
    if (!this.#sql) throw new Error('database is not connected');
    return this.#sql;
  }

  /**
   * The reader for one request. During a restore this waits until the new database is in
   * place; until the lease is released, a restore waits for this request to finish. So a
   * request sees the old database or the new one, never a mix, and never fails for the swap.
   */
  async leaseReader(): Promise<ReaderLease> {
    while (this.#gate) await this.#gate;
    this.#leases += 1;
    let released = false;
    const reader = this.#reader;
    const sql = this.sql;
    return {
      reader,
      sql,
      get released() {
        return released;
      },
      release: () => {
        if (released) return;
        released = true;
        this.#leases -= 1;
      },
    };
  }

  /**
   * Replaces the database file with `newFile` (a checked, migrated copy on the same file
   * system) without a restart: new requests and writes wait; earlier writes finish; then,
   * once no request holds a reader lease, the connections close, the file is renamed into
   * place and fresh connections open. If the leases are not released within `leaseWaitMs`
   * nothing is changed and it throws.
   */
  async replaceFile(
    newFile: string,
    options: {
      leaseWaitMs?: number;
      /** Runs with no connection open, just before the rename: carry state from the old file to the new one. */
      beforeRename?: (oldFile: string, newFile: string) => void;
    } = {},
  ): Promise<void> {
    if (this.#closed) throw new Error('database is closed');
    if (this.backend === 'postgresql') throw new Error('PostgreSQL mode: restores are PostgreSQL\'s (pg_restore, PITR), not opsgraph\'s');
    let openGate!: () => void;
    this.#gate = new Promise<void>((resolve) => (openGate = resolve));
    try {
      // Leases first, outside the write queue: a request that holds one may still be
      // waiting for its own write, which must be allowed to finish.
      const waitMs = options.leaseWaitMs ?? 30_000;
      const deadline = Date.now() + waitMs;
      while (this.#leases > 0) {
        if (Date.now() > deadline) throw new Error(`${this.#leases} request(s) still running after ${waitMs} ms; database not replaced`);
        await new Promise((r) => setTimeout(r, 5));
      }
      await this.#exclusive(async () => {
        await this.#reader.$disconnect();
        await this.#writer.$disconnect();
        this.#sql?.close();
        this.#sql = null;
        options.beforeRename?.(this.file, newFile);
        // The old WAL and shared-memory files belong to the old database: a new connection
        // must not replay them into the restored one.
        for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(this.file + suffix, { force: true });
        fs.renameSync(newFile, this.file);
        [this.#writer, this.#reader] = this.#clients();
        await this.connect();
        // Before the gate opens: caches of the old contents (API keys) must be gone by the
        // time the first waiting request runs.
        for (const listener of this.#replacedListeners) listener();
      });
    } finally {
      this.#gate = null;
      openGate();
    }
  }

  /** Called after every replaceFile(), before waiting requests resume. Returns the unsubscribe. */
  onReplaced(listener: () => void): () => void {
    this.#replacedListeners.add(listener);
    return () => this.#replacedListeners.delete(listener);
  }

  /** Runs `fn` in the write queue: after every earlier write, before every later one. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async connect(): Promise<void> {
    await this.#writer.$connect();
    await this.#writer.$queryRawUnsafe('SELECT 1');
    await this.#reader.$connect();
    await this.#reader.$queryRawUnsafe('SELECT 1');
    const replica = this.#postgres?.replica;
    this.#sql ??=
      this.backend === 'sqlite' || replica
        ? new SqlReader(replica?.file ?? this.file, { busyTimeoutMs: this.#common.busyTimeoutMs })
        : unavailableSqlReader();
  }

  /**
   * Runs `fn` in one write transaction, after every earlier write has finished (SQLite; on
   * PostgreSQL concurrently, see below). If `fn`
   * throws, the transaction rolls back and no after-commit task runs. After-commit tasks
   * run in order once the commit is durable; their failures are logged, never thrown,
   * because the write they follow has already been acknowledged.
   * On PostgreSQL there is no queue: this process's writes run concurrently, as other
   * gateways' do, so a command's checks must hold in its own statements (e.g. the version in
   * an UPDATE's WHERE), never in an ordering of calls.
   * Once committed, the transaction's commit position (its highest activity seq) is reported
   * to the caller's commit scope (src/db/commit-scope.ts): that is how a request learns the
   * position its response carries.
   */
  write<T>(fn: (tx: Tx, afterCommit: AfterCommit) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('database is closed'));
    this.#pendingWrites += 1;
    // The PostgreSQL transaction's commit position, for the wait on the local replica.
    const committed = { position: 0 };
    const run = async (): Promise<T> => {
      const tasks: Array<() => unknown> = [];
      try {
        const result =
          this.backend === 'postgresql'
            ? await this.#postgresTransaction(fn, tasks, options.timeoutMs ?? 30_000, committed)
            : await this.#transaction(fn, tasks, options.timeoutMs ?? 30_000);
        for (const task of tasks) {
          try {
            await task();
          } catch (err) {
            this.#onAfterCommitError(err);
          }
        }
        return result;
      } finally {
        this.#pendingWrites -= 1;
      }
    };
    if (this.backend === 'postgresql') {
      // No queue on PostgreSQL: transactions run side by side, up to the writer pool's size,
      // as they do across gateways. SQLite has one writer, so there they wait their turn.
      const result = run();
      this.#inFlight.add(result);
      void result.then(
        () => this.#inFlight.delete(result),
        () => this.#inFlight.delete(result),
      );
      const replica = this.#postgres?.replica;
      return replica ? result.then((r) => this.#visibleLocally(replica, committed.position).then(() => r)) : result;
    }
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /**
   * PostgreSQL mode: waits (bounded) until the local replica shows this write, so the
   * response — and any read this gateway serves after it — shows it. A write with an activity
   * entry (all commands) waits for its commit position, which is exact: seqs are commit-ordered
   * and gapless (src/db/commit-position.ts). One without (none today) waits for the server's
   * WAL position. Past the bound, or while the stream is down, the write is returned anyway:
   * it is committed.
   */
  async #visibleLocally(replica: LocalReplicaHandle, position: number): Promise<void> {
    const shown = position > 0 ? await replica.showsPosition(position, REPLICA_WAIT_MS) : await replica.catchUp(REPLICA_WAIT_MS);
    if (!shown) this.#onAfterCommitError(new Error(`the local replica did not show a committed write within ${REPLICA_WAIT_MS} ms`));
  }

  /**
   * One write transaction on PostgreSQL, as on SQLite: the writer's pool opens it on one of
   * its clients (src/db/postgres/write-session.ts), the plain-statement helpers run on that
   * client, and Prisma joins the same transaction only if `fn` uses it.
   */
  async #postgresTransaction<T>(
    fn: (tx: Tx, afterCommit: AfterCommit) => Promise<T>,
    tasks: Array<() => unknown>,
    timeoutMs: number,
    committed: { position: number },
  ): Promise<T> {
    const store = writeStoreOf(this.#writer);
    if (!store) throw new Error('the PostgreSQL writer client has no write store (made without `writer: true`)');
    for (let attempt = 1; ; attempt++) {
      let session: PgWriteSession | null = null;
      // maxWait is only a backstop: Prisma's transaction joins the one already open.
      const lazy = new LazyPrismaTransaction(this.#writer, { maxWait: 10_000, timeout: timeoutMs });
      try {
        session = await store.begin(timeoutMs);
        const tx = writeTransaction(session, lazy, 'postgresql');
        const s = session;
        const result = await store.run(s, () => fn(tx, (task) => tasks.push(task)));
        await lazy.finish(true);
        await s.commit();
        const position = commitPositionOf(tx);
        reportCommitted(position);
        committed.position = position;
        return result;
      } catch (err) {
        tasks.length = 0;
        await lazy.finish(false).catch(() => undefined);
        await session?.rollback();
        // PostgreSQL aborted the transaction to break a deadlock (or a serialization
        // failure): nothing of it was written, and running it again is what the server asks
        // for. The command's own checks run again too, so a retry can still be refused.
        if (attempt >= POSTGRES_CONFLICT_ATTEMPTS || !isTransactionConflict(err)) throw err;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * One write transaction (see src/db/write-transaction.ts): the writer connection opens it,
   * Prisma joins it only if `fn` uses Prisma. The wait for the write lock is bounded by the
   * writer connection (BusyError after busyTimeoutMs).
   */
  async #transaction<T>(fn: (tx: Tx, afterCommit: AfterCommit) => Promise<T>, tasks: Array<() => unknown>, timeoutMs: number): Promise<T> {
    let session: WriteSession;
    let lazy: LazyPrismaTransaction;
    try {
      if (!this.#writerConnection) await this.#writer.$connect();
      if (!this.#writerConnection) throw new Error('the writer is not connected');
      session = await this.#writerConnection.begin(timeoutMs);
      // maxWait is only a backstop: Prisma's transaction joins the one already open.
      lazy = new LazyPrismaTransaction(this.#writer, { maxWait: 10_000, timeout: timeoutMs });
    } catch (err) {
      throw toDatabaseError(err, this.file, this.#common.busyTimeoutMs);
    }
    try {
      const tx = writeTransaction(session, lazy);
      const result = await fn(tx, (task) => tasks.push(task));
      await lazy.finish(true);
      session.commit();
      reportCommitted(commitPositionOf(tx));
      return result;
    } catch (err) {
      tasks.length = 0;
      await lazy.finish(false).catch(() => undefined);
      session.rollback();
      throw toDatabaseError(err, this.file, this.#common.busyTimeoutMs);
    }
  }

  /** Resolves when every write queued so far has finished (graceful shutdown, restore). */
  async drain(): Promise<void> {
    while (this.#pendingWrites > 0) await Promise.allSettled([this.#tail, ...this.#inFlight]);
  }

  /**
   * Throws with the reason when the writer cannot commit right now (another process holds
   * the write lock, or a write is waiting for it). Never waits: for /readyz.
   */
  checkWriter(): void {
    if (this.#closed) throw new Error('database is closed');
    if (this.backend === 'postgresql') return; // no write lock to hold: /readyz's SELECT 1 is the check
    if (!this.#writerConnection) throw new Error('the writer is not connected');
    const problem = this.#writerConnection.probe();
    if (problem) throw new Error(problem);
  }

  /** Raw SQL on the writer, for maintenance that must not run inside a transaction (VACUUM). */
  maintenance<T>(fn: (writer: PrismaClient) => Promise<T>): Promise<T> {
    const run = async () => {
      await this.#writer.$connect();
      const writer = this.#writerConnection;
      return writer ? writer.withBlockingWait(() => fn(this.#writer)) : fn(this.#writer);
    };
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.drain();
    await this.#reader.$disconnect();
    await this.#writer.$disconnect();
    this.#sql?.close();
    this.#sql = null;
  }
}

/** Attempts of a PostgreSQL write that keeps being chosen as a deadlock's victim. */
const POSTGRES_CONFLICT_ATTEMPTS = 4;

/**
 * Deadlock (40P01) or serialization failure (40001): Prisma reports it as P2034 from model
 * queries and as P2010 with the driver adapter's TransactionWriteConflict from raw ones; the
 * write session's own statements (src/db/postgres/write-session.ts) throw the adapter's
 * DriverAdapterError itself (kind TransactionWriteConflict, originalCode 40P01/40001).
 */
export function isTransactionConflict(err: unknown): boolean {
  const conflict = (c: { originalCode?: unknown; kind?: unknown } | undefined) =>
    c?.kind === 'TransactionWriteConflict' || c?.originalCode === '40P01' || c?.originalCode === '40001';
  type Shape = { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } }; cause?: unknown };
  for (let e = err as Shape | undefined, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e.code === 'P2034' || e.code === '40P01' || e.code === '40001') return true;
    if (conflict(e.meta?.driverAdapterError?.cause) || conflict(e.cause as never)) return true;
    e = e.cause as Shape | undefined;
  }
  return false;
}

/** Where the server keeps a request's ReaderLease on its GraphQL context. */
export const READER_LEASE = Symbol('opsgraph.readerLease');

/**
 * Lets go of the request's reader early: subscriptions (they live for hours and must not
 * hold up a restore) and the restore mutation itself (it waits for all other requests).
 */
export function releaseRequestReader(context: object): void {
  (context as { [READER_LEASE]?: ReaderLease })[READER_LEASE]?.release();
}
