// The PostgreSQL write path of Database.write(), the same design as SQLite's
// (src/db/writer-connection.ts): Prisma's interactive transaction costs far more CPU than the
// two or three statements of a typical write (measured: ~2,700 CPU µs per createUseCase, of
// which the statements are a small part), so the write opens its own transaction on a pooled
// pg client and the plain-statement helpers (src/db/write-transaction.ts) run on that client
// directly, as named prepared statements. Only when a command uses a Prisma model API does
// Prisma start a transaction, and then it JOINS this one: the adapter's startTransaction is
// replaced (see attach()) by one that returns the current session's client, found through an
// AsyncLocalStorage that Database.write enters, with BEGIN, COMMIT and ROLLBACK as no-ops.
//
// This module loads no pg at run time (the embedded default never loads pg): the pool and pg's
// type parsers are handed in by src/db/postgres/clients.ts.
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { IsolationLevel, SqlDriverAdapter, SqlQuery, SqlResultSet, Transaction, TransactionOptions } from '@prisma/driver-adapter-utils';
import type { SqlValue } from '../writer-connection.ts';

type TypeParsers = typeof pg.types;
type Parsers = { getTypeParser: TypeParsers['getTypeParser'] };

/** pg's "timestamp without time zone": Prisma's DateTime columns, which hold UTC. */
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * DateTime as Prisma's pg adapter binds it (formatDateTime in @prisma/adapter-pg): UTC wall
 * time, milliseconds only when there are some. Never pg's own Date serialization, which uses
 * the process's local time zone.
 */
function utcTimestamp(d: Date): string {
  const iso = d.toISOString(); // 2026-12-02T18:06:02.123Z, always UTC
  const ms = d.getUTCMilliseconds();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms ? iso.slice(19, 23) : ''}`;
}

const toPg = (v: SqlValue): unknown => (v instanceof Date ? utcTimestamp(v) : v);

/** A value as callers of selectRow(s) got it from Prisma's raw queries (booleans as SQLite stores them). */
const asStored = (v: unknown) => (v === true ? 1 : v === false ? 0 : v);

// Statement names by SQL text: the helpers' statements are a handful of shapes, each prepared
// once per pooled connection (pg keeps a connection's parsed statements by name).
const MAX_NAMED = 512;
const names = new Map<string, string>();
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED) names.set(text, (name = `opsgraph_${names.size + 1}`));
  return name;
}

// The helpers write `?`; PostgreSQL wants `$1, $2, …` (identifiers are quoted and hold no `?`).
const dollarSql = new Map<string, string>();
function dollars(sql: string): string {
  let out = dollarSql.get(sql);
  if (!out) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (dollarSql.size < MAX_NAMED) dollarSql.set(sql, out);
  }
  return out;
}

const sessions = new AsyncLocalStorage<PgWriteSession>();

/** The pool's statement_timeout (src/db/postgres/clients.ts): a write's statements get no more. */
export const STATEMENT_TIMEOUT_MS = 60_000;

/** The writer's pool, and the transactions Database.write() opens on it. */
export class PgWriteStore {
  readonly #pool: pg.Pool;
  readonly #types: Parsers;
  // The Prisma adapter on this pool (set by attach()): its error conversion is Prisma's.
  #adapter: SqlDriverAdapter | null = null;

  constructor(pool: pg.Pool, types: TypeParsers) {
    this.#pool = pool;
    // Results as Prisma's raw queries returned them: DateTime as a Date of the UTC value stored
    // (pg's default parser would read it as local time), 64-bit integers as bigint.
    const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    this.#types = {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (format !== 'binary' && oid === TIMESTAMP_OID) return utc;
        if (format !== 'binary' && oid === INT8_OID) return (text: string) => BigInt(text);
        return types.getTypeParser(oid, format as 'text');
      }) as TypeParsers['getTypeParser'],
    };
  }

  /**
   * Makes Prisma's transactions on `adapter` (an adapter over this pool) join the current
   * write session. Prisma calls the adapter's method at call time, so replacing it on the
   * instance is enough. A Prisma transaction outside Database.write() is a bug (it would run
   * beside the write path's own transaction): it fails loudly.
   */
  attach(adapter: SqlDriverAdapter): void {
    this.#adapter = adapter;
    adapter.startTransaction = async (level?: IsolationLevel) => {
      const session = sessions.getStore();
      if (!session) throw new Error('a Prisma transaction on the PostgreSQL writer outside Database.write(): write through db.write()');
      if (level && level !== 'READ COMMITTED') throw new Error(`PostgreSQL write sessions run at READ COMMITTED, not ${level}`);
      return session.joined(adapter);
    };
  }

  /** Checks out a client and opens a transaction that the caller commits or rolls back. */
  async begin(timeoutMs: number): Promise<PgWriteSession> {
    const client = await this.#pool.connect().catch((err: unknown) => this.#fail(err));
    const session = new PgWriteSession(client, this.#types, Date.now() + timeoutMs, (err) => this.#fail(err));
    try {
      // One round trip. Every statement of the write, a wait for a row lock included, is bounded
      // by the write's own timeout (as Prisma's interactive-transaction timeout bounded it), and
      // never by more than the pool's per-statement bound.
      const statementMs = Math.max(1, Math.min(Math.ceil(timeoutMs), STATEMENT_TIMEOUT_MS));
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${statementMs}`);
    } catch (err) {
      session.release(err);
      this.#fail(err);
    }
    return session;
  }

  /** Runs `fn` inside `session`: a Prisma transaction started by `fn` joins it. */
  run<T>(session: PgWriteSession, fn: () => Promise<T>): Promise<T> {
    return sessions.run(session, fn);
  }

  /**
   * Throws what Prisma's raw queries threw inside (a DriverAdapterError whose cause has the
   * PostgreSQL code as `originalCode`, and `kind` e.g. UniqueConstraintViolation or
   * TransactionWriteConflict), so error handling sees one shape whichever path a statement took.
   */
  #fail(err: unknown): never {
    const onError = (this.#adapter as unknown as { onError?: (e: unknown) => never } | null)?.onError;
    if (onError && err && typeof err === 'object' && 'code' in err) onError.call(this.#adapter, err);
    throw err;
  }
}

