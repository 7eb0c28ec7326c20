// The gateway's local replica of PostgreSQL (scale-out milestone 2): a SQLite file with the
// embedded schema, kept current through logical replication, that this gateway's reads,
// full-text search and live subscriptions are served from.
//
// start(): resume the slot named from REPLICA_ID with the file as it is, or — no file, a file
// from another slot/server/database, or no slot — rebuild: drop the slot, create it again
// with an exported snapshot, copy every published table into a new file, and move it into
// place. Then the stream runs in the background (reconnecting with backoff) until close().
//
// Acknowledgements: only what the file has committed (./apply.ts), so a crash re-sends and
// nothing is lost or applied twice.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../db/migrate.ts';
import type { AppliedTransaction, LocalReplicaHandle, ReplicaStatus } from '../db/local-replica.ts';
import type { Logger } from '../logger.ts';
import { Applier, type AppliedCommit } from './apply.ts';
import { plainClient, replicationClient } from './connections.ts';
import { formatLsn, type Lsn, parseLsn } from './lsn.ts';
import { AppliedActivityProgress } from './progress.ts';
import { ensurePublication, PUBLICATION } from './publication.ts';
import { ReplicaFile, type ReplicaIdentity } from './replica-file.ts';
import { dropSlot, findSlot } from './slots.ts';
import { createSlotAndCopy } from './snapshot.ts';
import { ReplicationStream } from './stream.ts';

export interface LocalReplicaOptions {
  url: string;
  slot: string;
  file: string;
  synchronous: 'FULL' | 'NORMAL';
  busyTimeoutMs: number;
  logger: Logger;
  /** How often the replica reports its position to the server (and asks for the server's). */
  statusIntervalMs?: number;
}

const APPLICATION_NAME = 'opsgraph-replica';

export class LocalReplica implements LocalReplicaHandle {
  readonly file: string;
  readonly #o: LocalReplicaOptions;
  readonly #listeners = new Set<(applied: AppliedTransaction) => void>();
  // Waiters for a server position (catchUp); resolved as `processed` passes them.
  readonly #positionWaiters = new Set<{ at: Lsn; resolve: (ok: boolean) => void }>();
  #progress: AppliedActivityProgress | null = null;
  #replicaFile: ReplicaFile | null = null;
  #applier: Applier | null = null;
  #stream: ReplicationStream | null = null;
  #streaming = false;
  #loop: Promise<void> | null = null;
  #startTarget: Lsn = 0n;
  #caughtUp = false;
  #behindSince: number | null = null;
  #error: string | null = null;
  #closed = false;
  #status: pg.Pool | null = null;
  // Cuts the stream loop's backoff short on close().
  #wake: () => void = () => {};

  constructor(o: LocalReplicaOptions) {
    this.#o = o;
    this.file = o.file;
  }

