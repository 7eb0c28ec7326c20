// ReplicaProgress (src/db/commit-position.ts) for the modes where reads see every commit at
// once, so there is nothing to wait for but the commit itself.
//  - Embedded SQLite: reads and writes are one file. `applied()` is the AUTOINCREMENT
//    high-water mark of ActivityLogEntry (sqlite_sequence: committed with the entry, rolled
//    back with it, and kept by a restore — src/backup/restore.ts — so it never goes down).
//    A client asking for a position no one has written yet waits for that commit (another
//    process on the same file, say) until its timeout.
//  - PostgreSQL without a local replica (one-shot CLI commands): reads run on PostgreSQL
//    itself, which has every committed position, so waits end at once. Gateways on
//    PostgreSQL use the replica's progress instead (src/replica/progress.ts).
import { type ReplicaProgress, ReplicaBehindError } from './commit-position.ts';

export interface CaughtUpProgressOptions {
  /** The highest position reads can see now. */
  applied(): number;
  /** Calls `wake` after each commit this process learns of; returns the unsubscribe. */
  onCommit(wake: () => void): () => void;
}

export class CaughtUpProgress implements ReplicaProgress {
  readonly #o: CaughtUpProgressOptions;
  #high = 0;

  constructor(o: CaughtUpProgressOptions) {
    this.#o = o;
  }

  applied(): number {
    // Monotonic, and a read that fails for a moment (a restore swapping the file) keeps the last value.
    try {
      this.#high = Math.max(this.#high, this.#o.applied());
    } catch {
      /* keep the last value */
    }
    return this.#high;
  }

  waitFor(position: number, timeoutMs: number): Promise<void> {
    if (this.applied() >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        unsubscribe();
        if (err) reject(err);
        else resolve();
      };
      const unsubscribe = this.#o.onCommit(() => {
        if (this.applied() >= position) done();
      });
      const timer = setTimeout(() => done(new ReplicaBehindError(position, this.applied(), timeoutMs)), timeoutMs);
      timer.unref?.();
      // A commit between the first check and the subscription.
      if (this.applied() >= position) done();
    });
  }
}

/** Embedded mode: the position is what the read connection sees in sqlite_sequence. */
export function embeddedProgress(sqliteHighWater: () => number, onCommit: CaughtUpProgressOptions['onCommit']): ReplicaProgress {
  return new CaughtUpProgress({ applied: sqliteHighWater, onCommit });
}

/**
 * PostgreSQL without a local replica (one-shot CLI commands): reads are on PostgreSQL, which
 * holds every commit, so waitFor() never waits. `applied()`
 * reports the highest position this process has committed itself.
 */
export function postgresReadsProgress(onCommitted: (listener: (position: number) => void) => () => void): ReplicaProgress {
  let high = 0;
  onCommitted((position) => {
    if (position > high) high = position;
  });
  return {
    applied: () => high,
    waitFor: () => Promise.resolve(),
  };
}
