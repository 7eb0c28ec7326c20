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
  it('a consumer that stops reading is cut off at the limit, with a reason, and unsubscribed', async () => {
    const bus = new InProcessActivityBus();
    const reasons: string[] = [];
    const feed = new ActivityFeed({ bus, filter: {}, afterSeq: null, replay: async () => [], maxQueued: 10, onOverflow: (r) => reasons.push(r) });
    for (let seq = 1; seq <= 11; seq++) bus.publish(event(seq));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/slow consumer: more than 10/);
    expect(bus.listenerCount()).toBe(0);
    await expect(feed.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect((await feed.next()).done).toBe(true);
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
