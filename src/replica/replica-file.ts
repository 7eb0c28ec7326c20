// The replica's SQLite file, written only by the applier (this module); the gateway's reader
// and read model open the same file read-only (src/db/database.ts), as in embedded mode.
//
// The file has the embedded schema (the normal SQLite migrations ran on it), so FTS5 triggers
// fire as rows are applied. One extra table, `_opsgraph_replica`, holds where the file came
// from (slot, server, database) and the WAL position of the last upstream commit applied,
// written in the same SQLite transaction as that commit's rows: after a crash the position
// and the rows agree, and a re-sent commit at or below it is skipped.
//
// Foreign keys are OFF on this connection: PostgreSQL already enforced them, and its cascades
// (ON DELETE CASCADE / SET NULL) arrive in the stream as row changes of their own; letting
// SQLite cascade too would only run them twice.
import BetterSqlite3 from 'better-sqlite3';
import { formatLsn, type Lsn, parseLsn } from './lsn.ts';
import { quoteIdent } from './connections.ts';
import type { SqliteValue } from './values.ts';

export interface ReplicaIdentity {
  slot: string;
  /** IDENTIFY_SYSTEM's systemid: a file made from another server is never resumed. */
  systemId: string;
  database: string;
}

export interface ReplicaMeta extends ReplicaIdentity {
  /** End of the last upstream commit applied (or the snapshot's consistent point). */
  lsn: Lsn;
  /** The tables the snapshot copied: a table published later was never copied (rebuild). */
  tables: string[];
}

export type Row = Record<string, SqliteValue | undefined>;

const META = '_opsgraph_replica';
/** Tables of the SQLite schema that are not opsgraph's data (never published, never copied). */
const NOT_DATA = /^(sqlite_|_prisma_migrations$|_opsgraph_)|_fts(_|$)/;

export class ReplicaFile {
  readonly #db: BetterSqlite3.Database;
  readonly #columns = new Map<string, Set<string>>();
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  #maxSeqInTransaction = 0;

  constructor(
    readonly file: string,
    o: { synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number },
  ) {
    this.#db = new BetterSqlite3(file, { timeout: o.busyTimeoutMs });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`synchronous = ${o.synchronous}`);
    this.#db.pragma('foreign_keys = OFF');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS "${META}" (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      slot TEXT NOT NULL, systemId TEXT NOT NULL, database TEXT NOT NULL, lsn TEXT NOT NULL,
      tables TEXT NOT NULL, appliedAt TEXT NOT NULL)`);
    const tables = this.#db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    for (const t of tables) {
      if (NOT_DATA.test(t)) continue;
      const cols = this.#db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[];
      this.#columns.set(t, new Set(cols));
    }
  }

  /** opsgraph's data tables in this file (what the publication must contain). */
  tables(): string[] {
    return [...this.#columns.keys()].sort();
  }

  hasTable(name: string): boolean {
    return this.#columns.has(name);
  }

  meta(): ReplicaMeta | null {
    const row = this.#db.prepare(`SELECT slot, systemId, database, lsn, tables FROM "${META}" WHERE id = 1`).get() as
      | { slot: string; systemId: string; database: string; lsn: string; tables: string }
      | undefined;
    return row ? { ...row, lsn: parseLsn(row.lsn), tables: JSON.parse(row.tables) as string[] } : null;
  }

  maxActivitySeq(): number {
    if (!this.#columns.has('ActivityLogEntry')) return 0;
    return (this.#db.prepare(`SELECT max(seq) AS seq FROM "ActivityLogEntry"`).get() as { seq: number | null }).seq ?? 0;
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  begin(): void {
    this.#db.exec('BEGIN IMMEDIATE');
    this.#maxSeqInTransaction = 0;
  }

  /**
   * Commits the open transaction together with the position it reaches. Returns the highest
   * ActivityLogEntry.seq it inserted (0: none).
   */
  commit(position: Lsn, origin?: ReplicaIdentity & { tables: readonly string[] }): number {
    const now = new Date().toISOString();
    if (origin) {
      this.#statement(`INSERT OR REPLACE INTO "${META}" (id, slot, systemId, database, lsn, tables, appliedAt) VALUES (1, ?, ?, ?, ?, ?, ?)`).run(
        origin.slot,
        origin.systemId,
        origin.database,
        formatLsn(position),
        JSON.stringify([...origin.tables].sort()),
        now,
      );
    } else {
      const changed = this.#statement(`UPDATE "${META}" SET lsn = ?, appliedAt = ? WHERE id = 1`).run(formatLsn(position), now).changes;
      if (changed !== 1) throw new Error('the replica file has no origin row; it must be rebuilt');
    }
    this.#db.exec('COMMIT');
    return this.#maxSeqInTransaction;
  }

  rollback(): void {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
  }

  insert(table: string, row: Row): void {
    const cols = this.#known(table, row);
    if (!cols) return;
    const sql = `INSERT INTO ${quoteIdent(table)} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    this.#statement(sql).run(...cols.map((c) => row[c] as SqliteValue));
    if (table === 'ActivityLogEntry' && typeof row.seq === 'number' && row.seq > this.#maxSeqInTransaction) this.#maxSeqInTransaction = row.seq;
  }

  update(table: string, key: Row, row: Row): void {
    const cols = this.#known(table, row);
    const keys = this.#known(table, key);
    if (!cols || !keys || keys.length === 0) return;
    const sql = `UPDATE ${quoteIdent(table)} SET ${cols.map((c) => `${quoteIdent(c)} = ?`).join(', ')} WHERE ${keys.map((k) => `${quoteIdent(k)} = ?`).join(' AND ')}`;
    this.#statement(sql).run(...cols.map((c) => row[c] as SqliteValue), ...keys.map((k) => key[k] as SqliteValue));
  }

  delete(table: string, key: Row): void {
    const keys = this.#known(table, key);
    if (!keys || keys.length === 0) return;
    this.#statement(`DELETE FROM ${quoteIdent(table)} WHERE ${keys.map((k) => `${quoteIdent(k)} = ?`).join(' AND ')}`).run(...keys.map((k) => key[k] as SqliteValue));
  }

  truncate(table: string): void {
    if (this.#columns.has(table)) this.#db.exec(`DELETE FROM ${quoteIdent(table)}`);
  }

  close(): void {
    this.#statements.clear();
    if (this.#db.open) {
      this.rollback();
      this.#db.close();
    }
  }

  /**
   * The row's columns that this file's table has, or null for a table it does not have
   * (PostgreSQL may carry a table or column newer than this gateway's schema; it is left out).
   * Undefined values (an unchanged TOASTed column in an UPDATE) are left out too.
   */
  #known(table: string, row: Row): string[] | null {
    const columns = this.#columns.get(table);
    if (!columns) return null;
    return Object.keys(row).filter((c) => columns.has(c) && row[c] !== undefined);
  }

  #statement(sql: string): BetterSqlite3.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }
}
