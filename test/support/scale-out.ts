// Helpers for the scale-out failure tests (issue 16, milestone 3): real `opsgraph serve`
// gateway processes on one real PostgreSQL, graphql-ws subscribers that record what they
// receive, a write load that records what was acknowledged, and the checks that compare a
// replica file and the subscribers with PostgreSQL's tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GraphQLClient } from 'graphql-request';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { type ChildServer, spawnServer } from './child-server.ts';

export interface GatewaySpec {
  name: string;
  dataDir: string;
  replicaId: string;
}

/** A gateway's own DATA_DIR and REPLICA_ID, kept across restarts (removed by removeGatewayDirs). */
export function gatewaySpec(name: string): GatewaySpec {
  return { name, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `opsgraph-${name}-`)), replicaId: `scale_${name}` };
}

export function removeGatewayDirs(specs: GatewaySpec[]): void {
  for (const s of specs) fs.rmSync(s.dataDir, { recursive: true, force: true });
}

export function startGateway(spec: GatewaySpec, databaseUrl: string, adminKey: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return spawnServer({ DATABASE_URL: databaseUrl, DATA_DIR: spec.dataDir, REPLICA_ID: spec.replicaId, OPSGRAPH_BOOTSTRAP_ADMIN_KEY: adminKey, ...env });
}

