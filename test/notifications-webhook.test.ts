// Signed webhooks from the outbox, against a real HTTP receiver on loopback, through the real
// gateway: the receiver verifies the signature (with its own code, as the README shows),
// answers 500 twice then 200, and the delivery is recorded once as delivered after 3 attempts.
// Then the SSRF policy: schemes, credentials, private and special ranges (by literal and by
// what a name resolves to), the host allow-list, redirects; an unreachable receiver; and two
// dispatchers on one database never delivering the same row twice.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity, SYSTEM_ACTOR } from '../src/commands/command-context.ts';
import { Dispatcher } from '../src/notifications/dispatcher.ts';
import { openServices } from '../src/services.ts';
import { createUseCase, FAST_OUTBOX, NOTIFICATION_FIELDS, notificationsOf, settled, transition, waitFor, type NotificationView } from './support/notifications.ts';
import { freePort } from './support/s3-server.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const SECRET = 'whsec_test_0123456789abcdef';

interface Call {
  path: string;
  delivery: string;
  event: string;
  body: string;
  verified: boolean;
}

/** The receiver side, written as a user would: verify, refuse replays, then act. */
function verify(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const ts = String(headers['x-opsgraph-timestamp'] ?? '');
  const sig = String(headers['x-opsgraph-signature'] ?? '');
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
  return sig.length === expected.length && crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected));
}

