// PostgreSQL mode: live subscribers are fed by the local replica only.
//
// The command's own after-commit publish is dropped. It would race the replica: entry N+1
// published in process while the replica has not yet applied N (another gateway's commit)
// would make the sequenced bus skip N for good. Instead the replica calls poll() right after
// each upstream transaction it applies, and the SequencedActivityBus
// (./external-commits.ts) reads what is new from the replica file, in seq order. So every
// gateway delivers the same entries in the same order, each once, and only once they are
// readable locally (a subscriber can fetch what it is told about).
import type { ActivityBus, ActivityEvent, ActivityListener } from './activity-bus.ts';
import type { SequencedActivityBus } from './external-commits.ts';

export class ReplicaFedActivityBus implements ActivityBus {
  constructor(readonly sequenced: SequencedActivityBus) {}

  publish(_event: ActivityEvent): void {
    // The replica delivers it once applied (see above).
  }

  subscribe(listener: ActivityListener): () => void {
    return this.sequenced.subscribe(listener);
  }

  listenerCount(): number {
    return this.sequenced.listenerCount();
  }

  /** The replica applied a transaction: deliver what it added. */
  poll(): void {
    if (this.sequenced.listenerCount() > 0) this.sequenced.poll();
  }

  close(): void {
    this.sequenced.close();
  }
}
