// Request limits (issue 11 items 5 and the minor ones, issue 12's WebSocket variables): hostile
// documents and inputs are refused with a coded error before they can cost CPU or reach the
// database, the same over HTTP and WebSocket, and the server keeps serving afterwards.
// Wall time is measured by the server: the event-loop delay that /metrics reports
// (prom-client's monitorEventLoopDelay histogram, reset at every scrape).
import { createHash } from 'node:crypto';
import { getIntrospectionQuery, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ActivityAddedDocument } from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

type Json = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string; limit?: string } }> };

async function post(body: unknown, key = t.keys.editor): Promise<{ status: number; json: Json }> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Json };
}

/** The server still answers health checks and a real query. */
async function serving() {
  expect((await fetch(new URL('/healthz', t.url))).status).toBe(200);
  const r = await post({ query: '{ viewer { role } }' });
  expect(r.json.errors).toBeUndefined();
  expect(r.json.data).toEqual({ viewer: { role: 'editor' } });
}

/** The longest event-loop stall since the previous scrape, as the server measured it. */
async function maxEventLoopDelaySeconds(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', t.url))).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_max_seconds '));
  if (!line) throw new Error('/metrics has no nodejs_eventloop_lag_max_seconds');
  return Number(line.split(' ')[1]);
}

function refusedWith(r: { json: Json }, code: string, message: RegExp) {
  expect(r.json.data ?? null).toBeNull();
  expect(r.json.errors?.[0]?.extensions?.code).toBe(code);
  expect(r.json.errors?.[0]?.message).toMatch(message);
}

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

function connect(): { client: Client; closed: Array<{ code: number; reason: string }> } {
  const closed: Array<{ code: number; reason: string }> = [];
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${t.keys.editor}` },
    retryAttempts: 0,
    on: { closed: (e) => closed.push({ code: (e as CloseEvent).code, reason: (e as CloseEvent).reason }) },
  });
  clients.push(client);
  return { client, closed };
}

/** One operation over the socket; resolves with its errors (or data). */
function wsOnce(client: Client, payload: { query: string; variables?: Record<string, unknown> }): Promise<Json> {
  return new Promise((resolve, reject) => {
    let result: Json = {};
    client.subscribe(payload, {
      next: (msg) => (result = msg as Json),
      error: (err) => resolve({ errors: err as Json['errors'] }),
      complete: () => resolve(result),
    });
    setTimeout(() => reject(new Error('no answer over the socket')), 20_000).unref();
  });
}

/** A JSON body by hand: the client's own JSON.stringify would overflow on these values. */
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepList = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const rawBody = (query: string, variables: Record<string, string>) =>
  `{"query":${JSON.stringify(query)},"variables":{${Object.entries(variables).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}}`;

describe('CPU: documents are capped before validation', () => {
  it('5,000 identical fields, 1,000 fields, 150 aliases, 200 directives and a document at the limits never stall the event loop 100 ms', async () => {
    const hostile = (round: string) => [
      `{ ${'viewer { name } '.repeat(5000)} } # ${round}`,
      `{ useCaseStateMachine { ${'states '.repeat(1000)} } } # ${round}`,
      `{ useCaseStateMachine { ${Array.from({ length: 150 }, (_, i) => `a${i}: states`).join(' ')} } } # ${round}`,
      `{ viewer { name ${'@include(if: true) '.repeat(200)} } } # ${round}`,
      // The worst that passes: 199 copies of one field, the overlap check's quadratic case…
      `{ useCaseStateMachine { ${'states '.repeat(199)} } } # ${round}`,
      // …and 99 copies of a field with a selection (each pair's selections are compared too).
      `{ ${'viewer { name } '.repeat(99)} } # ${round}`,
    ];
    // V8 compiles each code path on its first use, once per process; warm them with one
    // round, then measure a round of new document texts (the parse cache cannot help).
    for (const query of hostile('warm-up')) await post({ query });
    await maxEventLoopDelaySeconds(); // resets the server's histogram
    const results: Array<{ json: Json }> = [];
    for (const query of hostile('measured')) results.push(await post({ query }));
    const stall = await maxEventLoopDelaySeconds();
    refusedWith(results[0]!, 'BAD_USER_INPUT', /Token limit of 2000 exceeded/);
    refusedWith(results[1]!, 'BAD_USER_INPUT', /more than 200 fields/);
    refusedWith(results[2]!, 'BAD_USER_INPUT', /Aliases limit of 30 exceeded, found 150/);
    refusedWith(results[3]!, 'BAD_USER_INPUT', /Directives limit of 30 exceeded, found 200/);
    expect(results[4]!.json.errors).toBeUndefined();
    expect(results[5]!.json.errors).toBeUndefined();
    expect(stall).toBeLessThan(0.1);
    await serving();
  });

  it('a fragment before the operation is capped too (its fields are counted where written)', async () => {
    const r = await post({ query: `fragment F on UseCaseStateMachine { ${'states '.repeat(600)} } { useCaseStateMachine { ...F } }` });
    refusedWith(r, 'BAD_USER_INPUT', /more than 200 fields/);
    await serving();
  });

  it('the same caps hold over WebSocket, for that operation alone', async () => {
    const { client, closed } = connect();
    const r = await wsOnce(client, { query: `{ ${'viewer { name } '.repeat(5000)} }` });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await wsOnce(client, { query: '{ viewer { role } }' });
    expect(ok.data).toEqual({ viewer: { role: 'editor' } });
    expect(closed).toEqual([]);
  });
});

