// Email from the outbox against a real SMTP server on loopback, through the real gateway over
// HTTP: what arrives (headers, parts, attachment bytes and checksum), retries through 4xx
// refusals with exactly one accepted message per Message-ID, header injection through every
// user field, an unreachable relay, a restart mid-retry, and email switched off.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createServer } from '../src/server.ts';
import { UploadFileDocument } from './generated/graphql.ts';
import { multipartRequest } from './support/files.ts';
import { createUseCase, FAST_OUTBOX, notificationsOf, settled, transition, waitFor } from './support/notifications.ts';
import { freePort } from './support/s3-server.ts';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const SMTP_USER = 'relay-user';
const SMTP_PASS = 'pa55:w/rd@relay';
const smtpUrl = (port: number) => `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASS)}@127.0.0.1:${port}`;
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function uploadConfig(t: TestServer, useCaseId: string, body: Buffer, filename = 'config-template.yaml') {
  const { body: res } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: useCaseId, fileType: 'CONFIG', file: null as never } }, [
    { path: 'variables.input.file', filename, contentType: 'application/yaml', body },
  ]);
  if (res.data?.uploadFile.__typename !== 'UploadFilePayload') throw new Error(JSON.stringify(res));
  return res.data.uploadFile.file;
}

describe('email notifications (real SMTP server, real gateway)', () => {
  let smtp: TestSmtpServer;
  let t: TestServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer({ user: SMTP_USER, pass: SMTP_PASS });
    const logger = createLogger('debug', 'opsgraph', new Writable({ write: (c, _e, cb) => (logLines.push(String(c)), cb()) }) as never);
    t = await startTestServer({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'opsgraph@example.test', ...FAST_OUTBOX }, { logger });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('TEMPLATE_GENERATION → AWAITING_CONFIG mails the team with the config template attached from the blob store', async () => {
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Customer Sentiment Analysis');
    const template = Buffer.concat([Buffer.from('fields:\n  - name: sentiment\n'), crypto.randomBytes(2048)]);
    const file = await uploadConfig(t, id, template);
    expect(await transition(editor, id, 'AWAITING_CONFIG', 'Template sent to team via email')).toBe('TransitionUseCasePayload');

    const n = await settled(editor, id, 'EMAIL');
    expect(n).toMatchObject({ status: 'DELIVERED', attempts: 1, target: 'ml-team@example.test', lastError: null });
    expect(n.deliveredAt).not.toBeNull();
    expect(n.history.map((h) => h.outcome)).toEqual(['DELIVERED']);
    expect(n.source?.activityType).toBe('state_changed');
    expect(n.source?.details).toMatchObject({ from: 'TEMPLATE_GENERATION', to: 'AWAITING_CONFIG' });

    const mails = smtp.received.filter((m) => m.parsed.messageId === `<${n.idempotencyKey}@example.test>`);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.user).toBe(SMTP_USER); // authenticated with the URL's credentials
    expect(mail.rcptTo).toEqual(['ml-team@example.test']);
    expect(mail.mailFrom).toBe('opsgraph@example.test');
    expect(mail.parsed.from?.value[0]?.address).toBe('opsgraph@example.test');
    expect(mail.parsed.subject).toBe('[opsgraph] Configuration needed: Customer Sentiment Analysis');
    expect(n.subject).toBe(mail.parsed.subject);
    expect(mail.parsed.headers.get('x-opsgraph-notification')).toBe(n.idempotencyKey);
    expect(mail.parsed.text).toContain('Customer Sentiment Analysis');
    expect(mail.parsed.text).toContain('Template sent to team via email');
    expect(mail.parsed.html).toContain('<strong>Customer Sentiment Analysis</strong>');
    expect(mail.parsed.attachments).toHaveLength(1);
    const att = mail.parsed.attachments[0]!;
    expect(att.filename).toBe('config-template.yaml');
    expect(att.contentType).toBe('application/yaml');
    expect(Buffer.compare(att.content, template)).toBe(0);
    expect(sha256(att.content)).toBe(file.checksumSha256);
    expect(mail.parsed.text).toContain(file.checksumSha256!);
  });

  it('EVALUATION_FAILED mails the error, EVALUATION_COMPLETED the results summary', async () => {
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Full walk');
    await uploadConfig(t, id, Buffer.from('a: 1\n'));
    const { body: ds } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: id, fileType: 'DATASET', file: null as never } }, [
      { path: 'variables.input.file', filename: 'data.csv', body: 'x,y\n1,2\n' },
    ]);
    expect(ds.data?.uploadFile.__typename).toBe('UploadFilePayload');
    for (const to of ['AWAITING_CONFIG', 'CONFIG_RECEIVED', 'READY_FOR_EVALUATION', 'EVALUATION_RUNNING']) expect(await transition(editor, id, to), to).toBe('TransitionUseCasePayload');
    expect(await transition(editor, id, 'EVALUATION_FAILED', 'CUDA out of memory on worker 3')).toBe('TransitionUseCasePayload');
    for (const to of ['READY_FOR_EVALUATION', 'EVALUATION_RUNNING']) expect(await transition(editor, id, to), to).toBe('TransitionUseCasePayload');
    const { body: results } = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: id, fileType: 'RESULTS', file: null as never } }, [
      { path: 'variables.input.file', filename: 'results.csv', body: 'row,match\n1,true\n' },
    ]);
    if (results.data?.uploadFile.__typename !== 'UploadFilePayload') throw new Error(JSON.stringify(results));
    const rec = await editor.request<{ recordEvaluationResults: { __typename: string } }>(
      `mutation R($input: RecordEvaluationResultsInput!) { recordEvaluationResults(input: $input) { __typename } }`,
      { input: { useCaseId: id, summary: { total_rows: 1200, accuracy: 0.934 }, resultsFileId: results.data.uploadFile.file.id } },
    );
    expect(rec.recordEvaluationResults.__typename).toBe('RecordEvaluationResultsPayload');
    expect(await transition(editor, id, 'EVALUATION_COMPLETED')).toBe('TransitionUseCasePayload');

    const all = await waitFor('three mails delivered', async () => {
      const list = await notificationsOf(editor, id);
      return list.length === 3 && list.every((n) => n.status === 'DELIVERED') ? list : undefined;
    });
    const mailOf = (n: (typeof all)[number]) => smtp.received.find((m) => m.parsed.messageId === `<${n.idempotencyKey}@example.test>`)!;
    const [completed, failed, awaiting] = all; // newest first
    expect(awaiting!.subject).toMatch(/^\[opsgraph\] Configuration needed/);
    expect(failed!.subject).toBe('[opsgraph] Evaluation failed: Full walk');
    expect(mailOf(failed!).parsed.text).toContain('CUDA out of memory on worker 3');
    expect(mailOf(failed!).parsed.attachments).toHaveLength(0);
    expect(completed!.subject).toBe('[opsgraph] Evaluation completed: Full walk');
    expect(mailOf(completed!).parsed.text).toContain('"accuracy": 0.934');
    expect(mailOf(completed!).parsed.html).toContain('&quot;total_rows&quot;: 1200');
  });

  it('never writes the SMTP password to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const all = logLines.join('');
    expect(all).not.toContain(SMTP_PASS);
    expect(all).not.toContain(encodeURIComponent(SMTP_PASS));
  });

  it('retries through 4xx refusals and the relay accepts exactly one message per Message-ID', async () => {
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Greylisted');
    smtp.refuse = 2;
    const refusedBefore = smtp.refused;
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    const n = await settled(editor, id, 'EMAIL');
    expect(smtp.refused - refusedBefore).toBe(2);
    expect(n.status).toBe('DELIVERED');
    expect(n.attempts).toBe(3);
    expect(n.history.map((h) => h.outcome)).toEqual(['RETRY', 'RETRY', 'DELIVERED']);
    expect(n.history[0]!.error).toMatch(/451/);
    expect(smtp.received.filter((m) => m.parsed.messageId === `<${n.idempotencyKey}@example.test>`)).toHaveLength(1);
    // Exactly one "delivered" activity entry for it.
    const r = await editor.request<{ node: { activity: { edges: Array<{ node: { activityType: string } }> } } }>(
      `query A($id: ID!) { node(id: $id) { ... on Notification { activity { edges { node { activityType } } } } } }`,
      { id: n.id },
    );
    expect(r.node.activity.edges.map((e) => e.node.activityType)).toEqual(['notification_delivered']);
  });

  it('CR/LF in every user field cannot add a header or a recipient', async () => {
    const editor = t.client('editor');
    const evil = (field: string) => `${field}\r\nBcc: victim@evil.test\r\nX-Injected: ${field}\n\rSubject: pwned`;
    const created = await editor.request<{ createUseCase: { __typename: string; useCase: { id: string } } }>(
      `mutation C($input: CreateUseCaseInput!) { createUseCase(input: $input) { __typename ... on CreateUseCasePayload { useCase { id } } } }`,
      { input: { name: evil('name'), teamEmail: 'crlf-team@example.test', description: evil('description') } },
    );
    const id = created.createUseCase.useCase.id;
    await uploadConfig(t, id, Buffer.from('a: 1\n'), 'conf\r\nX-Injected: filename.yaml');
    expect(await transition(editor, id, 'AWAITING_CONFIG', evil('notes'))).toBe('TransitionUseCasePayload');
    const n = await settled(editor, id, 'EMAIL');
    expect(n.status).toBe('DELIVERED');
    const mail = smtp.received.find((m) => m.parsed.messageId === `<${n.idempotencyKey}@example.test>`)!;
    expect(mail.rcptTo).toEqual(['crlf-team@example.test']);
    const headerBlock = mail.raw.toString("latin1").split(/\r\n\r\n/)[0]!;
    expect(headerBlock).not.toMatch(/^bcc:/im);
    expect(headerBlock).not.toMatch(/^x-injected:/im);
    expect(headerBlock.match(/^subject:/gim)).toHaveLength(1);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    expect(mail.parsed.subject).not.toMatch(/[\r\n]/);
    expect(mail.parsed.subject).toContain('name Bcc: victim@evil.test');
    expect(mail.parsed.attachments[0]!.filename).not.toMatch(/[\r\n]/);
    // Every MIME part's headers too (the attachment's filename is user text). Bodies may
    // contain the text, as text: that is content, not a header.
    const boundary = /boundary="([^"]+)"/.exec(headerBlock)![1]!;
    const partHeaders = mail.raw.toString('latin1').split(`--${boundary}`).slice(1).map((p) => p.replace(/^\r\n/, '').split(/\r\n\r\n/)[0]!);
    expect(partHeaders.length).toBeGreaterThanOrEqual(2);
    for (const h of partHeaders) expect(h).not.toMatch(/^(x-injected|bcc|subject):/im);
  });

  it('an address that is not one plain mailbox is not sent to: the notification FAILED with the reason', async () => {
    const editor = t.client('editor');
    const before = smtp.received.length;
    const id = await createUseCase(editor, 'Quoted address', 'x"<victim@evil.test>');
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    const [n] = await notificationsOf(editor, id);
    expect(n).toMatchObject({ channel: 'EMAIL', status: 'FAILED', attempts: 0 });
    expect(n!.lastError).toMatch(/not a deliverable address/);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length).toBe(before);
  });

  it('a rolled-back write queues nothing', async () => {
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Rolled back');
    expect(await transition(editor, id, 'EVALUATION_COMPLETED')).toBe('InvalidTransitionError');
    expect(await notificationsOf(editor, id)).toEqual([]);
  });

  it('notifications(filter) lists the outbox by status and channel; the settings say email is on', async () => {
    const viewer = t.client('viewer');
    const r = await viewer.request<{
      notificationSettings: { emailEnabled: boolean; mailFrom: string; emailRules: Array<{ state: string; template: string }> };
      delivered: { edges: Array<{ node: { status: string; channel: string } }> };
      failed: { edges: Array<{ node: { status: string } }> };
    }>(`{ notificationSettings { emailEnabled mailFrom emailRules { state template } }
         delivered: notifications(filter: { status: DELIVERED, channel: EMAIL }) { edges { node { status channel } } }
         failed: notifications(filter: { status: FAILED }) { edges { node { status } } } }`);
    expect(r.notificationSettings.emailEnabled).toBe(true);
    expect(r.notificationSettings.mailFrom).toBe('opsgraph@example.test');
    expect(r.notificationSettings.emailRules.map((x) => x.state).sort()).toEqual(['AWAITING_CONFIG', 'EVALUATION_COMPLETED', 'EVALUATION_FAILED']);
    expect(r.delivered.edges.length).toBeGreaterThanOrEqual(3);
    expect(r.delivered.edges.every((e) => e.node.status === 'DELIVERED' && e.node.channel === 'EMAIL')).toBe(true);
    expect(r.failed.edges.length).toBeGreaterThanOrEqual(1);
    expect(r.failed.edges.every((e) => e.node.status === 'FAILED')).toBe(true);
  });
});