  get progress(): AppliedActivityProgress {
    if (!this.#progress) throw new Error('the replica has not started');
    return this.#progress;
  }

  /** Resumes or rebuilds the file, then starts the stream. Resolves once reads can be served. */
  async start(): Promise<{ rebuilt: boolean; rows?: number }> {
    const { url, slot, logger } = this.#o;
    const identity = await identify(url, slot);
    const admin = plainClient(url, APPLICATION_NAME);
    await admin.connect();
    let rebuilt = false;
    let rows: number | undefined;
    try {
      const existing = await findSlot(admin, slot);
      const meta = this.#readMeta();
      const resumable =
        meta !== null &&
        meta.slot === identity.slot &&
        meta.systemId === identity.systemId &&
        meta.database === identity.database &&
        existing !== null &&
        existing.database === identity.database &&
        existing.plugin === 'pgoutput';
      let resumed = false;
      if (resumable) {
        // This gateway's version may bring new SQLite migrations.
        await applyMigrations(this.file, { log: (m) => logger.info(m) });
        const file = this.#open(this.file);
        const tables = await ensurePublication(admin, file.tables());
        if (sameTables(tables, meta.tables)) {
          this.#replicaFile = file;
          resumed = true;
          logger.info({ slot, at: formatLsn(meta.lsn) }, 'replica: resuming from the stored position');
        } else {
          // A table joined the publication after this file's snapshot: its older rows were never copied.
          file.close();
          logger.info({ slot, tables, copied: meta.tables }, 'replica: the published tables changed since the snapshot; rebuilding');
        }
      }
      if (!resumed) {
        const reason = !meta ? 'no usable replica file' : !existing ? 'no slot' : resumable ? 'new tables' : 'the file belongs to another slot, server or database';
        logger.info({ slot, file: this.file, reason }, 'replica: building from a snapshot');
        if (existing) await dropSlot(admin, slot);
        rows = await this.#rebuild(admin, identity);
        rebuilt = true;
      }
    } finally {
      await admin.end();
    }
    const file = this.#replicaFile!;
    const meta = file.meta()!;
    this.#progress = new AppliedActivityProgress(file.maxActivitySeq());
    this.#applier = new Applier(file, meta.lsn, {
      committed: (c) => this.#committed(c),
      progressed: (position, reply) => this.#progressed(position, reply),
    });
    this.#status = new pg.Pool({ connectionString: url, max: 2, application_name: 'opsgraph-replica-status' });
    this.#status.on('error', () => {});
    this.#startTarget = await this.#serverLsn();
    this.#caughtUp = reached(meta.lsn, this.#startTarget);
    this.#loop = this.#streamLoop();
    return { rebuilt, rows };
  }

  onApplied(listener: (applied: AppliedTransaction) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async catchUp(timeoutMs: number): Promise<boolean> {
    // With the stream down nothing would arrive: answer at once rather than hold every write
    // for the whole bound (/readyz reports the outage).
    if (this.#closed || this.#down()) return false;
    let target: Lsn;
    try {
      target = await this.#serverLsn();
    } catch {
      return false;
    }
    return this.#waitForPosition(target, timeoutMs);
  }

  async showsPosition(position: number, timeoutMs: number): Promise<boolean> {
    const progress = this.#progress;
    if (progress && progress.applied() >= position) return true;
    if (!progress || this.#closed || this.#down()) return false;
    return progress.waitFor(position, timeoutMs).then(
      () => true,
      () => false,
    );
  }

  async status(): Promise<ReplicaStatus> {
    const applier = this.#applier;
    const processed = applier?.processed ?? 0n;
    let serverLsn: Lsn | null = null;
    try {
      serverLsn = await this.#serverLsn();
    } catch {
      /* reported as unknown */
    }
    const lagBytes = serverLsn === null ? null : Number(serverLsn > processed ? serverLsn - processed : 0n);
    if (lagBytes === 0) this.#behindSince = null;
    else if (lagBytes !== null) this.#behindSince ??= Date.now();
    return {
      slot: this.#o.slot,
      streaming: this.#streaming,
      caughtUp: this.#caughtUp,
      appliedLsn: formatLsn(applier?.applied ?? 0n),
      processedLsn: formatLsn(processed),
      serverLsn: serverLsn === null ? null : formatLsn(serverLsn),
      lagBytes,
      lagSeconds: this.#behindSince === null ? 0 : (Date.now() - this.#behindSince) / 1000,
      appliedSeq: this.#progress?.applied() ?? 0,
      error: this.#error,
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const w of this.#positionWaiters) w.resolve(false);
    this.#positionWaiters.clear();
    await this.#stream?.stop();
    this.#wake();
    await this.#loop;
    this.#replicaFile?.close();
    await this.#status?.end().catch(() => {});
  }

  // ---------------------------------------------------------------- start-up

  #readMeta() {
    if (!fs.existsSync(this.file)) return null;
    try {
      const f = new ReplicaFile(this.file, this.#o);
      try {
        return f.meta();
      } finally {
        f.close();
      }
    } catch (err) {
      this.#o.logger.warn({ err, file: this.file }, 'replica: the file cannot be read; rebuilding it');
      return null;
    }
  }

  #open(file: string): ReplicaFile {
    return new ReplicaFile(file, this.#o);
  }

  /** A new file next to the old one, moved into place only once the copy has committed. */
  async #rebuild(admin: pg.Client, identity: ReplicaIdentity): Promise<number> {
    const building = `${this.file}.building`;
    for (const f of [this.file, building]) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(f + suffix, { force: true });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    await applyMigrations(building, { log: (m) => this.#o.logger.debug(m) });
    const file = this.#open(building);
    let rows: number;
    try {
      const tables = await ensurePublication(admin, file.tables());
      const copied = await createSlotAndCopy(this.#o.url, identity, tables, file);
      rows = copied.rows;
      this.#o.logger.info({ slot: identity.slot, rows, at: formatLsn(copied.consistentPoint) }, 'replica: snapshot copied');
    } finally {
      file.close();
    }
    fs.renameSync(building, this.file);
    this.#replicaFile = this.#open(this.file);
    return rows;
  }

  // ---------------------------------------------------------------- the stream

  async #streamLoop(): Promise<void> {
    let backoffMs = 200;
    while (!this.#closed) {
      const applier = this.#applier!;
      const stream = new ReplicationStream(this.#o.url, this.#o.slot, PUBLICATION, applier);
      this.#stream = stream;
      const interval = this.#o.statusIntervalMs ?? 1000;
      let lastSent = 0;
      const ticker = setInterval(() => {
        // Often while someone waits (start-up, a write waiting to be visible), else once per interval.
        if (!this.#caughtUp || this.#positionWaiters.size > 0 || Date.now() - lastSent >= interval) {
          lastSent = Date.now();
          stream.acknowledge(applier.processed, true);
        }
      }, 100);
      ticker.unref();
      try {
        await stream.run(applier.applied, () => {
          this.#streaming = true;
          this.#error = null;
          this.#progress!.streamDown(false);
          backoffMs = 200;
          stream.acknowledge(applier.processed, true);
        });
      } catch (err) {
        if (!this.#closed) {
          this.#error = (err as Error).message;
          this.#o.logger.warn({ err, slot: this.#o.slot }, 'replica: the replication stream failed; reconnecting');
        }
      } finally {
        clearInterval(ticker);
        this.#streaming = false;
        if (this.#down()) {
          for (const w of this.#positionWaiters) w.resolve(false);
          this.#positionWaiters.clear();
          // Writes waiting to show their commit position, too (else each holds its response
          // for the whole bound: 10 s in Database.write, then 5 s in the commit-position plugin).
          this.#progress!.streamDown(true);
        }
        applier.reset();
        await stream.stop();
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      backoffMs = Math.min(backoffMs * 2, 5000);
    }
  }

  /** The last attempt to stream failed (not: still connecting for the first time). */
  #down(): boolean {
    return !this.#streaming && this.#error !== null;
  }

  #committed(c: AppliedCommit): void {
    if (c.activitySeq > 0) this.#progress!.advance(c.activitySeq);
    const applied: AppliedTransaction = { activitySeq: c.activitySeq, delayMs: Math.max(0, Date.now() - Number(c.commitTimeUs / 1000n)) };
    for (const listener of this.#listeners) {
      try {
        listener(applied);
      } catch (err) {
        this.#o.logger.warn({ err }, 'replica: an applied-transaction listener failed');
      }
    }
  }

  #progressed(position: Lsn, reply: boolean): void {
    if (!this.#caughtUp && reached(position, this.#startTarget)) {
      this.#caughtUp = true;
      this.#o.logger.info({ slot: this.#o.slot, at: formatLsn(position) }, 'replica: caught up');
    }
    for (const w of this.#positionWaiters) {
      if (reached(position, w.at)) {
        this.#positionWaiters.delete(w);
        w.resolve(true);
      }
    }
    if (reply) this.#stream?.acknowledge(position);
  }

  #waitForPosition(at: Lsn, timeoutMs: number): Promise<boolean> {
    if (reached(this.#applier?.processed ?? 0n, at)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiter = {
        at,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.#positionWaiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.#positionWaiters.add(waiter);
      // Ask the server where it is now, rather than wait for the next tick.
      this.#stream?.acknowledge(this.#applier?.processed ?? 0n, true);
    });
  }

  async #serverLsn(): Promise<Lsn> {
    // The insert position: it covers every commit that has returned, even with
    // synchronous_commit=off (whose commits reach the flush position up to wal_writer_delay later).
    const r = await this.#status!.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    return parseLsn(r.rows[0]!.lsn);
  }
}

function sameTables(a: readonly string[], b: readonly string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/**
 * Has `position` (a record boundary the replica has processed) reached the server's insert
 * position `target`? The insert position can lie just past a WAL page header (24 bytes) that
 * no record occupies yet; no commit record fits in those bytes, so within them is there.
 */
function reached(position: Lsn, target: Lsn): boolean {
  return position + PAGE_HEADER_BYTES >= target;
}

const PAGE_HEADER_BYTES = 24n;

/** IDENTIFY_SYSTEM: which server and database this replica copies. */
async function identify(url: string, slot: string): Promise<ReplicaIdentity> {
  const c = replicationClient(url, APPLICATION_NAME);
  await c.connect();
  try {
    const r = await c.query<{ systemid: string; dbname: string }>('IDENTIFY_SYSTEM');
    return { slot, systemId: String(r.rows[0]!.systemid), database: String(r.rows[0]!.dbname) };
  } finally {
    await c.end();
  }
}
