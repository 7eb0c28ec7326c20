// Scale-out milestone 2 end to end: two real gateways (A, B) in PostgreSQL mode on one real
// PostgreSQL, each serving reads from its own local replica. A write on A becomes readable on
// B (list, FTS5 search), B's subscribers receive it, /readyz and /metrics report B's replica,
// and B restarted resumes its slot without applying anything twice, or rebuilds a wiped file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestServer } from './support/server.ts';
import { startTestServer } from './support/server.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';

let database: WriteStoreDatabase;
let a: TestServer;
let b: TestServer;
const bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-gateway-b-'));

const startB = () => startTestServer({ DATABASE_URL: database.url, DATA_DIR: bDir, REPLICA_ID: 'gateway-b' });

beforeAll(async () => {
  database = await createWriteStoreDatabase();
  a = await startTestServer({ DATABASE_URL: database.url, REPLICA_ID: 'gateway-a' });
  b = await startB();
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.server.close();
  fs.rmSync(bDir, { recursive: true, force: true });
  await database?.drop(); // drops both gateways' slots first (test/support/write-store.ts)
});

/** Polls `fn` until it returns a truthy value (bounded). */
async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`not visible within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function pgCount(sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  try {
    return Number((await c.query(sql)).rows[0].n);
  } finally {
    await c.end();
  }
}

const jobOnB = (id: string) =>
  b.client('viewer').request<{ job: { jobName: string } | null }>(`query($id: ID!) { job(id: $id) { jobName } }`, { id: Buffer.from(`Job:${id}`).toString('base64url') });

describe('two gateways on one PostgreSQL, each with its own replica', () => {
  it('each gateway has its own slot on the opsgraph publication', async () => {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const slots = await c.query(`SELECT slot_name, plugin FROM pg_replication_slots WHERE database = current_database() ORDER BY slot_name`);
      expect(slots.rows).toEqual([
        { slot_name: 'opsgraph_gateway_a', plugin: 'pgoutput' },
        { slot_name: 'opsgraph_gateway_b', plugin: 'pgoutput' },
      ]);
      const published = await c.query(`SELECT tablename FROM pg_publication_tables WHERE pubname = 'opsgraph'`);
      expect(published.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['UseCase', 'Job', 'ActivityLogEntry', 'StoredFile']));
    } finally {
      await c.end();
    }
  });

  it('a write on A is readable on B: lists, use cases with activity, and FTS5 search', async () => {
    await a.client('editor').request(`mutation { createJob(input: { id: "ab-1", jobName: "Replicated kettle launch", product: "Kettle" }) { __typename } }`);
    await a.client('editor').request(`mutation { createUseCase(input: { name: "Seen on B", teamEmail: "b@example.com" }) { __typename } }`);
    const uc = await eventually(async () => {
      const r = await b.client('viewer').request<{ useCases: { edges: Array<{ node: { name: string; activity: { edges: Array<{ node: { activityType: string } }> } } }> } }>(
        `{ useCases(first: 5) { edges { node { name activity(first: 5) { edges { node { activityType } } } } } } }`,
      );
      return r.useCases.edges.find((e) => e.node.name === 'Seen on B');
    });
    expect(uc.node.activity.edges.map((e) => e.node.activityType)).toEqual(['use_case_created']);
    expect((await jobOnB('ab-1')).job).toEqual({ jobName: 'Replicated kettle launch' });
    const search = await b.client('viewer').request<{ searchJobs: { edges: Array<{ node: { jobName: string } }> } }>(
      `{ searchJobs(query: "kettl", first: 5) { ... on JobSearchConnection { edges { node { jobName } } } } }`,
    );
    expect(search.searchJobs.edges.map((e) => e.node.jobName)).toEqual(['Replicated kettle launch']);
  });

  it("subscribers on B and on A receive A's write once each, when it is readable there", async () => {
    const subscribeOn = (g: TestServer) => {
      const client = createClient({ url: g.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${g.keys.viewer}` }, retryAttempts: 0 });
      const received: Array<{ activityType: string; cursor: string }> = [];
      const state = { failure: null as unknown };
      client.subscribe<{ activityAdded: (typeof received)[number] }>(
        { query: `subscription { activityAdded(filter: { types: ["job_created"] }) { activityType cursor } }` },
        { next: (m) => (m.data ? received.push(m.data.activityAdded) : (state.failure = m.errors)), error: (e) => (state.failure = e), complete: () => {} },
      );
      return { client, received, state };
    };
    const onB = subscribeOn(b);
    const onA = subscribeOn(a);
    try {
      await eventually(async () => b.server.services.bus.listenerCount() > 0 && a.server.services.bus.listenerCount() > 0);
      await a.client('editor').request(`mutation { createJob(input: { id: "ab-live", jobName: "Pushed to B" }) { __typename } }`);
      await eventually(async () => (onB.received.length > 0 && onA.received.length > 0) || onA.state.failure || onB.state.failure);
      // Delivered from B's replica: B can already read what it was told about.
      expect((await jobOnB('ab-live')).job).toEqual({ jobName: 'Pushed to B' });
      // A second write, so a duplicate of the first (in-process publish + replica) would have arrived by now.
      await a.client('editor').request(`mutation { createJob(input: { id: "ab-live-2", jobName: "Second" }) { __typename } }`);
      await eventually(async () => onB.received.length > 1 && onA.received.length > 1);
      for (const s of [onA, onB]) {
        expect(s.state.failure).toBeNull();
        expect(s.received.map((e) => e.activityType)).toEqual(['job_created', 'job_created']);
      }
      // The same entries, with the same cursors, on both gateways.
      expect(onA.received.map((e) => e.cursor)).toEqual(onB.received.map((e) => e.cursor));
    } finally {
      await Promise.all([onA.client.dispose(), onB.client.dispose()]);
    }
  });

  it('a key made on A works on B as soon as B\'s replica has it (an earlier refusal is not cached)', async () => {
    const { createApiKey } = await import('../src/auth/api-keys.ts');
    const key = `og_test_cross_${Math.random().toString(36).slice(2)}`;
    const asKey = (k: string) => fetch(b.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` }, body: '{"query":"{ viewer { role } }"}' });
    expect((await asKey(key)).status).toBe(401); // not there yet
    await createApiKey(a.server.services.db, { name: 'cross', role: 'viewer', key });
    expect(await b.server.services.replica!.catchUp(10_000)).toBe(true);
    expect((await asKey(key)).status).toBe(200);
  });

  it('/readyz and /metrics report the replica', async () => {
    const ready = await fetch(b.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, string>; replica: Record<string, unknown> };
    expect(body.checks).toMatchObject({ database: 'ok', replica: 'ok' });
    expect(body.replica).toMatchObject({ slot: 'opsgraph_gateway_b', streaming: true, caughtUp: true, error: null });
    expect(typeof body.replica.lagBytes).toBe('number');
    expect(body.replica.appliedSeq).toBeGreaterThanOrEqual(3);
    const metrics = await (await fetch(b.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^opsgraph_replica_lag_bytes \d+$/m);
    expect(metrics).toMatch(/^opsgraph_replica_applied_seq [1-9]\d*$/m);
    expect(metrics).toMatch(/^opsgraph_replica_caught_up 1$/m);
    expect(metrics).toMatch(/^opsgraph_replica_apply_delay_seconds_count [1-9]\d*$/m);
  });

  it('B restarted resumes its slot: what A wrote meanwhile arrives, nothing is applied twice', async () => {
    await b.server.close();
    await a.client('editor').request(`mutation { createJob(input: { id: "while-b-down", jobName: "Written while B was down" }) { __typename } }`);
    b = await startB();
    expect(fs.existsSync(path.join(bDir, 'replica.db'))).toBe(true);
    await eventually(async () => (await jobOnB('while-b-down')).job);
    // The replica's activity table is PostgreSQL's, row for row (a double apply would fail on the key or add rows).
    const local = b.server.services.db.sql.get<{ n: number }>('SELECT count(*) AS n FROM "ActivityLogEntry"')!.n;
    expect(local).toBe(await pgCount('SELECT count(*) AS n FROM "ActivityLogEntry"'));
    expect(b.server.services.replica!.progress.applied()).toBe(await pgCount('SELECT max(seq) AS n FROM "ActivityLogEntry"'));
  });

  it('a wiped replica file is rebuilt at start from a new snapshot', async () => {
    await b.server.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(bDir, `replica.db${suffix}`), { force: true });
    b = await startB();
    expect((await jobOnB('ab-1')).job).toEqual({ jobName: 'Replicated kettle launch' });
    expect((await fetch(b.url.replace('/graphql', '/readyz'))).status).toBe(200);
    expect(await pgCount(`SELECT count(*) AS n FROM pg_replication_slots WHERE database = current_database()`)).toBe(2);
  });

  it('/readyz is 503 while the replica cannot stream (its slot held by another consumer), 200 once it streams again', async () => {
    await b.server.close();
    // Another consumer holds B's slot (as a second process with the same REPLICA_ID would).
    const holder = new pg.Client({ connectionString: database.url, replication: 'database' } as pg.ClientConfig);
    holder.on('error', () => {});
    await holder.connect();
    const held = holder.query(`START_REPLICATION SLOT opsgraph_gateway_b LOGICAL 0/0 (proto_version '1', publication_names 'opsgraph')`).catch(() => undefined);
    await eventually(async () => (await pgCount(`SELECT count(*) AS n FROM pg_replication_slots WHERE slot_name = 'opsgraph_gateway_b' AND active`)) === 1);
    b = await startB();
    const refused = await eventually(async () => {
      const r = await fetch(b.url.replace('/graphql', '/readyz'));
      const body = (await r.json()) as { checks: Record<string, string> };
      return r.status === 503 && /active/.test(body.checks.replica ?? '') ? body : null;
    });
    expect(refused.checks.replica).toMatch(/replication stream down: .*opsgraph_gateway_b.* is active/);
    await holder.end();
    await held;
    await eventually(async () => (await fetch(b.url.replace('/graphql', '/readyz'))).status === 200, 15_000);
  });
});
