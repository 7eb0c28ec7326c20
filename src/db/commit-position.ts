// Commit positions (scale-out milestone 2, read-your-writes).
//
// A commit position is the highest activity `seq` a transaction wrote. Every write records an
// activity entry, and on both stores seqs are handed out in commit order with no gaps:
//   - SQLite: the single writer's AUTOINCREMENT;
//   - PostgreSQL: a one-row counter ("ActivitySequence") incremented under its row lock when
//     the transaction records its first entry, so the lock is held until COMMIT and a later
//     seq can never commit before an earlier one (a plain sequence would allow that).
// So "the replica has applied position N" means "every transaction up to seq N is visible
// locally", and the same N means the same thing on every gateway.
//
// `ReplicaProgress` is what the HTTP layer waits on. Embedded mode: reads see every commit
// at once, so it is always caught up. PostgreSQL mode: the local replica (src/replica/)
// reports what it has applied.

export interface ReplicaProgress {
  /** Highest commit position visible to local reads. */
  applied(): number;
  /**
   * Resolves once `applied() >= position`; rejects with ReplicaBehindError after
   * `timeoutMs`. Resolves at once when already there.
   */
  waitFor(position: number, timeoutMs: number): Promise<void>;
}

export class ReplicaBehindError extends Error {
  readonly code = 'REPLICA_BEHIND';
  constructor(
    readonly position: number,
    readonly applied: number,
    readonly timeoutMs: number,
  ) {
    super(`the local replica has applied position ${applied}, not yet ${position}, after waiting ${timeoutMs} ms; retry`);
  }
}
