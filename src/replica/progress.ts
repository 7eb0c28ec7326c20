// ReplicaProgress (src/db/commit-position.ts) for the local replica: the highest
// ActivityLogEntry.seq committed to the replica file. Seqs are commit-ordered and gapless on
// PostgreSQL, so reaching N means every transaction up to N is visible to local reads.
import { ReplicaBehindError, type ReplicaProgress } from '../db/commit-position.ts';

export class AppliedActivityProgress implements ReplicaProgress {
  #applied: number;
  readonly #waiting = new Set<{ position: number; resolve: () => void; reject: () => void }>();
  // The replication stream is down: nothing will arrive until it is back, so a wait would
  // only hold its caller (a mutation's response, a read-your-writes request) for its whole
  // bound. Waiters are released with REPLICA_BEHIND instead, as /readyz reports the outage.
  #streamDown = false;

  constructor(initial: number) {
    this.#applied = initial;
  }

  applied(): number {
    return this.#applied;
  }

  /** Called by the applier right after a commit that inserted activity up to `seq`. */
  advance(seq: number): void {
    if (seq <= this.#applied) return;
    this.#applied = seq;
    for (const w of this.#waiting) {
      if (w.position <= seq) {
        this.#waiting.delete(w);
        w.resolve();
      }
    }
  }

  /** The stream went down (true: release every waiter) or streams again (false). */
  streamDown(down: boolean): void {
    this.#streamDown = down;
    if (!down) return;
    for (const w of this.#waiting) w.reject();
    this.#waiting.clear();
  }

  waitFor(position: number, timeoutMs: number): Promise<void> {
    if (this.#applied >= position) return Promise.resolve();
    if (this.#streamDown) return Promise.reject(new ReplicaBehindError(position, this.#applied, 0));
    const began = Date.now();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: () => {
          clearTimeout(timer);
          reject(new ReplicaBehindError(position, this.#applied, Date.now() - began));
        },
      };
      const timer = setTimeout(() => {
        this.#waiting.delete(waiter);
        reject(new ReplicaBehindError(position, this.#applied, timeoutMs));
      }, timeoutMs);
      this.#waiting.add(waiter);
    });
  }
}