async function startReceiver(answer: (call: Call, n: number) => { status: number; headers?: Record<string, string> }, delayMs = 0) {
  const calls: Call[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const call: Call = { path: req.url ?? '', delivery: String(req.headers['x-opsgraph-delivery']), event: String(req.headers['x-opsgraph-event']), body, verified: verify(SECRET, req.headers, body) };
      calls.push(call);
      const n = calls.filter((c) => c.delivery === call.delivery).length;
      const a = answer(call, n);
      setTimeout(() => res.writeHead(a.status, a.headers).end('ok'), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return { calls, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const CREATE = `mutation W($input: CreateWebhookInput!) { createWebhook(input: $input) {
  __typename ... on CreateWebhookPayload { secret webhook { id url events } } ... on DomainError { message } ... on ValidationError { field } } }`;
type CreateResult = { createWebhook: { __typename: string; secret?: string; webhook?: { id: string; url: string; events: string[] }; message?: string; field?: string } };

describe('webhooks (real HTTP receiver, real gateway)', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    // 500, 500, then 200 for each delivery id on /hook; /redirect answers 302.
    receiver = await startReceiver((call, n) =>
      call.path === '/redirect' ? { status: 302, headers: { location: `http://127.0.0.1/hook` } } : { status: n <= 2 ? 500 : 200 },
    );
    t = await startTestServer({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', ...FAST_OUTBOX });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('signs each call, retries 500s, and records the delivery once, after 3 attempts', async () => {
    const admin = t.client('admin');
    const created = await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ['state_changed'], secret: SECRET } });
    expect(created.createWebhook.__typename).toBe('CreateWebhookPayload');
    expect(created.createWebhook.secret).toBe(SECRET);

    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Hooked');
    expect(await transition(editor, id, 'AWAITING_CONFIG', 'go')).toBe('TransitionUseCasePayload');
    const n = await settled(editor, id, 'WEBHOOK');
    // Below admin a webhook target shows only its origin (such URLs often carry a token).
    expect(n).toMatchObject({ status: 'DELIVERED', attempts: 3, target: `http://127.0.0.1:${receiver.port}` });
    const full = await notificationsOf(t.client('admin'), id);
    expect(full[0]!.target).toBe(`http://127.0.0.1:${receiver.port}/hook`);
    expect(n.history.map((h) => h.outcome)).toEqual(['RETRY', 'RETRY', 'DELIVERED']);
    expect(n.history[0]!.error).toBe('HTTP 500');

    const calls = receiver.calls.filter((c) => c.delivery === n.idempotencyKey);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.verified && c.event === 'state_changed')).toBe(true);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1); // the same body every time
    const body = JSON.parse(calls[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ activityType: 'state_changed', subjectType: 'UseCase', details: { from: 'TEMPLATE_GENERATION', to: 'AWAITING_CONFIG', notes: 'go' } });
    expect(body.id).toBe(Buffer.from(n.source!.id, 'base64url').toString().split(':').pop());

    // A tampered body or another secret does not verify.
    expect(verify('another-secret-000000', { 'x-opsgraph-timestamp': String(Math.floor(Date.now() / 1000)), 'x-opsgraph-signature': 'sha256=00' }, calls[0]!.body)).toBe(false);

    const r = await editor.request<{ activity: { edges: Array<{ node: { activityType: string; subject: { id: string } | null } }> } }>(
      `{ activity(filter: { types: ["notification_delivered"] }, first: 100) { edges { node { activityType subject { id } } } } }`,
    );
    expect(r.activity.edges.filter((e) => e.node.subject?.id === n.id)).toHaveLength(1);
  });

  it('webhooks, deleteWebhook and its notifications are admin-only and stop further calls', async () => {
    const admin = t.client('admin');
    const list = await admin.request<{ webhooks: Array<{ id: string; url: string; events: string[]; notifications: { edges: unknown[] } }> }>(
      `{ webhooks { id url events notifications { edges { node { id } } } } }`,
    );
    expect(list.webhooks).toHaveLength(1);
    expect(list.webhooks[0]!.notifications.edges.length).toBeGreaterThanOrEqual(1);
    const denied = await t.client('viewer').request(`{ webhooks { id } }`).catch((e: Error) => e);
    expect(String(denied)).toMatch(/needs a higher role/);

    const del = await admin.request<{ deleteWebhook: { __typename: string } }>(
      `mutation D($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { __typename } }`,
      { input: { id: list.webhooks[0]!.id } },
    );
    expect(del.deleteWebhook.__typename).toBe('DeleteWebhookPayload');
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'After delete');
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    expect(await notificationsOf(editor, id)).toEqual([]);
  });

  it('refuses non-http schemes, credentials, and private/special addresses that are not allowed', async () => {
    const admin = t.client('admin');
    const refused = async (url: string) => {
      const r = await admin.request<CreateResult>(CREATE, { input: { url, events: ['state_changed'] } });
      return r.createWebhook;
    };
    for (const url of [
      `ftp://127.0.0.1:${receiver.port}/x`,
      'file:///etc/passwd',
      'gopher://example.com/',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data/',
      `http://127.0.0.2:${receiver.port}/`, // only 127.0.0.1 is allowed
      `http://[::1]:${receiver.port}/`,
      `http://[::ffff:10.0.0.1]/`,
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      `http://user:pw@127.0.0.1:${receiver.port}/hook`,
      'not a url',
    ]) {
      const r = await refused(url);
      expect(r.__typename, url).toBe('ValidationError');
      expect(r.field, url).toBe('url');
    }
    const unknownEvent = await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ['everything'] } });
    expect(unknownEvent.createWebhook.field).toBe('events');
    const editorTry = await t.client('editor').request(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ['state_changed'] } }).catch((e: Error) => e);
    expect(String(editorTry)).toMatch(/needs a higher role/);
  });

  it('does not follow a redirect', async () => {
    const admin = t.client('admin');
    const created = await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/redirect`, events: ['state_changed'], secret: SECRET } });
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Redirected');
    await transition(editor, id, 'AWAITING_CONFIG');
    const n = await waitFor('a failed attempt', async () => {
      const x = (await notificationsOf(editor, id)).find((y) => y.channel === 'WEBHOOK');
      return x && x.attempts >= 1 ? x : undefined;
    });
    expect(n.lastError).toMatch(/HTTP 302 \(redirect to http:\/\/127\.0\.0\.1\/hook not followed\)/);
    const hits = receiver.calls.filter((c) => c.delivery === n.idempotencyKey);
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits.every((c) => c.path === '/redirect')).toBe(true);
    await admin.request(`mutation D($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { __typename } }`, { input: { id: created.createWebhook.webhook!.id } });
  });

  it('an unreachable receiver: the write succeeds at once and the call waits to be retried', async () => {
    const admin = t.client('admin');
    const port = await freePort();
    const created = await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${port}/down`, events: ['state_changed'] } });
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Receiver down');
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    const n = await waitFor('retries', async () => {
      const x = (await notificationsOf(editor, id))[0];
      return x && x.attempts >= 2 ? x : undefined;
    });
    expect(n.status).toBe('PENDING');
    expect(n.lastError).toMatch(/ECONNREFUSED/);
    await admin.request(`mutation D($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { __typename } }`, { input: { id: created.createWebhook.webhook!.id } });
  });
});

