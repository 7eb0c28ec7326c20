// One subscriber's stream of activity: replay from a cursor, then live, without gap or
// duplicate, with a bounded buffer.
//
// Why it is correct: we subscribe to the bus BEFORE the first replay query. Commands publish
// after commit, and one writer commits in seq order, so every entry is either
//   - committed before a replay page was read → returned by the replay query, or
//   - published after we subscribed          → in the live buffer,
// or both; entries with seq <= the last one delivered are dropped, which removes the overlap.
//
// Bounded memory: at most `maxQueued` live entries wait in memory. A burst beyond that (one
// large import commits thousands of entries at once) is not a reason to drop the client:
// the buffer is dropped instead and the feed reads on from the database, which holds every
// committed entry anyway. Only a consumer that makes no progress for `stallMs` while entries
// wait is closed, with a clear reason.
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
  /** Live entries kept in memory; beyond this the feed drops them and re-reads from the database. */
  maxQueued?: number;
  /** A consumer that takes nothing for this long while entries wait is cut off. */
  stallMs?: number;
  /** Called once when the consumer is cut off (the server closes the connection with a clear reason). */
  onOverflow?: (message: string) => void;
  replayPageSize?: number;
}

export class SlowConsumerError extends Error {
  constructor(readonly stalledMs: number) {
    super(`slow consumer: no activity entry taken for ${stalledMs} ms while more were waiting; reconnect with your last cursor to resume`);
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
  /** Last seq delivered (or the `after` cursor); null for a live-only feed that has delivered nothing. */
  #lastSeq: number | null;
  #lastProgressAt = Date.now();
  /** Times the live buffer was dropped; a replay page read before the last drop may miss entries. */
  #drops = 0;
  #done = false;
  #error: Error | null = null;
  #wake: (() => void) | null = null;
  #unsubscribe: (() => void) | null;

  constructor(options: FeedOptions) {
    this.#o = { maxQueued: 1000, stallMs: 30_000, replayPageSize: 200, onOverflow: undefined, ...options };
    this.#replaying = options.afterSeq !== null;
    this.#lastSeq = options.afterSeq;
    // Subscribe first: see the comment at the top of this file.
    this.#unsubscribe = options.bus.subscribe((event) => this.#push(event));
  }

  #push(event: ActivityEvent): void {
    if (this.#done || !matchesFilter(event, this.#o.filter)) return;
    const waiting = this.#live.length > 0 || this.#replaying;
    // The stall clock starts when something starts waiting, not at the last delivery: an
    // idle feed that gets two entries in a row is not stalled.
    if (!waiting) this.#lastProgressAt = Date.now();
    else if (Date.now() - this.#lastProgressAt > this.#o.stallMs) {
      const err = new SlowConsumerError(Date.now() - this.#lastProgressAt);
      this.#stop(err);
      this.#o.onOverflow?.(err.message);
      return;
    }
    if (this.#live.length >= this.#o.maxQueued) {
      // Forget the buffer and read on from the database (everything in it is committed).
      this.#lastSeq ??= this.#live[0]!.seq - 1;
      this.#live = [];
      this.#replaying = true;
      this.#drops += 1;
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
        const after = this.#lastSeq ?? 0;
        const drops = this.#drops;
        const page = await this.#o.replay(after, this.#o.filter, this.#o.replayPageSize);
        // The last page ends the replay, unless entries were dropped while it was read.
        if (page.length < this.#o.replayPageSize && drops === this.#drops) this.#replaying = false;
        this.#replayed = page.filter((e) => e.seq > after);
        continue;
      }
      const live = this.#live.shift();
      if (live) {
        if (this.#lastSeq !== null && live.seq <= this.#lastSeq) continue; // already delivered by the replay
        return this.#deliver(live);
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  #deliver(event: ActivityEvent): IteratorResult<ActivityEvent> {
    this.#lastSeq = event.seq;
    this.#lastProgressAt = Date.now();
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
