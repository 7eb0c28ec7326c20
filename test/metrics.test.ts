// /metrics as an operator scrapes it: after real requests over HTTP, SSE and WebSocket, the
// series an alert would watch have moved — latency and SQL statements per operation (with a
// bounded set of operation names), errors by code (parse, validation and 401 included), HTTP
// responses by status, open WebSockets and running subscriptions, and the backup age.
import path from 'node:path';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_OPERATION_NAMES } from '../src/metrics.ts';
import { ActivityAddedDocument, BackupDatabaseDocument, BackupsDocument, CreateUseCaseDocument, ViewerDocument } from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  // With persisted documents, so their operation names are "known" labels.
  t = await startTestServer({ PERSISTED_DOCUMENTS: path.resolve(import.meta.dirname, 'generated/persisted-documents.json') });
});
afterAll(() => t?.close());

type Labels = Record<string, string>;

/** Every sample of the scrape: [name, labels, value]. */
async function scrape(): Promise<Array<[string, Labels, number]>> {
  const text = await (await fetch(new URL('/metrics', t.url))).text();
  const samples: Array<[string, Labels, number]> = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Labels = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    samples.push([m[1]!, labels, m[3] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[3])]);
  }
  return samples;
}

/** The value of one series (0 when it does not exist yet). */
async function value(name: string, labels: Labels = {}): Promise<number> {
  const found = (await scrape()).find(([n, l]) => n === name && Object.entries(labels).every(([k, v]) => l[k] === v) && Object.keys(l).length === Object.keys(labels).length);
  return found?.[2] ?? 0;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the metric did not reach the expected value');
}

