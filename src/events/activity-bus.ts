// Publish/subscribe for committed activity entries. Commands publish AFTER commit, so a
// rolled-back write publishes nothing. The interface is deliberately small so a Redis-backed
// bus can replace the in-process one when several replicas run.

export interface ActivityEvent {
  seq: number;
  id: string;
  subjectType: string;
  subjectId: string;
  activityType: string;
  description: string;
  details: string;
  actor: string;
  createdAt: Date;
}

export type ActivityListener = (event: ActivityEvent) => void;

export interface ActivityBus {
  publish(event: ActivityEvent): void;
  /** Returns the function that removes the listener. */
  subscribe(listener: ActivityListener): () => void;
  listenerCount(): number;
}

export class InProcessActivityBus implements ActivityBus {
  readonly #listeners = new Set<ActivityListener>();

  publish(event: ActivityEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        // One broken subscriber must not stop delivery to the others.
        console.error('activity listener failed', err);
      }
    }
  }

  subscribe(listener: ActivityListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  listenerCount(): number {
    return this.#listeners.size;
  }
}
