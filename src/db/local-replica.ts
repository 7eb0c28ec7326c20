// What the rest of the gateway sees of the local replica (src/replica/) in PostgreSQL mode:
// its progress for read-your-writes, its state for /readyz and /metrics, and the hook that
// lets a write wait until the replica shows it. An interface here, so services, readiness and
// metrics need not load the replica's modules (nor pg) in the embedded default.
import type { ReplicaProgress } from './commit-position.ts';

export interface ReplicaStatus {
  slot: string;
  /** The stream is connected and applying. */
  streaming: boolean;
  /** Has reached the server's WAL position of the moment it started (ready to serve). */
  caughtUp: boolean;
  /** End of the last upstream commit applied, "16/B374D848". */
  appliedLsn: string;
  /** Everything up to here is applied (or was nothing of opsgraph's). */
  processedLsn: string;
  /** The server's current WAL flush position; null when PostgreSQL did not answer. */
  serverLsn: string | null;
  /** WAL bytes between the server's position and `processedLsn` (null: unknown). */
  lagBytes: number | null;
  /** Seconds since the replica was last seen at the server's position (0: it is there). */
  lagSeconds: number;
  /** Highest ActivityLogEntry.seq applied locally (the commit position). */
  appliedSeq: number;
  /** Why the stream is not running, when it is not. */
  error: string | null;
}

export interface AppliedTransaction {
  /** Highest ActivityLogEntry.seq it inserted (0: none). */
  activitySeq: number;
  /** From its commit on PostgreSQL to its commit in the replica file (server and gateway clocks). */
  delayMs: number;
}

export interface LocalReplicaHandle {
  /** The SQLite file the gateway reads (read-only) as it reads the embedded file. */
  readonly file: string;
  readonly progress: ReplicaProgress;
  status(): Promise<ReplicaStatus>;
  /**
   * Resolves true once the replica has applied everything the server had committed when
   * called; false on timeout, or at once while the stream is down.
   */
  catchUp(timeoutMs: number): Promise<boolean>;
  /**
   * Resolves true once the replica has applied commit position `position` (an activity seq);
   * false on timeout, or at once while the stream is down.
   */
  showsPosition(position: number, timeoutMs: number): Promise<boolean>;
  /** Called right after each applied upstream transaction. Returns the unsubscribe. */
  onApplied(listener: (applied: AppliedTransaction) => void): () => void;
  close(): Promise<void>;
}
