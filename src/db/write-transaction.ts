// The `tx` a command receives from Database.write(). The write's transaction is opened by the
// writer connection itself (WriterConnection.begin(): lock, BEGIN IMMEDIATE); Prisma's
// interactive transaction, which costs more CPU than the two or three INSERTs of a typical
// write (a transaction id, timers, an AbortController, its query interpreter per statement),
// is opened only when the command first uses a Prisma method on `tx`, and then joins that
// same SQLite transaction. Hot paths (activity entries, createUseCase) write with
// insertRow(), which runs a cached prepared statement and never needs Prisma at all.
// On PostgreSQL the same: the write's transaction is a PgWriteSession on a pooled pg client
// (src/db/postgres/write-session.ts), and Prisma, if used, joins it there.
import type { PrismaClient, Prisma } from '../generated/prisma/client.ts';
import type { PgWriteSession } from './postgres/write-session.ts';
import type { SqlValue, WriteSession } from './writer-connection.ts';

type Tx = Prisma.TransactionClient;

interface WriteState {
  // SQLite's session answers at once, PostgreSQL's with a promise: the helpers await either.
  session: WriteSession | PgWriteSession;
  lazy: LazyPrismaTransaction;
  postgres: boolean;
}

const states = new WeakMap<object, WriteState>();

/** Rejects Prisma's parked callback when the write fails, so Prisma rolls back its side. */
const ABORTED = Symbol('write aborted');

/** Prisma's interactive transaction, opened on first use and kept open until finish(). */
export class LazyPrismaTransaction {
  readonly #client: PrismaClient;
  readonly #options: { maxWait: number; timeout: number };
  #opening: Promise<Tx> | null = null;
  #settle: ((ok: boolean) => void) | null = null;
  #done: Promise<unknown> | null = null;

  constructor(client: PrismaClient, options: { maxWait: number; timeout: number }) {
    this.#client = client;
    this.#options = options;
  }

  open(): Promise<Tx> {
    this.#opening ??= new Promise<Tx>((resolve, reject) => {
      const parked = new Promise<void>((res, rej) => (this.#settle = (ok) => (ok ? res() : rej(ABORTED))));
      // Nobody may be waiting on `parked` yet when the write fails before Prisma calls back.
      parked.catch(() => undefined);
      this.#done = this.#client.$transaction((tx) => {
        resolve(tx);
        return parked;
      }, this.#options);
      this.#done.catch(reject);
    });
    return this.#opening;
  }

  /** Ends Prisma's side (its COMMIT/ROLLBACK are no-ops on the joined transaction). */
  async finish(ok: boolean): Promise<void> {
    if (!this.#done) return;
    this.#settle?.(ok);
    try {
      await this.#done;
    } catch (err) {
      // Prisma's own failure (e.g. its transaction timed out) fails a write that was about to commit.
      if (ok && err !== ABORTED) throw err;
    }
  }
}