/** One transaction on one pooled client, from BEGIN to COMMIT or ROLLBACK and release. */
export class PgWriteSession {
  readonly #client: pg.PoolClient;
  readonly #types: Parsers;
  readonly #deadline: number;
  readonly #fail: (err: unknown) => never;
  #done = false;
  // An error on the checked-out client (the server went away) must not be an uncaught
  // 'error' event; the statement in flight fails with it, and release() discards the client.
  #broken: unknown = null;
  readonly #onClientError = (err: Error) => (this.#broken = err);

  constructor(client: pg.PoolClient, types: Parsers, deadline: number, fail: (err: unknown) => never) {
    this.#client = client;
    this.#types = types;
    this.#deadline = deadline;
    this.#fail = fail;
    client.on('error', this.#onClientError);
  }

  async #query(sql: string, args: readonly SqlValue[]): Promise<pg.QueryArrayResult> {
    if (this.#done) throw new Error('write session is finished');
    // The same bound as the SQLite session's (WriteOptions.timeoutMs); the pool's
    // statement_timeout bounds each statement on the server.
    if (Date.now() > this.#deadline) throw new Error('write transaction timed out');
    const text = dollars(sql);
    try {
      return await this.#client.query<unknown[]>({ name: nameOf(text), text, values: args.map(toPg), rowMode: 'array', types: this.#types });
    } catch (err) {
      return this.#fail(err);
    }
  }

  /** Runs a statement that returns rows (a SELECT, or RETURNING); returns the first, by column name. */
  async get(sql: string, args: readonly SqlValue[]): Promise<Record<string, unknown> | undefined> {
    const r = await this.#query(sql, args);
    const row = r.rows[0];
    if (!row) return undefined;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < r.fields.length; i++) out[r.fields[i]!.name] = asStored(row[i]);
    return out;
  }

  /** Runs a statement that returns rows; returns them all, each as an array of its columns. */
  async all(sql: string, args: readonly SqlValue[]): Promise<unknown[][]> {
    const { rows } = await this.#query(sql, args);
    for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = asStored(row[i]);
    return rows;
  }

  /** Runs a statement that returns no rows; returns the number of rows it changed. */
  async run(sql: string, args: readonly SqlValue[]): Promise<number> {
    return (await this.#query(sql, args)).rowCount ?? 0;
  }

  /** Prisma's view of this session: its statements on this client, its BEGIN/COMMIT/ROLLBACK no-ops. */
  joined(adapter: SqlDriverAdapter): Transaction {
    if (this.#done) throw new Error('write session is finished');
    // The adapter's own query code (argument mapping, result types, error conversion) on this
    // session's client instead of the pool: an object whose prototype is the adapter.
    const queryable = Object.create(adapter, { client: { value: this.#client } }) as SqlDriverAdapter;
    return new JoinedPgTransaction(queryable);
  }

  async commit(): Promise<void> {
    if (this.#done) throw new Error('write session is finished');
    try {
      const r = await this.#client.query('COMMIT');
      // PostgreSQL answers COMMIT of a transaction that an error aborted (a failed statement
      // the command caught) with ROLLBACK: that write did not happen, and must not be acknowledged.
      if (r.command === 'ROLLBACK') throw new Error('the write transaction was aborted by an earlier failed statement and rolled back');
    } catch (err) {
      // A failed COMMIT has ended the transaction (or lost the connection): nothing was written.
      this.release(err);
      this.#fail(err);
    }
    this.release();
  }

  /** Rolls back and releases; never throws (a broken connection is discarded instead). */
  async rollback(): Promise<void> {
    if (this.#done) return;
    let err: unknown = this.#broken;
    if (!err) {
      try {
        await this.#client.query('ROLLBACK');
      } catch (e) {
        err = e;
      }
    }
    this.release(err);
  }

  /** Gives the client back to the pool; with an error, the pool discards it. Idempotent. */
  release(err?: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#client.removeListener('error', this.#onClientError);
    const broken = err ?? this.#broken;
    this.#client.release(broken ? (broken instanceof Error ? broken : new Error(String(broken))) : undefined);
  }
}

const NO_OPS = new Set(['BEGIN', 'COMMIT', 'ROLLBACK']);

/**
 * A Prisma transaction joined to a PgWriteSession: the session BEGINs, COMMITs, ROLLs BACK and
 * releases the client, so Prisma's own BEGIN/COMMIT/ROLLBACK are no-ops and commit()/rollback()
 * release nothing. If Prisma's side fails, the error reaches the command and the session rolls back.
 */
class JoinedPgTransaction implements Transaction {
  readonly options: TransactionOptions = { usePhantomQuery: false };
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  readonly #queryable: SqlDriverAdapter;

  constructor(queryable: SqlDriverAdapter) {
    this.#queryable = queryable;
    this.provider = queryable.provider;
    this.adapterName = queryable.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (NO_OPS.has(query.sql)) return Promise.resolve({ columnNames: [], columnTypes: [], rows: [] });
    return this.#queryable.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    if (NO_OPS.has(query.sql)) return Promise.resolve(0);
    return this.#queryable.executeRaw(query);
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
    await this.executeRaw({ sql: `ROLLBACK TO SAVEPOINT ${name}`, args: [], argTypes: [] });
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] });
  }
}

// The store behind each PostgreSQL writer client (src/db/postgres/clients.ts registers it).
const stores = new WeakMap<object, PgWriteStore>();

export function registerWriteStore(client: object, store: PgWriteStore): void {
  stores.set(client, store);
}

/** The write store of a PostgreSQL writer client, if it was made with `writer: true`. */
export function writeStoreOf(client: object): PgWriteStore | undefined {
  return stores.get(client);
}