describe('email: attempts used up, then retryNotification', () => {
  let smtp: TestSmtpServer;
  let t: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ refuseFirst: 1000 });
    t = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, NOTIFY_MAX_ATTEMPTS: '2', ...FAST_OUTBOX });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('is FAILED with the last error after NOTIFY_MAX_ATTEMPTS, and an admin can send it again', async () => {
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Always refused');
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    const failed = await settled(editor, id, 'EMAIL');
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(failed.lastError).toMatch(/451/);
    expect(failed.history.map((h) => h.outcome)).toEqual(['RETRY', 'FAILED']);

    const retry = `mutation R($input: RetryNotificationInput!) { retryNotification(input: $input) { __typename ... on DomainError { message } } }`;
    const denied = await editor.request<{ retryNotification: unknown }>(retry, { input: { id: failed.id } }).catch((e: Error) => e);
    expect(String(denied)).toMatch(/needs a higher role/);

    smtp.refuse = 0;
    const r = await t.client('admin').request<{ retryNotification: { __typename: string } }>(retry, { input: { id: failed.id } });
    expect(r.retryNotification.__typename).toBe('RetryNotificationPayload');
    const n = await waitFor('redelivery', async () => (await notificationsOf(editor, id)).find((x) => x.status === 'DELIVERED'));
    expect(n.attempts).toBe(3);
    expect(n.history.map((h) => h.outcome)).toEqual(['RETRY', 'FAILED', 'DELIVERED']);
    expect(smtp.received.filter((m) => m.parsed.messageId?.startsWith(`<${n.idempotencyKey}@`))).toHaveLength(1);

    const again = await t.client('admin').request<{ retryNotification: { __typename: string } }>(retry, { input: { id: failed.id } });
    expect(again.retryNotification.__typename).toBe('ConflictError');
  });
});

