// ReplicaProgress (src/db/commit-position.ts) for the local replica: the highest
// ActivityLogEntry.seq committed to the replica file. Seqs are commit-ordered and gapless on
// PostgreSQL, so reaching N means every transaction up to N is visible to local reads.
import { ReplicaBehindError, type ReplicaProgress } from '../db/commit-position.ts';

export class AppliedActivityProgress implements ReplicaProgress {
  #applied: number;
  readonly #waiting = new Set<{ position: number; resolve: () => void }>();

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

  waitFor(position: number, timeoutMs: number): Promise<void> {
    if (this.#applied >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
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
