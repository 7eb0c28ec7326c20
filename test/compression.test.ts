// Response compression over real HTTP, read as raw bytes (node:http does not decompress, so
// the test sees what went over the wire): JSON of 1 KiB or more is br or gzip when accepted,
// small answers, SSE streams and stored-file downloads are not; GraphiQL's 9 MB page is sent
// compressed with an ETag and answered 304 when the browser already has it.
import http from 'node:http';
import zlib from 'node:zlib';
import { getIntrospectionQuery, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../src/http/compression.ts';
import { ActivityAddedDocument, CreateUseCaseDocument, UploadFileDocument } from './generated/graphql.ts';
import { multipartRequest } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function graphql(query: string, acceptEncoding?: string, variables: object = {}): Promise<Raw> {
  return raw(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.viewer}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    body: JSON.stringify({ query, variables }),
  });
}

function decode(r: Raw): Buffer {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(r.body);
  if (encoding === 'gzip') return zlib.gunzipSync(r.body);
  return r.body;
}

describe('GraphQL responses', () => {
  const introspection = getIntrospectionQuery();

  it('a large JSON result is br for a browser-like Accept-Encoding and gzip when br is refused', async () => {
    const plain = await graphql(introspection);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.length).toBeGreaterThan(10_000);

    const br = await graphql(introspection, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(decode(br).equals(plain.body)).toBe(true);

    const gzip = await graphql(introspection, 'br;q=0, gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(gzip).toString('utf8')).data.__schema.queryType.name).toBe('Query');
  });

  it('a small result is sent as it is', async () => {
    const small = await graphql('{ viewer { role } }', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({ data: { viewer: { role: 'viewer' } } });
  });

  it('an SSE stream is not compressed (events must arrive one by one)', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-encoding': 'gzip, br', authorization: `Bearer ${t.keys.viewer}` },
      body: JSON.stringify({ query: print(ActivityAddedDocument), variables: {} }),
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    // Yoga marks its SSE responses "Content-Encoding: none" (so proxies leave them alone too).
    expect(res.headers.get('content-encoding') ?? 'none').toBe('none');
    await res.body!.cancel();
  });

  it('/metrics is gzip for Prometheus', async () => {
    const res = await raw(new URL('/metrics', t.url).href, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(decode(res).toString('utf8')).toContain('opsgraph_http_responses_total');
  });

  it('a stored file is downloaded as stored, whatever the client accepts', async () => {
    const created = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'download', teamEmail: 'ml@example.com' } });
    if (created.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error('no use case');
    const content = JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ i, text: 'same text again' })) });
    const up = await multipartRequest(t.url, t.keys.editor, UploadFileDocument, { input: { ownerId: created.createUseCase.useCase.id, fileType: 'DATASET', file: null as never } }, [
      { path: 'variables.input.file', filename: 'rows.json', contentType: 'application/json', body: content },
    ]);
    const payload = up.body.data!.uploadFile;
    if (payload.__typename !== 'UploadFilePayload') throw new Error(JSON.stringify(up.body));
    const dl = await raw(payload.file.downloadUrl!, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-encoding']).toBeUndefined();
    expect(dl.body.toString('utf8')).toBe(content);
  });
});

describe('the GraphiQL page', () => {
  const page = (headers: Record<string, string>) => raw(t.url, { headers: { accept: 'text/html', ...headers } });

  it('is sent compressed with an ETag, and answered 304 while unchanged', async () => {
    const first = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const html = decode(first);
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(first.body.length).toBeLessThan(html.length / 3);
    expect(html.toString('utf8')).toMatch(/graphiql/i);

    const again = await page({ 'accept-encoding': 'gzip, deflate, br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    const gzip = await page({ 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip).equals(html)).toBe(true);

    const identity = await page({});
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(html)).toBe(true);
    // The page is the same in every encoding: any of its tags revalidates it.
    expect((await page({ 'if-none-match': etag })).status).toBe(304);
    expect((await page({ 'if-none-match': '"something-else"' })).status).toBe(200);
  });
});

describe('Accept-Encoding negotiation', () => {
  it('prefers br, honours q-values and *, and refuses what q=0 excludes', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, identity')).toBeNull();
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});
