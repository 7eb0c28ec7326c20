// The HTTP and WebSocket transports around GraphQL: request ids that join the response and
// the log, chunked bodies under the same cap as declared ones, refusals the client can read,
// and authentication before a body is parsed.
import http from 'node:http';
import { Writable } from 'node:stream';
import { createClient } from 'graphql-ws';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './support/server.ts';

const LIMIT = 64 * 1024;
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
    done();
  },
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MAX_REQUEST_BYTES: String(LIMIT) }, { logger: pino({ level: 'info' }, sink) });
});
afterAll(() => t?.close());

async function healthy(): Promise<void> {
  expect((await fetch(new URL('/healthz', t.url))).status).toBe(200);
  expect(await t.client('viewer').request<{ viewer: { role: string } }>('{ viewer { role } }')).toEqual({ viewer: { role: 'viewer' } });
}

/** POSTs `chunks` with Transfer-Encoding: chunked (no Content-Length), as streaming clients do. */
function postChunked(chunks: string[], headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.viewer}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('request ids', () => {
  it('the operation log line carries the id of the x-request-id response header', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.viewer}` },
      body: JSON.stringify({ query: 'query WhoAmI { viewer { role } }' }),
    });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await res.json();
    const line = lines.find((l) => l.msg === 'graphql' && l.op === 'WhoAmI');
    expect(line?.requestId).toBe(id);
  });

  it('a client-chosen id is kept, and one that is not a plain token is replaced', async () => {
    const ok = await fetch(new URL('/healthz', t.url), { headers: { 'x-request-id': 'trace-abc.1' } });
    expect(ok.headers.get('x-request-id')).toBe('trace-abc.1');
    const odd = await fetch(new URL('/healthz', t.url), { headers: { 'x-request-id': 'a b"<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('each WebSocket operation gets its own id in its log line', async () => {
    const client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.keys.viewer}` }, retryAttempts: 0 });
    const once = () =>
      new Promise<void>((resolve, reject) => {
        client.subscribe({ query: 'query OverSocket { viewer { role } }' }, { next: () => undefined, error: reject, complete: resolve });
      });
    await once();
    await once();
    await client.dispose();
    const ids = lines.filter((l) => l.msg === 'graphql' && l.op === 'OverSocket').map((l) => l.requestId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('request bodies', () => {
  it('a chunked POST (no Content-Length) is accepted', async () => {
    const body = JSON.stringify({ query: '{ viewer { role } }' });
    const res = await postChunked([body.slice(0, 5), body.slice(5)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data).toEqual({ viewer: { role: 'viewer' } });
  });

  it('a chunked POST over the cap gets 413 naming the configured limit, and the server keeps serving', async () => {
    const filler = 'x'.repeat(16 * 1024);
    const res = await postChunked(['{"query":"{ viewer { role } }","x":"', ...Array.from({ length: 8 }, () => filler), '"}']);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(JSON.parse(res.body).errors[0].message).toContain(String(LIMIT));
    await healthy();
  });

  it('a declared body over the cap gets a 413 the client can read (not a reset)', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.viewer}` },
      body: JSON.stringify({ query: '{ viewer { role } }', x: 'y'.repeat(LIMIT * 4) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].message).toContain(`the limit is ${LIMIT} bytes`);
    await healthy();
  });
});

describe('authentication comes first', () => {
  it('a request without a key is refused before its body is parsed', async () => {
    // Not even JSON: a parser would answer 400; authentication answers first.
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ not json' });
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer og_nope' }, body: '{ not json' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).errors[0].message).toMatch(/invalid or revoked/);
    await healthy();
  });

  it('GraphiQL still loads without a key (a browser page carries none)', async () => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
  });
});