describe('BigInt literals', () => {
  it('an inline BigInt literal (createUploadUrl size: 10) works as a variable does', async () => {
    const created = await post({ query: 'mutation { createUseCase(input: {name: "bigint", teamEmail: "a@b.co"}) { ... on CreateUseCasePayload { useCase { id } } } }' });
    const id = (created.json.data?.createUseCase as { useCase: { id: string } }).useCase.id;
    const body = '0123456789';
    const sha = createHash('sha256').update(body).digest('hex');
    const r = await post({
      query: `mutation { createUploadUrl(input: {ownerId: "${id}", fileType: CONFIG, filename: "c.yaml", size: 10, checksumSha256: "${sha}"}) {
        __typename ... on CreateUploadUrlPayload { file { size status } } } }`,
    });
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data?.createUploadUrl).toEqual({ __typename: 'CreateUploadUrlPayload', file: { size: 10, status: 'PENDING' } });
    await serving();
  });
});

describe('deep nesting is refused with a code, over HTTP and WebSocket', () => {
  const jsonVariable = 'mutation($extra: JSON) { createJob(input: {jobName: "deep", extra: $extra}) { __typename } }';

  it('literals 5,000 and 100,000 deep are BAD_USER_INPUT (the parser never recurses that far)', async () => {
    for (const depth of [5_000, 100_000]) {
      const r = await post({ query: `{ activity(filter: {types: ${deepList(depth)}}) { edges { cursor } } }` });
      refusedWith(r, 'BAD_USER_INPUT', /nest deeper than the limit of 64/);
    }
    const objects = await post({ query: `mutation { createJob(input: {jobName: "deep", extra: ${'{a: '.repeat(40)}1${'}'.repeat(40)}}) { __typename } }` });
    refusedWith(objects, 'BAD_USER_INPUT', /nests deeper than the limit of 32/);
    await serving();
  });

  it('variables 20,000 and 100,000 deep (JSON objects and lists) are BAD_USER_INPUT', async () => {
    for (const depth of [20_000, 100_000]) {
      refusedWith(await post(rawBody(jsonVariable, { extra: deepObject(depth) })), 'BAD_USER_INPUT', /"\$extra" nests deeper than the limit of 32/);
      const list = await post(rawBody('query($t: [String!]) { activity(filter: {types: $t}) { edges { cursor } } }', { t: deepList(depth) }));
      refusedWith(list, 'BAD_USER_INPUT', /"\$t" nests deeper than the limit of 32/);
    }
    await serving();
  });

  it('over WebSocket a 20,000-deep variable fails that operation alone; the connection and its subscription live on', async () => {
    // A raw graphql-transport-ws socket: graphql-ws's client would JSON.stringify the value itself.
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: Array<{ id?: string; type: string; payload?: unknown }> = [];
    let closed: number | null = null;
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.on('close', (code) => (closed = code));
    const waitFor = async (what: string, ok: () => boolean) => {
      for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
      if (!ok()) throw new Error(`never saw ${what}: ${JSON.stringify(messages).slice(0, 500)}`);
    };
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.keys.editor}` } }));
    await waitFor('connection_ack', () => messages.some((m) => m.type === 'connection_ack'));
    socket.send(JSON.stringify({ id: 'live', type: 'subscribe', payload: { query: print(ActivityAddedDocument), variables: {} } }));
    // The live subscription is running once a write reaches it.
    await post({ query: 'mutation { createUseCase(input: {name: "before the bad op", teamEmail: "a@b.co"}) { __typename } }' });
    await waitFor('the first event', () => messages.some((m) => m.id === 'live' && m.type === 'next'));

    socket.send(`{"id":"bad","type":"subscribe","payload":{"query":${JSON.stringify(jsonVariable)},"variables":{"extra":${deepObject(20_000)}}}}`);
    await waitFor('the bad operation\'s error', () => messages.some((m) => m.id === 'bad'));
    const bad = messages.find((m) => m.id === 'bad')!;
    expect(bad.type).toBe('error');
    expect(bad.payload).toMatchObject([{ message: expect.stringMatching(/nests deeper than the limit of 32/), extensions: { code: 'BAD_USER_INPUT' } }]);

    const before = messages.filter((m) => m.id === 'live' && m.type === 'next').length;
    await post({ query: 'mutation { createUseCase(input: {name: "after the bad op", teamEmail: "a@b.co"}) { __typename } }' });
    await waitFor('an event after the bad operation', () => messages.filter((m) => m.id === 'live' && m.type === 'next').length > before);
    expect(closed).toBeNull();
    socket.close(1000);
    await serving();
  });
});

describe('list arguments are capped', () => {
  it('a 100,000-entry activity.filter.types is BAD_USER_INPUT naming the argument', async () => {
    const types = Array.from({ length: 100_000 }, (_, i) => `t${i}`);
    const r = await post({ query: 'query($f: ActivityFilter) { activity(filter: $f) { edges { cursor } } }', variables: { f: { types } } });
    refusedWith(r, 'BAD_USER_INPUT', /"\$f\.types" has 100000 entries; at most 100/);
    await serving();
  });

  it('more than 50 artifacts(queries:) is BAD_USER_INPUT, as a variable and as a literal; 50 are fine', async () => {
    const queries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `a${i}` }));
    const query = 'query($q: [ArtifactQuery!]) { artifacts(queries: $q) { edges { cursor } } }';
    refusedWith(await post({ query, variables: { q: queries(51) } }), 'BAD_USER_INPUT', /"\$q" has 51 entries; at most 50/);
    const literal = `{ artifacts(queries: [${queries(51).map((q) => `{name: "${q.name}"}`).join(' ')}]) { edges { cursor } } }`;
    refusedWith(await post({ query: literal }), 'BAD_USER_INPUT', /"queries" has 51 entries; at most 50/);
    const fine = await post({ query, variables: { q: queries(50) } });
    expect(fine.json.errors).toBeUndefined();
    await serving();
  });

  it('nodes(ids:) is capped by MAX_LIST_ITEMS like every other list', async () => {
    const r = await post({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array.from({ length: 101 }, (_, i) => `x${i}`) } });
    refusedWith(r, 'BAD_USER_INPUT', /"\$ids" has 101 entries; at most 100/);
  });
});

describe('lone surrogates are refused in every string input', () => {
  const create = 'mutation($input: CreateUseCaseInput!) { createUseCase(input: $input) { __typename } }';

  it('in a variable, a nested input field, a list entry and a JSON value: BAD_USER_INPUT naming it, nothing stored', async () => {
    const counts = async () => (await post({ query: '{ useCases { totalCount } jobs { totalCount } activity { edges { cursor } } }' })).json.data;
    const before = await counts();
    refusedWith(await post({ query: create, variables: { input: { name: 'bad \uD800 name', teamEmail: 'a@b.co' } } }), 'BAD_USER_INPUT', /"\$input\.name" contains a lone surrogate/);
    const list = await post({ query: 'query($f: ActivityFilter) { activity(filter: $f) { edges { cursor } } }', variables: { f: { types: ['ok', '\uDC00'] } } });
    refusedWith(list, 'BAD_USER_INPUT', /"\$f\.types\[1\]" contains a lone surrogate/);
    const json = await post({ query: 'mutation($extra: JSON) { createJob(input: {jobName: "j", extra: $extra}) { __typename } }', variables: { extra: { deep: ['\uD800'] } } });
    refusedWith(json, 'BAD_USER_INPUT', /"\$extra\.deep\[0\]" contains a lone surrogate/);
    expect(await counts()).toEqual(before);
    await serving();
  });

  it('in an inline literal (raw or escaped) the document is refused', async () => {
    for (const text of ['bad \uD800 name', 'bad \\uD800 name']) {
      const r = await post({ query: `mutation { createUseCase(input: {name: "${text}", teamEmail: "a@b.co"}) { __typename } }` });
      expect(r.json.data ?? null).toBeNull();
      expect(r.json.errors?.[0]?.message).toMatch(/Syntax Error: Invalid (character within String|Unicode escape sequence)/);
    }
    await serving();
  });

  it('over WebSocket too', async () => {
    const { client, closed } = connect();
    const r = await wsOnce(client, { query: create, variables: { input: { name: '\uD800', teamEmail: 'a@b.co' } } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(closed).toEqual([]);
  });
});

describe('introspection is depth-limited like any query', () => {
  it('a 30- or 100-deep __schema ofType chain is refused; the standard introspection query passes', async () => {
    const chain = (n: number) => `{ __schema { types { ${'ofType { '.repeat(n)} name ${'} '.repeat(n)} } } }`;
    refusedWith(await post({ query: chain(30) }), 'BAD_USER_INPUT', /depth limit of 20 exceeded, found 33/);
    // 100 deep: its brackets alone are past the nesting limit.
    refusedWith(await post({ query: chain(100) }), 'BAD_USER_INPUT', /nest deeper than the limit of 64/);
    const standard = await post({ query: getIntrospectionQuery() });
    expect(standard.json.errors).toBeUndefined();
    expect(standard.json.data?.__schema).toBeTruthy();
    await serving();
  });
});
