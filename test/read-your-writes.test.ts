// Read your writes over HTTP (issue 16, milestone 2), on a real gateway driven by
// graphql-request. A mutation answers with its commit position (the highest activity seq its
// transaction wrote) in `extensions.commitPosition` and the `opsgraph-commit-position`
// header; a request with `opsgraph-min-position: N` runs once reads have reached N, or gets
// REPLICA_BEHIND (503, Retry-After) after READ_YOUR_WRITES_TIMEOUT_MS; a bad header value is
// a 400. Embedded SQLite here (reads see every commit at once), and the header on the
// PostgreSQL write store.
import { ClientError, GraphQLClient } from 'graphql-request';
import { createClient, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { CaughtUpProgress } from '../src/db/caught-up-progress.ts';
import { ReplicaBehindError } from '../src/db/commit-position.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { openServices } from '../src/services.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { startTestServerOn } from './support/write-store.ts';

const CREATE = `mutation($name: String!) {
  createUseCase(input: { name: $name, teamEmail: "ryw@example.com" }) {
    __typename
    ... on CreateUseCasePayload { useCase { id name } }
  }
}`;
const READ = `query { viewer { name } }`;

type Raw = Awaited<ReturnType<GraphQLClient['rawRequest']>>;

function client(t: TestServer, headers: Record<string, string> = {}): GraphQLClient {
  return new GraphQLClient(t.url, { headers: { authorization: `Bearer ${t.keys.editor}`, ...headers } });
}

const positionOf = (res: Raw) => (res.extensions as { commitPosition?: number } | undefined)?.commitPosition;

/** The error graphql-request throws for a non-2xx answer. */
async function refusal(p: Promise<unknown>): Promise<ClientError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ClientError)) throw new Error(`expected a ClientError, got ${String(err)}`);
  return err;
}

describe('READ_YOUR_WRITES_TIMEOUT_MS', () => {
  it('defaults to 5000 ms and takes 0..60000; anything else stops the start with a message naming it', () => {
    expect(loadConfig({}).readYourWrites.timeoutMs).toBe(5000);
    expect(loadConfig({ READ_YOUR_WRITES_TIMEOUT_MS: '0' }).readYourWrites.timeoutMs).toBe(0);
    for (const bad of ['-1', '60001', '1.5', 'soon']) {
      expect(() => loadConfig({ READ_YOUR_WRITES_TIMEOUT_MS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ READ_YOUR_WRITES_TIMEOUT_MS: bad }), bad).toThrow(/READ_YOUR_WRITES_TIMEOUT_MS/);
    }
  });
});

