// Trusted documents: the server loads the persisted-documents.json that this project's own
// codegen.ts writes (test/generated/), clients send {"documentId": <the document's
// __meta__.hash>} as GraphQL Code Generator's client preset does, and with
// PERSISTED_DOCUMENTS_ONLY=below-admin viewers and editors can run nothing else (admins keep
// ad-hoc access). Over HTTP (POST, GET, SSE) and WebSocket alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import { loadPersistedDocuments, PersistedDocumentsError } from '../src/graphql/persisted-documents.ts';
import { createServer } from '../src/server.ts';
import { ActivityAddedDocument, CreateUseCaseDocument, ViewerDocument } from './generated/graphql.ts';
import { startTestServer, type TestRole, type TestServer } from './support/server.ts';

const MANIFEST = path.resolve(import.meta.dirname, 'generated/persisted-documents.json');

/** What the client preset puts in each generated document: its hash, the key in persisted-documents.json. */
function documentId(document: unknown): string {
  return (document as { __meta__: { hash: string } }).__meta__.hash;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ PERSISTED_DOCUMENTS: MANIFEST, PERSISTED_DOCUMENTS_ONLY: 'below-admin' });
});
afterAll(() => t?.close());

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('condition not reached');
}

async function post(role: TestRole, body: object) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys[role]}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('persisted documents over HTTP', () => {
  it('runs a query and a mutation named by documentId, as the client preset sends them', async () => {
    const viewer = await post('viewer', { documentId: documentId(ViewerDocument) });
    expect(viewer).toMatchObject({ status: 200, body: { data: { viewer: { role: 'viewer' } } } });
    expect(viewer.body.errors).toBeUndefined();

    const created = await post('editor', {
      documentId: documentId(CreateUseCaseDocument),
      variables: { input: { name: 'trusted', teamEmail: 'ml@example.com' } },
    });
    expect(created.body.data?.createUseCase).toMatchObject({ __typename: 'CreateUseCasePayload', useCase: { name: 'trusted' } });
  });

  it('runs a query named by ?documentId= on GET', async () => {
    const url = new URL(t.url);
    url.searchParams.set('documentId', documentId(ViewerDocument));
    const res = await fetch(url, { headers: { authorization: `Bearer ${t.keys.viewer}`, accept: 'application/json' } });
    expect(await res.json()).toMatchObject({ data: { viewer: { name: 'key:test-viewer', role: 'viewer' } } });
  });

  it('refuses ad-hoc documents below admin with PERSISTED_QUERY_ONLY, and runs them for an admin', async () => {
    const refused = await post('editor', { query: '{ viewer { role } }' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(refused.body.data).toBeUndefined();

    const admin = await post('admin', { query: '{ viewer { role } }' });
    expect(admin.body).toMatchObject({ data: { viewer: { role: 'admin' } } });
  });

  it('answers an unknown documentId with PERSISTED_QUERY_NOT_FOUND, and neither id nor query with PERSISTED_QUERY_ID_REQUIRED', async () => {
    const unknown = await post('viewer', { documentId: 'f'.repeat(64) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect(unknown.body.errors?.[0]?.message).toContain('f'.repeat(64));

    const neither = await post('viewer', { variables: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });

  it('streams a subscription named by documentId over SSE', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${t.keys.viewer}` },
      body: JSON.stringify({ documentId: documentId(ActivityAddedDocument), variables: {} }),
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await waitFor(() => t.server.services.bus.listenerCount() === 1); // the server has subscribed
    await post('editor', { documentId: documentId(CreateUseCaseDocument), variables: { input: { name: 'over-sse-trusted', teamEmail: 'ml@example.com' } } });
    let text = '';
    while (!text.includes('over-sse-trusted')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    expect(text).toMatch(/event: next\ndata: .*over-sse-trusted/);
    await waitFor(() => t.server.services.bus.listenerCount() === 0);
  });
});

describe('persisted documents over WebSocket', () => {
  function connect(role: TestRole) {
    return createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${t.keys[role]}` },
      retryAttempts: 0,
    });
  }

  it('runs a documentId sent with an empty query, refuses ad-hoc text below admin, and accepts a trusted document by its text', async () => {
    const client = connect('viewer');
    try {
      // graphql-ws requires a `query` string: "" plus the documentId.
      const byId = await client.iterate({ query: '', documentId: documentId(ViewerDocument) } as never).next();
      expect(byId.value).toMatchObject({ data: { viewer: { name: 'key:test-viewer', role: 'viewer' } } });

      const adHoc = client.iterate({ query: '{ viewer { role } }' }).next();
      await expect(adHoc).rejects.toMatchObject([{ extensions: { code: 'PERSISTED_QUERY_ONLY' } }]);

      // A client that sends the full text of a trusted document sends that document.
      const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
      const byText = await client.iterate({ query: manifest[documentId(ViewerDocument)]! }).next();
      expect(byText.value).toMatchObject({ data: { viewer: { name: 'key:test-viewer', role: 'viewer' } } });

      const unknown = client.iterate({ query: '', documentId: 'nope' } as never).next();
      await expect(unknown).rejects.toMatchObject([{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    } finally {
      await client.dispose();
    }
  });

  it('subscribes by documentId and receives live entries', async () => {
    const client = connect('viewer');
    try {
      const events = client.iterate<{ activityAdded: { description: string } }>({ query: '', documentId: documentId(ActivityAddedDocument), variables: {} } as never);
      const first = events.next();
      await waitFor(() => t.server.services.bus.listenerCount() === 1); // the server has subscribed
      await post('editor', { documentId: documentId(CreateUseCaseDocument), variables: { input: { name: 'over-ws-trusted', teamEmail: 'ml@example.com' } } });
      const { value } = await first;
      expect(value?.data?.activityAdded.description).toContain('over-ws-trusted');
      await events.return?.();
    } finally {
      await client.dispose();
    }
  });

  it('the server is healthy and still serves ad-hoc admin queries afterwards', async () => {
    expect((await fetch(new URL('/healthz', t.url))).status).toBe(200);
    expect(await t.client('admin').request(print(ViewerDocument))).toEqual({ viewer: { name: expect.any(String), role: 'admin' } });
  });
});

describe('loading persisted documents', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-pd-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a folder of client builds, merging them', () => {
    fs.copyFileSync(MANIFEST, path.join(dir, 'web.json'));
    fs.writeFileSync(path.join(dir, 'cli.json'), JSON.stringify({ abc: 'query OnlyInCli { viewer { role } }' }));
    const docs = loadPersistedDocuments(dir);
    const generated = Object.keys(JSON.parse(fs.readFileSync(MANIFEST, 'utf8')));
    expect(docs.size).toBe(generated.length + 1);
    expect(docs.get('abc')).toContain('OnlyInCli');
    expect(docs.operationNames).toContain('OnlyInCli');
    expect(docs.operationNames).toContain('Viewer');
  });

  it('refuses a hash that names two different documents, and a document that does not parse', () => {
    const bad = fs.mkdtempSync(path.join(dir, 'bad-'));
    fs.writeFileSync(path.join(bad, 'a.json'), JSON.stringify({ h: 'query A { viewer { role } }' }));
    fs.writeFileSync(path.join(bad, 'b.json'), JSON.stringify({ h: 'query B { viewer { role } }' }));
    expect(() => loadPersistedDocuments(bad)).toThrow(/names a different document/);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ h: 'query {' }));
    expect(() => loadPersistedDocuments(broken)).toThrow(PersistedDocumentsError);
  });

  it('a server with a missing PERSISTED_DOCUMENTS does not start, and says why', async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, 'data-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', PERSISTED_DOCUMENTS: path.join(dir, 'missing.json') });
    await expect(createServer(config)).rejects.toThrow(/PERSISTED_DOCUMENTS: .*missing\.json does not exist/);
    expect(() => loadConfig({ DATA_DIR: dataDir, PERSISTED_DOCUMENTS_ONLY: 'below-admin' })).toThrow(/needs PERSISTED_DOCUMENTS/);
  });
});
