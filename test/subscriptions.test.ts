// Subscription.activityAdded over a real server: graphql-ws on ws://…/graphql and SSE on the
// same path. Writes go through the real mutations; nothing is mocked.
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordActivity, SYSTEM_ACTOR } from '../src/commands/command-context.ts';
import { ActivityAddedDocument, ActivityPageDocument, CreateUseCaseDocument } from './generated/graphql.ts';
import { startTestServer, type TestRole, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

interface Entry {
  id: string;
  cursor: string;
  activityType: string;
  description: string;
}

// Every test ends with its clients gone; the bus must have no listener left behind.
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await waitFor(() => t.server.services.bus.listenerCount() === 0).catch(() => {
    throw new Error(`${t.server.services.bus.listenerCount()} activity listener(s) leaked`);
  });
});

const wsUrl = () => t.url.replace(/^http/, 'ws');
const clients: Client[] = [];

function connect(role: TestRole | 'anonymous' | string = 'viewer', extra: Partial<Parameters<typeof createClient>[0]> = {}): Client {
  const key = role === 'anonymous' ? undefined : (t.keys as Record<string, string>)[role] ?? role;
  const client = createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: true,
    ...extra,
  });
  clients.push(client);
  return client;
}

/** Subscribes and collects entries; `until(n)` resolves once n have arrived. */
function subscribe(client: Client, variables: { after?: string; filter?: { subjectId?: string; types?: string[] } } = {}) {
  const received: Entry[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let failure: unknown = null;
  const stop = client.subscribe<{ activityAdded: Entry }>(
    { query: print(ActivityAddedDocument), variables },
    {
      next: (msg) => {
        if (msg.errors) failure = msg.errors;
        if (msg.data) received.push(msg.data.activityAdded);
        for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
      },
      error: (err) => {
        failure = err;
      },
      complete: () => {},
    },
  );
  return {
    received,
    stop,
    error: () => failure,
    until: (n: number, timeoutMs = 10_000) =>
      new Promise<Entry[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${received.length} of ${n} entries; error: ${JSON.stringify(failure)}`)), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(received.slice(0, n));
        };
        if (received.length >= n) done();
        else waiters.push({ n, resolve: done });
      }),
  };
}

async function createUseCases(n: number, prefix: string): Promise<void> {
  const editor = t.client('editor');
  for (let i = 0; i < n; i++) {
    const res = await editor.request(CreateUseCaseDocument, { input: { name: `${prefix} ${i}`, teamEmail: 'ml@example.com' } });
    expect(res.createUseCase.__typename).toBe('CreateUseCasePayload');
  }
}

/** Entries committed after `after`, oldest first, as the `activity` query sees them. */
async function committedAfter(after: string | undefined): Promise<Entry[]> {
  const all: Entry[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await t.client('viewer').request(ActivityPageDocument, { first: 100, after: cursor });
    for (const e of page.activity.edges) {
      if (e.cursor === after) return all.reverse();
      all.push(e.node as Entry);
    }
    if (!page.activity.pageInfo.hasNextPage) return all.reverse();
    cursor = page.activity.pageInfo.endCursor!;
  }
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function closeEvent(client: Client): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.on('closed', (e) => resolve(e as { code: number; reason: string })));
}

describe('activityAdded over graphql-ws', () => {
  it('replays exactly the 50 entries written while the client was away, in order, then goes live', async () => {
    const first = connect('viewer');
    const live = subscribe(first);
    await waitFor(() => t.server.services.bus.listenerCount() > 0);
    await createUseCases(1, 'before-disconnect');
    const [last] = await live.until(1);
    await first.dispose();

    await createUseCases(50, 'while-away');
    const expected = await committedAfter(last!.cursor);
    expect(expected).toHaveLength(50);

    const again = connect('viewer');
    const resumed = subscribe(again, { after: last!.cursor });
    const replayed = await resumed.until(50);
    expect(replayed.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(replayed.every((e) => e.description.includes('while-away'))).toBe(true);

    await createUseCases(1, 'after-reconnect');
    const [liveOne] = (await resumed.until(51)).slice(50);
    expect(liveOne!.description).toContain('after-reconnect');
    await sleep(150);
    expect(resumed.received).toHaveLength(51); // nothing twice
    await again.dispose();
  });

  it('20 writes racing a fresh subscription with `after`: no gap, no duplicate', async () => {
    await createUseCases(1, 'race-start');
    const [start] = (await committedAfter(undefined)).slice(-1);
    const editor = t.client('editor');
    // Start the writes, then subscribe while they are committing: some land before the
    // replay query, some during it, some after.
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i++) {
      writes.push(editor.request(CreateUseCaseDocument, { input: { name: `race ${i}`, teamEmail: 'ml@example.com' } }));
      if (i === 6) {
        await writes[3];
      }
    }
    const client = connect('viewer');
    const sub = subscribe(client, { after: start!.cursor });
    await Promise.all(writes);
    const got = await sub.until(20);
    const expected = await committedAfter(start!.cursor);
    expect(expected).toHaveLength(20);
    expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    await sleep(200);
    expect(sub.received).toHaveLength(20);
    await client.dispose();
  });

  it('filters by subject and type', async () => {
    const client = connect('viewer');
    const editor = t.client('editor');
    const made = await editor.request(CreateUseCaseDocument, { input: { name: 'filtered', teamEmail: 'ml@example.com' } });
    if (made.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error('create failed');
    const id = made.createUseCase.useCase.id;
    const sub = subscribe(client, { filter: { subjectId: id, types: ['use_case_updated'] } });
    await waitFor(() => t.server.services.bus.listenerCount() > 0);
    await createUseCases(3, 'other subject');
    await editor.request(
      `mutation { updateUseCase(input: {id: "${id}", name: "filtered, renamed"}) { __typename } }`,
    );
    const [entry] = await sub.until(1);
    expect(entry!.activityType).toBe('use_case_updated');
    await sleep(100);
    expect(sub.received).toHaveLength(1);
    await client.dispose();
  });

  it('a rolled-back write publishes nothing', async () => {
    const client = connect('viewer');
    const sub = subscribe(client);
    await waitFor(() => t.server.services.bus.listenerCount() > 0);
    const services = t.server.services;
    await expect(
      services.db.write(async (tx, afterCommit) => {
        await recordActivity(tx, afterCommit, { services, actor: SYSTEM_ACTOR }, {
          subjectType: 'Probe',
          subjectId: 'rolled-back',
          activityType: 'job_deleted',
          description: 'must never be seen (rolled-back probe)',
        });
        throw new Error('roll this back');
      }),
    ).rejects.toThrow('roll this back');
    await createUseCases(1, 'after-rollback');
    const [entry] = await sub.until(1);
    expect(entry!.description).toContain('after-rollback');
    const recent = await committedAfter(undefined);
    expect(recent.some((e) => e.description.includes('rolled-back probe'))).toBe(false);
    await client.dispose();
  });

  it('a viewer key can subscribe; no key or a bad key is closed with 4403 and a reason', async () => {
    const viewer = connect('viewer');
    const sub = subscribe(viewer);
    await waitFor(() => t.server.services.bus.listenerCount() > 0);
    await createUseCases(1, 'viewer-sees');
    await sub.until(1);
    await viewer.dispose();

    const anonymous = connect('anonymous');
    const closedAnon = closeEvent(anonymous);
    subscribe(anonymous);
    const anon = await closedAnon;
    expect(anon.code).toBe(4403);
    expect(anon.reason).toMatch(/authentication required/);

    const bad = connect('og_not_a_real_key_000000000000');
    const closedBad = closeEvent(bad);
    subscribe(bad);
    const badClose = await closedBad;
    expect(badClose.code).toBe(4403);
    expect(badClose.reason).toMatch(/invalid or revoked/);
  });

  it('answers pings (keep-alive) and closes protocol errors with graphql-ws codes', async () => {
    const raw = new WebSocket(wsUrl(), 'graphql-transport-ws');
    await new Promise((r) => raw.once('open', r));
    const messages: unknown[] = [];
    raw.on('message', (m) => messages.push(JSON.parse(String(m))));
    raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.keys.viewer}` } }));
    await waitFor(() => messages.some((m) => (m as { type: string }).type === 'connection_ack'));
    raw.send(JSON.stringify({ type: 'ping' }));
    await waitFor(() => messages.some((m) => (m as { type: string }).type === 'pong'));
    const closed = new Promise<number>((r) => raw.once('close', (code) => r(code)));
    raw.send('{"type":"nonsense"}');
    expect(await closed).toBe(4400);
  });

  it('subscribers sharing one execution each get a text frame with their own id and the whole payload', async () => {
    // The payload is serialized once per event for all of them (src/ws/shared-frames.ts);
    // each frame must still be exactly graphql-ws's message for that subscriber.
    const open = async (key: string) => {
      const raw = new WebSocket(wsUrl(), 'graphql-transport-ws');
      await new Promise((r) => raw.once('open', r));
      const frames: Array<{ text: string; binary: boolean }> = [];
      raw.on('message', (m, binary) => frames.push({ text: String(m), binary }));
      raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } }));
      await waitFor(() => frames.some((f) => f.text.includes('connection_ack')));
      return { raw, frames };
    };
    const viewer = await open(t.keys.viewer);
    const admin = await open(t.keys.admin);
    const query = print(ActivityAddedDocument);
    for (const id of ['a', 'b']) viewer.raw.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
    admin.raw.send(JSON.stringify({ id: 'z', type: 'subscribe', payload: { query } }));
    await waitFor(() => t.server.services.bus.listenerCount() === 3);
    await createUseCases(1, 'Shared frame');
    const nexts = (frames: Array<{ text: string; binary: boolean }>) => frames.filter((f) => f.text.includes('"next"'));
    await waitFor(() => nexts(viewer.frames).length === 2 && nexts(admin.frames).length === 1);
    const all = [...nexts(viewer.frames), ...nexts(admin.frames)];
    expect(all.every((f) => !f.binary)).toBe(true);
    const messages = all.map((f) => JSON.parse(f.text) as { id: string; type: string; payload: { data: { activityAdded: Entry } } });
    expect(messages.map((m) => m.id)).toEqual(['a', 'b', 'z']);
    const entry = messages[0]!.payload.data.activityAdded;
    expect(entry).toMatchObject({ activityType: 'use_case_created', description: expect.stringContaining('Shared frame 0') });
    for (const m of messages) expect(m).toEqual({ id: m.id, type: 'next', payload: { data: { activityAdded: entry } } });
    viewer.raw.close();
    admin.raw.close();
    await waitFor(() => t.server.services.bus.listenerCount() === 0);
  });

  it('listeners go back to zero when clients leave (also from a quiet feed)', async () => {
    expect(t.server.services.bus.listenerCount()).toBe(0);
    const a = connect('viewer');
    const b = connect('viewer');
    const subA = subscribe(a);
    subscribe(b, { filter: { types: ['nothing_ever_has_this_type'] } });
    subscribe(b);
    await waitFor(() => t.server.services.bus.listenerCount() === 3);
    subA.stop(); // complete one subscription; its feed is idle, waiting for an event
    await waitFor(() => t.server.services.bus.listenerCount() === 2);
    await b.dispose(); // close the socket with two subscriptions running
    await waitFor(() => t.server.services.bus.listenerCount() === 0);
    await a.dispose();
  });
});

describe('activityAdded over SSE', () => {
  async function sse(key: string | undefined, body: object) {
    return fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
  }

  it('streams entries to a viewer with the Authorization header, and refuses no key', async () => {
    const before = t.server.services.bus.listenerCount();
    const res = await sse(t.keys.viewer, { query: print(ActivityAddedDocument), variables: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await waitFor(() => t.server.services.bus.listenerCount() > before);
    await createUseCases(1, 'over-sse');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('over-sse')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toMatch(/event: next\ndata: .*over-sse/);
    await reader.cancel();
    await waitFor(() => t.server.services.bus.listenerCount() === before);

    const refused = await sse(undefined, { query: print(ActivityAddedDocument) });
    const refusedText = await refused.text();
    expect(refused.status === 401 || /authentication required/.test(refusedText)).toBe(true);
    expect(refusedText).toMatch(/authentication required/);
  });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});