describe('read your writes, embedded SQLite', () => {
  let t: TestServer;
  const maxSeq = () => Number(t.server.services.db.sql.get<{ seq: number }>('SELECT max(seq) AS seq FROM "ActivityLogEntry"')?.seq ?? 0);

  beforeAll(async () => {
    t = await startTestServer({ READ_YOUR_WRITES_TIMEOUT_MS: '50' });
  });
  afterAll(() => t?.close());

  it('a mutation answers with the activity seq it wrote, in extensions.commitPosition and the opsgraph-commit-position header', async () => {
    const first = await client(t).rawRequest(CREATE, { name: 'first' });
    const p1 = positionOf(first);
    expect(p1).toBe(maxSeq());
    expect(first.extensions).not.toHaveProperty('replicaBehind'); // reads see the commit at once
    expect(first.headers.get('opsgraph-commit-position')).toBe(String(p1));
    const entry = t.server.services.db.sql.get<{ seq: number; subjectType: string }>('SELECT seq, subjectType FROM "ActivityLogEntry" ORDER BY seq DESC LIMIT 1');
    expect(entry).toEqual({ seq: p1, subjectType: 'UseCase' });

    const second = await client(t).rawRequest(CREATE, { name: 'second' });
    expect(positionOf(second)).toBe(p1! + 1);
    expect(second.headers.get('opsgraph-commit-position')).toBe(String(p1! + 1));
  });

  it('a query that writes nothing carries no position', async () => {
    const res = await client(t).rawRequest(READ);
    expect(positionOf(res)).toBeUndefined();
    expect(res.headers.get('opsgraph-commit-position')).toBeNull();
  });

  it('opsgraph-min-position at or below what reads see runs at once', async () => {
    const now = t.server.services.progress.applied();
    expect(now).toBe(maxSeq());
    for (const min of [0, 1, now]) {
      const res = await client(t, { 'opsgraph-min-position': String(min) }).rawRequest(READ);
      expect(res.data).toEqual({ viewer: { name: 'key:test-editor' } });
    }
  });

  it('above it: REPLICA_BEHIND with 503 and Retry-After once the wait runs out; after the next write the same request runs', async () => {
    const ahead = t.server.services.progress.applied() + 1;
    const err = await refusal(client(t, { 'opsgraph-min-position': String(ahead) }).rawRequest(READ));
    expect(err.response.status).toBe(503);
    expect(err.response.headers.get('retry-after')).toBe('1');
    expect(err.response.errors?.[0]?.extensions).toMatchObject({ code: 'REPLICA_BEHIND', position: ahead, applied: ahead - 1, timeoutMs: 50 });
    expect(err.response.errors?.[0]?.message).toMatch(/retry/);

    const write = await client(t).rawRequest(CREATE, { name: 'catch up' });
    expect(positionOf(write)).toBe(ahead);
    const res = await client(t, { 'opsgraph-min-position': String(ahead) }).rawRequest(READ);
    expect(res.data).toEqual({ viewer: { name: 'key:test-editor' } });
  });

  it('a waiting request is released by the commit it waits for (progress.waitFor wakes on the bus)', async () => {
    const { progress } = t.server.services;
    const target = progress.applied() + 1;
    const waiting = progress.waitFor(target, 30_000);
    await client(t).rawRequest(CREATE, { name: 'wakes the waiter' });
    await expect(waiting).resolves.toBeUndefined();
    expect(progress.applied()).toBe(target);
    await expect(progress.waitFor(target + 1, 0)).rejects.toBeInstanceOf(ReplicaBehindError);
  });

  it('a bad opsgraph-min-position is a 400 BAD_USER_INPUT naming the header', async () => {
    for (const bad of ['abc', '-1', '1.5', '1e3', '0x10', ' ', '99999999999', '2147483648', '12345678901234567890']) {
      const err = await refusal(client(t, { 'opsgraph-min-position': bad }).rawRequest(READ));
      expect(err.response.status, bad).toBe(400);
      expect(err.response.errors?.[0]?.extensions, bad).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(err.response.errors?.[0]?.message, bad).toMatch(/opsgraph-min-position/);
    }
  });

  it('a caller without a key is refused before any wait (401, not 503)', async () => {
    const anonymous = new GraphQLClient(t.url, { headers: { 'opsgraph-min-position': String(t.server.services.progress.applied() + 100) } });
    const err = await refusal(anonymous.rawRequest(READ));
    expect(err.response.status).toBe(401);
  });
});

