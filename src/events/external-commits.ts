// Activity committed by OTHER processes on the same SQLite file (a CLI `jobs import` while
// the server runs, a second server) reaches this process's live subscribers too.
//
// The bus delivers every entry exactly once and in seq order, whoever committed it:
//   - `lastSeq` is the highest seq delivered; entries arrive from two places, the
//     in-process after-commit publish and a poll of the database, and anything at or below
//     `lastSeq` is dropped, so an entry seen by both goes out once;
//   - seqs are handed out in commit order by SQLite's single writer and never skipped by a
//     rollback, so an in-process entry above `lastSeq + 1` means another process committed
//     the ones in between: they are read (committed, so visible) and delivered first;
//   - while anyone is subscribed, `PRAGMA data_version` on the read connection is polled
//     every `pollMs` (a few microseconds, no table read); when it changes, some connection
//     committed, and the entries above `lastSeq` are read and delivered. Nobody subscribed,
//     nothing is polled.
// Reads are synchronous on the read-only connection (src/db/sql-reader.ts), in pages, so
// deliveries from the two places can never interleave.
import { AsyncResource } from 'node:async_hooks';
import type { ActivityBus, ActivityEvent, ActivityListener } from './activity-bus.ts';

/** Synchronous reads of the activity table on a read connection (src/db/activity-tail.ts). */
export interface ActivityTail {
  /** SQLite's data_version: changes when another connection commits. */
  dataVersion(): number;
  maxSeq(): number;
  /** Entries with seq > afterSeq (and < beforeSeq when given), in seq order, at most `limit`. */
  after(afterSeq: number, limit: number, beforeSeq?: number): ActivityEvent[];
}

export interface SequencedBusOptions {
  inner: ActivityBus;
  tail: ActivityTail;
  pollMs?: number;
  onError?: (err: unknown) => void;
}

const PAGE = 500;

export class SequencedActivityBus implements ActivityBus {
  readonly #inner: ActivityBus;
  readonly #tail: ActivityTail;
  readonly #pollMs: number;
  readonly #onError: (err: unknown) => void;
  #lastSeq: number | null = null;
  #dataVersion: number | null = null;
  #timer: NodeJS.Timeout | null = null;
  // The poll starts inside the first subscriber's request; it must not run (and count its
  // statements, src/db/sql-counter.ts) in that request's context, nor keep it alive.
  readonly #scope = new AsyncResource('opsgraph.activity-poll');

  constructor(o: SequencedBusOptions) {
    this.#inner = o.inner;
    this.#tail = o.tail;
    this.#pollMs = o.pollMs ?? 200;
    this.#onError = o.onError ?? ((err) => console.error('reading activity of other processes failed', err));
  }

  publish(event: ActivityEvent): void {
    if (this.#inner.listenerCount() === 0) {
      // Nobody to deliver to; the next first subscriber starts from the end of the table.
      this.#lastSeq = null;
      return;
    }
    if (this.#lastSeq !== null && event.seq <= this.#lastSeq) return; // the poll delivered it
    if (this.#lastSeq !== null && event.seq > this.#lastSeq + 1) {
      try {
        this.#catchUp(event.seq);
      } catch (err) {
        this.#onError(err);
      }
    }
    this.#deliver(event);
  }

  subscribe(listener: ActivityListener): () => void {
    if (this.#inner.listenerCount() === 0) this.#start();
    const unsubscribe = this.#inner.subscribe(listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      unsubscribe();
      if (this.#inner.listenerCount() === 0) this.#stop();
    };
  }

  listenerCount(): number {
    return this.#inner.listenerCount();
  }

  /** After a restore the table is another one: start again from its end. */
  resync(): void {
    this.#lastSeq = null;
    this.#dataVersion = null;
    if (this.#inner.listenerCount() > 0) this.#baseline();
  }

  /** Reads and delivers what other connections committed (the poll's tick; tests call it). */
  poll(): void {
    try {
      if (this.#lastSeq === null) this.#baseline();
      const version = this.#tail.dataVersion();
      if (version === this.#dataVersion) return;
      this.#dataVersion = version;
      this.#catchUp();
    } catch (err) {
      // The database may be being replaced (restore); the next tick tries again.
      this.#onError(err);
    }
  }

  close(): void {
    this.#stop();
  }

  #start(): void {
    try {
      this.#baseline();
    } catch (err) {
      this.#onError(err);
    }
    this.#timer ??= this.#scope.runInAsyncScope(() => setInterval(() => this.poll(), this.#pollMs).unref());
  }

  #stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#lastSeq = null;
    this.#dataVersion = null;
  }

  #baseline(): void {
    this.#dataVersion = this.#tail.dataVersion();
    this.#lastSeq = this.#tail.maxSeq();
  }

  /** Delivers the committed entries above lastSeq (below `beforeSeq` when given), in order. */
  #catchUp(beforeSeq?: number): void {
    for (;;) {
      if (this.#lastSeq === null) return;
      const page = this.#tail.after(this.#lastSeq, PAGE, beforeSeq);
      for (const e of page) this.#deliver(e);
      if (page.length < PAGE) return;
    }
  }

  #deliver(event: ActivityEvent): void {
    if (this.#lastSeq !== null && event.seq <= this.#lastSeq) return;
    this.#lastSeq = event.seq;
    this.#inner.publish(event);
  }
}