function deferred(open: () => Promise<Tx>, key: string): unknown {
  if (key.startsWith('$')) return (...args: unknown[]) => open().then((t) => (t as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!(...args));
  // A model delegate: tx.useCase.update(…) and the like.
  return new Proxy(
    {},
    {
      get(_target, method) {
        if (typeof method === 'symbol' || method === 'then') return undefined;
        return (...args: unknown[]) =>
          open().then((t) => (t as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[key]![method]!(...args));
      },
    },
  );
}

/** The `tx` for one write: Prisma's TransactionClient API, backed by the session. */
export function writeTransaction(session: WriteSession | PgWriteSession, lazy: LazyPrismaTransaction, backend: 'sqlite' | 'postgresql' = 'sqlite'): Tx {
  const open = () => lazy.open();
  const members = new Map<string, unknown>();
  const tx = new Proxy(
    {},
    {
      get(_target, key) {
        // Not a thenable (so `await`ing it or returning it from an async function is harmless).
        if (typeof key === 'symbol' || key === 'then') return undefined;
        let member = members.get(key);
        if (member === undefined) members.set(key, (member = deferred(open, key)));
        return member;
      },
    },
  ) as Tx;
  states.set(tx, { session, lazy, postgres: backend === 'postgresql' });
  return tx;
}

// Outside a write session (a caller's own Prisma transaction on the SQLite writer, as tests
// use) the helpers run through Prisma's raw queries. On PostgreSQL there is no such case: a
// Prisma transaction on the writer outside Database.write() is refused
// (src/db/postgres/write-session.ts), so every PostgreSQL write runs on its session.
const rawRows = (tx: Tx, sql: string, values: unknown[]) => tx.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, ...values);
const rawRun = (tx: Tx, sql: string, values: unknown[]) => tx.$executeRawUnsafe(sql, ...values);

// SQL text by statement shape, so the writer connection's statement cache sees the same text.
const sqlByShape = new Map<string, string>();
const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;

function sqlFor(shape: string, build: () => string): string {
  let sql = sqlByShape.get(shape);
  if (!sql) {
    sql = build();
    if (sqlByShape.size < 256) sqlByShape.set(shape, sql);
  }
  return sql;
}

const equals = (columns: string[]) => columns.map((c) => `${quote(c)} = ?`).join(' AND ');

/**
 * INSERTs one row inside the current write without Prisma's query pipeline, and returns the
 * `returning` column of the new row (e.g. an autoincrement `seq`). Values are stored as
 * Prisma stores them (Dates as ISO text, booleans as 0/1), so Prisma and the read model read
 * the row back unchanged. Identifiers are quoted, values are always bound parameters.
 * Inside Database.write() they run on the write's session (SQLite's connection, or the
 * PostgreSQL session's pg client, which binds `$1, $2, …`); outside it, on a caller's own
 * Prisma transaction on SQLite, through Prisma's raw queries.
 */
export async function insertRow(tx: Tx, table: string, row: Record<string, SqlValue>, returning?: string): Promise<unknown> {
  const columns = Object.keys(row);
  const sql = sqlFor(`i\u0000${table}\u0000${columns.join('\u0000')}\u0000${returning ?? ''}`, () =>
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${returning ? ` RETURNING ${quote(returning)}` : ''}`,
  );
  const values = columns.map((c) => row[c] ?? null);
  const state = states.get(tx);
  if (!returning) {
    if (state) await state.session.run(sql, values);
    else await rawRun(tx, sql, values);
    return undefined;
  }
  const first = state ? await state.session.get(sql, values) : (await rawRows(tx, sql, values))[0];
  return first?.[returning];
}

/** The first row matching `where` (column = value, all of them), with `columns` as stored. */
export async function selectRow(tx: Tx, table: string, columns: string[], where: Record<string, SqlValue>): Promise<Record<string, unknown> | undefined> {
  const keys = Object.keys(where);
  const sql = sqlFor(`s\u0000${table}\u0000${columns.join('\u0000')}\u0000${keys.join('\u0000')}`, () =>
    `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE ${equals(keys)} LIMIT 1`,
  );
  const values = keys.map((k) => where[k] ?? null);
  const state = states.get(tx);
  return state ? await state.session.get(sql, values) : (await rawRows(tx, sql, values))[0];
}

/** Every row matching `where` (column = value; nothing: the whole table), each as an array of `columns` as stored. */
export async function selectRows(tx: Tx, table: string, columns: string[], where: Record<string, SqlValue> = {}): Promise<unknown[][]> {
  const keys = Object.keys(where);
  const sql = sqlFor(`a\u0000${table}\u0000${columns.join('\u0000')}\u0000${keys.join('\u0000')}`, () =>
    `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}${keys.length ? ` WHERE ${equals(keys)}` : ''}`,
  );
  const values = keys.map((k) => where[k] ?? null);
  const state = states.get(tx);
  if (state) return await state.session.all(sql, values);
  const rows = await rawRows(tx, sql, values);
  return rows.map((r) => columns.map((c) => r[c]));
}

/**
 * INSERTs `row`, or, when a row with the same `key` columns exists, sets the `update` columns
 * of that row to the new values (INSERT … ON CONFLICT … DO UPDATE).
 */
export async function upsertRow(tx: Tx, table: string, row: Record<string, SqlValue>, key: string[], update: string[]): Promise<void> {
  await upsertRows(tx, table, [row], key, update);
}

/**
 * upsertRow() for many rows of the same columns (those of the first row): the statement is
 * built and looked up once, and the rows run one after another without a promise each.
 */
export async function upsertRows(tx: Tx, table: string, rows: ReadonlyArray<Record<string, SqlValue>>, key: string[], update: string[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const sql = sqlFor(`p\u0000${table}\u0000${columns.join('\u0000')}\u0000${key.join('\u0000')}\u0000${update.join('\u0000')}`, () =>
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})` +
    ` ON CONFLICT (${key.map(quote).join(', ')}) DO UPDATE SET ${update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`,
  );
  const state = states.get(tx);
  for (const row of rows) {
    const values = columns.map((c) => row[c] ?? null);
    if (state) await state.session.run(sql, values);
    else await rawRun(tx, sql, values);
  }
}