describe('read your writes over graphql-ws, embedded SQLite', () => {
  let t: TestServer;
  let ws: ReturnType<typeof createClient>;
  beforeAll(async () => {
    t = await startTestServer({ READ_YOUR_WRITES_TIMEOUT_MS: '50' });
    ws = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.keys.editor}` }, retryAttempts: 0 });
  });
  afterAll(async () => {
    await ws?.dispose();
    await t?.close();
  });

  /** One operation over the socket; its result (data, errors, extensions). An operation refused before it runs ends in the `error` sink with its GraphQL errors. */
  function run(query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      let result: ExecutionResult | undefined;
      ws.subscribe({ query, variables, extensions }, {
        next: (r) => (result = r as ExecutionResult),
        error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)),
        complete: () => resolve(result!),
      });
    });
  }

  it('a mutation over the socket carries extensions.commitPosition', async () => {
    const res = await run(CREATE, { name: 'over ws' });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.commitPosition).toBe(t.server.services.progress.applied());
  });

  it('extensions.minPosition: runs when reached, REPLICA_BEHIND above it, BAD_USER_INPUT when not a position', async () => {
    const now = t.server.services.progress.applied();
    expect((await run(READ, undefined, { minPosition: now })).data).toEqual({ viewer: { name: 'key:test-editor' } });
    const behind = await run(READ, undefined, { minPosition: now + 1 });
    expect(behind.data).toBeUndefined();
    expect(behind.errors?.[0]?.extensions).toMatchObject({ code: 'REPLICA_BEHIND', position: now + 1, applied: now });
    for (const bad of [-1, 1.5, 'abc', { n: 1 }, 2 ** 40]) {
      const res = await run(READ, undefined, { minPosition: bad });
      expect(res.errors?.[0]?.extensions, JSON.stringify(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    await run(CREATE, { name: 'over ws again' });
    expect((await run(READ, undefined, { minPosition: String(now + 1) })).data).toEqual({ viewer: { name: 'key:test-editor' } });
  });
});

describe('read your writes when local reads do not catch up', () => {
  // A gateway whose reads stay at position 0 whatever commits (as a stalled replica would):
  // the real services and database, with a progress that never advances.
  let dataDir: string;
  let server: RunningServer;
  const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-ryw-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey, READ_YOUR_WRITES_TIMEOUT_MS: '30' });
    const services = await openServices(config, { bootstrapKeys: true });
    services.progress = new CaughtUpProgress({ applied: () => 0, onCommit: () => () => {} });
    server = await startServer(services, { onClose: () => services.close() });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a mutation still answers with its data and position (it has committed), plus extensions.replicaBehind', async () => {
    const res = await new GraphQLClient(server.url, { headers: { authorization: `Bearer ${adminKey}` } }).rawRequest<{ createUseCase: { __typename: string } }>(CREATE, { name: 'stalled' });
    expect(res.status).toBe(200);
    expect(res.data.createUseCase.__typename).toBe('CreateUseCasePayload');
    expect(res.extensions).toMatchObject({ commitPosition: 1, replicaBehind: { code: 'REPLICA_BEHIND', applied: 0, timeoutMs: 30 } });
    expect(res.headers.get('opsgraph-commit-position')).toBe('1');
    const err = await refusal(new GraphQLClient(server.url, { headers: { authorization: `Bearer ${adminKey}`, 'opsgraph-min-position': '1' } }).rawRequest(READ));
    expect(err.response.status).toBe(503);
  });
});

describe('read your writes, PostgreSQL write store', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServerOn('postgresql');
  }, 120_000);
  afterAll(() => t?.close());

  it('a mutation answers with the seq PostgreSQL gave its activity entry, in the header and the extension', async () => {
    const first = await client(t).rawRequest(CREATE, { name: 'on postgres' });
    const second = await client(t).rawRequest(CREATE, { name: 'on postgres again' });
    const c = new pg.Client({ connectionString: t.server.services.config.postgresUrl });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT seq FROM "ActivityLogEntry" WHERE "subjectType" = 'UseCase' ORDER BY seq DESC LIMIT 2`);
      const [newest, before] = rows.map((r) => r.seq as number);
      expect(positionOf(first)).toBe(before);
      expect(positionOf(second)).toBe(newest);
      expect(newest).toBe(before! + 1);
      expect(first.headers.get('opsgraph-commit-position')).toBe(String(before));
      expect(second.headers.get('opsgraph-commit-position')).toBe(String(newest));
    } finally {
      await c.end();
    }
    const read = await client(t, { 'opsgraph-min-position': String(positionOf(second)) }).rawRequest(READ);
    expect(read.data).toEqual({ viewer: { name: 'key:test-editor' } });
  });
});