describe('webhooks: the resolved address is checked, not just the name', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    t = await startTestServer({ ...FAST_OUTBOX }); // no private address allowed
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('a name that resolves to loopback is accepted as text but refused at delivery, and nothing is sent', async () => {
    const admin = t.client('admin');
    const literal = await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ['state_changed'] } });
    expect(literal.createWebhook.__typename).toBe('ValidationError');
    const named = await admin.request<CreateResult>(CREATE, { input: { url: `http://localhost:${receiver.port}/hook`, events: ['state_changed'] } });
    expect(named.createWebhook.__typename).toBe('CreateWebhookPayload');
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Rebound');
    await transition(editor, id, 'AWAITING_CONFIG');
    const n = await settled(editor, id, 'WEBHOOK');
    expect(n.status).toBe('FAILED');
    expect(n.attempts).toBe(1); // refused for good, not retried
    expect(n.lastError).toMatch(/loopback\/private\/special range/);
    expect(receiver.calls).toHaveLength(0);
  });
});

describe('webhooks: WEBHOOK_ALLOWED_HOSTS', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ WEBHOOK_ALLOWED_HOSTS: 'hooks.example.com,*.ci.example.org', WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  it('only the listed hosts may be called', async () => {
    const admin = t.client('admin');
    const create = (url: string) => admin.request<CreateResult>(CREATE, { input: { url, events: ['model_version_promoted'] } }).then((r) => r.createWebhook);
    expect((await create('http://127.0.0.1:9/hook')).message).toMatch(/not in WEBHOOK_ALLOWED_HOSTS/);
    expect((await create('https://evil.example.com/hook')).__typename).toBe('ValidationError');
    expect((await create('https://hooks.example.com/hook')).__typename).toBe('CreateWebhookPayload');
    expect((await create('https://build.ci.example.org/hook')).__typename).toBe('CreateWebhookPayload');
    const s = await admin.request<{ notificationSettings: { webhookAllowedHosts: string[] } }>(`{ notificationSettings { webhookAllowedHosts } }`);
    expect(s.notificationSettings.webhookAllowedHosts).toEqual(['hooks.example.com', '*.ci.example.org']);
  });
});

describe('two dispatchers on one database', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    // Slow answers, so both dispatchers have rows in flight at the same time.
    receiver = await startReceiver(() => ({ status: 200 }), 150);
    t = await startTestServer({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', NOTIFY_CONCURRENCY: '2', ...FAST_OUTBOX });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('never deliver the same row: each delivery id reaches the receiver exactly once', async () => {
    // The second "process": its own connections to the same database file, its own dispatcher.
    const other = await openServices(t.server.services.config, { skipMigrations: true, logger: t.server.services.logger });
    const second = new Dispatcher(other).start();
    try {
      const admin = t.client('admin');
      await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ['state_changed'], secret: SECRET } });
      const editor = t.client('editor');
      const ids = [];
      for (let i = 0; i < 12; i++) ids.push(await createUseCase(editor, `Parallel ${i}`));
      await Promise.all(ids.map((id) => transition(editor, id, 'AWAITING_CONFIG')));
      const all = await waitFor('all delivered', async () => {
        const r = await editor.request<{ notifications: { edges: Array<{ node: NotificationView }> } }>(
          `{ notifications(filter: { channel: WEBHOOK }, first: 100) { edges { node { ${NOTIFICATION_FIELDS} } } } }`,
        );
        const list = r.notifications.edges.map((e) => e.node);
        return list.length === 12 && list.every((n) => n.status === 'DELIVERED') ? list : undefined;
      });
      const perDelivery = new Map<string, number>();
      for (const c of receiver.calls) perDelivery.set(c.delivery, (perDelivery.get(c.delivery) ?? 0) + 1);
      expect(perDelivery.size).toBe(12);
      expect([...perDelivery.values()].every((v) => v === 1)).toBe(true);
      expect(all.every((n) => n.attempts === 1 && n.history.length === 1)).toBe(true);
      const workers = new Set(all.map((n) => n.history[0]!.worker));
      expect(workers.has(second.worker)).toBe(true);
      expect(workers.size).toBe(2);
    } finally {
      await second.stop();
      await other.close();
    }
  });
});