/** UPDATEs the rows matching `where` (column = value, all of them); returns how many changed. */
export async function updateRows(tx: Tx, table: string, set: Record<string, SqlValue>, where: Record<string, SqlValue>): Promise<number> {
  const columns = Object.keys(set);
  const keys = Object.keys(where);
  const sql = sqlFor(`u\u0000${table}\u0000${columns.join('\u0000')}\u0000${keys.join('\u0000')}`, () =>
    `UPDATE ${quote(table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${equals(keys)}`,
  );
  const values = [...columns.map((c) => set[c] ?? null), ...keys.map((k) => where[k] ?? null)];
  const state = states.get(tx);
  return state ? await state.session.run(sql, values) : rawRun(tx, sql, values);
}

// ------------------------------------------------------------------ activity entries

// The highest activity seq each write transaction has recorded so far: its commit position
// (src/db/commit-position.ts), which Database.write reports once the transaction has committed.
const positions = new WeakMap<object, number>();

/** The commit position of the write `tx` (the highest activity seq it recorded), or 0 if it recorded none. */
export function commitPositionOf(tx: Tx): number {
  return positions.get(tx) ?? 0;
}

/**
 * INSERTs an activity entry (`row` without its seq) and returns the seq it was given. Seqs are
 * commit positions: handed out in commit order, with no gaps.
 *  - SQLite: the AUTOINCREMENT column. There is one writer at a time, so the order it
 *    assigns is the order of the commits, and a rollback also rolls back sqlite_sequence.
 *  - PostgreSQL: a SERIAL would hand out numbers at INSERT time, so a later seq could commit
 *    first. Instead the entry takes the next value of the one-row "ActivitySequence" counter
 *    (a PostgreSQL-only table, prisma/postgres/migrations/…_activity_sequence): the UPDATE's
 *    row lock is held until COMMIT or ROLLBACK, so every other transaction that records
 *    activity waits there, and gets the next number only once this one is visible (or,
 *    rolled back, has given its number back). One statement, one round trip.
 */
export async function insertActivityEntry(tx: Tx, row: Record<string, SqlValue>): Promise<number> {
  let seq: number;
  const state = states.get(tx);
  if (state?.postgres) {
    const columns = Object.keys(row);
    const sql = sqlFor(`activity\u0000${columns.join('\u0000')}`, () => {
      let n = 0;
      return (
        'WITH next AS (UPDATE "ActivitySequence" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value") ' +
        `INSERT INTO "ActivityLogEntry" ("seq", ${columns.map(quote).join(', ')}) ` +
        `SELECT next."value", ${columns.map(() => `$${++n}`).join(', ')} FROM next RETURNING "seq"`
      );
    });
    const values = columns.map((c) => row[c] ?? null);
    const first = await state.session.get(sql, values);
    if (!first) throw new Error('PostgreSQL: the "ActivitySequence" counter row is missing (run `opsgraph migrate`)');
    seq = Number(first.seq);
  } else {
    seq = Number(await insertRow(tx, 'ActivityLogEntry', row, 'seq'));
  }
  positions.set(tx, Math.max(seq, positions.get(tx) ?? 0));
  return seq;
}
