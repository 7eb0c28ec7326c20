// The feed's own guarantees without a server: bounded buffer and prompt unsubscribe.
import { describe, expect, it } from 'vitest';
import { type ActivityEvent, InProcessActivityBus } from '../src/events/activity-bus.ts';
import { ActivityFeed, SlowConsumerError } from '../src/events/activity-feed.ts';

const event = (seq: number): ActivityEvent => ({
  seq,
  id: `e${seq}`,
  subjectType: 'UseCase',
  subjectId: 's',
  activityType: 't',
  description: '',
  details: '{}',
  actor: 'system',
  createdAt: new Date(),
});

describe('ActivityFeed', () => {
  it('a consumer that takes nothing for stallMs while entries wait is cut off, with a reason, and unsubscribed', async () => {
    const bus = new InProcessActivityBus();
    const reasons: string[] = [];
    const feed = new ActivityFeed({ bus, filter: {}, afterSeq: null, replay: async () => [], stallMs: 50, onOverflow: (r) => reasons.push(r) });
    bus.publish(event(1));
    bus.publish(event(2)); // waiting, but not for long: fine
    expect(reasons).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    bus.publish(event(3));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/slow consumer: no activity entry taken for \d+ ms/);
    expect(bus.listenerCount()).toBe(0);
    await expect(feed.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect((await feed.next()).done).toBe(true);
  });

  it('an idle feed is not mistaken for a stalled one', async () => {
    const bus = new InProcessActivityBus();
    const reasons: string[] = [];
    const feed = new ActivityFeed({ bus, filter: {}, afterSeq: null, replay: async () => [], stallMs: 20, onOverflow: (r) => reasons.push(r) });
    await new Promise((r) => setTimeout(r, 40));
    bus.publish(event(1));
    bus.publish(event(2));
    expect(reasons).toEqual([]);
    expect((await feed.next()).value.seq).toBe(1);
    await feed.return();
  });

  it('a burst larger than the buffer is read back from the database: memory bounded, nothing lost, nothing twice', async () => {
    const bus = new InProcessActivityBus();
    const committed: ActivityEvent[] = [];
    let maxPage = 0;
    const feed = new ActivityFeed({
      bus,
      filter: {},
      afterSeq: null,
      maxQueued: 10,
      replayPageSize: 7,
      replay: async (after, _f, limit) => {
        const page = committed.filter((e) => e.seq > after).slice(0, limit);
        maxPage = Math.max(maxPage, page.length);
        return page;
      },
    });
    const publish = (seq: number) => {
      committed.push(event(seq));
      bus.publish(committed.at(-1)!);
    };
    publish(1);
    expect((await feed.next()).value.seq).toBe(1);
    for (let seq = 2; seq <= 100; seq++) publish(seq); // one big commit: 99 entries at once
    const seen: number[] = [];
    while (seen.length < 99) seen.push((await feed.next()).value.seq);
    publish(101);
    seen.push((await feed.next()).value.seq);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(maxPage).toBeLessThanOrEqual(7);
    await feed.return();
  });

  it('return() unsubscribes while next() is waiting', async () => {
    const bus = new InProcessActivityBus();
    const feed = new ActivityFeed({ bus, filter: {}, afterSeq: null, replay: async () => [] });
    const pending = feed.next();
    expect(bus.listenerCount()).toBe(1);
    await feed.return();
    expect(bus.listenerCount()).toBe(0);
    expect((await pending).done).toBe(true);
  });

  it('drops live entries the replay already delivered', async () => {
    const bus = new InProcessActivityBus();
    const rows = [event(2), event(3)];
    const feed = new ActivityFeed({
      bus,
      filter: {},
      afterSeq: 1,
      replayPageSize: 10,
      // An entry committed (and published) while the replay query runs shows up in both.
      replay: async (after) => {
        bus.publish(event(3));
        return rows.filter((r) => r.seq > after);
      },
    });
    const seen: number[] = [];
    seen.push((await feed.next()).value.seq, (await feed.next()).value.seq);
    bus.publish(event(4));
    seen.push((await feed.next()).value.seq);
    expect(seen).toEqual([2, 3, 4]);
    await feed.return();
  });
});