function post(body: object, key: string | null = t.keys.viewer) {
  return fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('operation latency and SQL statements, per operation name', () => {
  it('a named query adds one sample to its latency histogram and its SQL statements to the SQL histogram', async () => {
    const series = { operation: 'CreateUseCase', type: 'mutation' };
    const count0 = await value('opsgraph_graphql_operation_seconds_count', { ...series, status: 'ok' });
    const sqlSum0 = await value('opsgraph_graphql_operation_sql_statements_sum', series);
    const res = await t.client('editor').rawRequest(print(CreateUseCaseDocument), { input: { name: 'metered', teamEmail: 'ml@example.com' } });
    const statements = (res.extensions as { sqlStatements: number }).sqlStatements;
    expect(statements).toBeGreaterThan(0);
    expect(await value('opsgraph_graphql_operation_seconds_count', { ...series, status: 'ok' })).toBe(count0 + 1);
    expect(await value('opsgraph_graphql_operation_sql_statements_sum', series)).toBe(sqlSum0 + statements);
    expect(await value('opsgraph_graphql_operation_sql_statements_count', series)).toBeGreaterThan(0);
  });

  it('operation names beyond the first 100 ad-hoc ones share the label "other"; persisted documents keep their names', async () => {
    for (let i = 0; i < MAX_OPERATION_NAMES + 20; i++) await post({ query: `query Flood${i} { viewer { role } }` });
    const names = new Set((await scrape()).filter(([n]) => n === 'opsgraph_graphql_operation_seconds_count').map(([, l]) => l.operation));
    const adHoc = [...names].filter((n) => n?.startsWith('Flood'));
    expect(adHoc.length).toBeLessThanOrEqual(MAX_OPERATION_NAMES);
    expect(await value('opsgraph_graphql_operation_seconds_count', { operation: 'other', type: 'query', status: 'ok' })).toBeGreaterThanOrEqual(20);

    // Viewer is a persisted document's operation: its own series even after the cap was reached.
    await post({ documentId: (ViewerDocument as unknown as { __meta__: { hash: string } }).__meta__.hash });
    expect(await value('opsgraph_graphql_operation_seconds_count', { operation: 'Viewer', type: 'query', status: 'ok' })).toBeGreaterThanOrEqual(1);
  });
});

describe('errors by code', () => {
  const errors = (code: string, transport: string) => value('opsgraph_graphql_errors_total', { code, transport });

  it('counts parse and validation errors, bad input, unknown persisted documents and 401s over HTTP', async () => {
    const before = {
      parse: await errors('GRAPHQL_PARSE_FAILED', 'http'),
      validation: await errors('GRAPHQL_VALIDATION_FAILED', 'http'),
      input: await errors('BAD_USER_INPUT', 'http'),
      unknownDoc: await errors('PERSISTED_QUERY_NOT_FOUND', 'http'),
      auth: await errors('UNAUTHENTICATED', 'http'),
      status401: await value('opsgraph_http_responses_total', { route: 'graphql', status: '401' }),
    };
    await post({ query: '{ viewer {' });
    await post({ query: '{ nope }' });
    await post({ query: '{ node(id: "bad") { id } }' });
    await post({ documentId: 'no-such-document' });
    const refused = await post({ query: '{ viewer { role } }' }, null);
    expect(refused.status).toBe(401);
    expect(await errors('GRAPHQL_PARSE_FAILED', 'http')).toBe(before.parse + 1);
    expect(await errors('GRAPHQL_VALIDATION_FAILED', 'http')).toBe(before.validation + 1);
    expect(await errors('BAD_USER_INPUT', 'http')).toBe(before.input + 1);
    expect(await errors('PERSISTED_QUERY_NOT_FOUND', 'http')).toBe(before.unknownDoc + 1);
    expect(await errors('UNAUTHENTICATED', 'http')).toBe(before.auth + 1);
    expect(await value('opsgraph_http_responses_total', { route: 'graphql', status: '401' })).toBe(before.status401 + 1);
    expect(await value('opsgraph_http_responses_total', { route: 'healthz', status: '200' })).toBe(0);
    await fetch(new URL('/healthz', t.url));
    expect(await value('opsgraph_http_responses_total', { route: 'healthz', status: '200' })).toBe(1);
  });

  it('counts errors over WebSocket; a syntax error fails that operation only, not the connection', async () => {
    const client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.keys.viewer}` }, retryAttempts: 0 });
    try {
      const parse0 = await errors('GRAPHQL_PARSE_FAILED', 'ws');
      const validation0 = await errors('GRAPHQL_VALIDATION_FAILED', 'ws');
      await expect(client.iterate({ query: '{ viewer {' }).next()).rejects.toMatchObject([{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]);
      await expect(client.iterate({ query: '{ nope }' }).next()).rejects.toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
      // The same connection still answers.
      expect((await client.iterate({ query: '{ viewer { role } }' }).next()).value).toMatchObject({ data: { viewer: { role: 'viewer' } } });
      expect(await errors('GRAPHQL_PARSE_FAILED', 'ws')).toBe(parse0 + 1);
      expect(await errors('GRAPHQL_VALIDATION_FAILED', 'ws')).toBe(validation0 + 1);
    } finally {
      await client.dispose();
    }
  });
});

describe('open WebSockets and running subscriptions', () => {
  it('follow graphql-ws connections and subscriptions up and back down', async () => {
    const ws = () => value('opsgraph_websocket_connections');
    const active = (transport: string) => value('opsgraph_graphql_subscriptions_active', { transport });
    await until(async () => (await ws()) === 0);
    const client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.keys.viewer}` }, retryAttempts: 0 });
    const events = client.iterate({ query: print(ActivityAddedDocument), variables: {} });
    const first = events.next();
    await until(async () => (await ws()) === 1 && (await active('ws')) === 1);
    // A second subscription on the same socket, then the client completes it.
    const second = client.iterate({ query: print(ActivityAddedDocument), variables: {} });
    const secondFirst = second.next();
    await until(async () => (await active('ws')) === 2);
    await second.return?.();
    await secondFirst.catch(() => {});
    await until(async () => (await active('ws')) === 1);
    await client.dispose(); // closing the socket ends the other
    await first.catch(() => {});
    await until(async () => (await ws()) === 0 && (await active('ws')) === 0);
  });

  it('count an SSE subscription while its stream is open', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${t.keys.viewer}` },
      body: JSON.stringify({ query: print(ActivityAddedDocument), variables: {} }),
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await until(async () => (await value('opsgraph_graphql_subscriptions_active', { transport: 'sse' })) === 1);
    await res.body!.cancel();
    await until(async () => (await value('opsgraph_graphql_subscriptions_active', { transport: 'sse' })) === 0);
  });
});

describe('backup age', () => {
  it('is +Inf with no backup, then the time of the newest backup in the store', async () => {
    expect(await value('opsgraph_backup_last_success_timestamp_seconds')).toBe(0);
    expect(await value('opsgraph_backup_age_seconds')).toBe(Number.POSITIVE_INFINITY);
    const done = await t.client('admin').request(BackupDatabaseDocument, { input: { label: 'metrics' } });
    expect(done.backupDatabase.__typename).toBe('BackupDatabasePayload');
    const listed = await t.client('admin').request(BackupsDocument, { first: 1 });
    const newest = listed.backups.edges[0]!.node;
    expect(await value('opsgraph_backup_last_success_timestamp_seconds')).toBe(new Date(newest.createdAt).getTime() / 1000);
    const age = await value('opsgraph_backup_age_seconds');
    expect(Number.isFinite(age)).toBe(true);
    expect(age).toBeGreaterThanOrEqual(0);
  });
});
