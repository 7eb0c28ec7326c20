// SQLite work for backups that must not run on the server's event loop. better-sqlite3 is
// synchronous: `VACUUM INTO` of a large database or `PRAGMA integrity_check` would freeze
// every request (and every write) for its whole duration. In a worker thread, on its own
// connection, it only holds a WAL read snapshot: writers carry on committing meanwhile.
//
// The worker is an "eval" worker with plain JavaScript (same reason as src/db/migrate.ts: it
// runs unchanged under tsx, vitest and a bundle), started per job; a backup is rare.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface SnapshotFacts {
  /** "ok" or the first problems integrity_check reported. */
  integrity: string;
  /** Latest applied migration in the copy (its schema version); null if it has none. */
  schemaVersion: string | null;
  sqliteVersion: string;
  /** Highest activity seq in the copy: how far the snapshot reaches. */
  lastActivitySeq: number | null;
}

const WORKER_SOURCE = /* js */ `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const { op, source, target } = workerData;
try {
  if (op === 'snapshot') {
    // A separate read-only connection: VACUUM INTO reads one consistent snapshot (a WAL read
    // transaction) and writes a compact copy; the server's writer is never locked out.
    const src = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
    try { src.prepare('VACUUM INTO ?').run(target); } finally { src.close(); }
  }
  const file = op === 'snapshot' ? target : source;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = db.prepare('PRAGMA integrity_check(20)').pluck().all();
    const hasTable = (name) => Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
    const schemaVersion = hasTable('_prisma_migrations')
      ? db.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1').pluck().get() ?? null
      : null;
    const lastActivitySeq = hasTable('ActivityLogEntry') ? db.prepare('SELECT max(seq) FROM ActivityLogEntry').pluck().get() ?? null : null;
    parentPort.postMessage({ ok: true, facts: {
      integrity: problems.join('; '),
      schemaVersion,
      sqliteVersion: db.prepare('SELECT sqlite_version()').pluck().get(),
      lastActivitySeq,
    } });
  } finally { db.close(); }
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
}
`;

function run(workerData: { op: 'snapshot' | 'inspect'; source: string; target?: string }): Promise<SnapshotFacts> {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { ...workerData, betterSqlite3 } });
    let settled = false;
    worker.once('message', (m: { ok: boolean; facts?: SnapshotFacts; message?: string }) => {
      settled = true;
      if (m.ok) resolve(m.facts!);
      else reject(new Error(m.message));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`sqlite worker exited with code ${code}`));
    });
  });
}

/** `VACUUM INTO target` from a separate connection, then checks the copy. */
export function snapshotDatabase(source: string, target: string): Promise<SnapshotFacts> {
  return run({ op: 'snapshot', source, target });
}

/** integrity_check, schema version and SQLite version of a database file (opened read-only). */
export function inspectDatabase(file: string): Promise<SnapshotFacts> {
  return run({ op: 'inspect', source: file });
}