/** Polls `fn` until it returns a truthy value (bounded). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const gql = (g: { url: string }, key: string) => new GraphQLClient(g.url, { headers: { authorization: `Bearer ${key}` } });

export async function readyz(g: { origin: string }): Promise<{ status: number; body: { checks: Record<string, string>; replica?: Record<string, unknown> } | null }> {
  try {
    const r = await fetch(`${g.origin}/readyz`);
    return { status: r.status, body: (await r.json()) as never };
  } catch {
    return { status: 0, body: null };
  }
}

/** One query on PostgreSQL. */
export async function pgQuery<R extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try {
    return (await c.query<R>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export interface TableIds {
  useCases: string[];
  activity: Array<{ id: string; seq: number }>;
}

/** Every UseCase id and every ActivityLogEntry (id, seq) in PostgreSQL, sorted. */
export async function postgresIds(url: string): Promise<TableIds> {
  const useCases = await pgQuery<{ id: string }>(url, 'SELECT id FROM "UseCase" ORDER BY id');
  const activity = await pgQuery<{ id: string; seq: number }>(url, 'SELECT id, seq FROM "ActivityLogEntry" ORDER BY seq');
  return { useCases: useCases.map((r) => r.id), activity: activity.map((r) => ({ id: r.id, seq: Number(r.seq) })) };
}

/** The same, read from a gateway's replica file (read-only; the gateway keeps applying). */
export function replicaIds(spec: GatewaySpec): TableIds {
  const db = new Database(path.join(spec.dataDir, 'replica.db'), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const useCases = db.prepare('SELECT id FROM "UseCase" ORDER BY id').all() as Array<{ id: string }>;
    const activity = db.prepare('SELECT id, seq FROM "ActivityLogEntry" ORDER BY seq').all() as Array<{ id: string; seq: number }>;
    return { useCases: useCases.map((r) => r.id), activity: activity.map((r) => ({ id: r.id, seq: Number(r.seq) })) };
  } finally {
    db.close();
  }
}

/** Activity seq from a cursor (src/graphql/page.ts encodes `seq:<n>`-style text in base64url). */
export function seqOfCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return Number(text.replace(/^\D+/, ''));
}

/** Raw id from a global id ("Type:id" in base64url). */
export function rawId(globalId: string): string {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
}

export interface Received {
  id: string;
  seq: number;
  cursor: string;
}

export interface Subscriber {
  received: Received[];
  failure: unknown;
  completed: boolean;
  /** The last cursor received (or the one it started after). */
  lastCursor(): string | null;
  dispose(): Promise<void>;
}

/** A graphql-ws subscriber of activityAdded on gateway `g`, after `after` if given. */
export function subscribe(g: { url: string }, key: string, after: string | null = null, into: Received[] = []): Subscriber {
  const client = createClient({
    url: g.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
    // The gateway may be killed under it: a closed socket is reported, not thrown.
    on: { error: () => {} },
  });
  const sub: Subscriber = {
    received: into,
    failure: null,
    completed: false,
    lastCursor: () => into.at(-1)?.cursor ?? after,
    dispose: () => Promise.resolve(client.dispose()),
  };
  client.subscribe<{ activityAdded: { id: string; cursor: string } }>(
    { query: `subscription($after: String) { activityAdded(after: $after) { id cursor } }`, variables: { after } },
    {
      next: (m) => {
        if (m.data) into.push({ id: rawId(m.data.activityAdded.id), cursor: m.data.activityAdded.cursor, seq: seqOfCursor(m.data.activityAdded.cursor) });
        else sub.failure = m.errors;
      },
      error: (e) => (sub.failure = e),
      complete: () => (sub.completed = true),
    },
  );
  return sub;
}

/** Waits until gateway `g` reports `n` live activity subscribers in /metrics. */
export async function waitForSubscribers(g: { origin: string }, n: number): Promise<void> {
  await eventually(async () => {
    const text = await fetch(`${g.origin}/metrics`).then((r) => r.text(), () => '');
    const m = /^opsgraph_graphql_subscriptions_active\{transport="ws"\} (\d+)/m.exec(text);
    return m !== null && Number(m[1]) >= n;
  }, 20_000, `${n} subscribers`);
}

export interface WriteLoad {
  /** Raw ids of use cases whose create was acknowledged (HTTP 200 with a payload). */
  acknowledged: string[];
  /** Failures, by what the client saw (an error code, or a transport failure). */
  failures: Array<{ gateway: string; name: string; status: number; code: string | null; retryable: unknown; maybeApplied?: unknown; message: string }>;
  stop(): Promise<void>;
}

/**
 * A steady write load: `concurrency` loops per gateway, each creating use cases one after the
 * other (a short pause between) until stop(). Every answer is recorded.
 */
export function writeLoad(targets: Array<{ name: string; url: string }>, key: string, options: { concurrency?: number; pauseMs?: number } = {}): WriteLoad {
  const load: WriteLoad = { acknowledged: [], failures: [], stop: async () => {} };
  let running = true;
  let n = 0;
  const loops = targets.flatMap((t) =>
    Array.from({ length: options.concurrency ?? 2 }, async () => {
      while (running) {
        const name = `load ${t.name} ${n++}`;
        try {
          const res = await fetch(t.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
            body: JSON.stringify({ query: `mutation($name: String!) { createUseCase(input: { name: $name, teamEmail: "load@example.com" }) { __typename ... on CreateUseCasePayload { useCase { id } } } }`, variables: { name } }),
            // Generous: a write must answer, not hang, even with PostgreSQL gone.
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await res.json().catch(() => null)) as { data?: { createUseCase?: { useCase?: { id: string } } }; errors?: Array<{ message: string; extensions?: { code?: string; retryable?: unknown; maybeApplied?: unknown } }> } | null;
          const id = body?.data?.createUseCase?.useCase?.id;
          if (res.status === 200 && id) load.acknowledged.push(rawId(id));
          else {
            const e = body?.errors?.[0];
            const typed = body?.data?.createUseCase as { __typename?: string } | undefined;
            load.failures.push({ gateway: t.name, name, status: res.status, code: e?.extensions?.code ?? typed?.__typename ?? null, retryable: e?.extensions?.retryable, maybeApplied: e?.extensions?.maybeApplied, message: e?.message ?? '' });
          }
        } catch (err) {
          load.failures.push({ gateway: t.name, name, status: 0, code: null, retryable: undefined, message: (err as Error).message });
        }
        await new Promise((r) => setTimeout(r, options.pauseMs ?? 20));
      }
    }),
  );
  load.stop = async () => {
    running = false;
    await Promise.all(loops);
  };
  return load;
}

/** Seqs in `received` are exactly `expected` (in order: no gap, no duplicate, no reorder). */
export function sameEntries(received: Received[], expected: Array<{ id: string; seq: number }>): { ok: boolean; detail: string } {
  const got = received.map((r) => `${r.seq}:${r.id}`);
  const want = expected.map((r) => `${r.seq}:${r.id}`);
  if (got.length === want.length && got.every((v, i) => v === want[i])) return { ok: true, detail: '' };
  const dupes = got.filter((v, i) => got.indexOf(v) !== i);
  const missing = want.filter((v) => !got.includes(v));
  return { ok: false, detail: `got ${got.length}, want ${want.length}; duplicates ${dupes.slice(0, 5).join(',')}; missing ${missing.slice(0, 5).join(',')}` };
}