describe('webhooks: the model registry (a CI job reacting to a promotion)', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    t = await startTestServer({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', ...FAST_OUTBOX });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('registering and promoting versions calls the webhook; the model lists its notifications', async () => {
    const admin = t.client('admin');
    await admin.request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/ci`, events: ['model_version_registered', 'model_version_promoted'], secret: SECRET } });
    const register = `mutation ($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) {
      __typename ... on RegisterModelVersionPayload { model { id } version { id } } } }`;
    type Reg = { registerModelVersion: { __typename: string; model: { id: string }; version: { id: string } } };
    const editor = t.client('editor');
    const v1 = await editor.request<Reg>(register, { input: { sensorId: 'hook-sensor', modelType: 'lstm', dataHash: 'abcdef1001', validationMetrics: { validation_performed: true, r2_score: 0.9 } } });
    const v2 = await editor.request<Reg>(register, { input: { sensorId: 'hook-sensor', modelType: 'lstm', dataHash: 'abcdef1002', validationMetrics: { validation_performed: true, r2_score: 0.95 } } });
    expect(v2.registerModelVersion.__typename).toBe('RegisterModelVersionPayload');
    const promoted = await editor.request<{ promoteModelVersion: { __typename: string } }>(
      `mutation ($input: PromoteModelVersionInput!) { promoteModelVersion(input: $input) { __typename } }`,
      { input: { id: v1.registerModelVersion.version.id } },
    );
    expect(promoted.promoteModelVersion.__typename).toBe('PromoteModelVersionPayload');

    const modelId = v1.registerModelVersion.model.id;
    const list = await waitFor('three delivered', async () => {
      const r = await editor.request<{ node: { notifications: { edges: Array<{ node: NotificationView }> } } }>(
        `query ($id: ID!) { node(id: $id) { ... on Model { notifications { edges { node { ${NOTIFICATION_FIELDS} } } } } } }`,
        { id: modelId },
      );
      const l = r.node.notifications.edges.map((e) => e.node);
      return l.length === 3 && l.every((n) => n.status === 'DELIVERED') ? l : undefined;
    });
    expect(list.map((n) => n.source?.activityType)).toEqual(['model_version_promoted', 'model_version_registered', 'model_version_registered']);
    // Deliveries run concurrently: arrival order is not promised, the set is.
    expect(receiver.calls.map((c) => c.event).sort()).toEqual(['model_version_promoted', 'model_version_registered', 'model_version_registered']);
    expect(receiver.calls.every((c) => c.verified)).toBe(true);
    expect(JSON.parse(receiver.calls.find((c) => c.event === 'model_version_promoted')!.body)).toMatchObject({ activityType: 'model_version_promoted', subjectType: 'Model', details: { reason: 'MANUAL' } });
  });
});

describe('webhooks: any activity type, written by recordActivity with the change', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    t = await startTestServer({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', ...FAST_OUTBOX });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('webhookEventTypes lists every recorded type but the deliveries\' outcomes, which createWebhook refuses', async () => {
    const admin = t.client('admin');
    const { webhookEventTypes } = await admin.request<{ webhookEventTypes: string[] }>(`{ webhookEventTypes }`);
    expect(webhookEventTypes).toEqual(expect.arrayContaining(['job_created', 'use_case_created', 'state_changed', 'extraction_validated', 'backup_created', 'webhook_created']));
    expect(webhookEventTypes).not.toContain('notification_delivered');
    expect(webhookEventTypes).not.toContain('notification_failed');
    const url = `http://127.0.0.1:${receiver.port}/any`;
    const loop = await admin.request<CreateResult>(CREATE, { input: { url, events: ['job_created', 'notification_delivered'] } });
    expect(loop.createWebhook).toMatchObject({ __typename: 'ValidationError', field: 'events' });
    expect(loop.createWebhook.message).toMatch(/notification_delivered: a delivery's own outcome cannot be delivered/);
    const typo = await admin.request<CreateResult>(CREATE, { input: { url, events: ['job_create'] } });
    expect(typo.createWebhook).toMatchObject({ __typename: 'ValidationError', field: 'events' });
    expect(typo.createWebhook.message).toMatch(/"job_create": not an activity type/);
    expect((await admin.request<{ webhooks: unknown[] }>(`{ webhooks { id } }`)).webhooks).toHaveLength(0);
  });

  it('a job and a use case created call a webhook subscribed to their types, once each; other types do not; a rollback queues nothing', async () => {
    const admin = t.client('admin');
    const created = await admin.request<CreateResult>(CREATE, {
      input: { url: `http://127.0.0.1:${receiver.port}/any`, events: ['job_created', 'use_case_created'], secret: SECRET },
    });
    expect(created.createWebhook.__typename).toBe('CreateWebhookPayload');
    const editor = t.client('editor');
    const job = await editor.request<{ createJob: { __typename: string } }>(
      `mutation ($input: CreateJobInput!) { createJob(input: $input) { __typename } }`,
      { input: { jobName: 'hooked job' } },
    );
    expect(job.createJob.__typename).toBe('CreateJobPayload');
    const useCaseId = await createUseCase(editor, 'Hooked on creation');
    expect(await transition(editor, useCaseId, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload'); // state_changed: not subscribed

    const services = t.server.services;
    const before = await services.db.reader.notification.count();
    await expect(
      services.db.write(async (tx, afterCommit) => {
        await recordActivity(tx, afterCommit, { services, actor: SYSTEM_ACTOR }, { subjectType: 'Job', subjectId: 'rolled-back', activityType: 'job_created', description: 'rolled back' });
        throw new Error('roll this back');
      }),
    ).rejects.toThrow('roll this back');
    expect(await services.db.reader.notification.count()).toBe(before);

    const calls = await waitFor('two deliveries', async () => (receiver.calls.length >= 2 ? receiver.calls : undefined));
    // Both notifications are delivered, and nothing else arrives (the state change, the rollback).
    await waitFor('both delivered', async () => {
      const rows = await services.db.reader.notification.findMany({ where: { channel: 'WEBHOOK' } });
      return rows.length === 2 && rows.every((r) => r.status === 'DELIVERED') ? rows : undefined;
    });
    expect(calls.map((c) => c.event).sort()).toEqual(['job_created', 'use_case_created']);
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(JSON.parse(calls.find((c) => c.event === 'job_created')!.body)).toMatchObject({ activityType: 'job_created', subjectType: 'Job' });
    const useCaseCall = JSON.parse(calls.find((c) => c.event === 'use_case_created')!.body) as { subjectId: string };
    // The use case lists its notification (the outbox row links it by subject).
    const listed = await notificationsOf(editor, useCaseId);
    expect(listed.filter((n) => n.channel === 'WEBHOOK').map((n) => n.source?.activityType)).toEqual(['use_case_created']);
    expect(Buffer.from(useCaseId, 'base64url').toString()).toContain(useCaseCall.subjectId);
  });
});

describe('the dispatcher is woken by the commit that queued a row', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    // Polls once at start, then not for an hour: only the wake-up can deliver in time.
    t = await startTestServer({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', NOTIFY_POLL_INTERVAL: '1h' });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('delivers without waiting for the next poll', async () => {
    await new Promise((r) => setTimeout(r, 300)); // past the start-up poll
    await t.client('admin').request<CreateResult>(CREATE, { input: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ['state_changed'], secret: SECRET } });
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Woken');
    await transition(editor, id, 'AWAITING_CONFIG');
    const n = await settled(editor, id, 'WEBHOOK');
    expect(n.status).toBe('DELIVERED');
    expect(receiver.calls).toHaveLength(1);
  });
});
