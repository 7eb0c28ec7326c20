// "One writer, many readers" (DESIGN.md). The better-sqlite3 adapter has ONE connection and
// a plain query on it runs inside whatever transaction is open at that moment, so:
//   - `reader` is a separate read-only connection; queries never see uncommitted writes;
//   - the writer is private and used only through `write()`, which runs one transaction at
//     a time (FIFO) and then the after-commit hooks of that transaction.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { sqliteAdapterFactory } from './sqlite.ts';

export type Tx = Prisma.TransactionClient;
export type Reader = PrismaClient;

/** Work to run only once the transaction has committed (publish events, delete blobs). */
export type AfterCommit = (task: () => unknown | Promise<unknown>) => void;

export interface WriteOptions {
  /** Upper bound for the transaction itself; large imports raise it. */
  timeoutMs?: number;
}

export interface DatabaseOptions {
  file: string;
  synchronous?: 'FULL' | 'NORMAL';
  busyTimeoutMs?: number;
  onAfterCommitError?: (err: unknown) => void;
}

export class Database {
  readonly file: string;
  readonly reader: Reader;
  readonly #writer: PrismaClient;
  #tail: Promise<unknown> = Promise.resolve();
  #pendingWrites = 0;
  #closed = false;
  readonly #onAfterCommitError: (err: unknown) => void;

  constructor(o: DatabaseOptions) {
    this.file = path.resolve(o.file);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const common = { file: this.file, synchronous: o.synchronous ?? 'FULL', busyTimeoutMs: o.busyTimeoutMs ?? 5000 };
    // The writer connects first so the database file and WAL mode exist before the reader
    // (which is opened read-only and must find the file) connects.
    this.#writer = new PrismaClient({ adapter: sqliteAdapterFactory({ ...common, readonly: false }) });
    this.reader = new PrismaClient({ adapter: sqliteAdapterFactory({ ...common, readonly: true }) });
    this.#onAfterCommitError = o.onAfterCommitError ?? ((err) => console.error('after-commit task failed', err));
  }

  async connect(): Promise<void> {
    await this.#writer.$connect();
    await this.#writer.$queryRawUnsafe('SELECT 1');
    await this.reader.$connect();
    await this.reader.$queryRawUnsafe('SELECT 1');
  }

  /**
   * Runs `fn` in one write transaction, after every earlier write has finished. If `fn`
   * throws, the transaction rolls back and no after-commit task runs. After-commit tasks
   * run in order once the commit is durable; their failures are logged, never thrown,
   * because the write they follow has already been acknowledged.
   */
  write<T>(fn: (tx: Tx, afterCommit: AfterCommit) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('database is closed'));
    this.#pendingWrites += 1;
    const run = async (): Promise<T> => {
      const tasks: Array<() => unknown> = [];
      try {
        const result = await this.#writer.$transaction((tx) => fn(tx, (task) => tasks.push(task)), {
          maxWait: 60_000,
          timeout: options.timeoutMs ?? 30_000,
        });
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
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every write queued so far has finished (graceful shutdown, restore). */
  async drain(): Promise<void> {
    while (this.#pendingWrites > 0) await this.#tail;
  }

  /** Raw SQL on the writer, for maintenance that must not run inside a transaction (VACUUM). */
  maintenance<T>(fn: (writer: PrismaClient) => Promise<T>): Promise<T> {
    const run = () => fn(this.#writer);
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.drain();
    await this.reader.$disconnect();
    await this.#writer.$disconnect();
  }
}
