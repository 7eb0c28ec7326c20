// Scale-out milestone 3: PostgreSQL restarted (an immediate stop — a crash, with recovery at
// start) while three gateways take a write load. This file runs its own PostgreSQL server,
// so the run's shared one is not disturbed. While it is down, writes fail with a typed,
// retryable error (STORE_UNAVAILABLE); afterwards every gateway's replication stream
// reconnects (/readyz 200 again), every acknowledged write is in PostgreSQL, and every
// replica holds exactly PostgreSQL's rows (a transaction applied twice would add rows or
// fail on a key). A subscriber on B sees every entry once, in order, across the restart.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSeqCursor } from '../src/graphql/page.ts';
import type { ChildServer } from './support/child-server.ts';
import { databaseUrl, type PostgresServer, startPostgres } from './support/postgres.ts';
import {
  eventually,
  type GatewaySpec,
  gatewaySpec,
  pgQuery,
  postgresIds,
  readyz,
  removeGatewayDirs,
  replicaIds,
  sameEntries,
  startGateway,
  subscribe,
  waitForSubscribers,
  writeLoad,
} from './support/scale-out.ts';

const adminKey = `og_test_admin_${Math.random().toString(36).slice(2)}_${Date.now()}`;
let server: PostgresServer;
let url: string;
const specs: GatewaySpec[] = ['a', 'b', 'c'].map(gatewaySpec);
const gateways: ChildServer[] = [];

beforeAll(async () => {
  // Durable (fsync, synchronous_commit on): with the test cluster's synchronous_commit=off,
  // PostgreSQL itself acknowledges commits that an immediate stop then loses (seen here).
  server = await startPostgres({ durable: true });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE opsgraph_restart');
  await admin.end();
  url = databaseUrl(server, 'opsgraph_restart');
  gateways.push(await startGateway(specs[0]!, url, adminKey));
  gateways.push(...(await Promise.all([startGateway(specs[1]!, url, adminKey), startGateway(specs[2]!, url, adminKey)])));
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  removeGatewayDirs(specs);
  await server?.stop(); // the server, its database and the gateways' slots go with its folder
});

const maxSeq = async () => Number((await pgQuery<{ n: number }>(url, 'SELECT coalesce(max(seq), 0)::int AS n FROM "ActivityLogEntry"'))[0]!.n);

const CREATE = `mutation { createUseCase(input: { name: "during the outage", teamEmail: "down@example.com" }) { __typename } }`;

describe('PostgreSQL restarted under load', () => {
  it('writes fail typed and retryable while it is down; gateways resume; nothing acknowledged is lost, nothing applied twice', async () => {
    const [a, b, c] = gateways as [ChildServer, ChildServer, ChildServer];
    const start = await maxSeq();
    const onB = subscribe(b, adminKey, encodeSeqCursor(start));
    await waitForSubscribers(b, 1);
    const load = writeLoad(
      gateways.map((g, i) => ({ name: 'abc'[i]!, url: g.url })),
      adminKey,
      { concurrency: 2, pauseMs: 10 },
    );
    const outage: Array<{ status: number; body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> = [];
    try {
      await eventually(() => load.acknowledged.length >= 30, 20_000, '30 writes before the restart');
      await server.restart({
        mode: 'immediate',
        whileDown: async () => {
          // One write on each gateway while nothing listens on PostgreSQL's port.
          for (const g of gateways) {
            const res = await fetch(g.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
              body: JSON.stringify({ query: CREATE }),
            });
            outage.push({ status: res.status, body: (await res.json()) as never });
          }
          // The load keeps trying meanwhile: until each gateway has refused some of it.
          await eventually(() => new Set(load.failures.map((f) => f.gateway)).size === 3, 30_000, 'load refused on every gateway');
        },
      });
      for (const g of gateways) await eventually(async () => (await readyz(g)).status === 200, 30_000, `${g.origin} ready again`);
      const backAt = load.acknowledged.length;
      await eventually(() => load.acknowledged.length >= backAt + 30, 20_000, '30 writes after the restart');
    } finally {
      await load.stop();
    }

    // While it was down: a typed error a client can act on, not a masked INTERNAL_SERVER_ERROR.
    for (const o of outage) {
      expect(o.body.errors?.[0]?.extensions, JSON.stringify(o.body)).toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });
    }
    expect(outage).toHaveLength(3);
    for (const f of load.failures) expect(f, JSON.stringify(f)).toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });

    const top = await maxSeq();
    for (const [i, g] of gateways.entries()) {
      await eventually(async () => Number((await readyz(g)).body?.replica?.appliedSeq) >= top, 20_000, `replica ${i} at the last seq`);
    }
    const upstream = await postgresIds(url);
    const stored = new Set(upstream.useCases);
    expect(load.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // "Nothing was changed" (maybeApplied: false) is true: none of those writes is there.
    const names = new Set((await pgQuery<{ name: string }>(url, 'SELECT name FROM "UseCase"')).map((r) => r.name));
    const notApplied = load.failures.filter((f) => f.maybeApplied === false);
    expect(notApplied.length).toBeGreaterThan(0);
    expect(notApplied.filter((f) => names.has(f.name)).map((f) => f.name)).toEqual([]);
    expect(names.has('during the outage')).toBe(false);
    expect(outage.every((o) => o.body.errors?.[0]?.extensions?.maybeApplied === false)).toBe(true);
    for (const spec of specs) expect(replicaIds(spec)).toEqual(upstream);

    await eventually(() => (onB.received.at(-1)?.seq ?? 0) >= top || onB.failure, 20_000, 'the last entry on B');
    await onB.dispose();
    expect(onB.failure).toBeNull();
    const same = sameEntries(onB.received, upstream.activity.filter((e) => e.seq > start));
    expect(same.detail).toBe('');
    for (const g of [a, b, c]) expect(g.alive(), g.stderr()).toBe(true);
  });
});
