// One subscriber's stream of activity: replay from a cursor, then live, without gap or
// duplicate, with a bounded buffer.
//
// Why it is correct: we subscribe to the bus BEFORE the first replay query. Commands publish
// after commit, and one writer commits in seq order, so every entry is either
//   - committed before a replay page was read → returned by the replay query, or
//   - published after we subscribed          → in the live buffer,
// or both; entries with seq <= the last one delivered are dropped, which removes the overlap.
//
// Why not an async generator: a generator parked on `await nextEvent` cannot run its
// `finally` until that await settles, so a client that leaves a quiet feed would leave its
// listener on the bus until the next event. `return()` here unsubscribes at once.
import type { ActivityBus, ActivityEvent } from './activity-bus.ts';

export interface FeedFilter {
  /** Raw subject id (not the global id). */
  subjectId?: string;
  types?: string[];
}

/** Reads committed entries with seq > afterSeq in seq order (at most `limit`). */
export type ReplayPage = (afterSeq: number, filter: FeedFilter, limit: number) => Promise<ActivityEvent[]>;

export interface FeedOptions {
  bus: ActivityBus;
  filter: FeedFilter;
  /** Replay entries after this seq first; null = live only. */
  afterSeq: number | null;
  replay: ReplayPage;
  /** Live entries that may wait for a slow consumer before the feed gives up. */
  maxQueued?: number;
  /** Called once when the buffer overflows (the server closes the connection with a clear reason). */
  onOverflow?: (message: string) => void;
  replayPageSize?: number;
}

export class SlowConsumerError extends Error {
  constructor(readonly limit: number) {
    super(`slow consumer: more than ${limit} activity entries waiting to be sent; reconnect with your last cursor to resume`);
    this.name = 'SlowConsumerError';
  }
}

export function matchesFilter(event: ActivityEvent, filter: FeedFilter): boolean {
  if (filter.subjectId !== undefined && event.subjectId !== filter.subjectId) return false;
  if (filter.types?.length && !filter.types.includes(event.activityType)) return false;
  return true;
}

export class ActivityFeed implements AsyncIterableIterator<ActivityEvent> {
  readonly #o: Required<Omit<FeedOptions, 'onOverflow'>> & Pick<FeedOptions, 'onOverflow'>;
  #live: ActivityEvent[] = [];
  #replayed: ActivityEvent[] = [];
  #replaying: boolean;
  #lastSeq: number;
  #done = false;
  #error: Error | null = null;
  #wake: (() => void) | null = null;
  #unsubscribe: (() => void) | null;

  constructor(options: FeedOptions) {
    this.#o = { maxQueued: 1000, replayPageSize: 200, onOverflow: undefined, ...options };
    this.#replaying = options.afterSeq !== null;
    this.#lastSeq = options.afterSeq ?? 0;
    // Subscribe first: see the comment at the top of this file.
    this.#unsubscribe = options.bus.subscribe((event) => this.#push(event));
  }

  #push(event: ActivityEvent): void {
    if (this.#done || !matchesFilter(event, this.#o.filter)) return;
    if (this.#live.length >= this.#o.maxQueued) {
      const err = new SlowConsumerError(this.#o.maxQueued);
      this.#stop(err);
      this.#o.onOverflow?.(err.message);
      return;
    }
    this.#live.push(event);
    this.#wakeUp();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #stop(error: Error | null): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    this.#live = [];
    this.#replayed = [];
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#wakeUp();
  }

  async next(): Promise<IteratorResult<ActivityEvent>> {
    for (;;) {
      if (this.#done) {
        if (this.#error) {
          const err = this.#error;
          this.#error = null; // thrown once; afterwards the feed is simply finished
          throw err;
        }
        return { done: true, value: undefined };
      }
      const replayed = this.#replayed.shift();
      if (replayed) return this.#deliver(replayed);
      if (this.#replaying) {
        const page = await this.#o.replay(this.#lastSeq, this.#o.filter, this.#o.replayPageSize);
        if (page.length < this.#o.replayPageSize) this.#replaying = false;
        this.#replayed = page.filter((e) => e.seq > this.#lastSeq);
        continue;
      }
      const live = this.#live.shift();
      if (live) {
        if (live.seq <= this.#lastSeq) continue; // already delivered by the replay
        return this.#deliver(live);
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  #deliver(event: ActivityEvent): IteratorResult<ActivityEvent> {
    this.#lastSeq = event.seq;
    return { done: false, value: event };
  }

  async return(): Promise<IteratorResult<ActivityEvent>> {
    this.#stop(null);
    return { done: true, value: undefined };
  }

  async throw(err?: unknown): Promise<IteratorResult<ActivityEvent>> {
    this.#stop(null);
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