describe('email: an unreachable relay, and a restart mid-retry', () => {
  it('the write succeeds at once, the notification waits, and after a restart it is delivered', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-notify-restart-'));
    const port = await freePort(); // nothing listens here yet
    const adminKey = `og_test_admin_${crypto.randomBytes(8).toString('hex')}`;
    const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey, SMTP_URL: `smtp://127.0.0.1:${port}`, ...FAST_OUTBOX };
    const start = async () => {
      const server = await createServer(loadConfig(env));
      return { server, client: new GraphQLClient(server.url, { headers: { authorization: `Bearer ${adminKey}` } }) };
    };
    let smtp: TestSmtpServer | undefined;
    try {
      const first = await start();
      const id = await createUseCase(first.client, 'Relay down');
      expect(await transition(first.client, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
      const waiting = await waitFor('failed attempts', async () => {
        const n = (await notificationsOf(first.client, id))[0];
        return n && n.attempts >= 2 ? n : undefined;
      });
      expect(waiting.status).toBe('PENDING');
      expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(waiting.history.every((h) => h.outcome === 'RETRY')).toBe(true);
      await first.server.close();

      smtp = await startSmtpServer({ port });
      const second = await start();
      const n = await settled(second.client, id, 'EMAIL');
      expect(n.status).toBe('DELIVERED');
      expect(n.attempts).toBeGreaterThan(waiting.attempts);
      expect(n.history.at(-1)!.outcome).toBe('DELIVERED');
      expect(n.history.map((h) => h.number)).toEqual(n.history.map((_h, i) => i + 1));
      expect(smtp.received.filter((m) => m.parsed.messageId?.startsWith(`<${n.idempotencyKey}@`))).toHaveLength(1);
      await second.server.close();
    } finally {
      await smtp?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('email: a relay that accepts the connection and never answers', () => {
  let hung: net.Server;
  let sockets: net.Socket[] = [];
  let t: TestServer;
  beforeAll(async () => {
    hung = net.createServer((socket) => sockets.push(socket)); // no greeting, ever
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', () => r()));
    t = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${(hung.address() as net.AddressInfo).port}`, ...FAST_OUTBOX, NOTIFY_SEND_TIMEOUT: '1s' });
  });
  afterAll(async () => {
    await t?.close();
    for (const s of sockets) s.destroy();
    await new Promise((r) => hung.close(r));
  });

  it('writes go on while a delivery hangs, and the attempt ends with a timeout and a retry', async () => {
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'Hung relay');
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    await waitFor('a connection to the hung relay', async () => (sockets.length > 0 ? true : undefined));
    // The dispatcher is waiting on the relay now; the writer and the event loop are free.
    const others = await Promise.all(Array.from({ length: 10 }, (_v, i) => createUseCase(editor, `Meanwhile ${i}`)));
    expect(others).toHaveLength(10);
    const n = await waitFor('a timed-out attempt', async () => {
      const x = (await notificationsOf(editor, id))[0];
      return x && x.attempts >= 1 ? x : undefined;
    });
    expect(n.status).toBe('PENDING');
    expect(n.history[0]!.outcome).toBe('RETRY');
    expect(n.lastError).toMatch(/greeting|timeout|timed out|no result/i);
  });
});

describe('email: a template that is missing', () => {
  it('stops a server that would deliver at start, and never undoes the write that triggers it', async () => {
    const rules = { SMTP_URL: 'smtp://127.0.0.1:9', NOTIFY_EMAIL_RULES: 'AWAITING_CONFIG=no-such-template' };
    await expect(startTestServer(rules)).rejects.toThrow(/no-such-template.*not found/);
    const t = await startTestServer({ ...rules, NOTIFY_DISPATCHER: '0' }); // queues, leaves delivery to others
    try {
      const editor = t.client('editor');
      const id = await createUseCase(editor, 'Template gone');
      expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
      const [n] = await notificationsOf(editor, id);
      expect(n).toMatchObject({ channel: 'EMAIL', status: 'FAILED' });
      expect(n!.lastError).toMatch(/template no-such-template/);
    } finally {
      await t.close();
    }
  });
});

describe('email switched off (no SMTP_URL)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ ...FAST_OUTBOX });
  });
  afterAll(() => t?.close());

  it('the graph says so and a transition queues no email', async () => {
    const r = await t.client('viewer').request<{ notificationSettings: { emailEnabled: boolean } }>(`{ notificationSettings { emailEnabled } }`);
    expect(r.notificationSettings.emailEnabled).toBe(false);
    const editor = t.client('editor');
    const id = await createUseCase(editor, 'No mail here');
    expect(await transition(editor, id, 'AWAITING_CONFIG')).toBe('TransitionUseCasePayload');
    expect(await notificationsOf(editor, id)).toEqual([]);
  });
});
