// The HTTP surface besides GraphQL: health, readiness, metrics, GraphiQL, CORS, request ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
let base: URL;
beforeAll(async () => {
  t = await startTestServer({ CORS_ORIGINS: 'https://app.example.com' });
  base = new URL(t.url);
});
afterAll(() => t?.close());

describe('HTTP endpoints', () => {
  it('/healthz and /readyz report ok with the checks they ran', async () => {
    expect(await (await fetch(new URL('/healthz', base))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', blobStore: 'ok' } });
  });

  it('/metrics exposes Prometheus text including GraphQL operation timings', async () => {
    await t.client('viewer').request('{ viewer { role } }');
    const text = await (await fetch(new URL('/metrics', base))).text();
    expect(text).toMatch(/opsgraph_graphql_operation_seconds_count\{operation="anonymous",type="query",status="ok"\} [1-9]/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('GraphiQL is served with its assets inlined (works without internet)', async () => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/graphiql/i);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
  });

  it('CORS allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(t.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.net');
  });

  it('every response carries a request id (the client may choose it)', async () => {
    const res = await fetch(new URL('/healthz', base), { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const own = await fetch(new URL('/healthz', base));
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
