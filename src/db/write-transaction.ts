// The `tx` a command receives from Database.write(). The write's transaction is opened by the
// writer connection itself (WriterConnection.begin(): lock, BEGIN IMMEDIATE); Prisma's
// interactive transaction, which costs more CPU than the two or three INSERTs of a typical
// write (a transaction id, timers, an AbortController, its query interpreter per statement),
// is opened only when the command first uses a Prisma method on `tx`, and then joins that
// same SQLite transaction. Hot paths (activity entries, createUseCase) write with
// insertRow(), which runs a cached prepared statement and never needs Prisma at all.
import type { PrismaClient, Prisma } from '../generated/prisma/client.ts';
import type { SqlValue, WriteSession } from './writer-connection.ts';

type Tx = Prisma.TransactionClient;

interface WriteState {
  session: WriteSession;
  lazy: LazyPrismaTransaction;
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
export function writeTransaction(session: WriteSession, lazy: LazyPrismaTransaction): Tx {
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
  states.set(tx, { session, lazy });
  return tx;
}

const insertSql = new Map<string, string>();

/**
 * INSERTs one row inside the current write without Prisma's query pipeline, and returns the
 * `returning` column of the new row (e.g. an autoincrement `seq`). Values are stored as
 * Prisma stores them (Dates as ISO text, booleans as 0/1), so Prisma and the read model read
 * the row back unchanged. Identifiers are quoted, values are always bound parameters.
 * Outside a Database.write() transaction it falls back to Prisma's raw query on `tx`.
 */
export async function insertRow(tx: Tx, table: string, row: Record<string, SqlValue>, returning?: string): Promise<unknown> {
  const columns = Object.keys(row);
  const shape = `${table}\u0000${columns.join('\u0000')}\u0000${returning ?? ''}`;
  let sql = insertSql.get(shape);
  if (!sql) {
    const q = (id: string) => `"${id.replaceAll('"', '""')}"`;
    sql = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${returning ? ` RETURNING ${q(returning)}` : ''}`;
    if (insertSql.size < 256) insertSql.set(shape, sql);
  }
  const values = columns.map((c) => row[c] ?? null);
  const state = states.get(tx);
  if (state) return returning ? state.session.run(sql, values)?.[returning] : (state.session.run(sql, values), undefined);
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, ...values);
  return returning ? rows[0]?.[returning] : undefined;
}
